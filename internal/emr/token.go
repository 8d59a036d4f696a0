package emr

import (
	"context"
	"time"
)

// Grant is one authorization a subject gave a client: the scopes and launch
// context every token issued under it carries. Revoking the grant revokes
// all of its tokens at once (logout, refresh-token or code reuse).
type Grant struct {
	ID          string // UUID
	Site        string
	ClientID    string
	Role        string // RoleUsers, RolePatient or RoleSystem
	Subject     string // user UUID, patient UUID (portal) or client id (system)
	Scope       string // granted scopes, space-separated
	PatientUUID string // SMART launch context, if any
	Nonce       string
	AuthTime    time.Time
	Created     time.Time
	Expires     time.Time // when the grant (and its refresh chain) ends
	Revoked     bool

	// EncounterUUID is the encounter of an EHR launch from an encounter.
	EncounterUUID string
}

// AuthCode is an authorization code (RFC 6749 §4.1.2): single use, short
// lived, bound to client, redirect URI and PKCE challenge (RFC 7636).
type AuthCode struct {
	Hash            string // sha256 of the code; the code itself is never stored
	GrantID         string
	ClientID        string
	RedirectURI     string
	Challenge       string
	ChallengeMethod string
	Expires         time.Time
	Used            bool
}

// RefreshToken is an opaque refresh token, stored by hash.
type RefreshToken struct {
	Hash     string
	GrantID  string
	ClientID string
	Scope    string
	Expires  time.Time
	Revoked  bool
	Created  time.Time
}

// TokenService stores grants, codes, refresh tokens and revocations.
//
// Access tokens are self-contained signed JWTs and are not stored; a
// revocation is a row keyed by the token's jti (or by the grant id, which
// revokes every token of the grant).
type TokenService interface {
	CreateGrant(ctx context.Context, g *Grant) error
	GrantByID(ctx context.Context, id string) (*Grant, error)
	// RevokeGrant marks the grant and every refresh token of it revoked and
	// records a revocation for its id, so its access tokens stop working.
	RevokeGrant(ctx context.Context, id string, at time.Time) error

	CreateAuthCode(ctx context.Context, c *AuthCode) error
	// ConsumeAuthCode marks the code used and returns it. A code that was
	// already used returns ECONFLICT together with the code, so the caller
	// can revoke the grant (RFC 6749 §4.1.2); an unknown one ENOTFOUND.
	ConsumeAuthCode(ctx context.Context, hash string) (*AuthCode, error)

	CreateRefreshToken(ctx context.Context, t *RefreshToken) error
	RefreshTokenByHash(ctx context.Context, hash string) (*RefreshToken, error)
	// RotateRefreshToken atomically revokes old and stores next. It returns
	// ECONFLICT if old was no longer active (lost a race or reused).
	RotateRefreshToken(ctx context.Context, oldHash string, next *RefreshToken) error
	RevokeRefreshToken(ctx context.Context, hash string) error

	// RevokeToken records that the access token with this jti is revoked
	// until expires (after which it is invalid anyway).
	RevokeToken(ctx context.Context, jti string, expires time.Time) error
	// Revoked reports whether any of ids (a jti, a grant id) is revoked.
	// It is on the hot path of every authenticated request.
	Revoked(ctx context.Context, ids ...string) (bool, error)
	// RevokedIDs returns which of ids are revoked, in one lookup.
	RevokedIDs(ctx context.Context, ids ...string) (map[string]bool, error)

	// UseAssertionID records a client assertion jti (RFC 7523 §3, item 7).
	// It returns ECONFLICT if the client already used it.
	UseAssertionID(ctx context.Context, clientID, jti string, expires time.Time) error

	// PurgeExpired deletes expired codes, refresh tokens, revocations and
	// assertion ids; it returns how many rows went.
	PurgeExpired(ctx context.Context, now time.Time) (int64, error)
}
