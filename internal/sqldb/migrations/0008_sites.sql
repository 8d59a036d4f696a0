-- Multisite: the default site's database lists every site and where its
-- data lives (db: a DSN; '' is this database). Each other site has a
-- database (SQLite file or PostgreSQL schema) of its own.
ALTER TABLE sites ADD COLUMN db TEXT NOT NULL DEFAULT '';
