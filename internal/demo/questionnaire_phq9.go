package demo

import "encoding/json"

// The PHQ-9 (Patient Health Questionnaire, LOINC panel 44249-1) as the
// demo's questionnaire repository offers it: nine questions answered on
// LOINC's four-point frequency scale (LOINC answer list LL358-3) and the
// total score 44261-6 the form adds up, as in US Core's PHQ-9 example.

const (
	phq9Code  = "44249-1"
	phq9Name  = "PHQ-9 quick depression assessment panel [Reported.PHQ]"
	phq9Total = "44261-6"
	phq9URL   = "http://loinc.org/q/44249-1"
	loincURL  = "http://loinc.org"
)

// phq9Questions are the nine items: LOINC code and text.
var phq9Questions = [9][2]string{
	{"44250-9", "Little interest or pleasure in doing things?"},
	{"44255-8", "Feeling down, depressed, or hopeless?"},
	{"44259-0", "Trouble falling or staying asleep, or sleeping too much"},
	{"44254-1", "Feeling tired or having little energy"},
	{"44251-7", "Poor appetite or overeating"},
	{"44258-2", "Feeling bad about yourself-or that you are a failure or have let yourself or your family down"},
	{"44252-5", "Trouble concentrating on things, such as reading the newspaper or watching television"},
	{"44253-3", "Moving or speaking so slowly that other people could have noticed. Or the opposite-being so fidgety or restless that you have been moving around a lot more than usual"},
	{"44260-8", "Thoughts that you would be better off dead, or of hurting yourself in some way"},
}

// phq9Answers are the answers by score 0–3.
var phq9Answers = [4][2]string{
	{"LA6568-5", "Not at all"}, {"LA6569-3", "Several days"},
	{"LA6570-1", "More than half the days"}, {"LA6571-9", "Nearly every day"},
}

type fhirCoding struct {
	System  string `json:"system"`
	Code    string `json:"code"`
	Display string `json:"display,omitempty"`
}

type qItem struct {
	LinkID   string       `json:"linkId"`
	Code     []fhirCoding `json:"code,omitempty"`
	Text     string       `json:"text"`
	Type     string       `json:"type"`
	Required bool         `json:"required,omitempty"`
	ReadOnly bool         `json:"readOnly,omitempty"`
	Options  []qOption    `json:"answerOption,omitempty"`
}

type qOption struct {
	ValueCoding fhirCoding `json:"valueCoding"`
}

// phq9Questionnaire is the FHIR Questionnaire questionnaire_repository
// stores for the PHQ-9.
func phq9Questionnaire(uuid string) string {
	var options []qOption
	for _, a := range phq9Answers {
		options = append(options, qOption{fhirCoding{loincURL, a[0], a[1]}})
	}
	var items []qItem
	for _, q := range phq9Questions {
		items = append(items, qItem{LinkID: "/" + q[0], Code: []fhirCoding{{loincURL, q[0], ""}}, Text: q[1],
			Type: "choice", Required: true, Options: options})
	}
	items = append(items, qItem{LinkID: "/" + phq9Total, Code: []fhirCoding{{loincURL, phq9Total, ""}},
		Text: "Patient health questionnaire 9 item total score", Type: "integer", ReadOnly: true})
	data, _ := json.Marshal(map[string]any{
		"resourceType": "Questionnaire", "id": uuid, "url": phq9URL, "name": "PHQ9", "title": "PHQ-9",
		"status": "active", "subjectType": []string{"Patient"},
		"code": []fhirCoding{{loincURL, phq9Code, phq9Name}}, "item": items,
	})
	return string(data)
}
