package fhir

import (
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"

	"goemr/internal/emr"
)

// maxParametersBody bounds the Parameters body of an operation.
const maxParametersBody = 1 << 20

// opParameter is one parameter of a Parameters resource, with the value
// types operations here take (R4 parameters.html).
type opParameter struct {
	Name           string  `json:"name"`
	ValueString    *string `json:"valueString"`
	ValueCode      *string `json:"valueCode"`
	ValueURI       *string `json:"valueUri"`
	ValueInstant   *string `json:"valueInstant"`
	ValueDateTime  *string `json:"valueDateTime"`
	ValueDate      *string `json:"valueDate"`
	ValueBoolean   *bool   `json:"valueBoolean"`
	ValueReference *struct {
		Reference string `json:"reference"`
	} `json:"valueReference"`
}

// operationParams reads an operation's parameters (R4 operations.html
// #request): the query string, plus on POST the Parameters resource in the
// body, each parameter's value as a string under its name.
func operationParams(r *http.Request) (url.Values, error) {
	params := r.URL.Query()
	if r.Method != http.MethodPost || r.ContentLength == 0 {
		return params, nil
	}
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != fhirJSON && mt != plainJSON {
		return nil, fail(http.StatusUnsupportedMediaType, "not-supported", "an operation's body is a Parameters resource in application/fhir+json")
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxParametersBody+1))
	if err != nil {
		return nil, emr.Errorf(emr.EINVALID, "reading the body: %v", err)
	}
	if len(body) > maxParametersBody {
		return nil, fail(http.StatusRequestEntityTooLarge, "too-long", "a Parameters body may be at most %d bytes", maxParametersBody)
	}
	if len(body) == 0 {
		return params, nil
	}
	var p struct {
		ResourceType string        `json:"resourceType"`
		Parameter    []opParameter `json:"parameter"`
	}
	if err := json.Unmarshal(body, &p); err != nil {
		return nil, emr.Errorf(emr.EINVALID, "the body is not a Parameters resource: %v", err)
	}
	if p.ResourceType != "Parameters" {
		return nil, emr.Errorf(emr.EINVALID, "the body must be a Parameters resource, not %q", p.ResourceType)
	}
	for i, pp := range p.Parameter {
		v, ok := pp.value()
		if pp.Name == "" || !ok {
			return nil, emr.Errorf(emr.EINVALID, "Parameters.parameter[%d] needs a name and one value", i)
		}
		params.Add(pp.Name, v)
	}
	return params, nil
}

func (p *opParameter) value() (string, bool) {
	for _, v := range []*string{p.ValueString, p.ValueCode, p.ValueURI, p.ValueInstant, p.ValueDateTime, p.ValueDate} {
		if v != nil {
			return *v, true
		}
	}
	switch {
	case p.ValueBoolean != nil:
		return strconv.FormatBool(*p.ValueBoolean), true
	case p.ValueReference != nil:
		return p.ValueReference.Reference, true
	}
	return "", false
}
