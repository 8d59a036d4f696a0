-- export_jobs: Bulk Data $export jobs (Bulk Data Access 2.0), run in the
-- background by any goemr process on the database. A process claims a job
-- with a lease (owner, lease_until) that it renews while it works; a
-- process that dies leaves the lease to lapse, and the job is run again.
-- Times are Unix milliseconds (the manifest's transactionTime is an
-- instant). params and output are JSON (emr.ExportParams, []ExportFile).
CREATE TABLE export_jobs (
    id          TEXT PRIMARY KEY,
    client_id   TEXT NOT NULL,
    subject     TEXT NOT NULL DEFAULT '',
    request     TEXT NOT NULL,
    params      TEXT NOT NULL,
    status      TEXT NOT NULL,
    created     BIGINT NOT NULL,
    started     BIGINT NOT NULL DEFAULT 0,
    finished    BIGINT NOT NULL DEFAULT 0,
    expires     BIGINT NOT NULL DEFAULT 0,
    owner       TEXT NOT NULL DEFAULT '',
    lease_until BIGINT NOT NULL DEFAULT 0,
    attempts    INTEGER NOT NULL DEFAULT 0,
    progress    TEXT NOT NULL DEFAULT '',
    output      TEXT NOT NULL DEFAULT '',
    error       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX export_jobs_status ON export_jobs (status, created);
CREATE INDEX export_jobs_client ON export_jobs (client_id, status);
