package ccda

import "testing"

func TestGoalsAndConcernsSections(t *testing.T) {
	runSections(t, []sectionCase{
		{name: "goal", section: "61146-7", entries: 1, resources: []string{`{"resourceType":"Goal","id":"g1","lifecycleStatus":"active",
			"description":{"text":"Lose 5 kg"},"subject":$PATIENT,"startDate":"2024-01-15","expressedBy":$DR,"target":[{"dueDate":"2024-07-01"}]}`},
			check: func(t *testing.T, s *xnode) {
				o := s.one("entry/observation")
				want(t, "template", join(o.templates()), "2.16.840.1.113883.10.20.22.4.121")
				want(t, "mood", o.attrs["moodCode"], "GOL")
				want(t, "goal", o.one("value").text, "Lose 5 kg")
				want(t, "since", o.one("effectiveTime").attrs["value"], "20240115")
				narrativeHas(t, s, "Lose 5 kg", "Jul 1, 2024")
			}},
		{name: "health concern", section: "75310-3", entries: 1, resources: []string{`{"resourceType":"Condition","id":"hc1","subject":$PATIENT,
			"category":[{"coding":[{"system":"http://hl7.org/fhir/us/core/CodeSystem/condition-category","code":"health-concern"}]}],
			"code":{"coding":[{"system":"http://snomed.info/sct","code":"733423003","display":"Food insecurity"}]},"onsetDateTime":"2023-02-01"}`},
			check: func(t *testing.T, s *xnode) {
				act := s.one("entry/act")
				hasTemplate(t, act, "2.16.840.1.113883.10.20.22.4.132:2015-08-01")
				want(t, "code", act.one("code").attrs["code"], "75310-3")
				rel := act.one("entryRelationship")
				want(t, "refers to", rel.attrs["typeCode"]+" "+rel.one("observation/value").attrs["code"], "REFR 733423003")
				narrativeHas(t, s, "Food insecurity")
			}},
	})
}

func TestCareTeamsSection(t *testing.T) {
	runSections(t, []sectionCase{
		{name: "team", section: "85847-2", entries: 1, resources: []string{`{"resourceType":"CareTeam","id":"ct1","status":"active","name":"Primary care",
			"subject":$PATIENT,"participant":[{"role":[{"coding":[{"system":"http://snomed.info/sct","code":"453231000124104","display":"Primary care provider"}]}],
			"member":$DR,"period":{"start":"2020-01-01"}},{"member":$PATIENT}]}`},
			check: func(t *testing.T, s *xnode) {
				org := s.one("entry/organizer")
				hasTemplate(t, org, "2.16.840.1.113883.10.20.22.4.500:2019-07-01")
				members := org.all("component/act")
				if len(members) != 2 {
					t.Fatalf("%d members", len(members))
				}
				hasTemplate(t, members[0], "2.16.840.1.113883.10.20.22.4.500.1:2019-07-01")
				want(t, "role", members[0].one("performer/sdtc:functionCode").attrs["code"], "453231000124104")
				want(t, "member", members[0].one("performer/assignedEntity/assignedPerson/name/given").text, "Laura")
				narrativeHas(t, s, "Primary care", "Laura Kim", "Primary care provider")
			}},
	})
}

func TestStatusSections(t *testing.T) {
	phq := `{"resourceType":"Observation","id":"q1","status":"final","subject":$PATIENT,
		"category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"survey"}]}],
		"code":{"coding":[{"system":"http://loinc.org","code":"44261-6","display":"PHQ-9 total score"}]},"effectiveDateTime":"2023-10-31","valueInteger":4}`
	panel := `{"resourceType":"Observation","id":"q0","status":"final","subject":$PATIENT,
		"category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"survey"}]}],
		"code":{"coding":[{"system":"http://loinc.org","code":"44249-1"}]},"effectiveDateTime":"2023-10-31","hasMember":[{"reference":"Observation/q1"}]}`
	disability := `{"resourceType":"Observation","id":"f1","status":"final","subject":$PATIENT,
		"category":[{"coding":[{"system":"http://hl7.org/fhir/us/core/CodeSystem/us-core-category","code":"disability-status"}]}],
		"code":{"coding":[{"system":"http://loinc.org","code":"69859-7","display":"Difficulty walking"}]},"effectiveDateTime":"2023-10-31",
		"valueCodeableConcept":{"coding":[{"system":"http://loinc.org","code":"LA32-8","display":"No"}]}}`
	runSections(t, []sectionCase{
		{name: "mental status", section: "10190-7", entries: 1, resources: []string{phq, panel, disability}, check: func(t *testing.T, s *xnode) {
			o := s.one("entry/observation")
			hasTemplate(t, o, "2.16.840.1.113883.10.20.22.4.69")
			want(t, "score", o.one("code").attrs["code"]+"="+o.one("value").attrs["value"], "44261-6=4")
		}},
		{name: "functional status", section: "47420-5", entries: 1, resources: []string{phq, disability}, check: func(t *testing.T, s *xnode) {
			o := s.one("entry/observation")
			hasTemplate(t, o, "2.16.840.1.113883.10.20.22.4.67:2014-06-09")
			want(t, "answer", o.one("value").attrs["code"], "LA32-8")
			narrativeHas(t, s, "Difficulty walking", "No")
		}},
	})
}

