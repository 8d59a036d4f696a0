-- Administration → API Clients shows when each client last obtained a
-- token (written at most once a minute per client, store.NoteClientUse),
-- and tells a client an administrator disabled from one still waiting for
-- approval: both have is_enabled = 0, only the first has disabled_at.
ALTER TABLE oauth_clients ADD COLUMN last_used BIGINT NOT NULL DEFAULT 0;
ALTER TABLE oauth_clients ADD COLUMN disabled_at BIGINT NOT NULL DEFAULT 0;
-- Administration → Audit filters the log by client and lists the security
-- events (every event but the API requests) newest first; both stay index
-- scans however long the log grows. A practice has few clients and ids
-- only grow, so a new row lands on the last leaf of its client's range:
-- the index costs about one cached page per logged batch, not a random
-- write per request. The partial index holds only the security events,
-- which are a small part of the log.
CREATE INDEX api_log_client ON api_log (client_id, id);
CREATE INDEX api_log_security ON api_log (id) WHERE event <> 'api';
