-- "Who touched this patient" must stay fast however long the API log
-- grows, and logging must stay cheap. On SQLite an index on the log's
-- patient column costs a random page write per logged request, a third
-- of a cached read's cost; so the log's patients are indexed in batches
-- instead (store.IndexAuditPatients, run by the log writer every few
-- seconds), into a table sorted by patient, and the rows logged since the
-- last batch (past api_log_patient_indexed.id) are searched directly.
-- SQLite commits in id order, so no row can appear behind the mark.
-- PostgreSQL hands out ids before commit, in no commit order, so there
-- both patient columns keep an ordinary index.
--- sqlite
DROP INDEX api_log_patient;
CREATE TABLE api_log_patient (
    patient TEXT NOT NULL,
    log_id  BIGINT NOT NULL,
    PRIMARY KEY (patient, log_id)
) WITHOUT ROWID;
CREATE TABLE api_log_patient_indexed (
    k  INTEGER PRIMARY KEY CHECK (k = 1),
    id BIGINT NOT NULL
);
INSERT INTO api_log_patient_indexed (k, id) VALUES (1, 0);
--- postgres
CREATE INDEX api_log_patient_id ON api_log (patient_id, id);
