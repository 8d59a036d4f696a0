package resource

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"goemr/internal/emr"
)

// A document's type is the LOINC code of the category it is filed under
// (categories.codes, "LOINC:18842-5"), and it is a clinical note when that
// category lies under one of clinicalCategories: how FHIR's
// DocumentReference reads a document (FHIRDocumentReference). Filing a
// document of a given type is the inverse.

// The categories a document of no known type is filed under: Medical
// Record (3) for a clinical note, Patient Information (4) otherwise.
const (
	unknownClinical = 3
	unknownOther    = 4
)

// categoryWrite adds categories: ids are MAX + 1, as OpenEMR's category
// admin numbers them.
var categoryWrite = &Def{
	Name: "document_category", Table: "categories", ID: "id", Key: "id", Numbered: "id",
	Fields: []Field{
		Col("id", As(Int)), Col("parent", As(Int)), Col("name"), Col("value"),
		Col("lft", As(Int)), Col("rght", As(Int)), Col("aco_spec"), Col("codes"),
	},
}

type category struct {
	id, parent, lft, rght int64
	codes                 string
}

// DocumentCategoryFor is the category to file a document of LOINC type
// loinc ("" for an unknown type) under, clinical or not: the first
// category of the tree with that code (or with no LOINC code, for an
// unknown type, preferring the fallbacks above) on the right side of the
// clinical branches. A type no category has gets a new
// category, named title, under Medical Record for a clinical note and at
// the top otherwise.
func DocumentCategoryFor(ctx context.Context, w Writer, loinc, title string, clinical bool) (int64, error) {
	cats, err := categories(ctx, w)
	if err != nil {
		return 0, err
	}
	want := strings.ToUpper("LOINC:" + loinc)
	fits := func(c category) bool {
		codes := strings.ToUpper(strings.ReplaceAll(c.codes, " ", ""))
		if c.parent == 0 || isClinical(cats, c) != clinical {
			return false
		}
		if loinc == "" {
			return !strings.Contains(codes, "LOINC:")
		}
		return slices.Contains(strings.Split(codes, ";"), want)
	}
	fallback := map[bool]int64{true: unknownClinical, false: unknownOther}[clinical]
	for _, c := range cats {
		if c.id == fallback && fits(c) {
			return c.id, nil
		}
	}
	for _, c := range cats {
		if fits(c) {
			return c.id, nil
		}
	}
	if loinc == "" {
		return 0, emr.Errorf(emr.EINVALID, "no document category holds documents of an unknown type")
	}
	parent := map[bool]int64{true: unknownClinical, false: 1}[clinical]
	return addCategory(ctx, w, cats, parent, firstNonEmpty(title, "LOINC "+loinc), "LOINC:"+loinc)
}

// isClinical reports whether c lies under one of clinicalCategories.
func isClinical(cats []category, c category) bool {
	for _, a := range cats {
		if strings.Contains(", "+clinicalCategories+", ", ", "+strconv.FormatInt(a.id, 10)+", ") && c.lft >= a.lft && c.lft <= a.rght {
			return true
		}
	}
	return false
}

// addCategory adds a category under parent to the nested set: the
// parent's right edge, and everything right of it, move two places.
func addCategory(ctx context.Context, w Writer, cats []category, parent int64, name, codes string) (int64, error) {
	rec, err := w.Insert(ctx, categoryWrite, map[string]any{"parent": parent, "name": name, "value": "",
		"lft": 0, "rght": 0, "aco_spec": "patients|docs", "codes": codes})
	if err != nil {
		return 0, err
	}
	id, _ := rec["id"].(int64)
	// The insert numbered the category under a lock: read the tree again,
	// as another write may have grown it meanwhile.
	if cats, err = categories(ctx, w); err != nil {
		return 0, err
	}
	at := int64(-1)
	for _, c := range cats {
		if c.id == parent {
			at = c.rght
		}
	}
	if at < 0 {
		return 0, emr.Errorf(emr.EINTERNAL, "document category %d is missing", parent)
	}
	for _, c := range cats {
		lft, rght := c.lft, c.rght
		if c.id == id {
			lft, rght = at, at+1
		} else {
			lft += 2 * b2i(lft > at)
			rght += 2 * b2i(rght >= at)
		}
		if lft != c.lft || rght != c.rght {
			if _, err := w.Update(ctx, categoryWrite, map[string]any{"lft": lft, "rght": rght}, emr.Eq("id", c.id)); err != nil {
				return 0, err
			}
		}
	}
	return id, nil
}

func categories(ctx context.Context, r Reader) ([]category, error) {
	recs, err := r.List(ctx, categoryWrite, emr.Query{})
	if err != nil {
		return nil, err
	}
	out := make([]category, len(recs))
	for i, rec := range recs {
		n := func(f string) int64 { v, _ := strconv.ParseInt(rec.Str(f), 10, 64); return v }
		out[i] = category{id: n("id"), parent: n("parent"), lft: n("lft"), rght: n("rght"), codes: rec.Str("codes")}
	}
	slices.SortFunc(out, func(a, b category) int { return int(a.id - b.id) })
	return out, nil
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}
