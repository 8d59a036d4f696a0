package fhir

import (
	"encoding/json"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/fhirmap"
)

// operationDefinitionType stands for OperationDefinition in the API log:
// its resources are static (operationdefinition_defs.go), need no token
// (as OpenEMR serves them) and are in no compartment.
var operationDefinitionType = &fhirmap.Mapping{Type: "OperationDefinition"}

// serveOperationDefinition routes OperationDefinition reads and searches.
func (s *Server) serveOperationDefinition(c *call, parts []string) error {
	c.m = operationDefinitionType
	switch {
	case len(parts) == 1 && c.r.Method == http.MethodGet:
		return s.searchOperationDefinitions(c, c.r.URL.Query())
	case len(parts) == 2 && parts[1] == "_search" && c.r.Method == http.MethodPost:
		params, err := postedSearch(c.r)
		if err != nil {
			return err
		}
		return s.searchOperationDefinitions(c, params)
	case len(parts) == 2 && parts[1] != "_search" && c.r.Method == http.MethodGet:
		// OpenEMR's path for its operation is OperationDefinition/$bulkdata-status.
		id := strings.TrimPrefix(parts[1], "$")
		for _, od := range operationDefinitions(c.base) {
			if *od.ID == id {
				writeResource(c.w, http.StatusOK, od)
				return nil
			}
		}
		return emr.Errorf(emr.ENOTFOUND, "OperationDefinition/%s is not known", parts[1])
	}
	return methodNotAllowed(c, "GET")
}

// searchOperationDefinitions answers a search by _id, name (a string:
// starts with, or :exact, :contains) and url (a uri: equal), each
// repeatable (AND) with comma alternatives (OR); result parameters are
// accepted, _summary=count and _elements applied.
func (s *Server) searchOperationDefinitions(c *call, params url.Values) error {
	var ignored, elements []string
	summary := false
	defs := operationDefinitions(c.base)
	for _, key := range slices.Sorted(maps.Keys(params)) {
		values := params[key]
		name, modifier, _ := strings.Cut(key, ":")
		var field func(*r4.OperationDefinition) string
		switch name {
		case "_id":
			field = func(od *r4.OperationDefinition) string { return *od.ID }
		case "url":
			field = func(od *r4.OperationDefinition) string { return *od.Url }
		case "name":
			field = func(od *r4.OperationDefinition) string { return *od.Name }
		default:
			if !controls[name] {
				if preferStrict(c.r) {
					return emr.Errorf(emr.EINVALID, "unknown search parameter %q for OperationDefinition", key)
				}
				ignored = append(ignored, key)
			}
			last := values[len(values)-1]
			summary = summary || name == "_summary" && last == "count" || name == "_count" && last == "0"
			if name == "_elements" {
				elements = parseElements(last)
			}
			continue
		}
		if modifier != "" && (name != "name" || modifier != "exact" && modifier != "contains") {
			return emr.Errorf(emr.EINVALID, "search parameter %s takes no :%s", name, modifier)
		}
		for _, v := range values {
			defs = keepMatching(defs, field, name == "name", modifier, splitValues(v))
		}
	}
	b := &r4.Bundle{Type: ptr("searchset"), Total: ptr(int64(len(defs))), Link: []r4.BundleLink{link("self", s.searchURL(c, params))}}
	if !summary {
		for _, od := range defs {
			b.Entry = append(b.Entry, entry(c.base, *od.ID, od, "match", elements))
		}
	}
	if len(ignored) > 0 {
		body, _ := json.Marshal(outcome("warning", "not-supported", "ignored search parameters: "+strings.Join(ignored, ", ")))
		b.Entry = append(b.Entry, r4.BundleEntry{Resource: body, Search: &r4.BundleEntrySearch{Mode: ptr("outcome")}})
	}
	writeBundle(c.w, b)
	return nil
}

// keepMatching keeps the definitions whose field matches one of alts.
func keepMatching(defs []*r4.OperationDefinition, field func(*r4.OperationDefinition) string, isString bool, modifier string, alts []string) []*r4.OperationDefinition {
	var out []*r4.OperationDefinition
	for _, od := range defs {
		if slices.ContainsFunc(alts, func(a string) bool { return valueMatches(field(od), unescape(a), isString, modifier) }) {
			out = append(out, od)
		}
	}
	return out
}

// valueMatches compares a stored value with a searched one: a string
// parameter (R4 search.html#string) ignores case and matches the start,
// or the whole value (:exact, case kept) or any part (:contains); token
// and uri values match the whole.
func valueMatches(v, a string, isString bool, modifier string) bool {
	switch {
	case !isString || modifier == "exact":
		return v == a
	case modifier == "contains":
		return strings.Contains(strings.ToLower(v), strings.ToLower(a))
	}
	return strings.HasPrefix(strings.ToLower(v), strings.ToLower(a))
}

// operationDefinitionCapability declares OperationDefinition: read and
// search by _id, name and url, with no token.
func operationDefinitionCapability() r4.CapabilityStatementRestResource {
	return r4.CapabilityStatementRestResource{
		Type:    ptr("OperationDefinition"),
		Profile: ptr("http://hl7.org/fhir/StructureDefinition/OperationDefinition"),
		Interaction: []r4.CapabilityStatementRestResourceInteraction{
			{Code: ptr("read")}, {Code: ptr("search-type")},
		},
		Versioning: ptr("no-version"), ReadHistory: ptr(false), UpdateCreate: ptr(false),
		Documentation: ptr("The operations of this API (Bulk Data export, $bulkdata-status, US Core $docref); no token needed"),
		SearchParam: []r4.CapabilityStatementRestResourceSearchParam{
			searchParamCap("_id", "token", "http://hl7.org/fhir/SearchParameter/Resource-id", "The logical id"),
			searchParamCap("name", "string", "http://hl7.org/fhir/SearchParameter/conformance-name", "The computable name"),
			searchParamCap("url", "uri", "http://hl7.org/fhir/SearchParameter/conformance-url", "The canonical URL"),
		},
	}
}
