package fhirmap

import (
	"context"
	"strings"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// smokingFromFHIR maps a US Core Smoking Status
// (https://hl7.org/fhir/us/core/STU6.1/StructureDefinition-us-core-smokingstatus.html)
// onto the tobacco entry of the patient's history, the inverse of
// smokingToFHIR: its SNOMED CT value (an option of list smoking_status),
// its time and its notes (the entry's note).
func smokingFromFHIR(o *r4.Observation, v map[string]any) error {
	v["kind"] = "smoking"
	switch {
	case deref(o.Status) != "final":
		return invalid("Observation.status", "a smoking status is kept in the patient's history as final")
	case v["date"] == "":
		return invalid("Observation.effectiveDateTime", "is required (US Core Smoking Status)")
	case conceptCode(o.ValueCodeableConcept, systemSNOMED) == "":
		return invalid("Observation.valueCodeableConcept", "must be a SNOMED CT smoking status (US Core)")
	}
	note := notesFrom(o.Note)
	if strings.Contains(note, "|") {
		return invalid("Observation.note", "OpenEMR's tobacco entry keeps no \"|\"")
	}
	v["smoking_code"], v["note"] = conceptCode(o.ValueCodeableConcept, systemSNOMED), note
	return nil
}

// smokingKinds are the radio choices of OpenEMR's smoking status field by
// smoking_status option: current, quit, never or not applicable.
var smokingKinds = map[string]string{
	"1": "currenttobacco", "2": "currenttobacco", "5": "currenttobacco", "15": "currenttobacco", "16": "currenttobacco",
	"3": "quittobacco", "4": "nevertobacco", "9": "not_applicabletobacco",
}

// storeSmoking saves the history anew with the entry, as OpenEMR does:
// the latest save's other answers copied. An update rewrites the entry in
// the save that first recorded it and in the saves that copied it. The
// id is the first save's uuid.
func storeSmoking(ctx context.Context, w resource.Writer, v map[string]any, current emr.Record) (string, error) {
	opts, err := w.List(ctx, resource.ListOption, emr.Query{Where: []emr.Cond{emr.Eq("list_id", "smoking_status")}})
	if err != nil {
		return "", err
	}
	option := ""
	for _, o := range opts {
		for _, c := range strings.Split(o.Str("codes"), ";") {
			if strings.TrimSpace(c) == "SNOMED-CT:"+str(v["smoking_code"]) {
				option = o.Str("option_id")
			}
		}
	}
	if option == "" {
		return "", invalid("Observation.valueCodeableConcept", "%s is no smoking status of OpenEMR's list", str(v["smoking_code"]))
	}
	kind := smokingKinds[option]
	if kind == "" {
		kind = "currenttobacco"
	}
	entry, pid := str(v["note"])+"|"+kind+"||"+option, str(v["pid"])
	same, err := w.List(ctx, resource.FHIRHistoryWrite, emr.Query{Where: []emr.Cond{emr.Eq("pid", pid), emr.Eq("tobacco", entry)}, Limit: 1})
	if err != nil {
		return "", err
	}
	if current != nil {
		return updateSmoking(ctx, w, v, current, entry, len(same) > 0)
	}
	if len(same) > 0 {
		return "", invalid("Observation.valueCodeableConcept", "the patient's history already records this smoking status (Observation/%s)", same[0].Str("uuid"))
	}
	latest, err := w.List(ctx, resource.FHIRHistoryWrite, emr.Query{Where: []emr.Cond{emr.Eq("pid", pid)},
		Sort: []emr.SortKey{{Field: "id", Desc: true}}, Limit: 1})
	if err != nil {
		return "", err
	}
	row := map[string]any{}
	if len(latest) > 0 {
		for k, x := range latest[0] {
			row[k] = x
		}
		delete(row, "id")
		delete(row, "uuid")
	}
	row["pid"], row["tobacco"], row["date"], row["created_by"] = pid, entry, v["date"], orNil(v["performer"])
	rec, err := w.Insert(ctx, resource.FHIRHistoryWrite, row)
	return str(rec["uuid"]), err
}

// updateSmoking rewrites the entry current shows, where it was first
// recorded and where later saves copied it.
func updateSmoking(ctx context.Context, w resource.Writer, v map[string]any, current emr.Record, entry string, taken bool) (string, error) {
	id := current.Str("id")
	rows, err := w.List(ctx, resource.FHIRHistoryWrite, emr.Query{Where: []emr.Cond{emr.Eq("uuid", id)}})
	if err != nil || len(rows) == 0 {
		return "", err
	}
	r := rows[0]
	switch {
	case r.Str("pid") != str(v["pid"]):
		return "", invalid("Observation.subject", "a history entry's patient cannot change")
	case taken && r.Str("tobacco") != entry:
		return "", invalid("Observation.valueCodeableConcept", "the patient's history already records this smoking status")
	}
	if _, err := w.Update(ctx, resource.FHIRHistoryWrite, map[string]any{"tobacco": entry}, emr.Eq("pid", r.Str("pid")),
		emr.Eq("tobacco", r.Str("tobacco")), emr.Cond{Field: "id", Match: emr.NotEq, Value: r.Str("id")}); err != nil {
		return "", err
	}
	_, err = w.Update(ctx, resource.FHIRHistoryWrite, map[string]any{"tobacco": entry, "date": v["date"], "created_by": orNil(v["performer"])},
		emr.Eq("id", r.Str("id")))
	return id, err
}
