-- The encounter of a SMART EHR launch (SMART App Launch 2.x, "Launch context
-- arrives with your access_token": encounter) is part of the grant, beside
-- patient_uuid, so that every token of the grant, refreshed ones included,
-- carries the same launch context. Grants made before hold no encounter.
ALTER TABLE oauth_grants ADD COLUMN encounter_uuid TEXT NOT NULL DEFAULT '';
