package resource

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/mail"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Errors are validation errors in OpenEMR's Particle shape, keyed by field:
// {"fname": {"Required::NON_EXISTENT_KEY": "First Name must be provided, but does not exist"}}.
type Errors map[string]any

// Add records one failed rule of field.
func (e Errors) Add(field, rule, message string) {
	m, ok := e[field].(map[string]string)
	if !ok {
		m = map[string]string{}
		e[field] = m
	}
	m[rule] = message
}

// Checker answers the rules that need the database.
type Checker interface {
	// Exists reports whether table.column holds value.
	Exists(ctx context.Context, table, column, value string) (bool, error)
	// InList reports whether value is an option_id of list_options list.
	InList(ctx context.Context, list, value string) (bool, error)
}

// Input is a request body reduced to the writable fields of a resource,
// each as the string OpenEMR would store. Null values are kept as nil.
type Input map[string]any

// Decode keeps the writable fields of body and converts JSON scalars to
// strings. A value of the wrong JSON type (an object or array where a field
// takes a scalar) is a validation error, not silently dropped.
func Decode(d *Def, body map[string]any, errs Errors) Input {
	in := Input{}
	for k, v := range body {
		f := d.Field(k)
		if f == nil || !f.Write || !f.Stored() {
			continue // OpenEMR drops keys outside its whitelists
		}
		s, ok := Scalar(v)
		if !ok {
			errs.Add(k, "Type::INVALID_VALUE", label(f)+" must be a string or a number")
			continue
		}
		if v == nil {
			in[k] = nil
			continue
		}
		in[k] = s
	}
	return in
}

// Scalar converts a decoded JSON scalar to the string OpenEMR would store.
func Scalar(v any) (string, bool) {
	switch x := v.(type) {
	case nil:
		return "", true
	case string:
		return x, true
	case json.Number:
		return x.String(), true
	case bool:
		if x {
			return "1", true
		}
		return "0", true
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1e15 {
			return strconv.FormatInt(int64(x), 10), true
		}
		return strconv.FormatFloat(x, 'f', -1, 64), true
	}
	return "", false
}

// Validate checks in against d's rules for a create or an update and adds
// every failure to errs.
func Validate(ctx context.Context, d *Def, in Input, create bool, c Checker, errs Errors) error {
	for i := range d.Fields {
		f := &d.Fields[i]
		rule := f.Update
		if create {
			rule = f.Create
		}
		v, present := in[f.Name]
		s, _ := v.(string)
		if rule.Required && !present {
			errs.Add(f.Name, "Required::NON_EXISTENT_KEY", label(f)+" must be provided, but does not exist")
			continue
		}
		if s == "" {
			if rule.Required {
				errs.Add(f.Name, "NotEmpty::EMPTY_VALUE", label(f)+" must not be empty")
			}
			continue
		}
		if err := check(ctx, f, rule, s, c, errs); err != nil {
			return err
		}
	}
	return nil
}

func check(ctx context.Context, f *Field, r Rule, s string, c Checker, errs Errors) error {
	n := utf8.RuneCountInString(s)
	switch {
	case r.Min > 0 && n < r.Min:
		errs.Add(f.Name, "LengthBetween::TOO_SHORT", fmt.Sprintf("%s must be %d characters or longer", label(f), r.Min))
	case r.Max > 0 && n > r.Max:
		errs.Add(f.Name, "LengthBetween::TOO_LONG", fmt.Sprintf("%s must be %d characters or shorter", label(f), r.Max))
	}
	if code, msg := checkFormat(r.Format, s); code != "" {
		errs.Add(f.Name, code, label(f)+msg)
	}
	if len(r.OneOf) > 0 && !slices.Contains(r.OneOf, s) {
		errs.Add(f.Name, "InArray::NOT_IN_ARRAY", label(f)+" must be in the defined set of values")
	}
	if errs[f.Name] != nil {
		return nil // a malformed value is not looked up (an id column would reject it)
	}
	if r.List != "" && c != nil {
		ok, err := c.InList(ctx, r.List, s)
		if err != nil {
			return err
		}
		if !ok {
			errs.Add(f.Name, "ListOptionRule::INVALID_LIST_OPTION", fmt.Sprintf("%s does not have an option_id of %q", r.List, s))
		}
	}
	if r.Exists != "" && c != nil {
		table, column, _ := strings.Cut(r.Exists, ".")
		// A numeric reference is an integer id: "5.0" names no row (and
		// PostgreSQL would refuse to compare it with one).
		ok := r.Format != FormatNumeric || wholeNumber(s)
		if ok {
			var err error
			if ok, err = c.Exists(ctx, table, column, s); err != nil {
				return err
			}
		}
		if !ok {
			errs[f.Name] = map[string]string{"invalid or nonexisting value": "value " + s}
		}
	}
	return nil
}

func checkFormat(x Format, s string) (code, msg string) {
	switch x {
	case FormatDate:
		if !ValidTime("2006-01-02", s) {
			return "Datetime::INVALID_VALUE", " must be a valid date (Y-m-d)"
		}
	case FormatDateTime:
		if !ValidTime("2006-01-02 15:04:05", s) {
			return "Datetime::INVALID_VALUE", " must be a valid date and time (Y-m-d H:i:s)"
		}
	case FormatTime:
		if len(s) != 5 || !ValidTime("15:04", s) {
			return "Datetime::INVALID_VALUE", " must be a time as HH:MM"
		}
	case FormatNumeric:
		if _, err := strconv.ParseFloat(strings.TrimSpace(s), 64); err != nil || strings.ContainsAny(s, "xXpPnN_") {
			return "Numeric::NOT_NUMERIC", " must be numeric"
		}
	case FormatEmail:
		if a, err := mail.ParseAddress(s); err != nil || a.Address != s {
			return "Email::INVALID_VALUE", " must be a valid email address"
		}
	case FormatURL:
		if u, err := url.Parse(s); err != nil || u.Scheme == "" || u.Host == "" {
			return "Url::INVALID_URL", " must be a valid URL"
		}
	}
	return "", ""
}

// wholeNumber reports whether s is digits only.
func wholeNumber(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != "" && len(s) <= 18
}

// ValidTime reports whether s is a real date or time in layout: PHP's
// DateTime::createFromFormat rejects 2021-02-30 as we do.
func ValidTime(layout, s string) bool {
	t, err := time.Parse(layout, s)
	return err == nil && t.Format(layout) == s
}

func label(f *Field) string {
	if f.Label != "" {
		return f.Label
	}
	return f.Name
}
