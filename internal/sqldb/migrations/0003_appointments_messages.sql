-- Patient messages and transactions (openemr-standard-api.md §3.16, §3.17,
-- §6), and what the appointment reads need (§3.10).

-- Patient notes ("messages"): body accumulates one prefixed chunk per
-- write; deleted rows are kept with deleted = '1'.
CREATE TABLE pnotes (
    id             {{autoid}},
    date           TEXT,
    body           TEXT,
    pid            BIGINT NOT NULL,
    "user"         TEXT,
    groupname      TEXT,
    activity       TEXT DEFAULT '1',
    authorized     TEXT DEFAULT '0',
    title          TEXT,
    assigned_to    TEXT,
    deleted        TEXT NOT NULL DEFAULT '0',
    message_status TEXT DEFAULT 'New'
);
CREATE INDEX pnotes_pid ON pnotes (pid, deleted);

-- Transactions (referrals and other layout-based forms): the row names the
-- form (title = LBTref…); its fields live in lbt_data, one row per field,
-- with form_id = transactions.id.
CREATE TABLE transactions (
    id         {{autoid}},
    date       TEXT,
    title      TEXT NOT NULL DEFAULT '',
    pid        BIGINT NOT NULL,
    "user"     TEXT NOT NULL DEFAULT '',
    groupname  TEXT NOT NULL DEFAULT '',
    authorized TEXT DEFAULT '0'
);
CREATE INDEX transactions_pid ON transactions (pid, id);
CREATE TABLE lbt_data (
    form_id     BIGINT NOT NULL,
    field_id    TEXT NOT NULL,
    field_value TEXT,
    PRIMARY KEY (form_id, field_id)
);

-- The transaction forms of a fresh OpenEMR (its LBT layouts), which the
-- API's type must name.
INSERT INTO list_options (list_id, option_id, title, seq) VALUES
    ('transactions', 'LBTref', 'Referral', 10),
    ('transactions', 'LBTptreq', 'Patient Request', 20),
    ('transactions', 'LBTphreq', 'Physician Request', 30),
    ('transactions', 'LBTlegal', 'Legal', 40),
    ('transactions', 'LBTbill', 'Billing', 50);
INSERT INTO list_options (list_id, option_id, title, seq) VALUES
    ('lists', 'transactions', 'transactions', 15);

-- Appointments keep the patient number as text (pc_pid, as OpenEMR does);
-- their patient columns are read by the text form of patient_data.pid.
CREATE INDEX patient_data_pid_text ON patient_data ((CAST(pid AS TEXT)));
