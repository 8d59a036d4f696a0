package fhirmap

import (
	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
)

const immunizationCVX = "http://hl7.org/fhir/sid/cvx"

// OpenEMR's Immunization_Completion_Status options (ids, and the titles
// imported records sometimes hold instead).
var (
	immunizationNotGiven = []string{"Refused", "Not_Administered", "Not Administered"}
	immunizationPartial  = map[string]bool{"Partially_Administered": true, "Partially Administered": true}
)

// immunizationStatus is the FHIR status of a dose: entered-in-error when
// flagged as added by mistake; not-done when refused or not given (a
// refusal reason says so too); otherwise completed. OpenEMR's FHIR service
// calls every status but "Completed" not-done, which makes a partial dose
// or a record from before completion_status existed a dose never given;
// FHIR has a partial dose completed and subpotent.
func immunizationStatus(rec emr.Record) string {
	if e := rec.Str("added_erroneously"); e != "" && e != "0" {
		return "entered-in-error"
	}
	cs := rec.Str("completion_status")
	for _, n := range immunizationNotGiven {
		if cs == n {
			return "not-done"
		}
	}
	if text(rec.Str("refusal_reason")) != nil {
		return "not-done"
	}
	return "completed"
}

// immunizationStatusTokens finds the rows immunizationStatus gives a code.
func immunizationStatusTokens(system, code string, hasSystem bool) []emr.Cond {
	if hasSystem && system != "http://hl7.org/fhir/event-status" {
		return nil
	}
	valid := emr.Or(emr.Eq("added_erroneously", "0"), emr.Cond{Field: "added_erroneously", Match: emr.Missing, Value: true})
	switch code {
	case "entered-in-error":
		return []emr.Cond{emr.And(
			emr.Cond{Field: "added_erroneously", Match: emr.Missing, Value: false},
			emr.Cond{Field: "added_erroneously", Match: emr.NotEq, Value: "0"})}
	case "not-done":
		return []emr.Cond{emr.And(valid, emr.Or(
			emr.Cond{Field: "completion_status", Match: emr.In, Value: immunizationNotGiven},
			emr.Cond{Field: "refusal_reason", Match: emr.Missing, Value: false}))}
	case "completed":
		all := []emr.Cond{valid, {Field: "refusal_reason", Match: emr.Missing, Value: true}}
		for _, n := range immunizationNotGiven {
			all = append(all, emr.Cond{Field: "completion_status", Match: emr.NotEq, Value: n})
		}
		return []emr.Cond{emr.And(all...)}
	}
	return nil
}

func immunizationVaccineTokens(system, code string, hasSystem bool) []emr.Cond {
	if hasSystem && system != immunizationCVX || code == "" {
		return nil
	}
	return []emr.Cond{emr.Eq("cvx_code", code)}
}

// immunizationRefusal is why a dose was not given: the refusal reason's
// CDC NIP002 code (the option's notes) read as HL7 ActReason, as OpenEMR
// does: a religious exemption is RELIG, any other refusal PATOBJ.
func immunizationRefusal(rec emr.Record) *r4.CodeableConcept {
	reason := rec.Str("refusal_reason")
	if text(reason) == nil {
		return nil
	}
	c := concept("http://terminology.hl7.org/CodeSystem/v3-ActReason", "PATOBJ", "patient objection")
	if rec.Str("refusal_reason_cdc_nip_code") == "01" || reason == "religious_exemption" {
		c = concept("http://terminology.hl7.org/CodeSystem/v3-ActReason", "RELIG", "religious objection")
	}
	if d := text(rec.Str("refusal_reason_description")); d != nil {
		c.Text = d
	}
	return c
}

// ucumDoseUnits are the amount units OpenEMR offers that are UCUM codes.
var ucumDoseUnits = map[string]bool{"mL": true, "mg": true, "ug": true, "g": true, "L": true}

// immunizationSites are HL7 ActSite codes of the administration sites
// OpenEMR's immunization form offers, for rows whose site option carries
// no code of its own (proc_body_site notes).
var immunizationSites = map[string]struct{ code, display string }{
	"left_arm": {"LA", "left arm"}, "right_arm": {"RA", "right arm"},
	"left_deltoid": {"LD", "left deltoid"}, "right_deltoid": {"RD", "right deltoid"},
	"left_thigh": {"LT", "left thigh"}, "right_thigh": {"RT", "right thigh"},
	"left_vastus_lateralis": {"LVL", "left vastus lateralis"}, "right_vastus_lateralis": {"RVL", "right vastus lateralis"},
	"left_gluteus_medius": {"LG", "left gluteus medius"}, "right_gluteus_medius": {"RG", "right gluteus medius"},
}

func immunizationSite(rec emr.Record) *r4.CodeableConcept {
	const actSite = "http://terminology.hl7.org/CodeSystem/v3-ActSite"
	site := rec.Str("administration_site")
	if code := text(rec.Str("site_code")); code != nil {
		return concept(actSite, *code, rec.Str("site_display"))
	}
	if s, ok := immunizationSites[site]; ok {
		return concept(actSite, s.code, s.display)
	}
	if t := text(site); t != nil {
		return &r4.CodeableConcept{Text: t}
	}
	return nil
}

// immunizationRoutes are HL7 RouteOfAdministration codes of OpenEMR's
// immunization routes.
var immunizationRoutes = map[string]struct{ code, display string }{
	"intramuscular": {"IM", "Injection, intramuscular"}, "subcutaneous": {"SQ", "Injection, subcutaneous"},
	"intradermal": {"IDINJ", "Injection, intradermal"}, "oral": {"PO", "Swallow, oral"},
	"intranasal": {"NASINHLC", "Inhalation, nasal"}, "intravenous": {"IVINJ", "Injection, intravenous"},
}

func immunizationRoute(route string) *r4.CodeableConcept {
	if r, ok := immunizationRoutes[route]; ok {
		return concept("http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration", r.code, r.display)
	}
	if t := text(route); t != nil {
		return &r4.CodeableConcept{Text: t}
	}
	return nil
}
