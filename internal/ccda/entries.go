package ccda

import (
	"strconv"

	"goemr/internal/fhir/r4"
)

// indication is an Indication (V2), C-CDA R2.1 Vol 2 §3.37: why
// something was done, as a finding whose value is the reason.
func (b *builder) indication(reason *r4.CodeableConcept, when, typ, id string, n int) *node {
	o := el("observation", "classCode", "OBS", "moodCode", "EVN").add(templateIDs(tid{"2.16.840.1.113883.10.20.22.4.19", "2014-06-09"})...).
		add(b.subID(typ, id, "reason-"+itoa(n+1)), fixed("code", "404684003", oidSNOMED, "SNOMED CT", "Clinical finding"), statusEl("completed"))
	if v := ts(when); v != "" {
		o.add(el("effectiveTime").add(el("low", "value", v)))
	}
	return o.add(cd("value", reason, "", oidSNOMED, oidICD10CM).set("xsi:type", "CD"))
}

// nciRoutes are the SPL Drug Route of Administration codes (NCI
// Thesaurus, 2.16.840.1.113883.3.88.12.3221.8.7) of the HL7 V3 and SNOMED
// CT routes FHIR resources carry.
var nciRoutes = map[string][2]string{
	"PO": {"C38288", "ORAL"}, "26643006": {"C38288", "ORAL"},
	"IM": {"C28161", "INTRAMUSCULAR"}, "78421000": {"C28161", "INTRAMUSCULAR"},
	"IV": {"C38276", "INTRAVENOUS"}, "IVINJ": {"C38276", "INTRAVENOUS"}, "IVINFUS": {"C38276", "INTRAVENOUS"}, "47625008": {"C38276", "INTRAVENOUS"},
	"SQ": {"C38299", "SUBCUTANEOUS"}, "SUBCUT": {"C38299", "SUBCUTANEOUS"}, "34206005": {"C38299", "SUBCUTANEOUS"},
	"SL": {"C38300", "SUBLINGUAL"}, "37839007": {"C38300", "SUBLINGUAL"},
	"TRNSDERMD": {"C38305", "TRANSDERMAL"}, "45890007": {"C38305", "TRANSDERMAL"},
	"IPINHL": {"C38216", "RESPIRATORY (INHALATION)"}, "ORINHL": {"C38216", "RESPIRATORY (INHALATION)"}, "447694001": {"C38216", "RESPIRATORY (INHALATION)"},
	"NASINHL": {"C38284", "NASAL"}, "NASAL": {"C38284", "NASAL"}, "46713006": {"C38284", "NASAL"},
	"TOPICAL": {"C38304", "TOPICAL"}, "6064005": {"C38304", "TOPICAL"},
	"OPTHALTA": {"C38287", "OPHTHALMIC"}, "54485002": {"C38287", "OPHTHALMIC"},
	"RECTAL": {"C38295", "RECTAL"}, "37161004": {"C38295", "RECTAL"},
	"ID": {"C38238", "INTRADERMAL"}, "372464004": {"C38238", "INTRADERMAL"},
}

// routeCode is the route of administration in the SPL route value set,
// with the route as FHIR gave it as translation.
func routeCode(route *r4.CodeableConcept) *node {
	cc := *route
	for _, c := range route.Coding {
		if nci, ok := nciRoutes[deref(c.Code)]; ok {
			system, code, display := "http://ncimeta.nci.nih.gov", nci[0], nci[1]
			cc.Coding = append([]r4.Coding{{System: &system, Code: &code, Display: &display}}, route.Coding...)
			break
		}
	}
	return cd("routeCode", &cc, "", oidNCI)
}

func formatFloat(v float64) string { return strconv.FormatFloat(v, 'f', 4, 64) }

// problemObservation is a Problem Observation (V3), §3.79: a condition
// with its onset and abatement, coded as SNOMED CT (ICD-10-CM as
// translation). kind is the Problem Type code with its LOINC
// translation, as the R2.1 errata require (CONF:1198-32950).
func (b *builder) problemObservation(c *r4.Condition, ref string, kind [4]string) *node {
	o := el("observation", "classCode", "OBS", "moodCode", "EVN")
	if hasCode(c.VerificationStatus, "http://terminology.hl7.org/CodeSystem/condition-ver-status", "refuted") {
		o.set("negationInd", "true")
	}
	onset, abatement := conditionOnset(c), conditionAbatement(c)
	o.add(templateIDs(tid{"2.16.840.1.113883.10.20.22.4.4", "2015-08-01"})...).
		add(b.subID("Condition", deref(c.ID), "observation"),
			fixed("code", kind[0], oidSNOMED, "SNOMED CT", kind[1]).add(fixed("translation", kind[2], oidLOINC, "LOINC", kind[3])),
			refText(ref), statusEl("completed"), ivl("effectiveTime", onset, abatement),
			cd("value", c.Code, ref, oidSNOMED, oidICD10CM).set("xsi:type", "CD"),
			b.author(firstOf(deref(c.RecordedDate), onset), firstNonNil(c.Recorder, c.Asserter)))
	return o
}

// Problem Type codes (SNOMED CT, with their LOINC translations).
var (
	kindProblem   = [4]string{"55607006", "Problem", "75326-9", "Problem"}
	kindDiagnosis = [4]string{"282291009", "Diagnosis", "29308-4", "Diagnosis"}
)

// conditionOnset and conditionAbatement are a condition's clinical dates.
func conditionOnset(c *r4.Condition) string {
	if c.OnsetDateTime != nil {
		return *c.OnsetDateTime
	}
	if c.OnsetPeriod != nil && c.OnsetPeriod.Start != nil {
		return *c.OnsetPeriod.Start
	}
	return ""
}

func conditionAbatement(c *r4.Condition) string {
	if c.AbatementDateTime != nil {
		return *c.AbatementDateTime
	}
	if c.AbatementPeriod != nil && c.AbatementPeriod.End != nil {
		return *c.AbatementPeriod.End
	}
	return ""
}

// conditionActive reports whether a condition's clinical status is
// active (active, recurrence or relapse).
func conditionActive(c *r4.Condition) bool {
	return c.ClinicalStatus == nil || hasCode(c.ClinicalStatus, "http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "recurrence", "relapse")
}

// conditionOf reports whether c is in category (problem-list-item,
// encounter-diagnosis, health-concern) of US Core.
func conditionOf(c *r4.Condition, category string) bool {
	return anyCode(c.Category, "http://terminology.hl7.org/CodeSystem/condition-category", category) ||
		anyCode(c.Category, "http://hl7.org/fhir/us/core/CodeSystem/condition-category", category)
}
