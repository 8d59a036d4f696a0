package fhirmap

import (
	"strings"

	"goemr/internal/fhir/r4"
)

// encounterClassFrom keeps the class as an option of OpenEMR's
// _ActEncounterCode list (v3 ActCode).
func encounterClassFrom(c *r4.Coding, v map[string]any) error {
	if c == nil {
		return invalid("Encounter.class", "is required")
	}
	code := deref(c.Code)
	if s := deref(c.System); s != systemActEncounter && s != "" || actEncounterCodes[code] == "" {
		return invalid("Encounter.class", "must be a v3 ActCode encounter class (AMB, EMER, IMP, VR…), not %s|%s", s, code)
	}
	v["class_code"] = code
	return nil
}

// encounterTypeFrom keeps the type (US Core requires one) as OpenEMR's
// encounter_type_code, "SNOMED-CT:code" or "CPT4:code", with its name. Of
// a type's codings the SNOMED CT or CPT one is kept (others are
// translations of it); a type with text alone keeps the text.
func encounterTypeFrom(types []r4.CodeableConcept, v map[string]any) error {
	if len(types) == 0 {
		return invalid("Encounter.type", "is required (US Core)")
	}
	if len(types) > 1 {
		return invalid("Encounter.type", "OpenEMR records one type of encounter")
	}
	t := types[0]
	v["encounter_type_code"], v["encounter_type_description"] = "", strings.TrimSpace(deref(t.Text))
	for _, c := range t.Coding {
		prefix := map[string]string{systemSNOMED: "SNOMED-CT:", systemAMACPT: "CPT4:"}[deref(c.System)]
		code := strings.TrimSpace(deref(c.Code))
		if prefix == "" || code == "" || strings.ContainsAny(code, ";: ") {
			continue
		}
		v["encounter_type_code"] = prefix + code
		if v["encounter_type_description"] == "" {
			v["encounter_type_description"] = strings.TrimSpace(deref(c.Display))
		}
		return nil
	}
	if len(t.Coding) > 0 {
		return invalid("Encounter.type", "must have a SNOMED CT or CPT coding to be stored")
	}
	if v["encounter_type_description"] == "" {
		return invalid("Encounter.type", "must have a coding or a text")
	}
	return nil
}

// encounterPeriodFrom keeps the period as the encounter's date and
// date_end (UTC times; a day as its start), which may be absent.
func encounterPeriodFrom(p *r4.Period, v map[string]any) error {
	v["date"], v["date_end"] = "", ""
	if p == nil {
		return nil
	}
	start, err := timeFrom("Encounter.period.start", p.Start)
	if err != nil {
		return err
	}
	end, err := timeFrom("Encounter.period.end", p.End)
	if err != nil {
		return err
	}
	if start != "" && end != "" && end < start {
		return invalid("Encounter.period", "ends before it starts (per-1)")
	}
	v["date"], v["date_end"] = atMidnight(start), atMidnight(end)
	return nil
}

// atMidnight is a day as the datetime form_encounter keeps, the start of
// that day; a time stays as it is.
func atMidnight(s string) string {
	if len(s) == 10 {
		return s + " 00:00:00"
	}
	return s
}

// encounterParticipantsFrom keeps the provider (a performer, attender or
// participant of any type but referrer) and the referrer (REF), each a
// practitioner: OpenEMR's encounter names one of each. A
// PractitionerRole stands for its practitioner. participant.period is the
// encounter's.
func encounterParticipantsFrom(w *WriteContext, parts []r4.EncounterParticipant, v map[string]any) error {
	v["provider_id"], v["referring_provider_id"] = "", ""
	for _, p := range parts {
		col := "provider_id"
		for _, t := range p.Type {
			if conceptCode(&t, systemEncParticipant) == "REF" {
				col = "referring_provider_id"
			}
		}
		if p.Individual == nil {
			return invalid("Encounter.participant.individual", "must name the practitioner")
		}
		typ := "Practitioner"
		key := "id"
		if ref := deref(p.Individual.Reference); strings.Contains(ref, "PractitionerRole/") {
			typ, key = "PractitionerRole", "user_id"
		}
		id, err := w.reference("Encounter.participant.individual", p.Individual, typ, key)
		if err != nil {
			return err
		}
		if id == "" {
			return invalid("Encounter.participant.individual", "must be a literal reference to a Practitioner")
		}
		if old := v[col].(string); old != "" && old != id {
			return invalid("Encounter.participant", "OpenEMR records one provider and one referrer of an encounter")
		}
		v[col] = id
	}
	return nil
}
