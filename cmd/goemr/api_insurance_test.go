package main

import (
	"strings"
	"testing"
)

// hasRule reports whether a 400 names field with rule.
func hasRule(r *Resp, field, rule string) bool {
	m, _ := r.Get("validationErrors", field).(map[string]any)
	_, ok := m[rule]
	return ok
}

// coverageFixture is a self-subscriber policy body for the patient read at
// puuid, with provider iid, effective from date with no end.
func coverageFixture(t *testing.T, e *apiEnv, puuid, iid, ss, date string) map[string]any {
	p := e.Do("GET", "/api/patient/"+puuid, e.Admin, nil).Want(t, 200)
	return map[string]any{"provider": iid, "plan_name": "Gold", "policy_number": "POL-001", "group_number": "G-77",
		"subscriber_lname": p.Str("data", "lname"), "subscriber_fname": p.Str("data", "fname"),
		"subscriber_relationship": "self", "subscriber_ss": ss, "subscriber_DOB": p.Str("data", "DOB"),
		"subscriber_street": "18 Maple Avenue", "subscriber_postal_code": "02115", "subscriber_city": "Boston",
		"subscriber_state": "MA", "subscriber_country": "USA", "subscriber_sex": p.Str("data", "sex"),
		"accept_assignment": "TRUE", "copay": "25", "date": date, "date_end": ""}
}

// with returns a copy of m with changes; a nil value removes the key.
func with(m map[string]any, changes map[string]any) map[string]any {
	out := copyMap(m)
	for k, v := range changes {
		if v == nil {
			delete(out, k)
			continue
		}
		out[k] = v
	}
	return out
}

