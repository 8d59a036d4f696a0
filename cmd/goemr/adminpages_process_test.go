package main

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"goemr/internal/emr"
	"goemr/internal/emrtest"
	"goemr/internal/sqldb"
	"goemr/internal/store"
)

// TestAdminChangesReachOtherProcesses: a change made by another goemr
// process on the same database (a second handle and store here, as the
// Administration pages of another node would make it) applies to this
// one at its very next request: revoked tokens, an edited client's
// scopes, a switched-off API.
func TestAdminChangesReachOtherProcesses(t *testing.T) {
	for _, d := range emrtest.DBs(t) {
		t.Run(d.Name, func(t *testing.T) {
			e := newAPIEnv(t, d)
			ctx := context.Background()
			db, err := sqldb.Open(ctx, sqldb.Options{DSN: d.DSN, ReadConns: 1})
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			other := store.New(db)

			tok := e.Token("users", "openid api:oemr user/patient.rs user/encounter.rs")
			e.Do("GET", "/api/patient", tok, nil).Want(t, 200)
			e.Do("GET", "/api/patient", tok, nil).Want(t, 200)
			if err := other.RevokeClientTokens(ctx, e.client.ID); err != nil {
				t.Fatal(err)
			}
			e.Do("GET", "/api/patient", tok, nil).Want(t, 401)

			form := url.Values{"grant_type": {"password"}, "user_role": {"users"}, "username": {"admin"}, "password": {"pass"},
				"scope": {"openid api:oemr user/encounter.rs"}, "client_id": {e.client.ID}, "client_secret": {e.client.Secret}}
			tokenStatus(t, e, form, http.StatusOK) // the client row is now cached here
			if err := other.SetClientScope(ctx, e.client.ID, "openid api:oemr user/patient.rs", true); err != nil {
				t.Fatal(err)
			}
			tokenStatus(t, e, form, http.StatusBadRequest) // invalid_scope: the cached row was stale

			if err := other.SetSetting(ctx, emr.SettingRestAPI, "0"); err != nil {
				t.Fatal(err)
			}
			e.Do("GET", "/api/version", "", nil).Want(t, http.StatusNotImplemented)
		})
	}
}
