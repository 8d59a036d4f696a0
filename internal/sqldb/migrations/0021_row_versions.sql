-- FHIR versions (R4 http.html#versioning): meta.versionId, ETag and
-- If-Match need a number that moves on every change of a row, whichever
-- API (or process) changes it. OpenEMR's tables keep none, so a trigger
-- counts each row's updates here; a row without an entry is at version 1.
-- Inserts cost nothing; an update also writes its row's counter.
CREATE TABLE row_versions (
    tbl     TEXT NOT NULL,
    id      BIGINT NOT NULL,
    version BIGINT NOT NULL,
    PRIMARY KEY (tbl, id)
);
--- sqlite
CREATE TRIGGER patient_data_version AFTER UPDATE ON patient_data BEGIN
    INSERT INTO row_versions (tbl, id, version) VALUES ('patient_data', new.id, 2)
    ON CONFLICT (tbl, id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER users_version AFTER UPDATE ON users BEGIN
    INSERT INTO row_versions (tbl, id, version) VALUES ('users', new.id, 2)
    ON CONFLICT (tbl, id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER facility_version AFTER UPDATE ON facility BEGIN
    INSERT INTO row_versions (tbl, id, version) VALUES ('facility', new.id, 2)
    ON CONFLICT (tbl, id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER lists_version AFTER UPDATE ON lists BEGIN
    INSERT INTO row_versions (tbl, id, version) VALUES ('lists', new.id, 2)
    ON CONFLICT (tbl, id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER immunizations_version AFTER UPDATE ON immunizations BEGIN
    INSERT INTO row_versions (tbl, id, version) VALUES ('immunizations', new.id, 2)
    ON CONFLICT (tbl, id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER form_encounter_version AFTER UPDATE ON form_encounter BEGIN
    INSERT INTO row_versions (tbl, id, version) VALUES ('form_encounter', new.id, 2)
    ON CONFLICT (tbl, id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER form_vitals_version AFTER UPDATE ON form_vitals BEGIN
    INSERT INTO row_versions (tbl, id, version) VALUES ('form_vitals', new.id, 2)
    ON CONFLICT (tbl, id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER procedure_result_version AFTER UPDATE ON procedure_result BEGIN
    INSERT INTO row_versions (tbl, id, version) VALUES ('procedure_result', new.procedure_result_id, 2)
    ON CONFLICT (tbl, id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER procedure_report_version AFTER UPDATE ON procedure_report BEGIN
    INSERT INTO row_versions (tbl, id, version) VALUES ('procedure_report', new.procedure_report_id, 2)
    ON CONFLICT (tbl, id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER procedure_order_version AFTER UPDATE ON procedure_order BEGIN
    INSERT INTO row_versions (tbl, id, version) VALUES ('procedure_order', new.procedure_order_id, 2)
    ON CONFLICT (tbl, id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER prescriptions_version AFTER UPDATE ON prescriptions BEGIN
    INSERT INTO row_versions (tbl, id, version) VALUES ('prescriptions', new.id, 2)
    ON CONFLICT (tbl, id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER documents_version AFTER UPDATE ON documents BEGIN
    INSERT INTO row_versions (tbl, id, version) VALUES ('documents', new.id, 2)
    ON CONFLICT (tbl, id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER insurance_data_version AFTER UPDATE ON insurance_data BEGIN
    INSERT INTO row_versions (tbl, id, version) VALUES ('insurance_data', new.id, 2)
    ON CONFLICT (tbl, id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER insurance_companies_version AFTER UPDATE ON insurance_companies BEGIN
    INSERT INTO row_versions (tbl, id, version) VALUES ('insurance_companies', new.id, 2)
    ON CONFLICT (tbl, id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER openemr_postcalendar_events_version AFTER UPDATE ON openemr_postcalendar_events BEGIN
    INSERT INTO row_versions (tbl, id, version) VALUES ('openemr_postcalendar_events', new.pc_eid, 2)
    ON CONFLICT (tbl, id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER drugs_version AFTER UPDATE ON drugs BEGIN
    INSERT INTO row_versions (tbl, id, version) VALUES ('drugs', new.drug_id, 2)
    ON CONFLICT (tbl, id) DO UPDATE SET version = version + 1;
END;
--- postgres
CREATE FUNCTION goemr_bump_row_version() RETURNS trigger AS $$
BEGIN
    INSERT INTO row_versions (tbl, id, version)
    VALUES (TG_TABLE_NAME, (to_jsonb(NEW) ->> TG_ARGV[0])::bigint, 2)
    ON CONFLICT (tbl, id) DO UPDATE SET version = row_versions.version + 1;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER patient_data_version AFTER UPDATE ON patient_data FOR EACH ROW EXECUTE FUNCTION goemr_bump_row_version('id');
CREATE TRIGGER users_version AFTER UPDATE ON users FOR EACH ROW EXECUTE FUNCTION goemr_bump_row_version('id');
CREATE TRIGGER facility_version AFTER UPDATE ON facility FOR EACH ROW EXECUTE FUNCTION goemr_bump_row_version('id');
CREATE TRIGGER lists_version AFTER UPDATE ON lists FOR EACH ROW EXECUTE FUNCTION goemr_bump_row_version('id');
CREATE TRIGGER immunizations_version AFTER UPDATE ON immunizations FOR EACH ROW EXECUTE FUNCTION goemr_bump_row_version('id');
CREATE TRIGGER form_encounter_version AFTER UPDATE ON form_encounter FOR EACH ROW EXECUTE FUNCTION goemr_bump_row_version('id');
CREATE TRIGGER form_vitals_version AFTER UPDATE ON form_vitals FOR EACH ROW EXECUTE FUNCTION goemr_bump_row_version('id');
CREATE TRIGGER procedure_result_version AFTER UPDATE ON procedure_result FOR EACH ROW EXECUTE FUNCTION goemr_bump_row_version('procedure_result_id');
CREATE TRIGGER procedure_report_version AFTER UPDATE ON procedure_report FOR EACH ROW EXECUTE FUNCTION goemr_bump_row_version('procedure_report_id');
CREATE TRIGGER procedure_order_version AFTER UPDATE ON procedure_order FOR EACH ROW EXECUTE FUNCTION goemr_bump_row_version('procedure_order_id');
CREATE TRIGGER prescriptions_version AFTER UPDATE ON prescriptions FOR EACH ROW EXECUTE FUNCTION goemr_bump_row_version('id');
CREATE TRIGGER documents_version AFTER UPDATE ON documents FOR EACH ROW EXECUTE FUNCTION goemr_bump_row_version('id');
CREATE TRIGGER insurance_data_version AFTER UPDATE ON insurance_data FOR EACH ROW EXECUTE FUNCTION goemr_bump_row_version('id');
CREATE TRIGGER insurance_companies_version AFTER UPDATE ON insurance_companies FOR EACH ROW EXECUTE FUNCTION goemr_bump_row_version('id');
CREATE TRIGGER openemr_postcalendar_events_version AFTER UPDATE ON openemr_postcalendar_events FOR EACH ROW EXECUTE FUNCTION goemr_bump_row_version('pc_eid');
CREATE TRIGGER drugs_version AFTER UPDATE ON drugs FOR EACH ROW EXECUTE FUNCTION goemr_bump_row_version('drug_id');
