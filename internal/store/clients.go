package store

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"time"

	"goemr/internal/emr"
	"goemr/internal/sqldb"
)

const clientColumns = `client_id, site_id, client_name, application_type, client_role, is_confidential,
	client_secret, redirect_uri, logout_redirect_uris, scope, grant_types, response_types,
	token_endpoint_auth_method, jwks, jwks_uri, contacts, logo_uri, policy_uri, tos_uri,
	initiate_login_uri, registration_token, registration_uri_path, is_enabled, register_date, last_updated`

const clientSelect = `SELECT ` + clientColumns + ` FROM oauth_clients`

func scanClient(r scanner) (*emr.Client, error) {
	var c emr.Client
	var confidential, enabled int
	var created, updated int64
	var redirects, logoutRedirects, grantTypes, responseTypes, contacts string
	err := r.Scan(&c.ID, &c.Site, &c.Name, &c.ApplicationType, &c.Role, &confidential,
		&c.SecretHash, &redirects, &logoutRedirects, &c.Scope, &grantTypes, &responseTypes,
		&c.TokenEndpointAuthMethod, &c.JWKS, &c.JWKSURI, &contacts, &c.LogoURI, &c.PolicyURI, &c.TosURI,
		&c.InitiateLoginURI, &c.RegistrationTokenHash, &c.RegistrationURIPath, &enabled, &created, &updated)
	if err != nil {
		return nil, err
	}
	c.Confidential, c.Enabled = confidential != 0, enabled != 0
	c.Created, c.Updated = fromUnix(created), fromUnix(updated)
	for _, l := range []struct {
		text string
		dst  *[]string
	}{
		{redirects, &c.RedirectURIs}, {logoutRedirects, &c.PostLogoutRedirectURIs},
		{grantTypes, &c.GrantTypes}, {responseTypes, &c.ResponseTypes}, {contacts, &c.Contacts},
	} {
		if err := decodeList(l.text, l.dst); err != nil {
			return nil, err
		}
	}
	return &c, nil
}

// CreateClient stores a registered client. Site defaults to "default",
// Created to now and Updated to Created.
func (s *Store) CreateClient(ctx context.Context, c *emr.Client) error {
	if err := required("client_id", c.ID); err != nil {
		return err
	}
	if c.Site == "" {
		c.Site = defaultSite
	}
	if c.Created.IsZero() {
		c.Created = now()
	}
	if c.Updated.IsZero() {
		c.Updated = c.Created
	}
	return s.db.Transact(ctx, func(tx *sqldb.Tx) error {
		if !c.Enabled {
			if err := markClientDisabled(ctx, tx, c.ID); err != nil {
				return err
			}
		}
		return insertClient(ctx, tx, c)
	})
}

// markClientDisabled keeps the ClientDisabledID row while a client is off;
// it expires far in the future (it is removed on enable).
func markClientDisabled(ctx context.Context, tx *sqldb.Tx, id string) error {
	_, err := tx.Exec(ctx, upsertRevocation, emr.ClientDisabledID(id), now().AddDate(100, 0, 0).Unix())
	return dbErr(err, "client")
}

func insertClient(ctx context.Context, tx *sqldb.Tx, c *emr.Client) error {
	_, err := tx.Exec(ctx, `INSERT INTO oauth_clients (`+clientColumns+`) VALUES
		($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,
		 $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25)`,
		c.ID, c.Site, c.Name, c.ApplicationType, c.Role, flag(c.Confidential),
		c.SecretHash, encodeList(c.RedirectURIs), encodeList(c.PostLogoutRedirectURIs), c.Scope,
		encodeList(c.GrantTypes), encodeList(c.ResponseTypes),
		c.TokenEndpointAuthMethod, c.JWKS, c.JWKSURI, encodeList(c.Contacts), c.LogoURI, c.PolicyURI, c.TosURI,
		c.InitiateLoginURI, c.RegistrationTokenHash, c.RegistrationURIPath, flag(c.Enabled),
		unix(c.Created), unix(c.Updated))
	return dbErr(err, "client")
}

// ClientByID returns a client by client_id.
func (s *Store) ClientByID(ctx context.Context, id string) (*emr.Client, error) {
	c, err := scanClient(s.db.QueryRow(ctx, clientSelect+` WHERE client_id = $1`, id))
	return c, dbErr(err, "client")
}

// ClientByRegistrationPath returns the client whose RFC 7592 configuration
// endpoint is path.
func (s *Store) ClientByRegistrationPath(ctx context.Context, path string) (*emr.Client, error) {
	if path == "" {
		return nil, notFound("client")
	}
	c, err := scanClient(s.db.QueryRow(ctx, clientSelect+` WHERE registration_uri_path = $1`, path))
	return c, dbErr(err, "client")
}

