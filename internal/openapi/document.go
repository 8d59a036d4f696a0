package openapi

import (
	"fmt"
	"strings"

	"goemr/internal/resource"
)

// apiVersion is the OpenEMR API release goemr answers as: info.version of
// OpenEMR's swagger/openemr-api.yaml (openemr-standard-api.md §0, §5).
const apiVersion = "8.2.0"

// The tags OpenEMR's own document gives the two APIs (§5).
const (
	tagStandard = "standard"
	tagPortal   = "standard-patient"
)

// Document returns the OpenAPI 3.0.3 document of every route in
// resource.Routes, as indented JSON, for a server whose Site Address is
// baseURL. It fails when the table cannot be described consistently (two
// routes with one method and path shape, or a clash of operation ids).
func Document(baseURL string) ([]byte, error) {
	return render(baseURL, resource.Routes)
}

func render(baseURL string, routes []*resource.Route) ([]byte, error) {
	s, err := build(strings.TrimRight(baseURL, "/"), routes)
	if err != nil {
		return nil, err
	}
	return marshal(s)
}

func build(base string, routes []*resource.Route) (*spec, error) {
	b := newBuilder(base)
	for _, r := range routes {
		if err := b.add(r); err != nil {
			return nil, fmt.Errorf("openapi: %s %s: %w", r.Method, r.Path, err)
		}
	}
	return &spec{
		OpenAPI: "3.0.3",
		Info: info{
			Title:       "goemr: OpenEMR Standard and Patient Portal API",
			Description: description(base),
			Version:     apiVersion,
		},
		// Paths carry /apis/{site} themselves, so the server is the Site
		// Address alone and the site is an ordinary path parameter.
		Servers: []server{{URL: base, Description: "this server (its Site Address)"}},
		Tags: []tag{
			{Name: tagStandard, Description: "Standard REST API (/apis/{site}/api/…): staff users, scope api:oemr"},
			{Name: tagPortal, Description: "Patient Portal API (/apis/{site}/portal/…): patients, scope api:port"},
		},
		Paths: b.paths,
		Components: components{
			Schemas:         b.schemas,
			Responses:       errorResponses(),
			Parameters:      commonParameters(),
			SecuritySchemes: map[string]*securityScheme{securitySchemeName: b.securityScheme()},
		},
	}, nil
}

func description(base string) string {
	return "The OpenEMR-compatible Standard REST API and Patient Portal API of this server, " +
		"generated from its route table. Responses keep OpenEMR's shapes: most routes answer the envelope " +
		"{validationErrors, internalErrors, data, links}, the others the payload itself. " +
		"Database values are sent as strings; fresh ids as numbers.\n\n" +
		"To try requests from Swagger UI, register a client at " + base + "/oauth2/default/registration " +
		"with the redirect URI " + base + "/swagger/oauth2-redirect.html, then use Authorize with its client_id. " +
		"Staff (user/) scopes need a confidential client (application_type \"private\"; give its client_secret too); " +
		"patient scopes also work with a public one (token_endpoint_auth_method \"none\"). " +
		"Staff and patient scopes need separate sign-ins."
}

// builder accumulates paths, component schemas and scopes over the routes.
type builder struct {
	base     string
	paths    map[string]*pathItem
	shapes   map[string]string // path with anonymous parameters → its OpenAPI path
	opIDs    map[string]bool
	schemas  map[string]*schema
	names    map[*resource.Def]string // record schema of each resource
	requests map[requestKey]string    // body schema of each create and update
	scopes   map[string]string        // route scopes and their descriptions
}

func newBuilder(base string) *builder {
	return &builder{
		base:     base,
		paths:    map[string]*pathItem{},
		shapes:   map[string]string{},
		opIDs:    map[string]bool{},
		schemas:  commonSchemas(),
		names:    map[*resource.Def]string{},
		requests: map[requestKey]string{},
		scopes:   map[string]string{},
	}
}

// add describes one route.
func (b *builder) add(r *resource.Route) error {
	item, path := b.pathItem(r)
	op, err := b.operation(r, path)
	if err != nil {
		return err
	}
	if b.opIDs[op.OperationID] {
		return fmt.Errorf("operation id %q is used twice", op.OperationID)
	}
	b.opIDs[op.OperationID] = true
	slot := item.slot(r.Method)
	if slot == nil {
		return fmt.Errorf("method %s cannot be described", r.Method)
	}
	if *slot != nil {
		return fmt.Errorf("another route has the same method and path shape")
	}
	*slot = op
	return nil
}

func (p *pathItem) slot(method string) **operation {
	switch method {
	case "GET":
		return &p.Get
	case "PUT":
		return &p.Put
	case "POST":
		return &p.Post
	case "DELETE":
		return &p.Delete
	case "PATCH":
		return &p.Patch
	}
	return nil
}
