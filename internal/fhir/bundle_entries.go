package fhir

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"goemr/internal/fhir/r4"
)

// bundleEntry is one entry of a batch or transaction Bundle on its way
// through (R4 http.html#transaction): what it asks for and, once run,
// what came of it.
type bundleEntry struct {
	index       int
	method      string // DELETE, POST, PUT or GET
	url         string // request.url, relative to the base
	typ, id     string // the type, and the id a PUT, DELETE or read names
	fullURL     string
	raw         json.RawMessage
	ifMatch     int64
	ifNoneExist string
	sourceID    string   // the resource's own id as sent
	keys        []string // how other entries refer to it: fullUrl, Type/id
	idKeys      []string // Type?identifier=system|value for each identifier
	refs        []string // the references its resource holds
	skipped     bool     // a type goemr does not write, left out on request
	known       bool     // written before (BundleOptions.Known): not again
	planErr     error    // refused before anything ran (a batch entry)

	// What running it did; reset when a transaction starts over.
	status   int
	newID    string
	err      error
	existing bool // nothing written: it exists already
	// unwritten are the refused entries it refers to.
	unwritten []*bundleEntry
	answer    *recorder // a GET's response
}

// reset forgets what an earlier attempt of a transaction did.
func (e *bundleEntry) reset() {
	e.status, e.newID, e.err, e.existing, e.unwritten = 0, "", nil, false, nil
}

// label names the entry in messages: its position, and its fullUrl.
func (e *bundleEntry) label() string {
	if e.fullURL != "" {
		return fmt.Sprintf("Bundle.entry[%d] (%s)", e.index, e.fullURL)
	}
	return fmt.Sprintf("Bundle.entry[%d]", e.index)
}

// parseEntry reads what one entry asks for; base is the server's FHIR base,
// which an absolute request.url may start with.
func parseEntry(i int, be *r4.BundleEntry, base string) (*bundleEntry, error) {
	e := &bundleEntry{index: i, fullURL: strings.TrimSpace(strOf(be.FullUrl)), raw: be.Resource}
	if be.Request == nil || be.Request.Method == nil || be.Request.Url == nil {
		return e, fail(http.StatusBadRequest, "required", "request.method and request.url are required in a batch or transaction")
	}
	e.method = strings.ToUpper(*be.Request.Method)
	e.url = strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(*be.Request.Url), base), "/")
	e.ifNoneExist = strings.TrimPrefix(strOf(be.Request.IfNoneExist), "?")
	path, query, conditional := strings.Cut(e.url, "?")
	parts := strings.Split(path, "/")
	e.typ = parts[0]
	switch e.method {
	case http.MethodGet:
		return e, nil
	case http.MethodDelete:
		return e, fail(http.StatusMethodNotAllowed, "not-supported", "DELETE is not supported for %s", e.typ)
	case http.MethodPost:
		if len(parts) != 1 || conditional {
			return e, fail(http.StatusBadRequest, "invalid", "a POST entry's request.url is the type (%q)", e.url)
		}
	case http.MethodPut:
		switch {
		case conditional:
			return e, fail(http.StatusBadRequest, "not-supported", "conditional update (%s?%s) is not supported: name the id", path, query)
		case len(parts) != 2 || !validID.MatchString(parts[1]):
			return e, fail(http.StatusBadRequest, "invalid", "a PUT entry's request.url is Type/id, not %q", e.url)
		}
		e.id = parts[1]
		if uuidLike.MatchString(e.id) {
			e.id = strings.ToLower(e.id)
		}
		v, err := parseETag(strOf(be.Request.IfMatch))
		if err != nil {
			return e, err
		}
		e.ifMatch = v
	default:
		return e, fail(http.StatusMethodNotAllowed, "not-supported", "request.method %s is not supported in a Bundle", e.method)
	}
	return e, e.readResource()
}

// readResource checks the entry's resource against its request and reads
// what other entries may know it by.
func (e *bundleEntry) readResource() error {
	if len(e.raw) == 0 {
		return fail(http.StatusBadRequest, "required", "a %s entry needs a resource", e.method)
	}
	var head struct {
		ResourceType string `json:"resourceType"`
		ID           string `json:"id"`
		Identifier   []struct {
			System string `json:"system"`
			Value  string `json:"value"`
		} `json:"identifier"`
	}
	if err := json.Unmarshal(e.raw, &head); err != nil {
		return fail(http.StatusBadRequest, "structure", "the resource is not JSON: %v", err)
	}
	if head.ResourceType != e.typ {
		return fail(http.StatusBadRequest, "invalid", "a %q resource was sent to %s", head.ResourceType, e.url)
	}
	if e.method == http.MethodPut && !strings.EqualFold(head.ID, e.id) {
		return fail(http.StatusBadRequest, "invalid", "the resource's id (%q) must be the id in request.url (%q)", head.ID, e.id)
	}
	e.sourceID = head.ID
	if e.fullURL != "" {
		e.keys = append(e.keys, e.fullURL)
		// An entry at [base]/Type/id is also Type/id to the entries of the
		// same base (R4 bundle.html#references).
		if p := strings.Split(e.fullURL, "/"); len(p) >= 2 && p[len(p)-2] == e.typ && !strings.HasPrefix(e.fullURL, "urn:") {
			if k := e.typ + "/" + p[len(p)-1]; k != e.fullURL {
				e.keys = append(e.keys, k)
			}
		}
	}
	for _, id := range head.Identifier {
		if id.System != "" && id.Value != "" {
			e.idKeys = append(e.idKeys, e.typ+"?identifier="+id.System+"|"+id.Value)
		}
	}
	refs, err := collectRefs(e.raw)
	e.refs = refs
	return err
}

// parseETag reads a version from an ETag as If-Match carries it (W/"3",
// "3" or 3; R4 http.html#concurrency); 0 when empty.
func parseETag(tag string) (int64, error) {
	tag = strings.TrimSpace(tag)
	if tag == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(strings.Trim(strings.TrimPrefix(tag, "W/"), `"`), 10, 64)
	if err != nil || n < 1 {
		return 0, fail(http.StatusBadRequest, "invalid", "ifMatch must name a version, as W/\"3\", not %q", tag)
	}
	return n, nil
}
