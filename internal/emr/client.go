package emr

import (
	"context"
	"strconv"
	"time"
)

// Client roles, as OpenEMR stores them in oauth_clients.client_role.
const (
	ClientRoleUser    = "user"    // confidential ("private") apps
	ClientRolePatient = "patient" // public apps
)

// Client is a registered OAuth2 client (RFC 7591 metadata, OpenEMR
// `oauth_clients`).
type Client struct {
	ID                      string // client_id
	Site                    string
	Name                    string
	ApplicationType         string // as registered: "private" means confidential
	Role                    string // ClientRoleUser or ClientRolePatient
	Confidential            bool
	SecretHash              string // bcrypt of client_secret; empty for public clients
	RedirectURIs            []string
	PostLogoutRedirectURIs  []string
	Scope                   string // space-separated registered scopes
	GrantTypes              []string
	ResponseTypes           []string
	TokenEndpointAuthMethod string
	JWKS                    string // JSON Web Key Set, as JSON text
	JWKSURI                 string
	Contacts                []string
	LogoURI                 string
	PolicyURI               string
	TosURI                  string
	InitiateLoginURI        string
	RegistrationTokenHash   string // sha256 of the registration access token
	RegistrationURIPath     string
	Enabled                 bool
	Created                 time.Time
	Updated                 time.Time
}

// ClientService stores OAuth2 clients.
type ClientService interface {
	CreateClient(ctx context.Context, c *Client) error
	ClientByID(ctx context.Context, id string) (*Client, error)
	ClientByRegistrationPath(ctx context.Context, path string) (*Client, error)
	ListClients(ctx context.Context) ([]*Client, error)
	// SetClientEnabled switches a client on or off. Switching it off also
	// revokes every live grant of it and its credentials grant, so tokens
	// already issued stop working at once. A client that is off (also one
	// created off) has the ClientDisabledID revocation row.
	SetClientEnabled(ctx context.Context, id string, enabled bool) error
	// DeleteClient deletes the client, revoking its tokens as above.
	DeleteClient(ctx context.Context, id string) error
	// RegisteredOrigins lists the distinct scheme://host[:port] origins of
	// every enabled client's redirect URIs, for CORS.
	RegisteredOrigins(ctx context.Context) ([]string, error)
}

// ClientDisabledID is the revocation id that marks a client as disabled or
// deleted: the store keeps such a row exactly while the client may not act.
// Checking it with TokenService.RevokedIDs, in the same lookup as a token's
// own ids, answers "may this client act, and is this token alive" in one
// round trip, so client rows (which never change otherwise) can be cached.
func ClientDisabledID(clientID string) string { return "client-disabled:" + clientID }

// CredentialsGrantID names the implicit grant behind a client's
// client_credentials tokens. It changes whenever the client row does, so
// revoking it ends the tokens issued so far without blocking later ones.
func (c *Client) CredentialsGrantID() string {
	return "cc:" + c.ID + ":" + strconv.FormatInt(c.Updated.Unix(), 10)
}
