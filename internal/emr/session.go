package emr

import (
	"context"
	"time"
)

// LoginSession is the server-side state of one browser going through the
// authorization pages (login, patient pick, consent). The browser holds only
// a random id in a cookie; the row is what every goemr process reads.
type LoginSession struct {
	ID          string // sha256 of the cookie value
	Site        string
	CSRF        string
	Request     string // the validated authorization request, as JSON
	Role        string // set after login: RoleUsers or RolePatient
	Subject     string // user UUID or patient UUID
	PatientUUID string // chosen (users) or own (patients) patient
	AuthTime    time.Time
	Created     time.Time
	Expires     time.Time
}

// SessionService stores login sessions.
type SessionService interface {
	CreateSession(ctx context.Context, s *LoginSession) error
	SessionByID(ctx context.Context, id string) (*LoginSession, error)
	UpdateSession(ctx context.Context, s *LoginSession) error
	DeleteSession(ctx context.Context, id string) error
}
