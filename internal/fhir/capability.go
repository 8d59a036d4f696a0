package fhir

import (
	"net/http"
	"time"

	"goemr/internal/fhir/r4"
	"goemr/internal/fhirmap"
)

// started dates the CapabilityStatement: what the server can do changes
// only when it restarts.
var started = time.Now().UTC().Format("2006-01-02T15:04:05Z")

// capabilities answers GET [base]/metadata (R4 http.html#capabilities)
// with no token, from the same mappings that serve the requests, so the
// statement cannot promise what the routes do not do.
func (s *Server) capabilities(c *call) error {
	if body, ok := s.caps.Load(c.site); ok {
		writeResource(c.w, http.StatusOK, body)
		return nil
	}
	cs := s.capabilityStatement(c.site, c.base)
	s.bulkCapability(cs)
	docrefCapability(cs)
	s.caps.Store(c.site, cs)
	writeResource(c.w, http.StatusOK, cs)
	return nil
}

func (s *Server) capabilityStatement(site, base string) *r4.CapabilityStatement {
	rest := r4.CapabilityStatementRest{Mode: ptr("server"), Security: s.security(site), Interaction: bundleInteractions()}
	for _, m := range s.o.Mappings {
		rest.Resource = append(rest.Resource, resourceCapability(m))
	}
	rest.Resource = append(rest.Resource, provenanceCapability())
	rest.Resource = append(rest.Resource, operationDefinitionCapability())
	if s.o.Documents != nil {
		rest.Resource = append(rest.Resource, r4.CapabilityStatementRestResource{
			Type:          ptr("Binary"),
			Profile:       ptr("http://hl7.org/fhir/StructureDefinition/Binary"),
			Interaction:   []r4.CapabilityStatementRestResourceInteraction{{Code: ptr("read")}},
			Documentation: ptr("A patient document's content (DocumentReference.content.attachment.url); the FHIR Binary with Accept: application/fhir+json"),
		})
	}
	return &r4.CapabilityStatement{
		Status: ptr("active"), Date: ptr(started), Kind: ptr("instance"),
		Name: ptr("goemr"), Title: ptr("goemr FHIR R4 server"), Publisher: ptr("goemr"),
		Instantiates:        []string{"http://hl7.org/fhir/us/core/CapabilityStatement/us-core-server"},
		ImplementationGuide: []string{"http://hl7.org/fhir/us/core/ImplementationGuide/hl7.fhir.us.core|6.1.0", "http://hl7.org/fhir/us/core/ImplementationGuide/hl7.fhir.us.core|7.0.0"},
		Software:            &r4.CapabilityStatementSoftware{Name: ptr("goemr"), Version: nonEmpty(s.o.Software)},
		Implementation:      &r4.CapabilityStatementImplementation{Description: ptr("goemr FHIR R4 / US Core server"), Url: ptr(base)},
		FhirVersion:         ptr("4.0.1"),
		Format:              []string{"json", fhirJSON, plainJSON},
		Rest:                []r4.CapabilityStatementRest{rest},
	}
}

// security declares SMART on FHIR and where its endpoints are, in the
// oauth-uris extension SMART v1 clients discover from /metadata (SMART
// App Launch 1.0 "Declaring support for OAuth2 endpoints").
func (s *Server) security(site string) *r4.CapabilityStatementRestSecurity {
	iss := s.o.Auth.Issuer(site)
	uri := func(name, path string) r4.Extension {
		return r4.Extension{Url: ptr(name), ValueUri: ptr(iss + path)}
	}
	return &r4.CapabilityStatementRestSecurity{
		Cors: ptr(true),
		Service: []r4.CodeableConcept{{
			Coding: []r4.Coding{{System: ptr("http://terminology.hl7.org/CodeSystem/restful-security-service"), Code: ptr("SMART-on-FHIR"), Display: ptr("SMART-on-FHIR")}},
			Text:   ptr("OAuth2 using SMART-on-FHIR profile (see http://docs.smarthealthit.org)"),
		}},
		Extension: []r4.Extension{{
			Url: ptr("http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris"),
			Extension: []r4.Extension{
				uri("authorize", "/authorize"), uri("token", "/token"), uri("register", "/registration"),
				uri("introspect", "/introspect"), uri("revoke", "/revoke"),
			},
		}},
	}
}

