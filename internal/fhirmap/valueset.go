package fhirmap

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"regexp"
	"time"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// ValueSet is an OpenEMR option list (list_options) as a FHIR ValueSet
// (https://hl7.org/fhir/R4/valueset.html), as OpenEMR's ValueSet service
// serves its lists: the list's active options are the concepts, each
// option_id a code of a code system of the list's own, with its title as
// display. It claims R4's shareablevalueset profile, whose url, version,
// name, status, experimental, publisher and description it fills.
//
// Lists are no patient's data: the type is in no compartment.
var ValueSet = &Mapping{
	Type:     "ValueSet",
	Profiles: valueSetProfiles,
	Def:      resource.FHIRValueSet,
	ID:       "id",
	Updated:  "last_updated",
	Params: []Param{
		{Code: "name", Type: String, Fields: []string{"name", "list_id"}, Doc: "The computable name (List_race) or OpenEMR's list id (race)"},
		{Code: "title", Type: String, Fields: []string{"title"}, Doc: "The list's title"},
	},
	ToFHIR: valueSetToFHIR,
}

var valueSetProfiles = []string{"http://hl7.org/fhir/StructureDefinition/shareablevalueset"}

// validCode is the FHIR code syntax (R4 datatypes.html#code): no leading,
// trailing or repeated whitespace.
var validCode = regexp.MustCompile(`^\S+( \S+)*$`)

func valueSetToFHIR(rec emr.Record, c *Context) r4.Resource {
	id, list := rec.Str("id"), rec.Str("list_id")
	system := c.Base + "/CodeSystem/" + id
	vs := &r4.ValueSet{
		ID:           text(id),
		Meta:         meta(valueSetProfiles, rec.Str("last_updated")),
		Url:          ptr(c.Base + "/ValueSet/" + id),
		Name:         text(rec.Str("name")),
		Title:        text(rec.Str("title")),
		Status:       ptr("active"),
		Experimental: ptr(false),
		Date:         dateTime(rec.Str("last_updated")),
		Publisher:    text(rec.Str("publisher")),
		Description:  ptr("The options of the OpenEMR list `" + list + "`."),
	}
	if vs.Publisher == nil {
		vs.Publisher = ptr("goemr")
	}
	var pairs [][]string
	json.Unmarshal([]byte(rec.Str("concepts")), &pairs)
	var concepts []r4.ValueSetComposeIncludeConcept
	exp := &r4.ValueSetExpansion{Timestamp: ptr(time.Now().UTC().Format("2006-01-02T15:04:05Z"))}
	sum := sha256.New()
	for _, p := range pairs {
		if len(p) != 2 || !validCode.MatchString(p[0]) {
			continue
		}
		sum.Write([]byte(p[0] + "\x00" + p[1] + "\x00"))
		concepts = append(concepts, r4.ValueSetComposeIncludeConcept{Code: ptr(p[0]), Display: text(p[1])})
		exp.Contains = append(exp.Contains, r4.ValueSetExpansionContains{System: &system, Code: ptr(p[0]), Display: text(p[1])})
	}
	// The version changes exactly when the concepts do.
	vs.Version = ptr(hex.EncodeToString(sum.Sum(nil))[:12])
	if concepts != nil {
		vs.Compose = &r4.ValueSetCompose{Include: []r4.ValueSetComposeInclude{{System: &system, Concept: concepts}}}
	}
	exp.Total = ptr(int64(len(exp.Contains)))
	vs.Expansion = exp
	return vs
}
