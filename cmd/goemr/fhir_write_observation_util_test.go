package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
)

// stdEncounter records an encounter of patient puuid through the Standard
// API and returns its FHIR id (uuid), number and the patient's pid.
func stdEncounter(t *testing.T, e *apiEnv, puuid string) (euuid, eid, pid string) {
	t.Helper()
	r := e.Do("POST", "/api/patient/"+puuid+"/encounter", e.Admin, map[string]any{"pc_catid": "5", "class_code": "AMB", "reason": "check-up"}).Want(t, 201)
	return r.Str("data", "euuid"), r.Str("data", "eid"), r.Str("data", "pid")
}

// postFHIR creates body as typ and returns the created resource's id.
func postFHIR(t *testing.T, e *apiEnv, typ, body string) string {
	t.Helper()
	return e.DoHeader("POST", "/fhir/"+typ, e.Admin, body, fhirJSONHeader...).Want(t, 201).Str("id")
}

// sameClinicalContent checks that got (a resource read back) says what
// sent (the body written) says in the elements US Core profiles and goemr
// stores: status, the stored code, subject and encounter references, the
// times (as instants), the value (numbers compared as numbers, with their
// unit code), components, reference range bounds, interpretation codes,
// specimen and conclusion. skip names elements sent that goemr does not
// keep.
func sameClinicalContent(t *testing.T, name, sent string, got *Resp, skip ...string) {
	t.Helper()
	var s map[string]any
	if err := json.Unmarshal([]byte(sent), &s); err != nil {
		t.Fatal(err)
	}
	g, _ := got.JSON.(map[string]any)
	for _, k := range []string{"text", "meta", "id", "identifier", "device", "performer", "basedOn", "hasMember"} {
		delete(s, k)
	}
	for _, k := range skip {
		delete(s, k)
	}
	for k, v := range s {
		if msg := sameElement(k, v, g[k]); msg != "" {
			t.Errorf("%s: %s (%s)", name, msg, got.Body)
		}
	}
}

// sameElement compares one element of a resource as written and read.
func sameElement(path string, sent, got any) string {
	switch sv := sent.(type) {
	case map[string]any:
		gv, _ := got.(map[string]any)
		if gv == nil {
			return path + " is missing"
		}
		for k, v := range sv {
			if k == "display" || k == "unit" || (k == "text" && strings.HasSuffix(path, "code")) || (k == "type" && strings.HasPrefix(path, "referenceRange")) {
				continue // names of codes, shown from goemr's own tables
			}
			if k == "system" && gv["system"] == nil && v == "http://unitsofmeasure.org" {
				continue
			}
			if k == "coding" {
				if msg := codingsIn(path, v, gv[k]); msg != "" {
					return msg
				}
				continue
			}
			if k == "reference" && strings.HasPrefix(fmt.Sprint(v), "Specimen/") {
				continue // goemr keeps a specimen's type and number, not a reference
			}
			if msg := sameElement(path+"."+k, v, gv[k]); msg != "" {
				return msg
			}
		}
	case []any:
		gv, _ := got.([]any)
		if len(gv) < len(sv) {
			return fmt.Sprintf("%s has %d entries, want %d", path, len(gv), len(sv))
		}
		for i := range sv {
			// In order, or else anywhere (components are read in the
			// order goemr keeps them).
			msg := sameElement(fmt.Sprintf("%s[%d]", path, i), sv[i], gv[i])
			for j := 0; msg != "" && j < len(gv); j++ {
				if sameElement(path, sv[i], gv[j]) == "" {
					msg = ""
				}
			}
			if msg != "" {
				return msg
			}
		}
	case float64:
		if gf, ok := got.(float64); !ok || gf != sv {
			return fmt.Sprintf("%s = %v, want %v", path, got, sv)
		}
	case string:
		if gs, ok := got.(string); !ok || !sameText(sv, gs) {
			return fmt.Sprintf("%s = %v, want %q", path, got, sv)
		}
	default:
		if fmt.Sprint(sent) != fmt.Sprint(got) {
			return fmt.Sprintf("%s = %v, want %v", path, got, sent)
		}
	}
	return ""
}

// codingsIn checks that every coding sent of a system goemr stores is
// read back (a coding goemr does not store, or a second code of the one
// thing, need not be).
func codingsIn(path string, sent, got any) string {
	gl, _ := got.([]any)
	for _, c := range sent.([]any) {
		sc := c.(map[string]any)
		found := false
		for _, gc := range gl {
			m := gc.(map[string]any)
			found = found || m["system"] == sc["system"] && m["code"] == sc["code"]
		}
		if !found && !strings.HasPrefix(fmt.Sprint(sc["system"]), "urn:iso") && sc["code"] != "8306-3" {
			return fmt.Sprintf("%s has no coding %v|%v", path, sc["system"], sc["code"])
		}
	}
	return ""
}

// sameText compares texts, and times as the instants they are, to the
// second (OpenEMR's datetime columns keep no fraction).
func sameText(a, b string) bool {
	if a == b {
		return true
	}
	ta, ea := time.Parse(time.RFC3339Nano, a)
	tb, eb := time.Parse(time.RFC3339Nano, b)
	return ea == nil && eb == nil && ta.Truncate(time.Second).Equal(tb.Truncate(time.Second))
}
