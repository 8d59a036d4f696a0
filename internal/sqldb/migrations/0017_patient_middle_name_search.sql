-- FHIR's Patient name search matches any part of a name, the middle name
-- too (R4 Patient "name"). Every alternative of an OR must be indexed for
-- the search to use indexes at all (SQLite's multi-index OR), so the
-- trigram indexes of 0009 gain mname.
--- sqlite
DROP TRIGGER patient_data_search_insert;
DROP TRIGGER patient_data_search_delete;
DROP TRIGGER patient_data_search_update;
DROP TABLE patient_data_search;
CREATE VIRTUAL TABLE patient_data_search USING fts5(
    fname, lname, street, city, state, postal_code, mname,
    content='patient_data', content_rowid='id', tokenize='trigram'
);
INSERT INTO patient_data_search (patient_data_search) VALUES ('rebuild');
CREATE TRIGGER patient_data_search_insert AFTER INSERT ON patient_data BEGIN
    INSERT INTO patient_data_search (rowid, fname, lname, street, city, state, postal_code, mname)
    VALUES (new.id, new.fname, new.lname, new.street, new.city, new.state, new.postal_code, new.mname);
END;
CREATE TRIGGER patient_data_search_delete AFTER DELETE ON patient_data BEGIN
    INSERT INTO patient_data_search (patient_data_search, rowid, fname, lname, street, city, state, postal_code, mname)
    VALUES ('delete', old.id, old.fname, old.lname, old.street, old.city, old.state, old.postal_code, old.mname);
END;
CREATE TRIGGER patient_data_search_update AFTER UPDATE OF fname, lname, street, city, state, postal_code, mname ON patient_data BEGIN
    INSERT INTO patient_data_search (patient_data_search, rowid, fname, lname, street, city, state, postal_code, mname)
    VALUES ('delete', old.id, old.fname, old.lname, old.street, old.city, old.state, old.postal_code, old.mname);
    INSERT INTO patient_data_search (rowid, fname, lname, street, city, state, postal_code, mname)
    VALUES (new.id, new.fname, new.lname, new.street, new.city, new.state, new.postal_code, new.mname);
END;
--- postgres
CREATE INDEX patient_data_mname_trgm ON patient_data USING gin (lower(mname) public.gin_trgm_ops);
