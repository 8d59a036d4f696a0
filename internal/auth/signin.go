package auth

import (
	"context"
	"strings"
	"time"

	"goemr/internal/auth/scope"
	"goemr/internal/emr"
)

// Sign-in throttling: failures are counted per account and per client
// address in a window, in a bounded table every process shares.
const (
	throttleWindow     = 15 * time.Minute
	maxAccountFailures = 5
	maxAddressFailures = 30
)

// account is who signed in.
type account struct {
	Role        string
	Subject     string // user UUID or patient UUID
	PatientUUID string
}

var errBadCredentials = emr.Errorf(emr.EUNAUTHORIZED, "the username, password or e-mail is wrong")

// signIn checks a staff or patient-portal login. Every failure looks the
// same to the caller, takes the same bcrypt time, and counts against both
// the account and the address.
func (s *Server) signIn(ctx context.Context, role, username, password, email, ip string) (*account, error) {
	acctKey := "acct:" + role + ":" + strings.ToLower(username)
	ipKey := "ip:" + ip
	since := s.now().Add(-throttleWindow)
	acctFailures := 0
	for key, max := range map[string]int{acctKey: maxAccountFailures, ipKey: maxAddressFailures} {
		n, err := s.st.Throttle.Failures(ctx, key, since)
		if err != nil {
			return nil, err
		}
		if key == acctKey {
			acctFailures = n
		}
		if n >= max {
			return nil, emr.Errorf(emr.EUNAVAILABLE, "too many failed sign-in attempts; try again in 15 minutes")
		}
	}
	acct, err := s.checkCredentials(ctx, role, username, password, email)
	if err != nil {
		if emr.ErrorCode(err) != emr.EUNAUTHORIZED {
			return nil, err
		}
		for _, key := range []string{acctKey, ipKey} {
			if _, terr := s.st.Throttle.RecordFailure(ctx, key, s.now(), since); terr != nil {
				return nil, terr
			}
		}
		return nil, err
	}
	if acctFailures > 0 { // a success clears the account's count; most sign-ins have none to clear
		if err := s.st.Throttle.ResetFailures(ctx, acctKey); err != nil {
			return nil, err
		}
	}
	return acct, nil
}

func (s *Server) checkCredentials(ctx context.Context, role, username, password, email string) (*account, error) {
	switch role {
	case emr.RoleUsers:
		u, err := s.st.Users.UserByUsername(ctx, username)
		if emr.IsNotFound(err) {
			CheckPassword("", password)
			return nil, errBadCredentials
		} else if err != nil {
			return nil, err
		}
		if !CheckPassword(u.PasswordHash, password) || !u.Active {
			return nil, errBadCredentials
		}
		return &account{Role: role, Subject: u.UUID}, nil
	case emr.RolePatient:
		l, err := s.st.Users.PortalLoginByUsername(ctx, username)
		if emr.IsNotFound(err) {
			CheckPassword("", password)
			return nil, errBadCredentials
		} else if err != nil {
			return nil, err
		}
		ok := CheckPassword(l.PasswordHash, password)
		if !ok || !l.Active || email == "" || !strings.EqualFold(strings.TrimSpace(email), l.Email) {
			return nil, errBadCredentials
		}
		return &account{Role: role, Subject: l.PatientUUID, PatientUUID: l.PatientUUID}, nil
	}
	return nil, emr.Errorf(emr.EINVALID, "unknown user role")
}

// grantExpiry: a grant with offline_access lives as long as its refresh
// tokens may; otherwise as long as one access token.
func (s *Server) grantExpiry(ctx context.Context, set scope.Set) time.Time {
	if set.Has("offline_access") {
		return s.now().Add(s.seconds(ctx, emr.SettingRefreshTokenLifetime))
	}
	return s.now().Add(s.seconds(ctx, emr.SettingAccessTokenLifetime))
}

// fitRole keeps the scopes a role can hold: patients only patient/ scopes
// (and the non-resource ones); staff user/ and patient/ ones. A patient who
// signs in to an app asking for user/ scopes grants it less, as SMART allows
// (App Launch 2.x: the granted scope may be narrower than the request).
func fitRole(role string, scopes []scope.Scope) scope.Set {
	var out scope.Set
	for _, sc := range scopes {
		switch {
		case sc.Context == "system":
			continue
		case sc.Context == "user" && role != emr.RoleUsers:
			continue
		}
		out = append(out, sc)
	}
	return out
}
