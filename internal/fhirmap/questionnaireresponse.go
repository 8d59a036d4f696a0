package fhirmap

import (
	"encoding/json"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// QuestionnaireResponse is a completed questionnaire (OpenEMR
// questionnaire_response) as US Core QuestionnaireResponse
// (https://hl7.org/fhir/us/core/STU6.1/StructureDefinition-us-core-questionnaireresponse.html).
// OpenEMR stores the response as FHIR JSON; its items (linkId, text and
// answers) are shown as stored. questionnaire is the canonical of the
// repository questionnaire answered, its address on this server
// (Questionnaire.url); status, subject, encounter, authored (when it was
// answered) and author (the user who recorded it) come from the columns.
var QuestionnaireResponse = &Mapping{
	Type:     "QuestionnaireResponse",
	Profiles: questionnaireResponseProfiles,
	Def:      resource.FHIRQuestionnaireResponse,
	ID:       "uuid", Updated: "last_updated", Patient: "pid",
	Refs: []Ref{
		{Name: "patient", Field: "pid", Def: resource.FHIRPatientKey, By: "pid", Take: "uuid"},
		{Name: "encounter", Field: "encounter", Def: resource.FHIREncounterKey, By: "encounter", Take: "uuid"},
		{Name: "author", Field: "creator_user_id", Def: resource.FHIRPractitioner, By: "id", Take: "uuid"},
		{Name: "questionnaire", Field: "questionnaire_foreign_id", Def: resource.FHIRQuestionnaire, By: "id", Take: "uuid"},
	},
	Params: []Param{
		{Code: "patient", Type: Reference, Fields: []string{"pid"}, Target: "Patient", TargetKey: "pid"},
		// The canonical is this server's Questionnaire/{id}, so the
		// reference search finds the repository row and matches its id.
		{Code: "questionnaire", Type: Reference, Fields: []string{"questionnaire_foreign_id"}, Target: "Questionnaire", TargetKey: "id",
			Doc: "The questionnaire answered (its canonical, or Questionnaire/id)"},
		{Code: "authored", Type: Date, Fields: []string{"create_time"}, Doc: "When the questionnaire was answered"},
		{Code: "status", Type: Token, Fields: []string{"status"}, Tokens: computedStatusTokens(systemQuestionnaireAnswersStatus, "status")},
	},
	ToFHIR: questionnaireResponseToFHIR,
}

var questionnaireResponseProfiles = profiles("us-core-questionnaireresponse")

const systemQuestionnaireAnswersStatus = "http://hl7.org/fhir/questionnaire-answers-status"

// questionnaireAnswersStatuses are the codes R4 allows for status.
var questionnaireAnswersStatuses = map[string]bool{
	"in-progress": true, "completed": true, "amended": true, "entered-in-error": true, "stopped": true,
}

func questionnaireResponseToFHIR(rec emr.Record, c *Context) r4.Resource {
	stored := &r4.QuestionnaireResponse{}
	if s := rec.Str("questionnaire_response"); s != "" {
		// A row whose JSON does not parse still shows its columns.
		_ = json.Unmarshal([]byte(s), stored)
	}
	qr := &r4.QuestionnaireResponse{
		ID:        text(rec.Str("uuid")),
		Meta:      meta(questionnaireResponseProfiles, rec.Str("last_updated")),
		Status:    ptr(questionnaireResponseStatus(rec.Str("status"))),
		Subject:   issueSubject(rec, c),
		Encounter: carePlanEncounter(rec, c),
		Authored:  instant(rec.Str("create_time")),
		Item:      stored.Item,
	}
	if id, ok := c.Ref("questionnaire", rec.Str("questionnaire_foreign_id")); ok {
		qr.Questionnaire = ptr(questionnaireURL(c, id))
	} else {
		// The questionnaire is required (1..1); one no longer in the
		// repository is named by what the response stored, else absent.
		qr.Questionnaire = stored.Questionnaire
		if qr.Questionnaire == nil {
			qr.QuestionnaireExt = &r4.Element{Extension: absent("unknown")}
		}
	}
	if id, ok := c.Ref("author", rec.Str("creator_user_id")); ok {
		qr.Author = reference("Practitioner", id)
	}
	return qr
}

// questionnaireResponseStatus is the stored status, "completed" for an
// empty or unknown one (OpenEMR writes a response when it is submitted).
func questionnaireResponseStatus(s string) string {
	if questionnaireAnswersStatuses[s] {
		return s
	}
	return "completed"
}
