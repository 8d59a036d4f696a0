package emr

import (
	"context"
	"strconv"
	"time"
)

// ClientActivity is what Administration → API Clients shows beside a
// client row: when it last obtained a token and when an administrator
// disabled it (zero while enabled, or while it waits for approval).
type ClientActivity struct {
	LastUsed   time.Time
	DisabledAt time.Time
}

// ClientAdminService holds the administrator's operations on clients.
type ClientAdminService interface {
	// ClientActivity returns the activity of every client by client_id,
	// in one query.
	ClientActivity(ctx context.Context) (map[string]ClientActivity, error)
	// SwitchClient is SetClientEnabled that also records (or clears) when
	// an administrator disabled the client.
	SwitchClient(ctx context.Context, id string, enabled bool) error
	// SetClientScope replaces the client's registered scopes. With
	// revokeTokens (the scopes were narrowed) every token already issued
	// to the client stops working, as with RevokeClientTokens.
	SetClientScope(ctx context.Context, id, scope string, revokeTokens bool) error
	// RevokeClientTokens ends every access and refresh token of the client
	// at once, on every process, and leaves the client able to obtain new
	// ones.
	RevokeClientTokens(ctx context.Context, id string) error
	// NoteClientUse records that the client obtained a token at at; a
	// store may skip the write when the recorded use is under a minute old.
	NoteClientUse(ctx context.Context, id string, at time.Time) error
}

// ClientChangedID is the revocation id recorded when a client row changes
// (its scopes): a cached copy of the row with the Updated stamp it had
// before is stale. Checked in the same lookup as ClientDisabledID, it
// lets every process keep caching client rows and still see an edit at
// once.
func ClientChangedID(clientID string, updated time.Time) string {
	return "client-changed:" + clientID + ":" + strconv.FormatInt(updated.Unix(), 10)
}
