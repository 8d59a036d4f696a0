package e2e

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"
	"golang.org/x/oauth2/clientcredentials"
)

// bulkTypes are the types a Bulk Data client asks to read, in SMART v1
// scope words as Inferno's multi-patient tests ask for them.
var bulkTypes = []string{"Patient", "AllergyIntolerance", "CarePlan", "CareTeam", "Condition", "Coverage", "Device",
	"DiagnosticReport", "DocumentReference", "Encounter", "Goal", "Immunization", "Location", "Medication",
	"MedicationRequest", "Observation", "Organization", "Practitioner", "Procedure", "Provenance", "RelatedPerson",
	"ServiceRequest", "Specimen", "QuestionnaireResponse", "MedicationDispense", "Media", "Appointment"}

// bulkClient is a SMART Backend Services client doing Bulk Data: its
// token comes from golang.org/x/oauth2's clientcredentials with an RS384
// assertion.
type bulkClient struct {
	s     *Server
	token string
	http  *http.Client
}

func newBulkClient(t *testing.T, s *Server) *bulkClient {
	t.Helper()
	scopes := []string{"system/Group.$export", "system/Patient.$export", "system/*.$export", "system/Binary.read", "system/*.$bulkdata-status", "system/Group.read"}
	for _, typ := range bulkTypes {
		scopes = append(scopes, "system/"+typ+".read")
	}
	key, jwks := RSAKey("bulk-1")
	reg, _, err := s.Register(map[string]any{
		"application_type": "private", "client_name": "Bulk Data client", "redirect_uris": []string{"https://bulk.example.org/cb"},
		"token_endpoint_auth_method": "private_key_jwt", "jwks": jwks, "scope": strings.Join(scopes, " "),
	})
	if err != nil {
		t.Fatal(err)
	}
	cfg := clientcredentials.Config{ClientID: reg.ClientID, TokenURL: s.TokenURL(), Scopes: scopes,
		EndpointParams: url.Values{
			"client_assertion_type": {"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"},
			"client_assertion":      {Assertion(key, jose.RS384, reg.ClientID, s.TokenURL(), nil)},
		}}
	tok, err := cfg.Token(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return &bulkClient{s: s, token: tok.AccessToken, http: &http.Client{Timeout: time.Minute}}
}

// do sends a request with the client's token (none when token is false).
func (c *bulkClient) do(t *testing.T, method, u string, token bool, header ...string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, u, nil)
	if err != nil {
		t.Fatal(err)
	}
	if token {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := c.http.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, body
}

// kickOff starts an export at path (below the FHIR base) and returns the
// status URL.
func (c *bulkClient) kickOff(t *testing.T, path string) string {
	t.Helper()
	resp, body := c.do(t, "GET", c.s.FHIRBase()+path, true, "Accept", "application/fhir+json", "Prefer", "respond-async")
	loc := resp.Header.Get("Content-Location")
	if resp.StatusCode != http.StatusAccepted || !strings.HasPrefix(loc, "http") {
		t.Fatalf("kick-off %s: %d %q %s", path, resp.StatusCode, loc, body)
	}
	return loc
}

// manifest is the complete-status body.
type manifest struct {
	TransactionTime     string `json:"transactionTime"`
	Request             string `json:"request"`
	RequiresAccessToken bool   `json:"requiresAccessToken"`
	Output              []struct {
		Type  string `json:"type"`
		URL   string `json:"url"`
		Count int    `json:"count"`
	} `json:"output"`
	Error []json.RawMessage `json:"error"`
}

// wait polls statusURL with Accept: application/json, sleeping as
// Retry-After says, until the job is done (at most limit).
func (c *bulkClient) wait(t *testing.T, statusURL string, limit time.Duration) *manifest {
	t.Helper()
	deadline := time.Now().Add(limit)
	for {
		resp, body := c.do(t, "GET", statusURL, true, "Accept", "application/json")
		switch resp.StatusCode {
		case http.StatusAccepted:
			secs, err := strconv.Atoi(resp.Header.Get("Retry-After"))
			if err != nil || secs < 1 || resp.Header.Get("X-Progress") == "" {
				t.Fatalf("202 with Retry-After %q and X-Progress %q", resp.Header.Get("Retry-After"), resp.Header.Get("X-Progress"))
			}
			if time.Now().After(deadline) {
				t.Fatalf("export not done after %v (%s)", limit, resp.Header.Get("X-Progress"))
			}
			time.Sleep(time.Duration(secs) * time.Second)
		case http.StatusOK:
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Fatalf("complete status Content-Type %q", ct)
			}
			var m manifest
			if err := json.Unmarshal(body, &m); err != nil {
				t.Fatalf("manifest: %v: %s", err, body)
			}
			return &m
		default:
			t.Fatalf("status: %d %s", resp.StatusCode, body)
		}
	}
}

// ndjson downloads one output file and splits it into resources.
func (c *bulkClient) ndjson(t *testing.T, fileURL string) []json.RawMessage {
	t.Helper()
	resp, body := c.do(t, "GET", fileURL, true, "Accept", "application/fhir+ndjson")
	if resp.StatusCode != 200 {
		t.Fatalf("download %s: %d %s", fileURL, resp.StatusCode, body)
	}
	var out []json.RawMessage
	sc := bufio.NewScanner(strings.NewReader(string(body)))
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		line := append([]byte(nil), sc.Bytes()...)
		if !json.Valid(line) {
			t.Fatalf("%s: a line is not JSON: %.200s", fileURL, line)
		}
		out = append(out, line)
	}
	return out
}

// resourceType reads a resource's type and id.
func resourceType(t *testing.T, raw json.RawMessage) (typ, id string) {
	var r struct {
		ResourceType string `json:"resourceType"`
		ID           string `json:"id"`
	}
	if err := json.Unmarshal(raw, &r); err != nil {
		t.Fatal(err)
	}
	return r.ResourceType, r.ID
}
