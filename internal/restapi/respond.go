package restapi

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"

	"goemr/internal/auth"
	"goemr/internal/emr"
	"goemr/internal/resource"
	"goemr/internal/web"
)

// envelope is OpenEMR's response body for enveloped routes, keys in
// OpenEMR's order. Empty maps are sent as [] as PHP sends them.
type envelope struct {
	ValidationErrors any `json:"validationErrors"`
	InternalErrors   any `json:"internalErrors"`
	Data             any `json:"data"`
	Links            any `json:"links"`
}

var emptyList = []any{}

func newEnvelope(data any) *envelope {
	if data == nil {
		data = emptyList
	}
	return &envelope{ValidationErrors: emptyList, InternalErrors: emptyList, Data: data, Links: emptyList}
}

// ValidationError is a request whose input failed validation; Errors is
// sent as the envelope's validationErrors (or as the body of a raw route).
type ValidationError struct {
	Errors any
}

func (e *ValidationError) Error() string { return "validation failed" }

// invalid returns a ValidationError for one field.
func invalid(field, rule, message string) error {
	errs := resource.Errors{}
	errs.Add(field, rule, message)
	return &ValidationError{Errors: errs}
}

// frameworkError is OpenEMR's body for errors raised outside a route's
// own handler (ExceptionHandlerListener): {"error", "message", "code"}.
type frameworkError struct {
	Error   string `json:"error"`
	Message string `json:"message"`
	Code    int    `json:"code"`
}

// status maps an error to its HTTP status: web.Status, with the
// Standard API's validation errors as 400.
func status(err error) int {
	var ve *ValidationError
	if errors.As(err, &ve) {
		return http.StatusBadRequest
	}
	return web.Status(emr.ErrorCode(err))
}

// writeError answers err in the shape of route's style; with no route (the
// request failed before matching one) in the framework shape.
func writeError(w http.ResponseWriter, r *http.Request, route *resource.Route, err error) {
	code := status(err)
	if code >= 500 {
		slog.ErrorContext(r.Context(), "api request failed", "err", err, "path", r.URL.Path)
	}
	auth.SetChallenge(w, err)
	var ve *ValidationError
	isValidation := errors.As(err, &ve)
	if code == http.StatusUnauthorized || code == http.StatusForbidden {
		route = nil // raised by the gates, in OpenEMR's framework shape
	}
	switch {
	case route != nil && route.Style == resource.Envelope:
		env := newEnvelope(nil)
		switch {
		case isValidation:
			env.ValidationErrors = ve.Errors
		case code >= 500:
			env.InternalErrors = []string{message(err, code)}
		default:
			env.ValidationErrors = fieldErrors(err, code)
		}
		web.WriteJSON(w, code, "", env)
	case route != nil && isValidation:
		web.WriteJSON(w, code, "", ve.Errors)
	default:
		web.WriteJSON(w, code, "", frameworkError{Error: http.StatusText(code), Message: message(err, code), Code: code})
	}
}

// fieldErrors reports a not-found or bad-input error inside an envelope,
// keyed by the offending parameter as OpenEMR's validators key them.
func fieldErrors(err error, code int) any {
	var e *emr.Error
	if errors.As(err, &e) && e.Field != "" {
		return map[string]map[string]string{e.Field: {"invalid or nonexisting value": e.Message}}
	}
	return map[string]string{"error": message(err, code)}
}

func message(err error, code int) string {
	if code >= 500 {
		return "internal error; the server log has the details"
	}
	var ve *ValidationError
	if errors.As(err, &ve) {
		return "validation failed"
	}
	if m := emr.ErrorMessage(err); m != "" {
		return m
	}
	return http.StatusText(code)
}

// decodeBody reads a JSON object body. Anything else (malformed JSON, an
// array, a scalar, trailing data) is a 400 naming the problem.
func decodeBody(r *http.Request) (map[string]any, error) {
	dec := json.NewDecoder(r.Body)
	dec.UseNumber()
	var body map[string]any
	if err := dec.Decode(&body); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, &emr.Error{Code: emr.EINVALID, Field: "body", Message: "request body is larger than the server accepts"}
		}
		return nil, invalid("body", "Json::INVALID_VALUE", "the request body must be a JSON object: "+err.Error())
	}
	if dec.More() {
		return nil, invalid("body", "Json::INVALID_VALUE", "the request body must hold one JSON object")
	}
	if body == nil {
		return nil, invalid("body", "Json::INVALID_VALUE", "the request body must be a JSON object")
	}
	return body, nil
}