func TestEquipmentAndPayersSections(t *testing.T) {
	device := `{"resourceType":"Device","id":"d1","status":"active","patient":$PATIENT,"manufacturer":"Granite",
		"udiCarrier":[{"deviceIdentifier":"08600000522100","issuer":"http://hl7.org/fhir/NamingSystem/gs1-di","carrierHRF":"(01)08600000522100(21)ST9"}],
		"type":{"coding":[{"system":"http://snomed.info/sct","code":"109228008","display":"Knee joint prosthesis"}]}}`
	payer := `{"resourceType":"Organization","id":"66666666-6666-4666-8666-666666666666","name":"Evergreen HMO"}`
	coverage := `{"resourceType":"Coverage","id":"cov1","status":"active","beneficiary":$PATIENT,"subscriberId":"EV38",
		"type":{"coding":[{"system":"https://nahdo.org/sopt","code":"511"}],"text":"HMO"},
		"relationship":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/subscriber-relationship","code":"self"}]},
		"period":{"start":"2018-12-01"},"payor":[{"reference":"Organization/66666666-6666-4666-8666-666666666666"}],
		"class":[{"type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/coverage-class","code":"plan"}]},"value":"EVG","name":"Evergreen Select"}]}`
	runSections(t, []sectionCase{
		{name: "implant", section: "46264-8", entries: 1, resources: []string{device}, check: func(t *testing.T, s *xnode) {
			role := s.one("entry/supply/participant/participantRole")
			hasTemplate(t, role, "2.16.840.1.113883.10.20.22.4.37")
			want(t, "UDI", role.one("id").attrs["root"]+" "+role.one("id").attrs["extension"], oidFDAUDI+" (01)08600000522100(21)ST9")
			want(t, "issuer", role.one("scopingEntity/id").attrs["root"], "1.3.160")
			narrativeHas(t, s, "Knee joint prosthesis", "Granite")
		}},
		{name: "coverage", section: "48768-6", entries: 1, resources: []string{payer, coverage}, check: func(t *testing.T, s *xnode) {
			policy := s.one("entry/act/entryRelationship/act")
			hasTemplate(t, policy, "2.16.840.1.113883.10.20.22.4.61:2015-08-01")
			want(t, "type", policy.one("code/translation").attrs["code"], "511")
			want(t, "payer", policy.one("performer/assignedEntity/representedOrganization/name").text, "Evergreen HMO")
			want(t, "covered", policy.one("participant/participantRole/code").attrs["code"], "SELF")
			want(t, "plan", policy.one("entryRelationship/act/text").text, "Evergreen Select")
			narrativeHas(t, s, "Evergreen HMO", "EV38")
		}},
	})
}

func TestNarrativeSections(t *testing.T) {
	referral := `{"resourceType":"ServiceRequest","id":"sr9","status":"active","intent":"order","subject":$PATIENT,"authoredOn":"2024-02-01",
		"category":[{"coding":[{"system":"http://snomed.info/sct","code":"3457005"}]}],"code":{"text":"Cardiology consult"},
		"reasonCode":[{"text":"Palpitations"}],"performer":[$DR]}`
	note := `{"resourceType":"DocumentReference","id":"n1","status":"current","subject":$PATIENT,"date":"2024-02-01T10:00:00Z","author":[$DR],
		"type":{"coding":[{"system":"http://loinc.org","code":"11506-3","display":"Progress note"}]},
		"category":[{"coding":[{"system":"http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category","code":"clinical-note"}]}],
		"content":[{"attachment":{"contentType":"text/plain","title":"Visit note"}}]}`
	ccd := `{"resourceType":"DocumentReference","id":"n2","status":"current","subject":$PATIENT,"date":"2024-03-01T10:00:00Z",
		"type":{"coding":[{"system":"http://loinc.org","code":"34133-9"}]},
		"category":[{"coding":[{"system":"http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category","code":"clinical-note"}]}],
		"content":[{"attachment":{"contentType":"application/xml","title":"CCD"}}]}`
	diagnosis := `{"resourceType":"Condition","id":"c9","subject":$PATIENT,"recordedDate":"2023-04-12",
		"category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-category","code":"encounter-diagnosis"}]}],"code":{"text":"Acute bronchitis"}}`
	runSections(t, []sectionCase{
		{name: "referral", section: "42349-1", resources: []string{referral}, check: func(t *testing.T, s *xnode) {
			hasTemplate(t, s, "1.3.6.1.4.1.19376.1.5.3.1.3.1:2014-06-09")
			narrativeHas(t, s, "Cardiology consult", "Palpitations", "Laura Kim")
		}},
		{name: "referral is no plan", section: "18776-5", resources: []string{referral}},
		{name: "assessments", section: "51848-0", resources: []string{diagnosis}, check: func(t *testing.T, s *xnode) {
			narrativeHas(t, s, "Acute bronchitis", "Apr 12, 2023")
		}},
		{name: "notes", section: "34109-9", entries: 1, resources: []string{note, ccd}, check: func(t *testing.T, s *xnode) {
			act := s.one("entry/act")
			hasTemplate(t, act, "2.16.840.1.113883.10.20.22.4.202:2016-11-01")
			want(t, "note type", act.one("code/translation").attrs["code"], "11506-3")
			want(t, "document", act.one("reference/externalDocument/id").attrs["extension"], "DocumentReference/n1")
			narrativeHas(t, s, "Visit note", "Progress note")
		}},
	})
}
