package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"

	"goemr/internal/e2e"
)

// bulkClient is a SMART Backend Services client of the server under test
// (RS384 client assertions, client_credentials), as Bulk Data clients are.
type bulkClient struct {
	e     *apiEnv
	id    string
	key   jose.JSONWebKey
	Token string
}

// newBulkClient registers a backend client allowed scopes and gets a
// token for all of them.
func newBulkClient(t *testing.T, e *apiEnv, scopes string) *bulkClient {
	t.Helper()
	key, jwks := e2e.RSAKey("bulk")
	body, _ := json.Marshal(map[string]any{
		"client_name": "bulk scenario", "application_type": "private", "redirect_uris": []string{"https://bulk.example.org/cb"},
		"token_endpoint_auth_method": "private_key_jwt", "jwks": jwks, "scope": scopes,
	})
	resp, err := http.Post(e.URL+"/oauth2/default/registration", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	var reg struct {
		ClientID string `json:"client_id"`
	}
	raw, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 201 || json.Unmarshal(raw, &reg) != nil {
		t.Fatalf("registration: %d %s", resp.StatusCode, raw)
	}
	c := &bulkClient{e: e, id: reg.ClientID, key: key}
	c.Token = c.token(t, scopes)
	return c
}

func (c *bulkClient) token(t *testing.T, scopes string) string {
	t.Helper()
	tokenURL := c.e.URL + "/oauth2/default/token"
	status, tok, err := e2e.PostForm(tokenURL, url.Values{
		"grant_type": {"client_credentials"}, "scope": {scopes},
		"client_assertion_type": {"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"},
		"client_assertion":      {e2e.Assertion(c.key, jose.RS384, c.id, tokenURL, nil)},
	}, "", "")
	if err != nil || status != 200 {
		t.Fatalf("client_credentials: %d %v %v", status, tok, err)
	}
	return tok["access_token"].(string)
}

// kickOff starts an export at path (below /fhir) and returns the response.
func (c *bulkClient) kickOff(t *testing.T, path string, header ...string) *Resp {
	t.Helper()
	h := append([]string{"Accept", "application/fhir+json", "Prefer", "respond-async"}, header...)
	return c.e.DoHeader("GET", "/fhir"+path, c.Token, nil, h...)
}

// poll follows a status URL until the job is done, honouring Retry-After.
func (c *bulkClient) poll(t *testing.T, statusURL string) *Resp {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for {
		r := c.e.DoHeader("GET", strings.TrimPrefix(statusURL, c.e.URL), c.Token, nil, "Accept", "application/json")
		if r.Status != http.StatusAccepted {
			return r
		}
		if r.Header.Get("X-Progress") == "" || r.Header.Get("Retry-After") == "" {
			t.Fatalf("202 status without X-Progress or Retry-After: %v", r.Header)
		}
		if time.Now().After(deadline) {
			t.Fatalf("export still running after 2 minutes: %s", r.Header.Get("X-Progress"))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// export kicks off, waits and returns the manifest's files, read and
// split into lines, by type.
func (c *bulkClient) export(t *testing.T, path string) (manifest map[string]any, lines map[string][]map[string]any) {
	t.Helper()
	r := c.kickOff(t, path).Want(t, http.StatusAccepted)
	done := c.poll(t, r.Header.Get("Content-Location")).Want(t, http.StatusOK)
	manifest = done.JSON.(map[string]any)
	lines = map[string][]map[string]any{}
	for _, o := range manifest["output"].([]any) {
		entry := o.(map[string]any)
		typ := entry["type"].(string)
		got := c.download(t, entry["url"].(string), false)
		if float64(len(got)) != entry["count"].(float64) {
			t.Errorf("%s: manifest count %v, file has %d lines", entry["url"], entry["count"], len(got))
		}
		lines[typ] = append(lines[typ], got...)
	}
	return manifest, lines
}

// download reads an NDJSON file, gzip-compressed if asked.
func (c *bulkClient) download(t *testing.T, fileURL string, gz bool) []map[string]any {
	t.Helper()
	req, _ := http.NewRequest("GET", fileURL, nil)
	req.Header.Set("Authorization", "Bearer "+c.Token)
	req.Header.Set("Accept", "application/fhir+ndjson")
	if gz {
		req.Header.Set("Accept-Encoding", "gzip")
	}
	resp, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/fhir+ndjson" {
		raw, _ := io.ReadAll(resp.Body)
		t.Fatalf("download %s: %d %s %s", fileURL, resp.StatusCode, resp.Header.Get("Content-Type"), raw)
	}
	var body io.Reader = resp.Body
	if gz {
		if resp.Header.Get("Content-Encoding") != "gzip" {
			t.Fatalf("gzip asked, Content-Encoding %q", resp.Header.Get("Content-Encoding"))
		}
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		body = zr
	}
	var out []map[string]any
	sc := bufio.NewScanner(body)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var res map[string]any
		if err := json.Unmarshal(sc.Bytes(), &res); err != nil {
			t.Fatalf("%s: a line is not JSON: %s", fileURL, sc.Bytes())
		}
		out = append(out, res)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
