package store_test

import (
	"testing"
	"time"

	"goemr/internal/emr"
	"goemr/internal/store"
)

func TestUsers(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		admin := &emr.User{Username: "admin", PasswordHash: "$2y$10$h", Fname: "Ad", Lname: "Min",
			Email: "a@example.com", NPI: "123", Active: true}
		if err := s.CreateUser(ctx, admin); err != nil {
			t.Fatal(err)
		}
		if admin.ID == 0 || admin.UUID == "" || admin.Created.IsZero() {
			t.Errorf("CreateUser did not fill in ID, UUID, Created: %+v", admin)
		}
		given := &emr.User{Username: "bob", UUID: "0190c2a0-0000-7000-8000-000000000001", Created: at(-time.Hour)}
		if err := s.CreateUser(ctx, given); err != nil {
			t.Fatal(err)
		}

		got, err := s.UserByUsername(ctx, "admin")
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "UserByUsername", admin, got)
		got, err = s.UserByUUID(ctx, given.UUID)
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "UserByUUID", given, got)

		wantCode(t, "duplicate username", s.CreateUser(ctx, &emr.User{Username: "admin"}), emr.ECONFLICT)
		wantCode(t, "duplicate uuid", s.CreateUser(ctx, &emr.User{Username: "c", UUID: given.UUID}), emr.ECONFLICT)
		wantCode(t, "no username", s.CreateUser(ctx, &emr.User{}), emr.EINVALID)
		for _, name := range []string{"nobody", ""} {
			_, err = s.UserByUsername(ctx, name)
			wantCode(t, "unknown username "+name, err, emr.ENOTFOUND)
		}
		_, err = s.UserByUUID(ctx, "nope")
		wantCode(t, "unknown uuid", err, emr.ENOTFOUND)

		if err := s.SetUserPassword(ctx, "admin", "$2a$new"); err != nil {
			t.Fatal(err)
		}
		if err := s.SetUserActive(ctx, "admin", false); err != nil {
			t.Fatal(err)
		}
		got, _ = s.UserByUsername(ctx, "admin")
		if got.PasswordHash != "$2a$new" || got.Active {
			t.Errorf("after SetUserPassword/SetUserActive: %+v", got)
		}
		wantCode(t, "password of unknown", s.SetUserPassword(ctx, "nobody", "x"), emr.ENOTFOUND)
		wantCode(t, "activate unknown", s.SetUserActive(ctx, "nobody", true), emr.ENOTFOUND)

		users, err := s.ListUsers(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(users) != 2 || users[0].Username != "admin" || users[1].Username != "bob" {
			t.Errorf("ListUsers = %+v", users)
		}
	})
}

func TestPortalLogins(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		p := &emr.Patient{Fname: "Phil", Lname: "Belford", Email: "heya@invalid.email.com"}
		if err := s.CreatePatient(ctx, p); err != nil {
			t.Fatal(err)
		}
		other, third := &emr.Patient{Fname: "Other"}, &emr.Patient{Fname: "Third"}
		for _, p := range []*emr.Patient{other, third} {
			if err := s.CreatePatient(ctx, p); err != nil {
				t.Fatal(err)
			}
		}
		l := &emr.PortalLogin{PatientUUID: p.UUID, LoginUsername: "Phil1", PasswordHash: "h", Active: true}
		if err := s.CreatePortalLogin(ctx, l); err != nil {
			t.Fatal(err)
		}
		want := &emr.PortalLogin{ID: l.ID, PatientID: p.PID, PatientUUID: p.UUID, LoginUsername: "Phil1",
			PasswordHash: "h", Email: "heya@invalid.email.com", Active: true}
		diff(t, "CreatePortalLogin result", want, l)
		got, err := s.PortalLoginByUsername(ctx, "Phil1")
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "PortalLoginByUsername", want, got)
		got, err = s.PortalLoginByPatientUUID(ctx, p.UUID)
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "PortalLoginByPatientUUID", want, got)

		byPID := &emr.PortalLogin{PatientID: other.PID, LoginUsername: "other"}
		if err := s.CreatePortalLogin(ctx, byPID); err != nil || byPID.PatientUUID != other.UUID {
			t.Errorf("CreatePortalLogin by pid: %+v, %v", byPID, err)
		}

		tests := []struct {
			name string
			l    emr.PortalLogin
			code string
		}{
			{"second login of a patient", emr.PortalLogin{PatientUUID: p.UUID, LoginUsername: "x"}, emr.ECONFLICT},
			{"username taken", emr.PortalLogin{PatientUUID: third.UUID, LoginUsername: "Phil1"}, emr.ECONFLICT},
			{"unknown patient", emr.PortalLogin{PatientUUID: "nope", LoginUsername: "y"}, emr.ENOTFOUND},
			{"no patient", emr.PortalLogin{LoginUsername: "z"}, emr.EINVALID},
			{"no username", emr.PortalLogin{PatientUUID: p.UUID}, emr.EINVALID},
			{"ids disagree", emr.PortalLogin{PatientUUID: p.UUID, PatientID: other.PID, LoginUsername: "w"}, emr.EINVALID},
		}
		for _, tt := range tests {
			wantCode(t, tt.name, s.CreatePortalLogin(ctx, &tt.l), tt.code)
		}
		_, err = s.PortalLoginByUsername(ctx, "nobody")
		wantCode(t, "unknown login", err, emr.ENOTFOUND)
		_, err = s.PortalLoginByPatientUUID(ctx, "nope")
		wantCode(t, "unknown patient's login", err, emr.ENOTFOUND)
	})
}
