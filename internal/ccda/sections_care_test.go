package ccda

import "testing"

const fxEncounter = `{"resourceType":"Encounter","id":"55555555-5555-4555-8555-555555555555","status":"finished","subject":$PATIENT,
	"class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB","display":"ambulatory"},
	"type":[{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"99213","display":"Office visit"}]}],
	"period":{"start":"2023-04-12T16:00:00Z","end":"2023-04-12T16:30:00Z"},
	"participant":[{"individual":$DR}],"reasonCode":[{"text":"Cough"}],
	"location":[{"location":{"reference":"Location/l1"}}]}`

func TestImmunizationsSection(t *testing.T) {
	runSections(t, []sectionCase{
		{name: "given and refused", section: "11369-6", entries: 2, resources: []string{`{"resourceType":"Immunization","id":"i1","status":"completed",
			"vaccineCode":{"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"140","display":"Influenza, seasonal"}]},
			"patient":$PATIENT,"occurrenceDateTime":"2023-11-01","lotNumber":"FLU31","manufacturer":{"display":"Seqirus"},
			"route":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration","code":"IM"}]},
			"doseQuantity":{"value":0.5,"unit":"mL","system":"http://unitsofmeasure.org","code":"mL"},"performer":[{"actor":$DR}]}`,
			`{"resourceType":"Immunization","id":"i2","status":"not-done","patient":$PATIENT,"occurrenceDateTime":"2023-12-01",
			"vaccineCode":{"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"213"}]},
			"statusReason":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ActReason","code":"PATOBJ"}]}}`},
			check: func(t *testing.T, s *xnode) {
				sas := s.all("entry/substanceAdministration")
				hasTemplate(t, sas[0], "2.16.840.1.113883.10.20.22.4.52:2015-08-01")
				want(t, "given", sas[0].attrs["negationInd"], "false")
				material := sas[0].one("consumable/manufacturedProduct/manufacturedMaterial")
				want(t, "CVX", material.one("code").attrs["code"]+"@"+material.one("code").attrs["codeSystem"], "140@"+oidCVX)
				want(t, "lot", material.one("lotNumberText").text, "FLU31")
				want(t, "maker", sas[0].one("consumable/manufacturedProduct/manufacturerOrganization/name").text, "Seqirus")
				want(t, "route", sas[0].one("routeCode").attrs["code"], "C28161")
				want(t, "dose", sas[0].one("doseQuantity").attrs["value"]+sas[0].one("doseQuantity").attrs["unit"], "0.5mL")
				want(t, "refused", sas[1].attrs["negationInd"], "true")
				want(t, "reason", sas[1].one("entryRelationship/observation/code").attrs["code"], "PATOBJ")
				narrativeHas(t, s, "Influenza, seasonal", "FLU31", "not-done")
			}},
	})
}

func TestProceduresSection(t *testing.T) {
	runSections(t, []sectionCase{
		{name: "done", section: "47519-4", entries: 1, resources: []string{`{"resourceType":"Procedure","id":"p1","status":"completed","subject":$PATIENT,
			"code":{"coding":[{"system":"http://snomed.info/sct","code":"73761001","display":"Colonoscopy"}]},
			"performedDateTime":"2021-05-12","performer":[{"actor":$DR}],
			"bodySite":[{"coding":[{"system":"http://snomed.info/sct","code":"71854001","display":"Colon"}]}]}`},
			check: func(t *testing.T, s *xnode) {
				p := s.one("entry/procedure")
				hasTemplate(t, p, "2.16.840.1.113883.10.20.22.4.14:2014-06-09")
				want(t, "code", p.one("code").attrs["code"], "73761001")
				want(t, "when", p.one("effectiveTime").attrs["value"], "20210512")
				want(t, "site", p.one("targetSiteCode").attrs["code"], "71854001")
				want(t, "performer", p.one("performer/assignedEntity/assignedPerson/name/family").text, "Kim")
				narrativeHas(t, s, "Colonoscopy", "May 12, 2021", "Laura Kim")
			}},
	})
}

