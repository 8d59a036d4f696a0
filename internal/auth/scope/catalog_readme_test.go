package scope

import "testing"

// registrationExample is the scope of the example registration request in
// OpenEMR's API_README.md.
const registrationExample = "openid offline_access api:oemr api:fhir api:port user/allergy.read user/allergy.write user/appointment.read user/appointment.write user/dental_issue.read user/dental_issue.write user/document.read user/document.write user/drug.read user/encounter.read user/encounter.write user/facility.read user/facility.write user/immunization.read user/insurance.read user/insurance.write user/insurance_company.read user/insurance_company.write user/insurance_type.read user/list.read user/medical_problem.read user/medical_problem.write user/medication.read user/medication.write user/message.write user/patient.read user/patient.write user/practitioner.read user/practitioner.write user/prescription.read user/procedure.read user/soap_note.read user/soap_note.write user/surgery.read user/surgery.write user/transaction.read user/transaction.write user/vital.read user/vital.write user/AllergyIntolerance.read user/CareTeam.read user/Condition.read user/Coverage.read user/Encounter.read user/Immunization.read user/Location.read user/Medication.read user/MedicationRequest.read user/Observation.read user/Organization.read user/Organization.write user/Patient.read user/Patient.write user/Practitioner.read user/Practitioner.write user/PractitionerRole.read user/Procedure.read patient/encounter.read patient/patient.read patient/AllergyIntolerance.read patient/CareTeam.read patient/Condition.read patient/Coverage.read patient/Encounter.read patient/Immunization.read patient/MedicationRequest.read patient/Observation.read patient/Patient.read patient/Procedure.read"

// documentedSystemScopes are the system/ and less common scopes of the
// "Scopes" list in API_README.md that the registration example leaves out.
const documentedSystemScopes = "fhirUser online_access launch launch/patient patient/Appointment.read patient/Binary.read patient/CarePlan.read patient/Device.read patient/DiagnosticReport.read patient/DocumentReference.read patient/DocumentReference.$docref patient/Goal.read patient/Location.read patient/Medication.read patient/Organization.read patient/Person.read patient/Practitioner.read patient/Provenance.read patient/appointment.read system/AllergyIntolerance.read system/Binary.read system/CarePlan.read system/CareTeam.read system/Condition.read system/Coverage.read system/Device.read system/DiagnosticReport.read system/DocumentReference.read system/DocumentReference.$docref system/Encounter.read system/Goal.read system/Group.read system/Group.$export system/Immunization.read system/Location.read system/MedicationRequest.read system/Medication.read system/Observation.read system/Organization.read system/Patient.read system/Patient.$export system/Person.read system/Practitioner.read system/PractitionerRole.read system/Procedure.read system/Provenance.read system/*.$bulkdata-status system/*.$export user/Binary.read user/CarePlan.read user/Device.read user/DiagnosticReport.read user/DocumentReference.read user/DocumentReference.$docref user/Goal.read user/Person.read user/Provenance.read"

func TestValidateDocumentedScopes(t *testing.T) {
	catalog := DefaultCatalog(CatalogOptions{System: true})
	for _, list := range []string{registrationExample, documentedSystemScopes} {
		scopes, err := ParseList(list)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range scopes {
			if err := catalog.Validate(s); err != nil {
				t.Errorf("Validate(%q): %v", s.Raw, err)
			}
		}
	}
	// Without system scopes, every documented non-system scope still validates.
	userOnly := DefaultCatalog(CatalogOptions{})
	scopes, _ := ParseList(registrationExample)
	for _, s := range scopes {
		if err := userOnly.Validate(s); err != nil {
			t.Errorf("System off: Validate(%q): %v", s.Raw, err)
		}
	}
}
