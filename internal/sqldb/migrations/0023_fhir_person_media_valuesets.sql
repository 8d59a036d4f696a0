-- FHIR Media and ValueSet (Person and Media read users and documents as
-- they are).

-- notes: OpenEMR's notes on a document (foreign_id = documents.id), which
-- FHIR Media shows as its notes.
CREATE TABLE notes (
    id         {{autoid}},
    foreign_id BIGINT NOT NULL DEFAULT 0,
    note       TEXT,
    owner      BIGINT,
    date       TEXT,
    revision   TEXT
);
CREATE INDEX notes_foreign_id ON notes (foreign_id);

-- fhir_value_sets: one row per option list of list_options (FHIR
-- ValueSet), as OpenEMR's list editor sees them, without the list of
-- lists itself. id is the list_id made a valid FHIR id (R4
-- datatypes.html#id allows no '_'; OpenEMR list ids hold no '.', so the id
-- stays unique and maps back); title is the list's entry in the list of
-- lists; publisher the practice (the primary business entity, else the
-- first facility, as Provenance names the custodian); concepts
-- are the active options as a JSON array of [option_id, title] pairs in
-- the lists' own order (seq). The engines build JSON with different
-- functions; the view is otherwise the same.
--- sqlite
CREATE VIEW fhir_value_sets AS
SELECT replace(o.list_id, '_', '.') AS id, o.list_id AS list_id,
       'List_' || replace(o.list_id, '-', '_') AS name,
       COALESCE((SELECT NULLIF(l.title, '') FROM list_options l WHERE l.list_id = 'lists' AND l.option_id = o.list_id), o.list_id) AS title,
       MAX(COALESCE(NULLIF(o.last_updated, ''), NULLIF(o.timestamp, ''))) AS last_updated,
       (SELECT f.name FROM facility f ORDER BY CASE WHEN f.primary_business_entity = '1' THEN 0 ELSE 1 END, f.id LIMIT 1) AS publisher,
       COUNT(*) AS total,
       json_group_array(json_array(o.option_id, o.title) ORDER BY o.seq, o.option_id) AS concepts
FROM list_options o
WHERE o.list_id <> 'lists' AND o.activity = '1' AND length(o.list_id) <= 64
GROUP BY o.list_id;
--- postgres
CREATE VIEW fhir_value_sets AS
SELECT replace(o.list_id, '_', '.') AS id, o.list_id AS list_id,
       'List_' || replace(o.list_id, '-', '_') AS name,
       COALESCE((SELECT NULLIF(l.title, '') FROM list_options l WHERE l.list_id = 'lists' AND l.option_id = o.list_id), o.list_id) AS title,
       MAX(COALESCE(NULLIF(o.last_updated, ''), NULLIF(o.timestamp, ''))) AS last_updated,
       (SELECT f.name FROM facility f ORDER BY CASE WHEN f.primary_business_entity = '1' THEN 0 ELSE 1 END, f.id LIMIT 1) AS publisher,
       COUNT(*) AS total,
       json_agg(json_build_array(o.option_id, o.title) ORDER BY o.seq, o.option_id)::text AS concepts
FROM list_options o
WHERE o.list_id <> 'lists' AND o.activity = '1' AND length(o.list_id) <= 64
GROUP BY o.list_id;
