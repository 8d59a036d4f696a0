package fhirmap

import (
	"fmt"
	"strings"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
)

// Writes (FHIR create and update) go the other way: a mapping's FromFHIR
// turns a validated resource into the column values of its table, every
// column it maps, so that an update (which replaces the whole resource,
// R4 http.html#update) also clears what the new version leaves out.

// WriteContext resolves what a resource refers to into stored keys; the
// caller implements it over storage, so mappings stay free of SQL.
type WriteContext struct {
	// Resolve finds the record of type typ with FHIR id id and returns its
	// field key (a Patient's pid); ok is false when there is none.
	Resolve func(typ, id, key string) (value string, ok bool, err error)
}

// invalid is a 400 about one element of the resource.
func invalid(path, format string, args ...any) error {
	return &emr.Error{Code: emr.EINVALID, Field: path, Message: path + ": " + fmt.Sprintf(format, args...)}
}

// reference resolves a literal reference ("Type/id", or an absolute URL
// ending in it) to the key field of the target's record.
func (w *WriteContext) reference(path string, ref *r4.Reference, typ, key string) (string, error) {
	if ref == nil || ref.Reference == nil {
		return "", nil
	}
	parts := strings.Split(strings.TrimSpace(*ref.Reference), "/")
	if len(parts) < 2 || parts[len(parts)-2] != typ || parts[len(parts)-1] == "" {
		return "", invalid(path, "must refer to a %s as %s/{id}, not %q", typ, typ, *ref.Reference)
	}
	id := parts[len(parts)-1]
	v, ok, err := w.Resolve(typ, id, key)
	if err != nil {
		return "", err
	}
	if !ok {
		return "", invalid(path, "%s/%s is not known here", typ, id)
	}
	return v, nil
}
