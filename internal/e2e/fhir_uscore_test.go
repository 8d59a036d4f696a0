package e2e

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"testing"

	"goemr/internal/emrtest"
)

// TestFHIRUSCoreValidation reads every type the CapabilityStatement
// declares, for several demo patients (searches with their Provenance, and
// reads), and validates every resource returned with Medplum's validator
// against the R4 definitions and the US Core 6.1.0 profiles it claims, and
// against HL7's R4 JSON schema. Zero errors, and every type must have data.
func TestFHIRUSCoreValidation(t *testing.T) {
	requireNPM(t)
	ForEachBackend(t, func(t *testing.T, b Backend) {
		s := Start(t, b, "")
		c := fhirClient(t, s)
		types, patientParam := c.capabilities()
		var patients []string
		for _, e := range c.search("Patient?_count=5") {
			patients = append(patients, e.id)
		}
		var all []json.RawMessage
		var names []string
		count := map[string]int{}
		add := func(es []entry) {
			for _, e := range es {
				all = append(all, e.raw)
				names = append(names, e.typ+"/"+e.id)
				count[e.typ]++
			}
		}
		for _, typ := range types {
			if typ == "Provenance" || typ == "Binary" {
				// Provenance is computed per resource (every search below
				// includes it); Binary is document content, read only.
				continue
			}
			var found []entry
			if patientParam[typ] {
				for _, p := range patients {
					found = append(found, c.search(typ+"?patient="+p+"&_revinclude=Provenance:target&_count=100")...)
				}
			} else {
				found = c.search(typ + "?_count=50&_revinclude=Provenance:target")
			}
			add(found)
			n := 0
			for _, e := range found {
				if e.typ == typ && n < 3 {
					add([]entry{c.read(typ + "/" + e.id)})
					n++
				}
			}
			if count[typ] == 0 {
				t.Errorf("%s: the demo data has none for patients %v", typ, patients)
			}
		}
		if count["Provenance"] == 0 {
			t.Error("no Provenance came with _revinclude")
		}
		for i, v := range ValidateUSCore(t, all) {
			for _, e := range v.Errors {
				t.Errorf("%s against %s: %s at %v", names[i], e.Profile, e.Text, e.Expression)
			}
			for _, u := range v.Unchecked {
				count["unchecked "+u.Profile]++
			}
			emrtest.ValidateFHIR(t, all[i])
		}
		keys := make([]string, 0, len(count))
		for k := range count {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var summary []string
		for _, k := range keys {
			summary = append(summary, fmt.Sprintf("%s %d", k, count[k]))
		}
		t.Logf("validated %d resources: %s", len(all), strings.Join(summary, ", "))
	})
}

// fhirAPI is a staff token on a running server's FHIR base.
type fhirAPI struct {
	t     *testing.T
	base  string
	token string
}

type entry struct {
	typ, id string
	raw     json.RawMessage
}

// fhirClient registers a client for every type /metadata declares and
// gets the demo staff user's token by the password grant.
func fhirClient(t *testing.T, s *Server) *fhirAPI {
	t.Helper()
	c := &fhirAPI{t: t, base: s.FHIRBase()}
	types, _ := c.capabilities()
	scopes := "openid"
	for _, typ := range types {
		scopes += " user/" + typ + ".rs"
	}
	reg, _, err := s.Register(map[string]any{"application_type": "private", "client_name": "validation",
		"redirect_uris": []string{Callback}, "scope": scopes})
	if err != nil {
		t.Fatal(err)
	}
	status, tok, err := PostForm(s.TokenURL(), url.Values{"grant_type": {"password"}, "user_role": {"users"},
		"username": {"admin"}, "password": {"pass"}, "scope": {scopes}}, reg.ClientID, reg.ClientSecret)
	if err != nil || status != 200 {
		t.Fatalf("token: %d %v %v", status, tok, err)
	}
	c.token = tok["access_token"].(string)
	return c
}

// capabilities lists the declared types and which have a patient search.
func (c *fhirAPI) capabilities() ([]string, map[string]bool) {
	var cs struct {
		Rest []struct {
			Resource []struct {
				Type        string `json:"type"`
				SearchParam []struct {
					Name string `json:"name"`
				} `json:"searchParam"`
			} `json:"resource"`
		} `json:"rest"`
	}
	if err := json.Unmarshal(c.get("metadata"), &cs); err != nil || len(cs.Rest) == 0 {
		c.t.Fatalf("metadata: %v", err)
	}
	patient := map[string]bool{}
	var types []string
	for _, r := range cs.Rest[0].Resource {
		types = append(types, r.Type)
		for _, p := range r.SearchParam {
			patient[r.Type] = patient[r.Type] || p.Name == "patient"
		}
	}
	return types, patient
}

// search follows a search's next links and returns every entry.
func (c *fhirAPI) search(query string) []entry {
	var out []entry
	next := c.base + "/" + query
	for pages := 0; next != "" && pages < 50; pages++ {
		var b struct {
			Link []struct {
				Relation, URL string
			} `json:"link"`
			Entry []struct {
				Resource json.RawMessage `json:"resource"`
				Search   struct {
					Mode string `json:"mode"`
				} `json:"search"`
			} `json:"entry"`
		}
		if err := json.Unmarshal(c.get(next), &b); err != nil {
			c.t.Fatal(err)
		}
		next = ""
		for _, l := range b.Link {
			if l.Relation == "next" {
				next = l.URL
			}
		}
		for _, e := range b.Entry {
			if e.Search.Mode == "outcome" {
				c.t.Errorf("%s: %s", query, e.Resource)
				continue
			}
			out = append(out, c.entry(e.Resource))
		}
	}
	return out
}

func (c *fhirAPI) read(path string) entry { return c.entry(c.get(path)) }

func (c *fhirAPI) entry(raw json.RawMessage) entry {
	var head struct {
		ResourceType string `json:"resourceType"`
		ID           string `json:"id"`
	}
	json.Unmarshal(raw, &head)
	return entry{typ: head.ResourceType, id: head.ID, raw: raw}
}

// get fetches a path below the FHIR base (or an absolute URL), wanting 200.
func (c *fhirAPI) get(path string) []byte {
	c.t.Helper()
	u := path
	if !strings.HasPrefix(u, "http") {
		u = c.base + "/" + path
	}
	req, _ := http.NewRequest("GET", u, nil)
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		c.t.Fatalf("GET %s: %d %s", u, resp.StatusCode, body)
	}
	return body
}
