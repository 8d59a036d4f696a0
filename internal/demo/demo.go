package demo

import (
	"context"
	"fmt"

	"github.com/google/uuid"

	"goemr/internal/emr"
)

// Accounts of the demo, fixed by DESIGN.md §4.
const (
	AdminUser      = "admin"
	AdminPassword  = "pass"
	PortalUser     = "Phil1"
	PortalPassword = "phil"
	PortalEmail    = "heya@invalid.email.com"
)

// namespace makes demo ids deterministic (UUID v5), so tests and docs can
// name the same patient on every fresh demo database.
var namespace = uuid.MustParse("6f1c1f7e-4c1b-4c39-9a3e-7d1f4b8a2e10")

// ID returns the deterministic UUID of a demo object.
func ID(kind string, n int) string {
	return uuid.NewSHA1(namespace, []byte(fmt.Sprintf("%s-%d", kind, n))).String()
}

// Stores are the services the seed writes through.
type Stores struct {
	Users    emr.UserService
	Patients emr.PatientService
	Settings emr.SettingService
}

// Hasher hashes passwords (the auth package's bcrypt).
type Hasher func(string) (string, error)

// Seed fills an empty database. It reports false, and writes nothing, when
// the database already has users or patients.
func Seed(ctx context.Context, st Stores, hash Hasher) (bool, error) {
	n, err := st.Patients.CountPatients(ctx)
	if err != nil {
		return false, err
	}
	users, err := st.Users.ListUsers(ctx)
	if err != nil {
		return false, err
	}
	if n > 0 || len(users) > 0 {
		return false, nil
	}
	adminHash, err := hash(AdminPassword)
	if err != nil {
		return false, err
	}
	admin := &emr.User{
		UUID: ID("user", 1), Username: AdminUser, PasswordHash: adminHash, Fname: "Administrator",
		Lname: "Administrator", Email: "admin@example.org", NPI: "1234567893", Active: true, ACL: emr.ACL{"admin"},
	}
	if err := st.Users.CreateUser(ctx, admin); err != nil {
		return false, fmt.Errorf("demo admin: %w", err)
	}
	var phil emr.Patient
	for i, p := range Patients {
		p.UUID = ID("patient", i+1)
		if err := st.Patients.CreatePatient(ctx, &p); err != nil {
			return false, fmt.Errorf("demo patient %d: %w", i+1, err)
		}
		if i == 0 {
			phil = p
		}
	}
	portalHash, err := hash(PortalPassword)
	if err != nil {
		return false, err
	}
	if err := st.Users.CreatePortalLogin(ctx, &emr.PortalLogin{
		PatientID: phil.PID, PatientUUID: phil.UUID, LoginUsername: PortalUser,
		PasswordHash: portalHash, Email: PortalEmail, Active: true,
	}); err != nil {
		return false, fmt.Errorf("demo portal login: %w", err)
	}
	// The demo turns on OpenEMR's password grant for staff and patients, as
	// OpenEMR's own test setup does; a real install leaves it off.
	if err := st.Settings.SetSetting(ctx, emr.SettingPasswordGrant, "3"); err != nil {
		return false, err
	}
	return true, nil
}
