package e2e

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

// docref POSTs $docref for the patient (with query, such as a range),
// saves the CCD its DocumentReference's Binary URL serves as XML, and
// returns the file and the DocumentReference.
func (c *fhirAPI) docref(patient, query, dir string) (string, json.RawMessage) {
	c.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, c.base+"/DocumentReference/$docref?patient="+patient+query, nil)
	req.Header.Set("Authorization", "Bearer "+c.token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	var b struct {
		Entry []struct{ Resource json.RawMessage }
	}
	var ref struct {
		Content []struct {
			Attachment struct{ URL, ContentType string }
		}
	}
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || json.Unmarshal(raw, &b) != nil || len(b.Entry) != 1 ||
		json.Unmarshal(b.Entry[0].Resource, &ref) != nil || len(ref.Content) != 1 {
		c.t.Fatalf("$docref for %s: %d %s", patient, resp.StatusCode, raw)
	}
	a := ref.Content[0].Attachment
	if a.ContentType != "application/xml" || !strings.HasPrefix(a.URL, c.base+"/Binary/") {
		c.t.Fatalf("$docref for %s: attachment %+v", patient, a)
	}
	req, _ = http.NewRequest(http.MethodGet, a.URL, nil)
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("Accept", "application/xml")
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	doc, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/xml" {
		c.t.Fatalf("GET %s: %d %s", a.URL, resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	file := filepath.Join(dir, patient+strings.NewReplacer("&", "-", "=", "-").Replace(query)+".xml")
	if err := os.WriteFile(file, doc, 0o644); err != nil {
		c.t.Fatal(err)
	}
	return file, b.Entry[0].Resource
}