// Patient insurance policies (§3.13, scenario 30): create, read, list,
// replace, with every CoverageValidator rule family.
func TestAPIInsurance(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		pu, other := demoPatient(2), demoPatient(3)
		base := "/api/patient/" + pu + "/insurance"
		e.Do("PUT", "/api/patient/"+pu, e.Admin, map[string]any{"ss": "123-45-6789"}).Want(t, 200)
		iid := e.Do("POST", "/api/insurance_company", e.Admin, map[string]any{"name": "Blue Shield of Testing"}).Want(t, 201).Str("iid")
		company := e.Do("GET", "/api/insurance_company/"+iid, e.Admin, nil).Want(t, 200).Str("uuid")
		fixture := coverageFixture(t, e, pu, iid, "123-45-6789", "2024-01-01")

		if r := e.Do("GET", base, e.Admin, nil).Want(t, 200); r.Len("data") != 0 {
			t.Errorf("no policies yet: %s", r.Body)
		}
		r := e.Do("POST", base, e.Admin, fixture).Want(t, 201)
		primary := r.Str("data", "uuid")
		if len(primary) != 36 || r.Str("data", "type") != "primary" || r.Str("data", "puuid") != pu || r.Str("data", "insureruuid") != company ||
			r.Str("data", "provider") != iid || r.Get("data", "date_end") != nil || r.Str("data", "subscriber_ss") != "123-45-6789" ||
			r.Str("data", "policy_type") != "" || r.Str("data", "pid") != "2" {
			t.Fatalf("create: %s", r.Body)
		}
		r = e.Do("POST", base, e.Admin, fixture).Want(t, 400)
		if !hasRule(r, "date", "Record::DUPLICATE_RECORD") || r.Len("data") != 0 {
			t.Errorf("duplicate: %s", r.Body)
		}
		for _, p := range []string{"not-a-uuid", "00000000-0000-4000-8000-000000000000"} {
			r = e.Do("POST", "/api/patient/"+p+"/insurance", e.Admin, fixture).Want(t, 400)
			if r.Len("validationErrors") != 1 || r.Str("validationErrors", "puuid::INVALID_PUUID") != "Patient uuid invalid" {
				t.Errorf("patient %s: %s", p, r.Body)
			}
		}

		// One case per rule family; each is a 400 naming its field.
		fresh := with(fixture, map[string]any{"date": "2019-01-01", "date_end": "2019-12-31"})
		cases := []struct {
			name        string
			change      map[string]any
			field, rule string
		}{
			{"type", map[string]any{"type": "quaternary"}, "type", "InArray::NOT_IN_ARRAY"},
			{"no provider", map[string]any{"provider": nil}, "provider", "Required::NON_EXISTENT_KEY"},
			{"provider text", map[string]any{"provider": "abc"}, "provider", "Numeric::NOT_NUMERIC"},
			{"unknown provider", map[string]any{"provider": "999999"}, "provider", "invalid or nonexisting value"},
			{"policy number", map[string]any{"policy_number": "X"}, "policy_number", "LengthBetween::TOO_SHORT"},
			{"no lname", map[string]any{"subscriber_lname": nil}, "subscriber_lname", "Required::NON_EXISTENT_KEY"},
			{"empty fname", map[string]any{"subscriber_fname": ""}, "subscriber_fname", "NotEmpty::EMPTY_VALUE"},
			{"relationship", map[string]any{"subscriber_relationship": "cousin"}, "subscriber_relationship", "ListOptionRule::INVALID_LIST_OPTION"},
			{"self name", map[string]any{"subscriber_fname": "Someone", "subscriber_lname": "Else"}, "subscriber_relationship", "Record::INVALID_SELF_SUBSCRIBER_NAME"},
			{"self ssn", map[string]any{"subscriber_ss": "999-99-9999"}, "subscriber_relationship", "Record::INVALID_SELF_SUBSCRIBER_SSN"},
			{"spouse ssn", map[string]any{"subscriber_relationship": "spouse"}, "subscriber_relationship", "Record::INVALID_SUBSCRIBER_SSN"},
			{"dob", map[string]any{"subscriber_DOB": "01/02/1970"}, "subscriber_DOB", "Datetime::INVALID_VALUE"},
			{"street", map[string]any{"subscriber_street": "x"}, "subscriber_street", "LengthBetween::TOO_SHORT"},
			{"postal code", map[string]any{"subscriber_postal_code": nil}, "subscriber_postal_code", "Required::NON_EXISTENT_KEY"},
			{"city", map[string]any{"subscriber_city": ""}, "subscriber_city", "NotEmpty::EMPTY_VALUE"},
			{"state", map[string]any{"subscriber_state": "ZZ"}, "subscriber_state", "ListOptionRule::INVALID_LIST_OPTION"},
			{"country", map[string]any{"subscriber_country": "Narnia"}, "subscriber_country", "ListOptionRule::INVALID_LIST_OPTION"},
			{"sex", map[string]any{"subscriber_sex": "M"}, "subscriber_sex", "ListOptionRule::INVALID_LIST_OPTION"},
			{"assignment", map[string]any{"accept_assignment": "yes"}, "accept_assignment", "InArray::NOT_IN_ARRAY"},
			{"policy type", map[string]any{"policy_type": "99"}, "policy_type", "InArray::NOT_IN_ARRAY"},
			{"copay", map[string]any{"copay": "1"}, "copay", "LengthBetween::TOO_SHORT"},
			{"employer state", map[string]any{"subscriber_employer_state": "ZZ"}, "subscriber_employer_state", "ListOptionRule::INVALID_LIST_OPTION"},
			{"no date", map[string]any{"date": nil}, "date", "Required::NON_EXISTENT_KEY"},
			{"bad date", map[string]any{"date": "2024-13-01"}, "date", "Datetime::INVALID_VALUE"},
			{"no date_end key", map[string]any{"date_end": nil}, "date_end", "Required::NON_EXISTENT_KEY"},
			{"start after end", map[string]any{"date": "2023-06-01", "date_end": "2023-01-01"}, "date", "DateTime::INVALID_START_DATE"},
			{"second open policy", map[string]any{"date": "2025-01-01", "date_end": ""}, "date", "Record::DUPLICATE_CURRENT_POLICY"},
		}
		for _, tc := range cases {
			r := e.Do("POST", base, e.Admin, with(fresh, tc.change)).Want(t, 400)
			if !hasRule(r, tc.field, tc.rule) {
				t.Errorf("%s: want %s %s: %s", tc.name, tc.field, tc.rule, r.Body)
			}
		}
		e.Do("POST", base, e.Admin, "{not json").Want(t, 400)
		if r = e.Do("GET", base, e.Admin, nil).Want(t, 200); r.Len("data") != 1 {
			t.Fatalf("failed creates wrote: %s", r.Body)
		}

		// A closed primary and a spouse's secondary policy.
		r = e.Do("POST", base, e.Admin, fresh).Want(t, 201)
		closed := r.Str("data", "uuid")
		if r.Str("data", "date_end") != "2019-12-31" {
			t.Errorf("closed policy: %s", r.Body)
		}
		spouse := with(fixture, map[string]any{"type": "secondary", "subscriber_relationship": "spouse", "subscriber_fname": "John",
			"subscriber_ss": "987-65-4321", "policy_number": "SEC-9", "policy_type": "12"})
		secondary := e.Do("POST", base, e.Admin, spouse).Want(t, 201).Str("data", "uuid")
		e.Do("POST", "/api/patient/"+other+"/insurance", e.Admin, coverageFixture(t, e, other, iid, "", "2024-01-01")).Want(t, 201)

		r = e.Do("GET", base, e.Admin, nil).Want(t, 200)
		if r.Len("data") != 3 || r.Str("data", 0, "uuid") != primary || r.Str("data", 1, "uuid") != closed || r.Str("data", 2, "uuid") != secondary {
			t.Errorf("list: %s", r.Body)
		}
		for q, n := range map[string]int{"type=secondary": 1, "uuid=" + closed: 1, "policy_number=POL-001": 2, "subscriber_DOB=1967-02-08": 3, "provider=" + iid: 3, "puuid=" + other: 0} {
			if r = e.Do("GET", base+"?"+q, e.Admin, nil).Want(t, 200); r.Len("data") != n {
				t.Errorf("filter %s: %s", q, r.Body)
			}
		}
		r = e.Do("GET", base+"/"+secondary, e.Admin, nil).Want(t, 200)
		if r.Str("data", "type") != "secondary" || r.Str("data", "subscriber_fname") != "John" || r.Str("data", "policy_type") != "12" {
			t.Errorf("read: %s", r.Body)
		}
		e.Do("GET", "/api/patient/"+other+"/insurance/"+secondary, e.Admin, nil).Want(t, 404)
		e.Do("GET", base+"/00000000-0000-4000-8000-000000000000", e.Admin, nil).Want(t, 404)
		e.Do("GET", base+"/not-a-uuid", e.Admin, nil).Want(t, 400)

		// PUT replaces the whole policy: what the body omits is cleared.
		replaced := with(fixture, map[string]any{"type": "primary", "policy_number": "POL-002", "plan_name": nil, "copay": nil})
		r = e.Do("PUT", base+"/"+primary, e.Admin, replaced).Want(t, 200)
		if r.Str("data", "uuid") != primary || r.Str("data", "policy_number") != "POL-002" || r.Get("data", "plan_name") != nil || r.Get("data", "copay") != nil {
			t.Errorf("update: %s", r.Body)
		}
		r = e.Do("PUT", base+"/"+primary, e.Admin, with(replaced, map[string]any{"type": nil})).Want(t, 400)
		if !hasRule(r, "type", "Required::NON_EXISTENT_KEY") {
			t.Errorf("update without type: %s", r.Body)
		}
		r = e.Do("PUT", base+"/"+closed, e.Admin, with(fresh, map[string]any{"type": "primary", "date": "2024-01-01"})).Want(t, 400)
		if !hasRule(r, "date", "Record::DUPLICATE_RECORD") {
			t.Errorf("update onto a taken date: %s", r.Body)
		}
		r = e.Do("PUT", base+"/"+primary, e.Admin, map[string]any{"type": "primary", "subscriber_state": "ZZ"}).Want(t, 400)
		if !hasRule(r, "subscriber_state", "ListOptionRule::INVALID_LIST_OPTION") {
			t.Errorf("update rules: %s", r.Body)
		}
		e.Do("PUT", base+"/00000000-0000-4000-8000-000000000000", e.Admin, replaced).Want(t, 404)
		e.Do("PUT", "/api/patient/"+other+"/insurance/"+primary, e.Admin, replaced).Want(t, 404)
		e.Do("PUT", base+"/not-a-uuid", e.Admin, replaced).Want(t, 400)
		r = e.Do("PUT", "/api/patient/not-a-uuid/insurance/"+primary, e.Admin, replaced).Want(t, 400)
		if r.Str("validationErrors", "puuid::INVALID_PUUID") != "Patient uuid invalid" {
			t.Errorf("update bad patient: %s", r.Body)
		}
		if r = e.Do("GET", base+"/"+primary, e.Admin, nil).Want(t, 200); r.Str("data", "policy_number") != "POL-002" {
			t.Errorf("a failed update wrote: %s", r.Body)
		}
	})
}

