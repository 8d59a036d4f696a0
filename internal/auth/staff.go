package auth

import (
	"context"

	"goemr/internal/emr"
)

// SignInStaff checks a staff username and password for the administration
// pages with the same accounts, hashing and failure throttling as the
// authorization server's own sign-in page, and returns the user's UUID.
// A wrong password is EUNAUTHORIZED; too many failures EUNAVAILABLE.
func (s *Server) SignInStaff(ctx context.Context, username, password, ip string) (string, error) {
	acct, err := s.signIn(ctx, emr.RoleUsers, username, password, "", ip)
	if err != nil {
		return "", err
	}
	return acct.Subject, nil
}
