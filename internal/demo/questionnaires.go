package demo

import (
	"encoding/json"
	"math/rand/v2"
	"strconv"
	"sync"
	"time"

	"goemr/internal/resource"
)

// phq9Stored is the PHQ-9 a response keeps a copy of, as OpenEMR keeps
// the questionnaire answered with each response.
var phq9Stored = sync.OnceValue(func() string { return phq9Questionnaire(ID("questionnaire_repository", 1)) })

// phq9Repository is the questionnaire_repository.id of the PHQ-9 per
// run of Generate (its shared rows), found or written once.
var phq9Repository sync.Map // *shared → int64

// phq9 returns the id of the PHQ-9 in the questionnaire repository,
// writing it on the first use.
func (b *batch) phq9() (int64, error) {
	if id, ok := phq9Repository.Load(b.sh); ok {
		return id.(int64), nil
	}
	now := b.now
	defer func() { b.now = now }()
	uuid := ID("questionnaire_repository", 1)
	created := Anchor.AddDate(-12, 0, 0).Format(dateTime)
	id, err := b.ensure(resource.QuestionnaireRepository, "id", uuid, func() map[string]any {
		return map[string]any{
			"questionnaire_id": uuid, "provider": b.sh.admin, "version": 1, "created_date": created, "modified_date": created,
			"name": "PHQ-9", "type": "Questionnaire", "profile": "http://hl7.org/fhir/StructureDefinition/Questionnaire",
			"active": "1", "status": "active", "source_url": phq9URL, "code": phq9Code, "code_display": phq9Name,
			"questionnaire": phq9Stored(),
		}
	}, nil)
	if err == nil {
		phq9Repository.Store(b.sh, id)
	}
	return id, err
}

// questionnaires writes the PHQ-9s the patient filled in at visits: a
// patient with depression or anxiety at the visit the condition was found
// and at their latest visit since, about a third of the other adults at
// one visit (depression screening is part of an annual check-up), and
// demo patient 1 at his last two visits. A few were left unfinished on
// the portal (in-progress, without a total).
func (b *batch) questionnaires(c *chart) error {
	r := rng("questionnaires", c.p.n)
	if c.p.ageAt(Anchor) < 18 || len(c.visits) == 0 {
		return nil
	}
	last := len(c.visits) - 1
	type answered struct {
		v     *visit
		worse bool // symptoms of a depressive or anxiety disorder
	}
	var at []answered
	for _, pr := range c.probs {
		if pr.icd10 != "F32.A" && pr.icd10 != "F41.1" || len(at) > 0 {
			continue
		}
		for i := range c.visits {
			if !c.visits[i].at.Before(pr.begin) {
				at = append(at, answered{&c.visits[i], true})
				if i != last {
					at = append(at, answered{&c.visits[last], r.IntN(2) == 0})
				}
				break
			}
		}
	}
	switch {
	case len(at) > 0:
	case c.p.n == 1 && last > 0:
		at = []answered{{&c.visits[last-1], false}, {&c.visits[last], false}}
	case r.IntN(100) < 33:
		at = []answered{{&c.visits[last-r.IntN(min(3, last+1))], false}}
	}
	if len(at) == 0 {
		return nil
	}
	repo, err := b.phq9()
	if err != nil {
		return err
	}
	for k, a := range at {
		if err := b.phq9Response(c, r, repo, k+1, a.v, a.worse); err != nil {
			return err
		}
	}
	return nil
}

// phq9Response writes response k of the patient, answered at visit v.
func (b *batch) phq9Response(c *chart, r *rand.Rand, repo int64, k int, v *visit, worse bool) error {
	uuid := ID("questionnaire_response-"+strconv.Itoa(c.p.n), k)
	authored := v.at.Add(time.Duration(5+r.IntN(20)) * time.Minute)
	status, answers := "completed", 9
	if c.p.n != 1 && r.IntN(100) < 6 {
		status, answers = "in-progress", 2+r.IntN(6)
	}
	var items []map[string]any
	total := 0
	for i, q := range phq9Questions[:answers] {
		score := r.IntN(2) * r.IntN(2) // mostly "not at all"
		if worse {
			score = 1 + r.IntN(3)
		}
		if i == 8 && score > 1 { // thoughts of self-harm are rarer
			score = 1
		}
		total += score
		a := phq9Answers[score]
		items = append(items, map[string]any{"linkId": "/" + q[0], "text": q[1],
			"answer": []map[string]any{{"valueCoding": fhirCoding{loincURL, a[0], a[1]}}}})
	}
	var score any
	if status == "completed" {
		score = total
		items = append(items, map[string]any{"linkId": "/" + phq9Total, "text": "Patient health questionnaire 9 item total score",
			"answer": []map[string]any{{"valueInteger": total}}})
	}
	b.now = authored.Format(dateTime)
	data, err := json.Marshal(map[string]any{
		"resourceType": "QuestionnaireResponse", "id": uuid, "questionnaire": phq9URL, "status": status,
		"subject": map[string]string{"reference": "Patient/" + ID("patient", c.p.n)}, "authored": authored.Format("2006-01-02T15:04:05Z"),
		"item": items,
	})
	if err != nil {
		return err
	}
	return b.add(resource.QuestionnaireResponseRow, map[string]any{
		"uuid": uuid, "response_id": uuid, "questionnaire_foreign_id": repo, "questionnaire_id": ID("questionnaire_repository", 1),
		"questionnaire_name": "PHQ-9", "pid": b.pid, "encounter": v.encounter, "audit_user_id": v.doc.id,
		"creator_user_id": v.doc.id, "create_time": b.now, "last_updated": b.now, "version": 1, "status": status,
		"questionnaire": phq9Stored(), "questionnaire_response": string(data),
		"form_score": score,
	})
}