// $swap-insurance (§3.13): a policy and the slot's holder trade slots, both
// ways; bad parameters are 400s, policies the patient lacks 404s, and date
// conflicts 400s that change nothing.
func TestAPIInsuranceSwap(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		pu, other := demoPatient(2), demoPatient(3)
		base := "/api/patient/" + pu + "/insurance"
		swap := base + "/$swap-insurance"
		iid := e.Do("POST", "/api/insurance_company", e.Admin, map[string]any{"name": "Blue Shield of Testing"}).Want(t, 201).Str("iid")
		fixture := coverageFixture(t, e, pu, iid, "", "2024-01-01")
		primary := e.Do("POST", base, e.Admin, fixture).Want(t, 201).Str("data", "uuid")
		closed := e.Do("POST", base, e.Admin, with(fixture, map[string]any{"date": "2020-01-01", "date_end": "2020-12-31"})).Want(t, 201).Str("data", "uuid")
		secondary := e.Do("POST", base, e.Admin, with(fixture, map[string]any{"type": "secondary", "policy_number": "SEC-1"})).Want(t, 201).Str("data", "uuid")
		foreign := e.Do("POST", "/api/patient/"+other+"/insurance", e.Admin, coverageFixture(t, e, other, iid, "", "2024-01-01")).Want(t, 201).Str("data", "uuid")
		slots := func() map[string]string {
			r := e.Do("GET", base, e.Admin, nil).Want(t, 200)
			out := map[string]string{}
			for i := 0; i < r.Len("data"); i++ {
				out[r.Str("data", i, "uuid")] = r.Str("data", i, "type") + " " + r.Str("data", i, "date")
			}
			return out
		}

		r := e.Do("GET", swap+"?type=primary&uuid="+secondary, e.Admin, nil).Want(t, 200)
		if r.Str("data", "src", "uuid") != secondary || r.Str("data", "src", "type") != "primary" ||
			r.Str("data", "target", "uuid") != primary || r.Str("data", "target", "type") != "secondary" ||
			r.Str("data", "src", "date") != "2024-01-01" || r.Str("data", "target", "date") != "2024-01-01" {
			t.Fatalf("swap: %s", r.Body)
		}
		want := map[string]string{secondary: "primary 2024-01-01", primary: "secondary 2024-01-01", closed: "primary 2020-01-01"}
		if got := slots(); len(got) != 3 || got[secondary] != want[secondary] || got[primary] != want[primary] || got[closed] != want[closed] {
			t.Errorf("after swap: %v", got)
		}
		r = e.Do("GET", swap+"?type=secondary&uuid="+strings.ToUpper(secondary), e.Admin, nil).Want(t, 200)
		if r.Str("data", "src", "type") != "secondary" || r.Str("data", "target", "uuid") != primary || r.Str("data", "target", "type") != "primary" {
			t.Errorf("swap back: %s", r.Body)
		}
		r = e.Do("GET", swap+"?type=tertiary&uuid="+secondary, e.Admin, nil).Want(t, 200)
		if r.Str("data", "src", "type") != "tertiary" || r.Get("data", "target") != nil {
			t.Errorf("swap into an empty slot: %s", r.Body)
		}
		r = e.Do("GET", swap+"?type=tertiary&uuid="+secondary, e.Admin, nil).Want(t, 200)
		if r.Str("data", "src", "type") != "tertiary" || r.Get("data", "target") != nil {
			t.Errorf("swap into its own slot: %s", r.Body)
		}
		e.Do("GET", swap+"?type=secondary&uuid="+secondary, e.Admin, nil).Want(t, 200)

		// A secondary policy dated like the closed primary cannot move into
		// primary (the date is taken there), nor can the primary holder move
		// into secondary (its date is taken there too).
		early := e.Do("POST", base, e.Admin, with(fixture, map[string]any{"type": "secondary", "date": "2020-01-01", "date_end": "2020-06-30"})).Want(t, 201).Str("data", "uuid")
		before := slots()
		r = e.Do("GET", swap+"?type=primary&uuid="+early, e.Admin, nil).Want(t, 400)
		if !hasRule(r, "type", "Record::INVALID_TARGET_POLICY_DATE") || !hasRule(r, "type", "Record::INVALID_SOURCE_POLICY_DATE") {
			t.Errorf("date conflict: %s", r.Body)
		}
		if got := slots(); len(got) != len(before) || got[early] != before[early] || got[primary] != before[primary] {
			t.Errorf("a failed swap wrote: %v", got)
		}

		bad := []struct {
			query, field, rule string
		}{
			{"uuid=" + secondary, "type", "Required::NON_EXISTENT_KEY"},
			{"type=&uuid=" + secondary, "type", "NotEmpty::EMPTY_VALUE"},
			{"type=quaternary&uuid=" + secondary, "type", "InArray::NOT_IN_ARRAY"},
			{"type=primary", "uuid", "Required::NON_EXISTENT_KEY"},
			{"type=primary&uuid=abc", "uuid", "Uuid::INVALID_UUID"},
		}
		for _, b := range bad {
			if r = e.Do("GET", swap+"?"+b.query, e.Admin, nil).Want(t, 400); !hasRule(r, b.field, b.rule) {
				t.Errorf("%s: %s", b.query, r.Body)
			}
		}
		e.Do("GET", swap+"?type=primary&uuid=00000000-0000-4000-8000-000000000000", e.Admin, nil).Want(t, 404)
		r = e.Do("GET", swap+"?type=primary&uuid="+foreign, e.Admin, nil).Want(t, 404)
		if r.Get("validationErrors", "uuid") == nil {
			t.Errorf("another patient's policy: %s", r.Body)
		}
		r = e.Do("GET", "/api/patient/not-a-uuid/insurance/$swap-insurance?type=primary&uuid="+secondary, e.Admin, nil).Want(t, 400)
		if r.Str("validationErrors", "puuid::INVALID_PUUID") != "Patient uuid invalid" {
			t.Errorf("bad patient: %s", r.Body)
		}

		// The operation scope must be granted literally.
		plain := e.Token("users", "openid api:oemr user/insurance.crus")
		e.Do("GET", swap+"?type=primary&uuid="+secondary, plain, nil).Want(t, 403)
		e.Do("GET", base, plain, nil).Want(t, 200)
	})
}
