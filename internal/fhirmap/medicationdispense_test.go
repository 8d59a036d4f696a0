package fhirmap

import (
	"testing"

	"goemr/internal/emr"
)

func TestMedicationDispenseToFHIR(t *testing.T) {
	c := NewContext("https://h/apis/default/fhir")
	c.SetRef("patient", "1", "pat-uuid")
	c.SetRef("medication", "3", "drug-uuid")
	c.SetRef("encounter", "77", "enc-uuid")
	c.SetRef("dispenser", "9", "pharm-uuid")
	for _, tc := range []struct {
		name      string
		rec       emr.Record
		want, not []string
	}{
		{"first fill", emr.Record{"uuid": "m1", "pid": "1", "encounter": "77", "drug_id": "3", "drug": "metformin 500 MG",
			"rxnorm": "860975", "prescription": "rx-uuid", "status": "completed", "supply_type": "FFC",
			"supply_type_title": "First Fill - Complete", "sale_date": "2024-03-05", "quantity": "90", "dispenser_id": "9",
			"dispensary_uuid": "fac-uuid", "sig": "Take 1 tablet by mouth with the evening meal", "dosage": "1", "form_title": "tablet",
			"interval_title": "q.d.", "last_updated": "2024-03-05 10:15:00"},
			[]string{`"status":"completed"`, `"medicationReference":{"reference":"Medication/drug-uuid","display":"metformin 500 MG"}`,
				`"subject":{"reference":"Patient/pat-uuid"}`, `"context":{"reference":"Encounter/enc-uuid"}`,
				`"performer":[{"actor":{"reference":"Practitioner/pharm-uuid"}},{"actor":{"reference":"Organization/fac-uuid"}}]`,
				`"authorizingPrescription":[{"reference":"MedicationRequest/rx-uuid"}]`,
				`"type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"FFC","display":"First Fill - Complete"}]`,
				`"quantity":{"value":90,"unit":"tablet","system":"http://unitsofmeasure.org","code":"{tbl}"}`,
				`"whenHandedOver":"2024-03-05"`, `"dosageInstruction":[{"text":"Take 1 tablet by mouth with the evening meal"`,
				`"frequency":1,"period":1,"periodUnit":"d"`, "us-core-medicationdispense|6.1.0"},
			[]string{"medicationCodeableConcept"}},
		{"drug not in the formulary, no prescription", emr.Record{"uuid": "m2", "pid": "1", "drug_id": "44", "drug": "albuterol inhaler",
			"rxnorm": "745679", "status": "completed", "sale_date": "", "quantity": "1", "form_title": "inhalations"},
			[]string{`"medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"745679"}],"text":"albuterol inhaler"}`,
				`"_whenHandedOver":{"extension"`, `"quantity":{"value":1}`},
			[]string{"authorizingPrescription", "performer", `"type"`, "context"}},
	} {
		checkFragments(t, tc.name, medicationDispenseToFHIR(tc.rec, c), tc.want, tc.not)
	}
}
