package ccda

import (
	"strconv"
	"strings"
)

// deref is *p, the zero value for nil.
func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// firstOf is the first non-blank string.
func firstOf(vs ...string) string {
	for _, v := range vs {
		if strings.TrimSpace(v) != "" {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

func itoa(n int) string { return strconv.Itoa(n) }

// paren is s in parentheses, "" when s is blank.
func paren(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	return "(" + strings.TrimSpace(s) + ")"
}

// join lists texts for a narrative cell, leaving out blank ones.
func join(texts []string) string {
	var out []string
	for _, t := range texts {
		if strings.TrimSpace(t) != "" {
			out = append(out, strings.TrimSpace(t))
		}
	}
	return strings.Join(out, "; ")
}
