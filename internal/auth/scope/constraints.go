package scope

import (
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strings"
)

// constraintKey is the only query parameter a granular scope may carry:
// SMART v2 defines granular scopes by category, and it is the only
// parameter OpenEMR filters on.
const constraintKey = "category"

func parseConstraints(query string) (url.Values, error) {
	if query == "" {
		return nil, fmt.Errorf("empty query after \"?\"")
	}
	values, err := url.ParseQuery(query)
	if err != nil {
		return nil, fmt.Errorf("bad query: %v", err)
	}
	for key, vs := range values {
		if key != constraintKey {
			return nil, fmt.Errorf("unsupported constraint %q (only %s is allowed)", key, constraintKey)
		}
		if slices.Contains(vs, "") {
			return nil, fmt.Errorf("empty %s value", key)
		}
	}
	if len(values) == 0 {
		return nil, fmt.Errorf("empty query after \"?\"")
	}
	return values, nil
}

// formatConstraints writes c in canonical form: keys sorted, values in
// order, and only what the query syntax needs escaped, so that the usual
// "system|code" stays readable.
func formatConstraints(c url.Values) string {
	var parts []string
	for _, key := range slices.Sorted(maps.Keys(c)) {
		for _, v := range c[key] {
			parts = append(parts, escapeConstraint(key)+"="+escapeConstraint(v))
		}
	}
	return strings.Join(parts, "&")
}

// escapeConstraint percent-encodes every byte except those that are both
// legal in a scope token and inert in a query (no &, =, +, %, ;, #, ?).
func escapeConstraint(s string) string {
	const keep = "-._~:/|@!$'()*,"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		alnum := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
		if alnum || strings.IndexByte(keep, c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// sameConstraints reports whether a and b constrain to the same values,
// regardless of their order.
func sameConstraints(a, b url.Values) bool {
	if len(a) != len(b) {
		return false
	}
	for key, av := range a {
		bv, ok := b[key]
		if !ok || !slices.Equal(sortedCopy(av), sortedCopy(bv)) {
			return false
		}
	}
	return true
}

func sortedCopy(vs []string) []string {
	out := slices.Clone(vs)
	slices.Sort(out)
	return out
}
