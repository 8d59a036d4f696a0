package fhirmap

import (
	"encoding/json"
	"strings"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// Questionnaire is a questionnaire of OpenEMR's repository
// (questionnaire_repository) as FHIR Questionnaire
// (https://hl7.org/fhir/R4/questionnaire.html; US Core has no profile of
// it). The row keeps the Questionnaire as JSON: its items, name and
// codes are shown as stored, while id, url, title, status and
// lastUpdated come from the columns. The url is the resource's own
// address, the canonical every QuestionnaireResponse of it names, so a
// client can read the form answered (US Core QuestionnaireResponse,
// "questionnaire": a resolvable canonical where one exists). It is in no
// patient compartment.
var Questionnaire = &Mapping{
	Type:    "Questionnaire",
	Def:     resource.FHIRQuestionnaire,
	ID:      "uuid",
	Updated: "last_updated",
	Params: []Param{
		{Code: "title", Type: String, Fields: []string{"name"}, Doc: "The questionnaire's name"},
		{Code: "questionnaire-code", Type: Token, Fields: []string{"code"}, Tokens: questionnaireCode,
			Doc: "The questionnaire's LOINC code (as OpenEMR searches it)"},
	},
	ToFHIR: questionnaireToFHIR,
}

// questionnaireCode matches the repository's LOINC code column.
func questionnaireCode(system, code string, hasSystem bool) []emr.Cond {
	code = strings.TrimSpace(code)
	if code == "" || hasSystem && system != systemLOINC {
		return nil
	}
	return []emr.Cond{emr.Eq("code", code)}
}

// questionnaireStatuses are the publication statuses R4 allows
// (http://hl7.org/fhir/publication-status).
var questionnaireStatuses = map[string]bool{"draft": true, "active": true, "retired": true, "unknown": true}

func questionnaireToFHIR(rec emr.Record, c *Context) r4.Resource {
	q := &r4.Questionnaire{}
	if s := rec.Str("questionnaire"); s != "" {
		// A row whose JSON does not parse still shows its columns.
		_ = json.Unmarshal([]byte(s), q)
	}
	q.ID = text(rec.Str("uuid"))
	q.Meta = meta(nil, rec.Str("last_updated"))
	q.Url = ptr(questionnaireURL(c, rec.Str("uuid")))
	q.Text, q.Contained = nil, nil
	if t := text(rec.Str("name")); t != nil {
		q.Title = t
	}
	// OpenEMR's active flag wins over the stored status: an inactive
	// questionnaire is retired.
	status := strings.ToLower(rec.Str("status"))
	switch {
	case rec.Str("active") == "0":
		status = "retired"
	case !questionnaireStatuses[status]:
		status = "active"
	}
	q.Status = ptr(status)
	if len(q.Code) == 0 && rec.Str("code") != "" {
		q.Code = []r4.Coding{coding(systemLOINC, rec.Str("code"), rec.Str("code_display"))}
	}
	return q
}

// questionnaireURL is the canonical of the questionnaire with FHIR id id:
// its address on this server.
func questionnaireURL(c *Context, id string) string {
	return c.Base + "/Questionnaire/" + id
}
