-- Patient documents (openemr-standard-api.md §3.14, §6): OpenEMR's
-- documents, categories and categories_to_documents, plus documents_blob
-- holding each document's bytes. OpenEMR writes the bytes to a directory of
-- one web server (or CouchDB); goemr keeps them in the database, so every
-- goemr process sharing one PostgreSQL serves the same files.

-- One row per stored file. foreign_id is the patient's pid; type 'blob'
-- (a value of OpenEMR's own type enum) says the bytes are in
-- documents_blob; hash is the SHA-256 of the bytes in lower-case hex,
-- checked again on every download.
CREATE TABLE documents (
    id                           {{autoid}},
    uuid                         TEXT NOT NULL UNIQUE,
    type                         TEXT,
    size                         BIGINT,
    date                         TEXT,
    date_expires                 TEXT,
    url                          TEXT,
    thumb_url                    TEXT,
    mimetype                     TEXT,
    pages                        BIGINT,
    owner                        BIGINT,
    revision                     TEXT,
    foreign_id                   BIGINT,
    docdate                      TEXT,
    hash                         TEXT,
    list_id                      BIGINT NOT NULL DEFAULT 0,
    name                         TEXT,
    drive_uuid                   TEXT,
    couch_docid                  TEXT,
    couch_revid                  TEXT,
    storagemethod                TEXT NOT NULL DEFAULT '0',
    path_depth                   BIGINT DEFAULT 1,
    imported                     TEXT DEFAULT '0',
    encounter_id                 BIGINT NOT NULL DEFAULT 0,
    encounter_check              TEXT,
    audit_master_approval_status TEXT DEFAULT '1',
    audit_master_id              BIGINT,
    documentationOf              TEXT,
    encrypted                    TEXT DEFAULT '0',
    document_data                TEXT,
    deleted                      TEXT NOT NULL DEFAULT '0',
    foreign_reference_id         BIGINT,
    foreign_reference_table      TEXT
);
CREATE INDEX documents_foreign_id ON documents (foreign_id, id);

-- The bytes of each document, apart from its row so that listing
-- documents never reads file contents.
CREATE TABLE documents_blob (
    document_id BIGINT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    data        {{blob}} NOT NULL
);

-- Document categories: a nested set (lft/rght) under the root
-- 'Categories' (id 1), as OpenEMR keeps them. aco_spec is the ACL a
-- category's documents need; codes link a category to a code system.
CREATE TABLE categories (
    id       BIGINT PRIMARY KEY,
    name     TEXT,
    value    TEXT NOT NULL DEFAULT '',
    parent   BIGINT NOT NULL DEFAULT 0,
    lft      BIGINT NOT NULL DEFAULT 0,
    rght     BIGINT NOT NULL DEFAULT 0,
    aco_spec TEXT NOT NULL DEFAULT 'patients|docs',
    codes    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX categories_parent ON categories (parent);

-- Which category each document is filed under.
CREATE TABLE categories_to_documents (
    category_id BIGINT NOT NULL,
    document_id BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    PRIMARY KEY (category_id, document_id)
);
CREATE INDEX categories_to_documents_document ON categories_to_documents (document_id);

-- OpenEMR's default category tree (sql/database.sql), same ids, names and
-- values; lft/rght number the tree in pre-order.
INSERT INTO categories (id, name, value, parent, lft, rght) VALUES
    (1, 'Categories', '', 0, 0, 61),
    (2, 'Lab Report', '', 1, 1, 2),
    (3, 'Medical Record', '', 1, 3, 4),
    (4, 'Patient Information', '', 1, 5, 10),
    (5, 'Patient ID card', '', 4, 6, 7),
    (10, 'Patient Photograph', '', 4, 8, 9),
    (6, 'Advance Directive', '', 1, 11, 18),
    (7, 'Do Not Resuscitate Order', '', 6, 12, 13),
    (8, 'Durable Power of Attorney', '', 6, 14, 15),
    (9, 'Living Will', '', 6, 16, 17),
    (11, 'CCR', '', 1, 19, 20),
    (12, 'CCD', '', 1, 21, 22),
    (13, 'CCDA', '', 1, 23, 24),
    (14, 'Eye Module', '', 1, 25, 50),
    (15, 'Communication - Eye', '', 14, 26, 27),
    (16, 'Encounters - Eye', '', 14, 28, 29),
    (17, 'Imaging - Eye', '', 14, 30, 49),
    (18, 'OCT - Eye', 'POSTSEG', 17, 31, 32),
    (19, 'FA/ICG - Eye', 'POSTSEG', 17, 33, 34),
    (20, 'External Photos - Eye', 'EXT', 17, 35, 36),
    (21, 'AntSeg Photos - Eye', 'ANTSEG', 17, 37, 38),
    (22, 'Optic Disc - Eye', 'POSTSEG', 17, 39, 40),
    (23, 'Fundus - Eye', 'POSTSEG', 17, 41, 42),
    (24, 'Radiology - Eye', 'NEURO', 17, 43, 44),
    (25, 'VF - Eye', 'NEURO', 17, 45, 46),
    (26, 'Drawings - Eye', '', 17, 47, 48),
    (27, 'Onsite Portal', '', 1, 51, 56),
    (28, 'Patient', '', 27, 52, 53),
    (29, 'Reviewed', '', 27, 54, 55),
    (30, 'FHIR Export Document', '', 1, 57, 58),
    (31, 'Invoices', '', 1, 59, 60);
