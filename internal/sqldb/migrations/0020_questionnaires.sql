-- Questionnaires and their responses in OpenEMR's tables (US Core
-- QuestionnaireResponse, FHIR Questionnaire).

-- questionnaire_repository: the questionnaires a site offers, with
-- OpenEMR's columns. questionnaire is the FHIR Questionnaire as JSON (the
-- form a clinician or the portal renders); code and code_display its
-- LOINC panel code ("44249-1"), type 'Questionnaire', active '1' for a
-- questionnaire in use.
CREATE TABLE questionnaire_repository (
    id               {{autoid}},
    uuid             TEXT NOT NULL UNIQUE,
    questionnaire_id TEXT,
    provider         BIGINT,
    version          BIGINT NOT NULL DEFAULT 1,
    created_date     TEXT,
    modified_date    TEXT,
    name             TEXT,
    type             TEXT NOT NULL DEFAULT 'Questionnaire',
    profile          TEXT,
    active           TEXT NOT NULL DEFAULT '1',
    status           TEXT,
    source_url       TEXT,
    code             TEXT,
    code_display     TEXT,
    questionnaire    TEXT
);
CREATE INDEX questionnaire_repository_code ON questionnaire_repository (code);

-- questionnaire_response: a completed (or started) questionnaire, with
-- OpenEMR's columns except that the patient is pid, as in the other
-- tables. questionnaire_foreign_id is the questionnaire_repository.id
-- answered, questionnaire a copy of that questionnaire as it was, and
-- questionnaire_response the FHIR QuestionnaireResponse as JSON, whose
-- items (linkId, text, answers) are what the FHIR API shows; form_score
-- is the score the form computed (a PHQ-9 total). status is a FHIR
-- questionnaire-answers-status code ('completed', 'in-progress' …).
CREATE TABLE questionnaire_response (
    id                       {{autoid}},
    uuid                     TEXT NOT NULL UNIQUE,
    response_id              TEXT,
    questionnaire_foreign_id BIGINT,
    questionnaire_id         TEXT,
    questionnaire_name       TEXT,
    pid                      BIGINT NOT NULL,
    encounter                BIGINT,
    audit_user_id            BIGINT,
    creator_user_id          BIGINT,
    create_time              TEXT,
    last_updated             TEXT,
    version                  BIGINT NOT NULL DEFAULT 1,
    status                   TEXT,
    questionnaire            TEXT,
    questionnaire_response   TEXT,
    form_response            TEXT,
    form_score               BIGINT,
    tscore                   TEXT,
    error                    TEXT
);
CREATE INDEX questionnaire_response_pid ON questionnaire_response (pid);
CREATE INDEX questionnaire_response_questionnaire ON questionnaire_response (questionnaire_foreign_id);
