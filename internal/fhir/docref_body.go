package fhir

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
)

// docrefBody reads a Parameters resource (FHIR JSON) into parameter
// values; an empty body has none.
func docrefBody(r *http.Request) (url.Values, error) {
	raw, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, maxSearchBody))
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return nil, fail(http.StatusRequestEntityTooLarge, "too-costly", "a $docref body may have at most %d bytes", maxSearchBody)
	}
	if err != nil {
		return nil, emr.Errorf(emr.EINVALID, "the body cannot be read: %v", err)
	}
	if strings.TrimSpace(string(raw)) == "" {
		return url.Values{}, nil
	}
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != fhirJSON && mt != plainJSON {
		return nil, fail(http.StatusUnsupportedMediaType, "not-supported", "a $docref body is a Parameters resource as application/fhir+json")
	}
	res, err := r4.Decode(raw, true)
	if err != nil {
		return nil, fail(http.StatusBadRequest, "structure", "the body is not a FHIR R4 resource: %s", strings.TrimPrefix(err.Error(), "r4: "))
	}
	params, ok := res.(*r4.Parameters)
	if !ok {
		return nil, emr.Errorf(emr.EINVALID, "a $docref body is a Parameters resource, not a %s", res.ResourceType())
	}
	out := url.Values{}
	for _, pp := range params.Parameter {
		v, err := parameterValue(pp)
		if err != nil {
			return nil, err
		}
		out.Add(strOf(pp.Name), v)
	}
	return out, nil
}

// parameterValue is a parameter's value as the query string would carry
// it: a token as system|code, a reference as Type/id.
func parameterValue(p r4.ParametersParameter) (string, error) {
	switch {
	case p.ValueId != nil:
		return *p.ValueId, nil
	case p.ValueString != nil:
		return *p.ValueString, nil
	case p.ValueCode != nil:
		return *p.ValueCode, nil
	case p.ValueDate != nil:
		return *p.ValueDate, nil
	case p.ValueDateTime != nil:
		return *p.ValueDateTime, nil
	case p.ValueBoolean != nil:
		return map[bool]string{true: "true", false: "false"}[*p.ValueBoolean], nil
	case p.ValueReference != nil && p.ValueReference.Reference != nil:
		return *p.ValueReference.Reference, nil
	case p.ValueCoding != nil:
		return strOf(p.ValueCoding.System) + "|" + strOf(p.ValueCoding.Code), nil
	case p.ValueCodeableConcept != nil && len(p.ValueCodeableConcept.Coding) == 1:
		c := p.ValueCodeableConcept.Coding[0]
		return strOf(c.System) + "|" + strOf(c.Code), nil
	case p.ValueUri != nil:
		return *p.ValueUri, nil
	case p.ValueCanonical != nil:
		return *p.ValueCanonical, nil
	}
	return "", emr.Errorf(emr.EINVALID, "the $docref parameter %s has no value goemr reads", strOf(p.Name))
}
