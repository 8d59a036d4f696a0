-- Patient search matches names and addresses anywhere in the value
-- (OpenEMR's LIKE '%…%'), which no B-tree index can answer. Trigram
-- indexes can: SQLite's FTS5 trigram tokenizer over an external-content
-- table kept in step by triggers, PostgreSQL's pg_trgm GIN indexes.
--- sqlite
CREATE VIRTUAL TABLE patient_data_search USING fts5(
    fname, lname, street, city, state, postal_code,
    content='patient_data', content_rowid='id', tokenize='trigram'
);
INSERT INTO patient_data_search (patient_data_search) VALUES ('rebuild');
CREATE TRIGGER patient_data_search_insert AFTER INSERT ON patient_data BEGIN
    INSERT INTO patient_data_search (rowid, fname, lname, street, city, state, postal_code)
    VALUES (new.id, new.fname, new.lname, new.street, new.city, new.state, new.postal_code);
END;
CREATE TRIGGER patient_data_search_delete AFTER DELETE ON patient_data BEGIN
    INSERT INTO patient_data_search (patient_data_search, rowid, fname, lname, street, city, state, postal_code)
    VALUES ('delete', old.id, old.fname, old.lname, old.street, old.city, old.state, old.postal_code);
END;
CREATE TRIGGER patient_data_search_update AFTER UPDATE OF fname, lname, street, city, state, postal_code ON patient_data BEGIN
    INSERT INTO patient_data_search (patient_data_search, rowid, fname, lname, street, city, state, postal_code)
    VALUES ('delete', old.id, old.fname, old.lname, old.street, old.city, old.state, old.postal_code);
    INSERT INTO patient_data_search (rowid, fname, lname, street, city, state, postal_code)
    VALUES (new.id, new.fname, new.lname, new.street, new.city, new.state, new.postal_code);
END;
--- postgres
-- In the public schema, so every site's schema finds the operator class
-- by its qualified name.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE INDEX patient_data_fname_trgm ON patient_data USING gin (lower(fname) public.gin_trgm_ops);
CREATE INDEX patient_data_lname_trgm ON patient_data USING gin (lower(lname) public.gin_trgm_ops);
CREATE INDEX patient_data_street_trgm ON patient_data USING gin (lower(street) public.gin_trgm_ops);
CREATE INDEX patient_data_city_trgm ON patient_data USING gin (lower(city) public.gin_trgm_ops);
CREATE INDEX patient_data_state_trgm ON patient_data USING gin (lower(state) public.gin_trgm_ops);
CREATE INDEX patient_data_postal_code_trgm ON patient_data USING gin (lower(postal_code) public.gin_trgm_ops);
