package emr

import (
	"context"
	"time"
)

// Roles of an authenticated principal, named as OpenEMR names them in its
// tokens: staff users, patient-portal logins and backend (system) clients.
const (
	RoleUsers   = "users"
	RolePatient = "patient"
	RoleSystem  = "system"
)

// User is a staff account (OpenEMR `users` + `users_secure`).
type User struct {
	ID           int64
	UUID         string
	Username     string
	PasswordHash string // bcrypt; PHP $2y$ hashes are accepted as they are
	Fname        string
	Lname        string
	Email        string
	NPI          string
	Active       bool
	Created      time.Time
	ACL          ACL // access controls for the Standard API
}

// PortalLogin is a patient-portal login (OpenEMR `patient_access_onsite`),
// bound to one patient. Patients sign in with LoginUsername, password and the
// patient's e-mail address.
type PortalLogin struct {
	ID            int64
	PatientID     int64  // patient_data.pid
	PatientUUID   string // patient_data.uuid
	LoginUsername string
	PasswordHash  string
	Email         string // patient_data.email, for the e-mail match at sign-in
	Active        bool
}

// Patient is the demographic core of a patient (OpenEMR `patient_data`).
// The clinical API grows this record; authorization needs the identity only.
type Patient struct {
	PID        int64
	UUID       string
	PubPID     string
	Fname      string
	Mname      string
	Lname      string
	DOB        string // Y-m-d
	Sex        string
	Email      string
	Street     string
	City       string
	State      string
	PostalCode string
	PhoneHome  string
	Updated    time.Time
}

// PatientFilter narrows a patient search; zero fields do not filter.
type PatientFilter struct {
	Name  string // matches fname or lname by prefix, case-insensitive
	UUIDs []string
	Limit int
}

// UserService stores staff accounts and portal logins.
type UserService interface {
	CreateUser(ctx context.Context, u *User) error
	UserByUsername(ctx context.Context, username string) (*User, error)
	UserByUUID(ctx context.Context, uuid string) (*User, error)
	ListUsers(ctx context.Context) ([]*User, error)
	SetUserPassword(ctx context.Context, username, hash string) error
	SetUserActive(ctx context.Context, username string, active bool) error
	SetUserACL(ctx context.Context, username string, acl ACL) error

	CreatePortalLogin(ctx context.Context, l *PortalLogin) error
	PortalLoginByUsername(ctx context.Context, loginUsername string) (*PortalLogin, error)
	PortalLoginByPatientUUID(ctx context.Context, patientUUID string) (*PortalLogin, error)
}

// PatientService is the part of the patient store authorization needs: the
// patient picker and the patient a portal login is bound to.
type PatientService interface {
	CreatePatient(ctx context.Context, p *Patient) error
	PatientByUUID(ctx context.Context, uuid string) (*Patient, error)
	SearchPatients(ctx context.Context, f PatientFilter) ([]*Patient, error)
	CountPatients(ctx context.Context) (int, error)
}
