package restapi

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

// documentCategory resolves the required path query parameter to a
// category id; a missing or unknown path is a 400 naming "path".
func (c *Call) documentCategory() (int64, error) {
	path := c.R.URL.Query().Get("path")
	if strings.Trim(path, "/") == "" {
		return 0, invalid("path", "Required::NON_EXISTENT_KEY", "path must be provided, but does not exist")
	}
	recs, err := c.Records().List(c.Ctx(), resource.DocumentCategory, emr.Query{})
	if err != nil {
		return 0, err
	}
	cats := make([]emr.Category, 0, len(recs))
	for _, r := range recs {
		id, _ := strconv.ParseInt(r.Str("id"), 10, 64)
		parent, _ := strconv.ParseInt(r.Str("parent"), 10, 64)
		cats = append(cats, emr.Category{ID: id, Parent: parent, Name: r.Str("name")})
	}
	id, ok := categoryAtPath(cats, path)
	if !ok {
		return 0, invalid("path", "Category::NOT_FOUND",
			`no document category at path "`+path+`"; name categories from the top, e.g. "/Lab Report" or "/Patient Information/Patient Photograph"`)
	}
	return id, nil
}

// categoryAtPath finds the category a path such as "/Lab Report" or
// "/Patient Information/Patient Photograph" names, as OpenEMR's
// DocumentService::isValidPath does (openemr-standard-api.md §3.14): each
// segment is compared to the category names lower-cased with spaces
// removed, the first segment may name any category and each next one a
// child of the previous. Segments are lower-cased and lose their spaces
// and underscores, so "/lab_report", "/LabReport" and "/Lab Report" are
// one path. When names repeat, the lowest id wins, as OpenEMR's first row.
func categoryAtPath(cats []emr.Category, path string) (int64, bool) {
	var found []emr.Category
	first := true
	for _, seg := range strings.Split(path, "/") {
		if seg == "" {
			continue
		}
		want := categoryKey(seg)
		var next []emr.Category
		for _, c := range cats {
			if categoryKey(c.Name) != want {
				continue
			}
			if first || slices.ContainsFunc(found, func(p emr.Category) bool { return p.ID == c.Parent }) {
				next = append(next, c)
			}
		}
		if len(next) == 0 {
			return 0, false
		}
		found, first = next, false
	}
	if len(found) == 0 {
		return 0, false
	}
	return slices.MinFunc(found, func(a, b emr.Category) int { return cmp.Compare(a.ID, b.ID) }).ID, true
}

// categoryKey is the form category names and path segments are compared in.
func categoryKey(s string) string {
	return strings.NewReplacer(" ", "", "_", "").Replace(strings.ToLower(s))
}
