package ccda

import "testing"

func TestAllergiesSection(t *testing.T) {
	runSections(t, []sectionCase{
		{name: "none", section: "48765-2", check: func(t *testing.T, s *xnode) {
			want(t, "nullFlavor", s.attrs["nullFlavor"], "NI")
			want(t, "text", s.one("text").deepText(), "No information")
			hasTemplate(t, s, "2.16.840.1.113883.10.20.22.2.6.1:2015-08-01")
		}},
		{name: "drug allergy", section: "48765-2", entries: 1, resources: []string{`{"resourceType":"AllergyIntolerance","id":"a1",
			"clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical","code":"active"}]},
			"type":"allergy","category":["medication"],"criticality":"high",
			"code":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"7980","display":"Penicillin G"}]},
			"patient":$PATIENT,"recordedDate":"2019-03-01","recorder":$DR,
			"reaction":[{"manifestation":[{"coding":[{"system":"http://snomed.info/sct","code":"247472004","display":"Hives"}]}],"severity":"moderate"}]}`},
			check: func(t *testing.T, s *xnode) {
				act := s.one("entry/act")
				hasTemplate(t, act, "2.16.840.1.113883.10.20.22.4.30:2015-08-01")
				want(t, "concern status", act.one("statusCode").attrs["code"], "active")
				want(t, "concern time", act.one("effectiveTime/low").attrs["value"], "20190301")
				obs := act.one("entryRelationship/observation")
				want(t, "type", obs.one("value").attrs["code"], "416098002")
				code := obs.one("participant/participantRole/playingEntity/code")
				want(t, "substance", code.attrs["code"]+"@"+code.attrs["codeSystem"], "7980@"+oidRxNorm)
				want(t, "substance text", code.one("originalText/reference").attrs["value"], obs.one("text/reference").attrs["value"])
				reaction := obs.all("entryRelationship/observation")
				want(t, "criticality", reaction[0].one("value").attrs["code"], "CRITH")
				want(t, "manifestation", reaction[1].one("value").attrs["code"], "247472004")
				want(t, "severity", reaction[1].one("entryRelationship/observation/value").attrs["code"], "6736007")
				want(t, "author NPI", act.one("author/assignedAuthor/id").attrs["extension"], "9876543210")
				narrativeHas(t, s, "Penicillin G", "Hives (moderate)", "high")
			}},
		{name: "resolved and erroneous", section: "48765-2", entries: 1, resources: []string{`{"resourceType":"AllergyIntolerance","id":"a2",
			"clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical","code":"resolved"}]},
			"code":{"text":"Cats"},"patient":$PATIENT,"onsetDateTime":"2001"}`,
			`{"resourceType":"AllergyIntolerance","id":"a3","patient":$PATIENT,"code":{"text":"Dust"},
			"verificationStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-verification","code":"entered-in-error"}]}}`},
			check: func(t *testing.T, s *xnode) {
				act := s.one("entry/act")
				want(t, "status", act.one("statusCode").attrs["code"], "completed")
				want(t, "high", act.one("effectiveTime/high").attrs["nullFlavor"], "UNK")
				code := act.one("entryRelationship/observation/participant/participantRole/playingEntity/code")
				want(t, "uncoded substance", code.attrs["nullFlavor"], "UNK")
				narrativeHas(t, s, "Cats")
			}},
	})
}

func TestMedicationsSection(t *testing.T) {
	runSections(t, []sectionCase{
		{name: "prescription", section: "10160-0", entries: 1, resources: []string{`{"resourceType":"MedicationRequest","id":"m1","status":"stopped","intent":"order",
			"medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"197380","display":"Atenolol 25 MG Oral Tablet"}]},
			"subject":$PATIENT,"authoredOn":"2022-01-05T10:00:00-05:00","requester":$DR,
			"reasonCode":[{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"I10"}],"text":"Hypertension"}],
			"dosageInstruction":[{"text":"1 tablet every 8 hours","timing":{"repeat":{"frequency":1,"period":8,"periodUnit":"h"}},
				"route":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration","code":"PO"}]},
				"doseAndRate":[{"doseQuantity":{"value":1,"unit":"tablet"}}]}]}`,
			`{"resourceType":"MedicationRequest","id":"m2","status":"draft","intent":"plan","subject":$PATIENT,"medicationCodeableConcept":{"text":"Later"}}`},
			check: func(t *testing.T, s *xnode) {
				sa := s.one("entry/substanceAdministration")
				hasTemplate(t, sa, "2.16.840.1.113883.10.20.22.4.16:2014-06-09")
				want(t, "mood", sa.attrs["moodCode"], "EVN")
				want(t, "status", sa.one("statusCode").attrs["code"], "aborted")
				times := sa.all("effectiveTime")
				want(t, "start", times[0].one("low").attrs["value"], "20220105100000-0500")
				want(t, "every", times[1].one("period").attrs["value"]+" "+times[1].one("period").attrs["unit"], "8 h")
				want(t, "route", sa.one("routeCode").attrs["code"], "C38288")
				want(t, "route as given", sa.one("routeCode/translation").attrs["code"], "PO")
				want(t, "dose", sa.one("doseQuantity").attrs["value"], "1")
				want(t, "drug", sa.one("consumable/manufacturedProduct/manufacturedMaterial/code").attrs["code"], "197380")
				rels := sa.all("entryRelationship")
				want(t, "indication", rels[0].one("observation/value").attrs["code"], "I10")
				want(t, "instruction", rels[1].one("act/text").text, "1 tablet every 8 hours")
				narrativeHas(t, s, "Atenolol 25 MG Oral Tablet", "1 tablet every 8 hours", "Hypertension")
			}},
	})
}

func TestProblemsSection(t *testing.T) {
	problem := `{"resourceType":"Condition","id":"c1","subject":$PATIENT,"recordedDate":"2020-02-02",
		"category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-category","code":"problem-list-item"}]}],
		"clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"resolved"}]},
		"code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"J45.909"},{"system":"http://snomed.info/sct","code":"195967001","display":"Asthma"}]},
		"onsetDateTime":"2019-06-01","abatementDateTime":"2021-01-01"}`
	diagnosis := `{"resourceType":"Condition","id":"c2","subject":$PATIENT,"code":{"text":"Flu"},
		"category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-category","code":"encounter-diagnosis"}]}]}`
	runSections(t, []sectionCase{
		{name: "problem list only", section: "11450-4", entries: 1, resources: []string{problem, diagnosis}, check: func(t *testing.T, s *xnode) {
			act := s.one("entry/act")
			hasTemplate(t, act, "2.16.840.1.113883.10.20.22.4.3:2015-08-01")
			want(t, "status", act.one("statusCode").attrs["code"], "completed")
			want(t, "abated", act.one("effectiveTime/high").attrs["value"], "20210101")
			obs := act.one("entryRelationship/observation")
			want(t, "problem type", obs.one("code").attrs["code"]+"/"+obs.one("code/translation").attrs["code"], "55607006/75326-9")
			want(t, "SNOMED first", obs.one("value").attrs["code"], "195967001")
			want(t, "ICD-10 translation", obs.one("value/translation").attrs["codeSystem"], oidICD10CM)
			want(t, "onset", obs.one("effectiveTime/low").attrs["value"], "20190601")
			narrativeHas(t, s, "Asthma")
		}},
	})
}
