package demo

import (
	"encoding/json"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

// Depression screens: the PHQ-9s patients answered as questionnaires,
// recorded as observations taken from them, and PHQ-2s clinicians ask.

// answeredPHQ9 are the patient's questionnaire responses, read back to
// record their answers as observations.
var answeredPHQ9 = resource.FHIRQuestionnaireResponse

// phq9Observations records each completed PHQ-9 of the patient as a
// panel of observations taken from the questionnaire response (OpenEMR's
// Observation form links them by questionnaire_response_id), and reports
// whether there was one.
func (b *batch) phq9Observations() (bool, error) {
	rows, err := b.w.List(b.ctx, answeredPHQ9, emr.Query{Where: []emr.Cond{emr.Eq("pid", b.pid), emr.Eq("status", "completed")}})
	if err != nil || len(rows) == 0 {
		return false, err
	}
	for _, row := range rows {
		head, items, ok := phq9FromResponse(row.Str("questionnaire_response"))
		if !ok {
			continue
		}
		at, err := time.Parse(dateTime, row.Str("create_time"))
		if err != nil {
			return false, err
		}
		f := &obsForm{encounter: int64Of(row.Str("encounter")), at: at, response: int64Of(row.Str("id"))}
		if err := b.panel(f, head, items); err != nil {
			return false, err
		}
	}
	return true, nil
}

// int64Of is a number the store read (as text).
func int64Of(s string) int64 {
	n, _ := strconv.ParseInt(s, 10, 64)
	return n
}

// phq9FromResponse reads a completed PHQ-9 questionnaire response (the
// FHIR QuestionnaireResponse questionnaire_response stores) into a panel
// and its items: each question's answer and the total score.
func phq9FromResponse(data string) (obs, []obs, bool) {
	var qr struct {
		Item []struct {
			LinkID string `json:"linkId"`
			Text   string `json:"text"`
			Answer []struct {
				ValueCoding  *fhirCoding `json:"valueCoding"`
				ValueInteger *int        `json:"valueInteger"`
			} `json:"answer"`
		} `json:"item"`
	}
	if err := json.Unmarshal([]byte(data), &qr); err != nil {
		return obs{}, nil, false
	}
	head := obs{code: phq9Code, name: phq9Name, typ: surveyType}
	var items []obs
	for _, it := range qr.Item {
		o := obs{code: strings.TrimPrefix(it.LinkID, "/"), name: it.Text, typ: surveyType}
		for _, a := range it.Answer {
			switch {
			case a.ValueCoding != nil:
				items = append(items, coded(o, answer{"LOINC:" + a.ValueCoding.Code, a.ValueCoding.Display}))
			case a.ValueInteger != nil:
				o.name = "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]"
				o.value, o.unit = strconv.Itoa(*a.ValueInteger), scoreUnit
				items = append(items, o)
			}
		}
	}
	return head, items, len(items) > 0
}

// phq2 is a PHQ-2 depression screen the clinician asked: the PHQ-9's
// first two questions and their total.
func phq2(r *rand.Rand) (obs, []obs) {
	head := obs{code: "55757-9", name: "Patient Health Questionnaire 2 item (PHQ-2) [Reported]", typ: surveyType}
	var items []obs
	total := 0
	for _, q := range phq9Questions[:2] {
		score := r.IntN(2) * r.IntN(2)
		total += score
		a := phq9Answers[score]
		items = append(items, coded(obs{code: q[0], name: q[1], typ: surveyType}, answer{"LOINC:" + a[0], a[1]}))
	}
	items = append(items, obs{code: "55758-7", name: "Patient Health Questionnaire 2 item (PHQ-2) total score [Reported]",
		typ: surveyType, value: strconv.Itoa(total), unit: scoreUnit})
	return head, items
}
