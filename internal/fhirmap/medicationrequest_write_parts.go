package fhirmap

import (
	"encoding/json"
	"strings"

	"goemr/internal/fhir/r4"
)

// medicationFrom keeps the drug: a formulary drug (medicationReference to
// a Medication, drugs) by its id, which the read shows as that reference;
// else the RxNorm code and the name of a coded or contained medication,
// which the read shows as medicationCodeableConcept.
func medicationFrom(mr *r4.MedicationRequest, w *WriteContext, v map[string]any) error {
	const path = "MedicationRequest.medication[x]"
	v["drug"], v["rxnorm_drugcode"], v["drug_id"] = "", "", "0"
	cc := mr.MedicationCodeableConcept
	if ref := mr.MedicationReference; ref != nil && ref.Reference != nil {
		if id, ok := strings.CutPrefix(*ref.Reference, "#"); ok {
			med, err := containedMedication(mr.Contained, id)
			if err != nil {
				return err
			}
			cc = med.Code
		} else {
			drug, err := w.reference("MedicationRequest.medicationReference", ref, "Medication", "drug_id")
			if err != nil {
				return err
			}
			name, err := w.reference("MedicationRequest.medicationReference", ref, "Medication", "name")
			v["drug_id"], v["drug"] = drug, name
			return err
		}
	}
	if cc == nil {
		return invalid(path, "is required (US Core)")
	}
	rx := strings.TrimSpace(conceptCode(cc, systemRxNormCode))
	if rx != "" && !rxcui.MatchString(rx) {
		return invalid(path, "%q is not an RxNorm code", rx)
	}
	name := strings.TrimSpace(deref(cc.Text))
	for _, c := range cc.Coding {
		if name == "" && deref(c.System) == systemRxNormCode {
			name = strings.TrimSpace(deref(c.Display))
		}
	}
	if name == "" {
		name = rx
	}
	if name == "" {
		return invalid(path, "must have an RxNorm code or a text")
	}
	v["rxnorm_drugcode"], v["drug"] = rx, name
	return nil
}

// containedMedication is the Medication contained in the request under
// id (R4 references.html#contained).
func containedMedication(contained []json.RawMessage, id string) (*r4.Medication, error) {
	for _, raw := range contained {
		res, err := r4.Decode(raw, true)
		if err != nil {
			return nil, invalid("MedicationRequest.contained", "%v", err)
		}
		if m, ok := res.(*r4.Medication); ok && deref(m.ID) == id {
			return m, nil
		}
	}
	return nil, invalid("MedicationRequest.medicationReference", "no Medication #%s is contained", id)
}

// medicationReasonsFrom keeps why the drug is given as the prescription's
// diagnosis codes and indication: the codes and text of reasonCode, and
// of the Conditions reasonReference names (which the read then shows as
// reasonCode).
func medicationReasonsFrom(mr *r4.MedicationRequest, w *WriteContext, v map[string]any) error {
	var codes, texts []string
	for i := range mr.ReasonCode {
		list, title, err := codeListFrom("MedicationRequest.reasonCode", &mr.ReasonCode[i])
		if err != nil {
			return err
		}
		codes, texts = appendNonEmpty(codes, list), appendNonEmpty(texts, title)
	}
	for i := range mr.ReasonReference {
		ref := &mr.ReasonReference[i]
		list, err := w.reference("MedicationRequest.reasonReference", ref, "Condition", "diagnosis")
		if err != nil {
			return err
		}
		title, err := w.reference("MedicationRequest.reasonReference", ref, "Condition", "title")
		if err != nil {
			return err
		}
		if t := strings.TrimSpace(deref(ref.Display)); t != "" {
			title = t
		}
		codes, texts = appendNonEmpty(codes, list), appendNonEmpty(texts, title)
	}
	v["diagnosis"], v["indication"] = strings.Join(codes, ";"), strings.Join(texts, "; ")
	return nil
}

func appendNonEmpty(list []string, s string) []string {
	if s = strings.TrimSpace(s); s != "" {
		return append(list, s)
	}
	return list
}
