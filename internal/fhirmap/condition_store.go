package fhirmap

import (
	"context"
	"fmt"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

// conditionStore writes what conditionFromFHIR mapped. A problem or a
// health concern is its lists row. An encounter diagnosis is stored as
// OpenEMR's encounter form records one: the problem (a lists row of type
// medical_problem) and the issue_encounter link of it to the encounter,
// whose uuid is the diagnosis's id (fhir_condition, migration 0025).
// current is the fhir_condition row an update replaces, nil on create.
func conditionStore(ctx context.Context, w resource.Writer, values map[string]any, current emr.Record) (string, error) {
	lists := make(map[string]any, len(values))
	for k, v := range values {
		if k != diagnosisEncounter {
			lists[k] = v
		}
	}
	enc, diagnosis := values[diagnosisEncounter]
	if current == nil {
		rec, err := w.Insert(ctx, resource.FHIRIssueWrite, lists)
		if err != nil || !diagnosis {
			return rec.Str("uuid"), err
		}
		link, err := w.Insert(ctx, resource.IssueEncounter, map[string]any{
			"pid": lists["pid"], "list_id": rec["id"], "encounter": enc, "resolved": "0",
		})
		return link.Str("uuid"), err
	}
	id := current.Str("uuid")
	switch was := current.Str("category") == categoryEncounterDiagnosis; {
	case was && !diagnosis:
		return "", invalid("Condition.category", "Condition/%s is an encounter diagnosis and stays one", id)
	case !was && diagnosis:
		return "", invalid("Condition.category", "Condition/%s is a %s; an encounter diagnosis is created on its own", id, current.Str("category"))
	case !was:
		_, err := w.Update(ctx, resource.FHIRIssueWrite, lists, emr.Eq("uuid", id))
		return id, err
	}
	// The link belongs to its problem's patient: moving either would
	// leave the other behind.
	if fmt.Sprint(lists["pid"]) != current.Str("pid") {
		return "", invalid("Condition.subject", "an encounter diagnosis cannot move to another patient")
	}
	twin, err := w.List(ctx, resource.IssueEncounter, emr.Query{Where: []emr.Cond{
		emr.Eq("list_id", current.Str("list_id")), emr.Eq("encounter", enc),
		{Field: "uuid", Match: emr.NotEq, Value: id},
	}, Limit: 1})
	if err != nil {
		return "", err
	}
	if len(twin) > 0 {
		return "", invalid("Condition.encounter", "the encounter already has this diagnosis (Condition/%s)", twin[0].Str("uuid"))
	}
	if _, err := w.Update(ctx, resource.FHIRIssueWrite, lists, emr.Eq("id", current.Str("list_id"))); err != nil {
		return "", err
	}
	_, err = w.Update(ctx, resource.IssueEncounter, map[string]any{"encounter": enc}, emr.Eq("uuid", id))
	return id, err
}