func TestEncountersSection(t *testing.T) {
	location := `{"resourceType":"Location","id":"l1","name":"Riverside Clinic Room 2",
		"type":[{"coding":[{"system":"https://www.cdc.gov/nhsn/cdaportal/terminology/codesystem/hsloc.html","code":"1160-1","display":"Urgent Care Center"}]}]}`
	diagnosis := `{"resourceType":"Condition","id":"c9","subject":$PATIENT,"encounter":{"reference":"Encounter/55555555-5555-4555-8555-555555555555"},
		"category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-category","code":"encounter-diagnosis"}]}],
		"code":{"coding":[{"system":"http://snomed.info/sct","code":"10509002","display":"Acute bronchitis"}]}}`
	runSections(t, []sectionCase{
		{name: "visit", section: "46240-8", entries: 1, resources: []string{fxEncounter, location, diagnosis,
			`{"resourceType":"Encounter","id":"e2","status":"planned","subject":$PATIENT,"period":{"start":"2030-01-01"}}`},
			check: func(t *testing.T, s *xnode) {
				e := s.one("entry/encounter")
				hasTemplate(t, e, "2.16.840.1.113883.10.20.22.4.49:2015-08-01")
				want(t, "type", e.one("code").attrs["code"]+"/"+e.one("code/translation").attrs["code"], "99213/AMB")
				want(t, "start", e.one("effectiveTime/low").attrs["value"], "20230412160000+0000")
				want(t, "place", e.one("participant/participantRole/code").attrs["code"], "1160-1")
				rels := e.all("entryRelationship")
				want(t, "reason", rels[0].one("observation/value/originalText").text, "Cough")
				dx := rels[1].one("act")
				hasTemplate(t, dx, "2.16.840.1.113883.10.20.22.4.80:2015-08-01")
				want(t, "diagnosis", dx.one("entryRelationship/observation/value").attrs["code"], "10509002")
				narrativeHas(t, s, "Office visit", "Laura Kim", "Riverside Clinic Room 2", "Cough", "Acute bronchitis")
			}},
	})
}

func TestPlanOfTreatmentSection(t *testing.T) {
	runSections(t, []sectionCase{
		{name: "what is planned", section: "18776-5", entries: 3, resources: []string{
			`{"resourceType":"CarePlan","id":"cp1","status":"active","intent":"plan","subject":$PATIENT,"description":"Walk daily",
			"category":[{"coding":[{"system":"http://hl7.org/fhir/us/core/CodeSystem/careplan-category","code":"assess-plan"}]}],"period":{"start":"2024-01-01"}}`,
			`{"resourceType":"CarePlan","id":"cp2","status":"completed","intent":"plan","subject":$PATIENT,"description":"Done"}`,
			`{"resourceType":"ServiceRequest","id":"sr1","status":"active","intent":"order","subject":$PATIENT,
			"category":[{"coding":[{"system":"http://snomed.info/sct","code":"108252007"}]}],
			"code":{"coding":[{"system":"http://loinc.org","code":"4548-4","display":"Hemoglobin A1c"}]},"occurrenceDateTime":"2024-06-01"}`,
			`{"resourceType":"Appointment","id":"ap1","status":"proposed","description":"Follow-up","start":"2024-07-01T10:00:00Z",
			"participant":[{"actor":$PATIENT,"status":"accepted"}]}`},
			check: func(t *testing.T, s *xnode) {
				act := s.one("entry/act")
				hasTemplate(t, act, "2.16.840.1.113883.10.20.22.4.39:2014-06-09")
				want(t, "care plan mood", act.attrs["moodCode"], "INT")
				obs := s.one("entry/observation")
				hasTemplate(t, obs, "2.16.840.1.113883.10.20.22.4.44:2014-06-09")
				want(t, "order mood", obs.attrs["moodCode"], "RQO")
				enc := s.one("entry/encounter")
				hasTemplate(t, enc, "2.16.840.1.113883.10.20.22.4.40:2014-06-09")
				want(t, "appointment", enc.one("effectiveTime").attrs["value"], "20240701100000+0000")
				narrativeHas(t, s, "Walk daily", "Hemoglobin A1c", "Follow-up")
			}},
	})
}
