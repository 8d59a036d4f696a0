package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

	"goemr/internal/fhir/r4"
)

// errNotFHIR marks a file that holds no FHIR resources (a bulk export's
// log.ndjson): passed over, not an error.
var errNotFHIR = errors.New("not FHIR resources")

// loadImportFile reads a file as the Bundle its import runs: a batch or
// transaction Bundle as it is; any other Bundle (collection, searchset…),
// a single resource or NDJSON (one resource a line) as creates of each
// resource. All become one transaction, or a batch when batch is set.
func loadImportFile(path string, batch bool) (*r4.Bundle, error) {
	kind := "transaction"
	if batch {
		kind = "batch"
	}
	b := &r4.Bundle{Type: &kind}
	if strings.HasSuffix(path, ".ndjson") {
		return b, loadNDJSON(path, b)
	}
	body, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var head struct {
		ResourceType string `json:"resourceType"`
		ID           string `json:"id"`
	}
	if err := json.Unmarshal(body, &head); err != nil || head.ResourceType == "" {
		return nil, errNotFHIR
	}
	if head.ResourceType != "Bundle" {
		b.Entry = []r4.BundleEntry{createEntry(head.ResourceType, head.ID, body)}
		return b, nil
	}
	res, err := r4.Decode(body, true)
	if err != nil {
		return nil, err
	}
	src := res.(*r4.Bundle)
	switch t := strOf(src.Type); t {
	case "transaction", "batch":
		for _, e := range src.Entry {
			if e.Request == nil && len(e.Resource) > 0 {
				e.Request = createEntry(resourceTypeOf(e.Resource), "", nil).Request
			}
			b.Entry = append(b.Entry, e)
		}
	default:
		for _, e := range src.Entry {
			if len(e.Resource) == 0 || e.Search != nil && strOf(e.Search.Mode) == "outcome" {
				continue
			}
			ce := createEntry(resourceTypeOf(e.Resource), "", e.Resource)
			ce.FullUrl = e.FullUrl
			b.Entry = append(b.Entry, ce)
		}
	}
	return b, nil
}

// loadNDJSON adds a create of each line's resource to b.
func loadNDJSON(path string, b *r4.Bundle) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var head struct {
			ResourceType string `json:"resourceType"`
			ID           string `json:"id"`
		}
		if err := json.Unmarshal(line, &head); err != nil || head.ResourceType == "" {
			if len(b.Entry) == 0 {
				return errNotFHIR
			}
			return fmt.Errorf("line %d is not a FHIR resource", n)
		}
		b.Entry = append(b.Entry, createEntry(head.ResourceType, head.ID, append([]byte(nil), line...)))
	}
	return sc.Err()
}

// createEntry is a Bundle entry creating body, a typ resource. A resource
// with an id is known by Type/id, as bulk exports refer to each other.
func createEntry(typ, id string, body []byte) r4.BundleEntry {
	e := r4.BundleEntry{Resource: body, Request: &r4.BundleEntryRequest{Method: ptrTo("POST"), Url: ptrTo(typ)}}
	if id != "" {
		e.FullUrl = ptrTo(typ + "/" + id)
	}
	return e
}

func resourceTypeOf(raw json.RawMessage) string {
	var head struct {
		ResourceType string `json:"resourceType"`
	}
	json.Unmarshal(raw, &head)
	return head.ResourceType
}

func ptrTo[T any](v T) *T { return &v }

func strOf(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
