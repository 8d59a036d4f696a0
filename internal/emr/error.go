package emr

import (
	"errors"
	"fmt"
)

// Error codes. Each protocol (OpenEMR envelope, FHIR OperationOutcome, OAuth2
// error JSON) maps these to a status in exactly one table.
const (
	EINVALID      = "invalid"      // bad input; the caller can fix it
	ENOTFOUND     = "not_found"    // the thing does not exist (or is not visible)
	ECONFLICT     = "conflict"     // uniqueness or state conflict (e.g. a replayed jti)
	EUNAUTHORIZED = "unauthorized" // no or bad credentials
	EFORBIDDEN    = "forbidden"    // credentials fine, permission missing
	EUNAVAILABLE  = "unavailable"  // a dependency is down or busy
	EINTERNAL     = "internal"     // a bug or an unexpected failure
)

// Error is the one error type of the domain. Message is safe to show to the
// caller; Field names the offending input field when there is one.
type Error struct {
	Code    string
	Message string
	Field   string
	Err     error // underlying cause, never shown to callers
}

func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %s: %v", e.Code, e.Message, e.Err)
	}
	return e.Code + ": " + e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with the given code and formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// FieldError reports bad input in one named field.
func FieldError(field, format string, args ...any) *Error {
	return &Error{Code: EINVALID, Field: field, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err: its own when it is (or wraps) an *Error,
// EINTERNAL for any other non-nil error, "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the caller-safe message of err. Errors that are not
// *Error are internal and get a generic message so no detail leaks.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}

// IsNotFound reports whether err has code ENOTFOUND.
func IsNotFound(err error) bool { return ErrorCode(err) == ENOTFOUND }