// ListClients returns every client, oldest first.
func (s *Store) ListClients(ctx context.Context) ([]*emr.Client, error) {
	rows, err := s.db.Query(ctx, clientSelect+` ORDER BY register_date, client_id`)
	if err != nil {
		return nil, dbErr(err, "client")
	}
	defer rows.Close()
	var cs []*emr.Client
	for rows.Next() {
		c, err := scanClient(rows)
		if err != nil {
			return nil, dbErr(err, "client")
		}
		cs = append(cs, c)
	}
	return cs, dbErr(rows.Err(), "client")
}

// SetClientEnabled enables (approves) or disables a client.
func (s *Store) SetClientEnabled(ctx context.Context, id string, enabled bool) error {
	return s.db.Transact(ctx, func(tx *sqldb.Tx) error {
		var updated int64
		if err := tx.QueryRow(ctx, `SELECT last_updated FROM oauth_clients WHERE client_id = $1`, id).Scan(&updated); err != nil {
			return dbErr(err, "client")
		}
		// last_updated always moves forward, so the credentials grant id of
		// the client (emr.Client.CredentialsGrantID) changes with every switch.
		at := max(now().Unix(), updated+1)
		if enabled {
			if _, err := tx.Exec(ctx, `DELETE FROM oauth_revocations WHERE id = $1`, emr.ClientDisabledID(id)); err != nil {
				return dbErr(err, "client")
			}
		} else {
			if err := markClientDisabled(ctx, tx, id); err != nil {
				return err
			}
			if err := revokeClientGrants(ctx, tx, id); err != nil {
				return err
			}
			old := emr.Client{ID: id, Updated: fromUnix(updated)}
			if _, err := tx.Exec(ctx, upsertRevocation, old.CredentialsGrantID(), now().Add(24*time.Hour).Unix()); err != nil {
				return dbErr(err, "client")
			}
		}
		res, err := tx.Exec(ctx, `UPDATE oauth_clients SET is_enabled = $2, last_updated = $3 WHERE client_id = $1`,
			id, flag(enabled), at)
		return mustAffect(res, err, "client")
	})
}

// revokeClientGrants records every live grant of a client as revoked, so
// the access tokens already issued under them stop working.
func revokeClientGrants(ctx context.Context, tx *sqldb.Tx, id string) error {
	_, err := tx.Exec(ctx, `INSERT INTO oauth_revocations (id, expires)
		SELECT id, expires FROM oauth_grants WHERE client_id = $1 AND expires > $2
		ON CONFLICT (id) DO NOTHING`, id, now().Unix())
	if err != nil {
		return dbErr(err, "client")
	}
	_, err = tx.Exec(ctx, `UPDATE api_refresh_token SET revoked = 1 WHERE client_id = $1`, id)
	return dbErr(err, "client")
}

// DeleteClient deletes a client with its grants, codes and refresh tokens.
// Its live grants are recorded as revoked first, so access tokens already
// issued to the client stop working too.
func (s *Store) DeleteClient(ctx context.Context, id string) error {
	return s.db.Transact(ctx, func(tx *sqldb.Tx) error {
		if err := markClientDisabled(ctx, tx, id); err != nil {
			return err
		}
		if err := revokeClientGrants(ctx, tx, id); err != nil {
			return err
		}
		res, err := tx.Exec(ctx, `DELETE FROM oauth_clients WHERE client_id = $1`, id)
		return mustAffect(res, err, "client")
	})
}

// RegisteredOrigins returns the distinct origins (scheme://host[:port]) of
// the enabled clients' redirect URIs, sorted, written as browsers send them
// in Origin: lower case, without the scheme's default port. URIs without a
// host (custom schemes of native apps) have no web origin and are skipped.
func (s *Store) RegisteredOrigins(ctx context.Context) ([]string, error) {
	rows, err := s.db.Query(ctx, `SELECT redirect_uri FROM oauth_clients WHERE is_enabled = 1`)
	if err != nil {
		return nil, dbErr(err, "client")
	}
	defer rows.Close()
	var origins []string
	for rows.Next() {
		var text string
		var uris []string
		if err := rows.Scan(&text); err != nil {
			return nil, dbErr(err, "client")
		}
		if err := decodeList(text, &uris); err != nil {
			return nil, err
		}
		for _, raw := range uris {
			if o := origin(raw); o != "" {
				origins = append(origins, o)
			}
		}
	}
	if err := rows.Err(); err != nil {
		return nil, dbErr(err, "client")
	}
	slices.Sort(origins)
	return slices.Compact(origins), nil
}

func origin(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" || u.Hostname() == "" {
		return ""
	}
	scheme, host := strings.ToLower(u.Scheme), strings.ToLower(u.Host)
	if port := u.Port(); (scheme == "https" && port == "443") || (scheme == "http" && port == "80") {
		host = strings.TrimSuffix(host, ":"+port)
	}
	return scheme + "://" + host
}
