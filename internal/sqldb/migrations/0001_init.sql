-- Schema 1: the tables of the authorization server.
--
-- One portable text for SQLite and PostgreSQL; {{autoid}} is the only
-- dialect token. Times are unix seconds (BIGINT, 0 = unset), flags SMALLINT
-- 0/1, lists JSON text. Tables OpenEMR also has keep OpenEMR's table and
-- column names, so OpenEMR data and SQL habits carry over.

CREATE TABLE sites (
    id   TEXT PRIMARY KEY,
    name TEXT NOT NULL
);
INSERT INTO sites (id, name) VALUES ('default', 'Default Site');

-- OpenEMR globals, only those goemr knows; unset ones take their defaults.
CREATE TABLE globals (
    gl_name  TEXT PRIMARY KEY,
    gl_value TEXT NOT NULL
);

-- Staff. Address-book entries (practitioners without a login) share the
-- table in OpenEMR, with an empty username, so only logins are unique.
CREATE TABLE users (
    id           {{autoid}},
    uuid         TEXT NOT NULL UNIQUE,
    username     TEXT NOT NULL DEFAULT '',
    fname        TEXT NOT NULL DEFAULT '',
    lname        TEXT NOT NULL DEFAULT '',
    email        TEXT NOT NULL DEFAULT '',
    npi          TEXT NOT NULL DEFAULT '',
    active       SMALLINT NOT NULL DEFAULT 1,
    date_created BIGINT NOT NULL DEFAULT 0,
    last_updated BIGINT NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX users_username ON users (username) WHERE username <> '';

-- Password hashes live apart from users, as in OpenEMR.
CREATE TABLE users_secure (
    id                   BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    username             TEXT NOT NULL UNIQUE,
    password             TEXT NOT NULL,
    last_update_password BIGINT NOT NULL DEFAULT 0
);

-- pid is the patient number OpenEMR shows and routes by; it is assigned as
-- max + 1, not by the engine, exactly as OpenEMR does.
CREATE TABLE patient_data (
    id           {{autoid}},
    pid          BIGINT NOT NULL UNIQUE,
    uuid         TEXT NOT NULL UNIQUE,
    pubpid       TEXT NOT NULL DEFAULT '',
    fname        TEXT NOT NULL DEFAULT '',
    mname        TEXT NOT NULL DEFAULT '',
    lname        TEXT NOT NULL DEFAULT '',
    DOB          TEXT NOT NULL DEFAULT '',
    sex          TEXT NOT NULL DEFAULT '',
    email        TEXT NOT NULL DEFAULT '',
    street       TEXT NOT NULL DEFAULT '',
    city         TEXT NOT NULL DEFAULT '',
    state        TEXT NOT NULL DEFAULT '',
    postal_code  TEXT NOT NULL DEFAULT '',
    phone_home   TEXT NOT NULL DEFAULT '',
    date         BIGINT NOT NULL DEFAULT 0,
    last_updated BIGINT NOT NULL DEFAULT 0
);
-- The patient picker orders by name ignoring case.
CREATE INDEX patient_data_name ON patient_data (lower(lname), lower(fname));

-- Patient-portal logins, one per patient.
CREATE TABLE patient_access_onsite (
    id                    {{autoid}},
    pid                   BIGINT NOT NULL UNIQUE REFERENCES patient_data (pid) ON DELETE CASCADE,
    portal_username       TEXT NOT NULL DEFAULT '',
    portal_login_username TEXT NOT NULL UNIQUE,
    portal_pwd            TEXT NOT NULL,
    active                SMALLINT NOT NULL DEFAULT 1
);

-- Registered OAuth2 clients (RFC 7591 metadata).
CREATE TABLE oauth_clients (
    client_id                  TEXT PRIMARY KEY,
    site_id                    TEXT NOT NULL,
    client_name                TEXT NOT NULL DEFAULT '',
    application_type           TEXT NOT NULL DEFAULT '',
    client_role                TEXT NOT NULL DEFAULT '',
    is_confidential            SMALLINT NOT NULL DEFAULT 0,
    client_secret              TEXT NOT NULL DEFAULT '',
    redirect_uri               TEXT NOT NULL DEFAULT '[]',
    logout_redirect_uris       TEXT NOT NULL DEFAULT '[]',
    scope                      TEXT NOT NULL DEFAULT '',
    grant_types                TEXT NOT NULL DEFAULT '[]',
    response_types             TEXT NOT NULL DEFAULT '[]',
    token_endpoint_auth_method TEXT NOT NULL DEFAULT '',
    jwks                       TEXT NOT NULL DEFAULT '',
    jwks_uri                   TEXT NOT NULL DEFAULT '',
    contacts                   TEXT NOT NULL DEFAULT '[]',
    logo_uri                   TEXT NOT NULL DEFAULT '',
    policy_uri                 TEXT NOT NULL DEFAULT '',
    tos_uri                    TEXT NOT NULL DEFAULT '',
    initiate_login_uri         TEXT NOT NULL DEFAULT '',
    registration_token         TEXT NOT NULL DEFAULT '',
    registration_uri_path      TEXT NOT NULL DEFAULT '',
    is_enabled                 SMALLINT NOT NULL DEFAULT 0,
    register_date              BIGINT NOT NULL DEFAULT 0,
    last_updated               BIGINT NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX oauth_clients_registration_uri_path
    ON oauth_clients (registration_uri_path) WHERE registration_uri_path <> '';

-- One authorization a subject gave a client; its codes and refresh tokens
-- go with it.
CREATE TABLE oauth_grants (
    id           TEXT PRIMARY KEY,
    site_id      TEXT NOT NULL,
    client_id    TEXT NOT NULL REFERENCES oauth_clients (client_id) ON DELETE CASCADE,
    role         TEXT NOT NULL,
    subject      TEXT NOT NULL,
    scope        TEXT NOT NULL DEFAULT '',
    patient_uuid TEXT NOT NULL DEFAULT '',
    nonce        TEXT NOT NULL DEFAULT '',
    auth_time    BIGINT NOT NULL DEFAULT 0,
    created      BIGINT NOT NULL,
    expires      BIGINT NOT NULL,
    revoked      SMALLINT NOT NULL DEFAULT 0,
    revoked_at   BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX oauth_grants_client_id ON oauth_grants (client_id);
CREATE INDEX oauth_grants_expires ON oauth_grants (expires);

-- Authorization codes, by hash. Used codes stay until they expire so a
-- replay is recognised as one.
CREATE TABLE oauth_codes (
    code_hash             TEXT PRIMARY KEY,
    grant_id              TEXT NOT NULL REFERENCES oauth_grants (id) ON DELETE CASCADE,
    client_id             TEXT NOT NULL,
    redirect_uri          TEXT NOT NULL DEFAULT '',
    code_challenge        TEXT NOT NULL DEFAULT '',
    code_challenge_method TEXT NOT NULL DEFAULT '',
    expires               BIGINT NOT NULL,
    used                  SMALLINT NOT NULL DEFAULT 0
);
CREATE INDEX oauth_codes_grant_id ON oauth_codes (grant_id);
CREATE INDEX oauth_codes_expires ON oauth_codes (expires);

-- Refresh tokens, by hash (OpenEMR's api_refresh_token, keyed by grant
-- instead of user). Rotated tokens stay, revoked, to detect reuse.
CREATE TABLE api_refresh_token (
    token     TEXT PRIMARY KEY,
    grant_id  TEXT NOT NULL REFERENCES oauth_grants (id) ON DELETE CASCADE,
    client_id TEXT NOT NULL,
    scope     TEXT NOT NULL DEFAULT '',
    expiry    BIGINT NOT NULL,
    revoked   SMALLINT NOT NULL DEFAULT 0,
    created   BIGINT NOT NULL
);
CREATE INDEX api_refresh_token_grant_id ON api_refresh_token (grant_id);
CREATE INDEX api_refresh_token_expiry ON api_refresh_token (expiry);

-- Revoked access-token jtis and grant ids, until the tokens would have
-- expired anyway. Looked up on every authenticated request.
CREATE TABLE oauth_revocations (
    id      TEXT PRIMARY KEY,
    expires BIGINT NOT NULL
);
CREATE INDEX oauth_revocations_expires ON oauth_revocations (expires);

-- Client assertion jtis already seen (RFC 7523 §3 replay protection).
CREATE TABLE jwt_grant_history (
    client_id TEXT NOT NULL,
    jti       TEXT NOT NULL,
    expires   BIGINT NOT NULL,
    PRIMARY KEY (client_id, jti)
);
CREATE INDEX jwt_grant_history_expires ON jwt_grant_history (expires);

-- Token signing keys; retired ones stay published until their tokens expire.
CREATE TABLE oauth_keys (
    kid         TEXT PRIMARY KEY,
    alg         TEXT NOT NULL,
    private_pem TEXT NOT NULL,
    created     BIGINT NOT NULL,
    retired_at  BIGINT NOT NULL DEFAULT 0
);

-- Browser sessions on the authorization pages.
CREATE TABLE oauth_sessions (
    id           TEXT PRIMARY KEY,
    site_id      TEXT NOT NULL,
    csrf         TEXT NOT NULL DEFAULT '',
    request      TEXT NOT NULL DEFAULT '',
    role         TEXT NOT NULL DEFAULT '',
    subject      TEXT NOT NULL DEFAULT '',
    patient_uuid TEXT NOT NULL DEFAULT '',
    auth_time    BIGINT NOT NULL DEFAULT 0,
    created      BIGINT NOT NULL,
    expires      BIGINT NOT NULL
);
CREATE INDEX oauth_sessions_expires ON oauth_sessions (expires);

-- Failed sign-ins per key inside the current window; bounded in size.
CREATE TABLE login_throttle (
    key          TEXT PRIMARY KEY,
    window_start BIGINT NOT NULL,
    failures     BIGINT NOT NULL
);
CREATE INDEX login_throttle_window_start ON login_throttle (window_start);

-- The access log (OpenEMR's api_log, with the fields goemr records).
CREATE TABLE api_log (
    id           {{autoid}},
    created_time BIGINT NOT NULL,
    site_id      TEXT NOT NULL DEFAULT '',
    event        TEXT NOT NULL,
    outcome      TEXT NOT NULL DEFAULT '',
    user_role    TEXT NOT NULL DEFAULT '',
    subject      TEXT NOT NULL DEFAULT '',
    client_id    TEXT NOT NULL DEFAULT '',
    patient_uuid TEXT NOT NULL DEFAULT '',
    ip_address   TEXT NOT NULL DEFAULT '',
    method       TEXT NOT NULL DEFAULT '',
    request_url  TEXT NOT NULL DEFAULT '',
    status       BIGINT NOT NULL DEFAULT 0,
    detail       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX api_log_event ON api_log (event, id);
CREATE INDEX api_log_created_time ON api_log (created_time);