func resourceCapability(m *fhirmap.Mapping) r4.CapabilityStatementRestResource {
	rc := r4.CapabilityStatementRestResource{
		Type:             ptr(m.Type),
		Profile:          ptr("http://hl7.org/fhir/StructureDefinition/" + m.Type),
		SupportedProfile: m.Profiles,
		Interaction: []r4.CapabilityStatementRestResourceInteraction{
			{Code: ptr("read")}, {Code: ptr("search-type")},
		},
		Versioning:        ptr("no-version"),
		ReadHistory:       ptr(false),
		UpdateCreate:      ptr(false),
		ConditionalCreate: ptr(false), ConditionalUpdate: ptr(false),
		ConditionalDelete: ptr("not-supported"),
	}
	if m.FromFHIR != nil {
		rc.Interaction = append(rc.Interaction,
			r4.CapabilityStatementRestResourceInteraction{Code: ptr("create")},
			r4.CapabilityStatementRestResourceInteraction{Code: ptr("update")})
	}
	rc.SearchParam = append(rc.SearchParam,
		searchParamCap("_id", "token", fhirmap.ParamDefinition(m.Type, "_id"), "The logical id"))
	if m.Updated != "" {
		rc.SearchParam = append(rc.SearchParam,
			searchParamCap("_lastUpdated", "date", "http://hl7.org/fhir/SearchParameter/Resource-lastUpdated", "When the resource last changed"))
	}
	for _, p := range m.Params {
		rc.SearchParam = append(rc.SearchParam,
			searchParamCap(p.Code, string(p.Type), fhirmap.ParamDefinition(m.Type, p.Code), p.Doc))
		if p.Type == fhirmap.Reference {
			rc.SearchInclude = append(rc.SearchInclude, m.Type+":"+p.Code)
		}
	}
	// Every served type has a Provenance (fhirmap.ProvenanceFor).
	rc.SearchRevInclude = []string{"Provenance:target"}
	return rc
}

// provenanceCapability declares the computed Provenance: read, and search
// by _id or target.
func provenanceCapability() r4.CapabilityStatementRestResource {
	return r4.CapabilityStatementRestResource{
		Type:             ptr("Provenance"),
		Profile:          ptr("http://hl7.org/fhir/StructureDefinition/Provenance"),
		SupportedProfile: fhirmap.ProvenanceProfiles(),
		Interaction: []r4.CapabilityStatementRestResourceInteraction{
			{Code: ptr("read")}, {Code: ptr("search-type")},
		},
		Versioning: ptr("no-version"), ReadHistory: ptr(false), UpdateCreate: ptr(false),
		SearchParam: []r4.CapabilityStatementRestResourceSearchParam{
			searchParamCap("_id", "token", "http://hl7.org/fhir/SearchParameter/Resource-id", "Provenance ids are {Type}-PSK-{id} of their target"),
			searchParamCap("target", "reference", "http://hl7.org/fhir/SearchParameter/Provenance-target", "The resource the Provenance is about"),
		},
	}
}

// versioning says whether resources of m carry versionIds and honour
// If-Match ("versioned-update").
func versioning(m *fhirmap.Mapping) string {
	for _, r := range m.Refs {
		if r.Name == "version" {
			if m.FromFHIR != nil {
				return "versioned-update"
			}
			return "versioned"
		}
	}
	return "no-version"
}

func searchParamCap(name, typ, def, doc string) r4.CapabilityStatementRestResourceSearchParam {
	return r4.CapabilityStatementRestResourceSearchParam{Name: ptr(name), Type: ptr(typ), Definition: ptr(def), Documentation: nonEmpty(doc)}
}

func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
