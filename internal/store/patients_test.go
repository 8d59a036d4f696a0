package store_test

import (
	"strconv"
	"testing"

	"goemr/internal/emr"
	"goemr/internal/store"
)

func TestPatients(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		n, err := s.CountPatients(ctx)
		if err != nil || n != 0 {
			t.Fatalf("CountPatients on empty = %d, %v", n, err)
		}
		full := &emr.Patient{Fname: "Phil", Mname: "B", Lname: "Belford", DOB: "1972-02-09", Sex: "Male",
			Email: "phil@example.com", Street: "1 Main St", City: "Boston", State: "MA",
			PostalCode: "02101", PhoneHome: "555-0100"}
		if err := s.CreatePatient(ctx, full); err != nil {
			t.Fatal(err)
		}
		if full.PID != 1 || full.PubPID != "1" || full.UUID == "" || full.Updated.IsZero() {
			t.Errorf("first patient: %+v; want pid 1, pubpid 1, a uuid and a time", full)
		}
		got, err := s.PatientByUUID(ctx, full.UUID)
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "PatientByUUID", full, got)

		imported := &emr.Patient{PID: 40, PubPID: "MRN-40", Fname: "Imported", Lname: "Zed"}
		if err := s.CreatePatient(ctx, imported); err != nil {
			t.Fatal(err)
		}
		next := &emr.Patient{Fname: "Next", Lname: "Zed"}
		if err := s.CreatePatient(ctx, next); err != nil || next.PID != 41 {
			t.Errorf("pid after 40 = %d, %v; want 41 (max + 1)", next.PID, err)
		}
		wantCode(t, "duplicate pid", s.CreatePatient(ctx, &emr.Patient{PID: 40}), emr.ECONFLICT)
		wantCode(t, "duplicate uuid", s.CreatePatient(ctx, &emr.Patient{UUID: full.UUID}), emr.ECONFLICT)
		_, err = s.PatientByUUID(ctx, "nope")
		wantCode(t, "unknown patient", err, emr.ENOTFOUND)
		if n, _ := s.CountPatients(ctx); n != 3 {
			t.Errorf("CountPatients = %d, want 3", n)
		}
	})
}

func TestSearchPatients(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		names := [][2]string{
			{"Phil", "Belford"}, {"Susan", "Underwood"}, {"Wallace", "Buckley"}, {"Brent", "Perez"},
			{"Anna", "belmont"}, {"Percy", "100%_Real"}, {"Ute", "Under_score"}, {"Uwe", "Underxscore"},
		}
		uuid := map[string]string{}
		for _, n := range names {
			p := &emr.Patient{Fname: n[0], Lname: n[1]}
			if err := s.CreatePatient(ctx, p); err != nil {
				t.Fatal(err)
			}
			uuid[n[0]] = p.UUID
		}
		tests := []struct {
			name string
			f    emr.PatientFilter
			want []string // first names, in order
		}{
			{"all, by last then first name, any case", emr.PatientFilter{},
				[]string{"Percy", "Phil", "Anna", "Wallace", "Brent", "Ute", "Susan", "Uwe"}},
			{"last name prefix, any case", emr.PatientFilter{Name: "BEL"}, []string{"Phil", "Anna"}},
			{"first name prefix", emr.PatientFilter{Name: "b"}, []string{"Phil", "Anna", "Wallace", "Brent"}},
			{"prefix only", emr.PatientFilter{Name: "elford"}, nil},
			{"% is literal", emr.PatientFilter{Name: "100%"}, []string{"Percy"}},
			{"% alone matches nothing", emr.PatientFilter{Name: "%"}, nil},
			{"_ is literal", emr.PatientFilter{Name: "under_"}, []string{"Ute"}},
			{"uuids", emr.PatientFilter{UUIDs: []string{uuid["Susan"], uuid["Phil"], "nope"}}, []string{"Phil", "Susan"}},
			{"name and uuids", emr.PatientFilter{Name: "u", UUIDs: []string{uuid["Susan"], uuid["Phil"]}}, []string{"Susan"}},
			{"limit", emr.PatientFilter{Name: "b", Limit: 2}, []string{"Phil", "Anna"}},
		}
		for _, tt := range tests {
			ps, err := s.SearchPatients(ctx, tt.f)
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
				continue
			}
			var got []string
			for _, p := range ps {
				got = append(got, p.Fname)
			}
			diff(t, tt.name, tt.want, got)
		}
	})
}

func TestSearchPatientsLimits(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		for i := range 520 {
			if err := s.CreatePatient(ctx, &emr.Patient{Lname: "L" + strconv.Itoa(i)}); err != nil {
				t.Fatal(err)
			}
		}
		for limit, want := range map[int]int{0: 100, 7: 7, 500: 500, 10000: 500} {
			ps, err := s.SearchPatients(ctx, emr.PatientFilter{Limit: limit})
			if err != nil || len(ps) != want {
				t.Errorf("Limit %d: %d patients, %v; want %d", limit, len(ps), err, want)
			}
		}
	})
}

// Concurrent creations each get their own number, on every engine (on
// PostgreSQL several processes would otherwise read the same max).
func TestCreatePatientRace(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		codes := race(8, func() error { return s.CreatePatient(ctx, &emr.Patient{Lname: "Race"}) })
		if codes[""] != 8 {
			t.Fatalf("outcomes %v; want 8 successes", codes)
		}
		ps, err := s.SearchPatients(ctx, emr.PatientFilter{})
		if err != nil {
			t.Fatal(err)
		}
		seen := map[int64]bool{}
		for _, p := range ps {
			seen[p.PID] = true
		}
		for pid := int64(1); pid <= 8; pid++ {
			if !seen[pid] {
				t.Errorf("pid %d missing; got %v", pid, seen)
			}
		}
	})
}
