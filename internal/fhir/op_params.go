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

// maxParametersBody bounds the Parameters body of an operation (a Bulk
// Data kick-off may name many patients).
const maxParametersBody = 1 << 20

// operationParams reads the parameters of operation op (R4 operations.html
// #request): the query string, plus on POST a Parameters resource in the
// body (FHIR JSON, decoded strictly), each value as the query string
// would carry it. An empty body has none.
func operationParams(r *http.Request, op string) (url.Values, error) {
	values := r.URL.Query()
	if r.Method != http.MethodPost {
		return values, nil
	}
	raw, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, maxParametersBody))
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return nil, fail(http.StatusRequestEntityTooLarge, "too-costly", "a %s body may have at most %d bytes", op, maxParametersBody)
	}
	if err != nil {
		return nil, emr.Errorf(emr.EINVALID, "the body cannot be read: %v", err)
	}
	if strings.TrimSpace(string(raw)) == "" {
		return values, nil
	}
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != fhirJSON && mt != plainJSON {
		return nil, fail(http.StatusUnsupportedMediaType, "not-supported", "a %s body is a Parameters resource as application/fhir+json", op)
	}
	res, err := r4.Decode(raw, true)
	if err != nil {
		return nil, fail(http.StatusBadRequest, "structure", "the body is not a FHIR R4 resource: %s", strings.TrimPrefix(err.Error(), "r4: "))
	}
	params, ok := res.(*r4.Parameters)
	if !ok {
		return nil, emr.Errorf(emr.EINVALID, "a %s body is a Parameters resource, not a %s", op, res.ResourceType())
	}
	for _, pp := range params.Parameter {
		v, err := parameterValue(op, pp)
		if err != nil {
			return nil, err
		}
		values.Add(strOf(pp.Name), v)
	}
	return values, nil
}

// parameterValue is a parameter's value as the query string would carry
// it: a token as system|code, a reference as Type/id.
func parameterValue(op string, p r4.ParametersParameter) (string, error) {
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
	return "", emr.Errorf(emr.EINVALID, "the %s parameter %s has no value goemr reads", op, strOf(p.Name))
}
