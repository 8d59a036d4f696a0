package store_test

import (
	"testing"
	"time"

	"goemr/internal/emr"
	"goemr/internal/store"
)

func TestSessions(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		ls := &emr.LoginSession{ID: "sid", Site: "default", CSRF: "csrf", Request: `{"client_id":"app"}`,
			Created: at(-time.Minute), Expires: at(time.Hour)}
		must(t, s.CreateSession(ctx, ls))
		got, err := s.SessionByID(ctx, "sid")
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "SessionByID", ls, got)

		ls.Role, ls.Subject, ls.PatientUUID, ls.AuthTime = emr.RoleUsers, "user-uuid", "pt-uuid", at(0)
		ls.CSRF, ls.Expires = "csrf2", at(2*time.Hour)
		must(t, s.UpdateSession(ctx, ls))
		got, _ = s.SessionByID(ctx, "sid")
		diff(t, "after UpdateSession", ls, got)

		bare := &emr.LoginSession{ID: "bare", Expires: at(time.Hour)}
		must(t, s.CreateSession(ctx, bare))
		if bare.Site != "default" || bare.Created.IsZero() {
			t.Errorf("CreateSession defaults: %+v", bare)
		}

		expired := &emr.LoginSession{ID: "old", Expires: at(-time.Second)}
		must(t, s.CreateSession(ctx, expired))
		_, err = s.SessionByID(ctx, "old")
		wantCode(t, "expired session", err, emr.ENOTFOUND)
		expired.Expires = at(time.Hour)
		wantCode(t, "update expired session", s.UpdateSession(ctx, expired), emr.ENOTFOUND)
		wantCode(t, "update unknown session", s.UpdateSession(ctx, &emr.LoginSession{ID: "nope"}), emr.ENOTFOUND)

		wantCode(t, "duplicate id", s.CreateSession(ctx, &emr.LoginSession{ID: "sid", Expires: at(time.Hour)}), emr.ECONFLICT)
		wantCode(t, "no id", s.CreateSession(ctx, &emr.LoginSession{Expires: at(time.Hour)}), emr.EINVALID)
		wantCode(t, "no expiry", s.CreateSession(ctx, &emr.LoginSession{ID: "x"}), emr.EINVALID)

		must(t, s.DeleteSession(ctx, "sid"))
		_, err = s.SessionByID(ctx, "sid")
		wantCode(t, "deleted session", err, emr.ENOTFOUND)
		must(t, s.DeleteSession(ctx, "sid")) // a second logout
	})
}
