package fhir

import (
	"strings"

	"goemr/internal/emr"
	"goemr/internal/fhirmap"
)

// splitValues splits a parameter value at its unescaped commas (OR, R4
// §3.1.1.4.8), keeping the escapes: a token's "\|" must survive until
// cutToken. unescape drops them for every other use.
func splitValues(v string) []string {
	var out []string
	start := 0
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case '\\':
			i++
		case ',':
			out = append(out, v[start:i])
			start = i + 1
		}
	}
	return append(out, v[start:])
}

// cutToken splits a token value at its first unescaped "|".
func cutToken(v string) (system, code string, hasSystem bool) {
	for i := 0; i < len(v); i++ {
		if v[i] == '\\' {
			i++
			continue
		}
		if v[i] == '|' {
			return unescape(v[:i]), unescape(v[i+1:]), true
		}
	}
	return "", unescape(v), false
}

// unescape drops the backslash of each escape (\, \| \$ \\).
func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// stringConds matches a string value on any of the parameter's fields:
// starts with (case-insensitive) by default, :exact equality, :contains.
func stringConds(p *fhirmap.Param, modifier, value string) emr.Cond {
	m := emr.Prefix
	switch modifier {
	case "exact":
		m = emr.Exact
	case "contains":
		m = emr.Contains
	}
	var any []emr.Cond
	for _, f := range p.Fields {
		any = append(any, emr.Cond{Field: f, Match: m, Value: value})
	}
	return emr.Or(any...)
}

// tokenConds are the conditions, any of which must hold, for one token
// value (system|code, |code or code).
func tokenConds(p *fhirmap.Param, raw string) []emr.Cond {
	system, code, hasSystem := cutToken(raw)
	if p.Tokens != nil {
		return p.Tokens(system, code, hasSystem)
	}
	if hasSystem && system != "" {
		return nil // the fields hold bare codes of no declared system
	}
	var out []emr.Cond
	for _, f := range p.Fields {
		out = append(out, emr.Eq(f, code))
	}
	return out
}

// notConds negates token alternatives for :not: none of them may hold.
// Only exact matches can be negated field by field; anything else (a
// translation into ranges or emptiness) is refused.
func notConds(alts []emr.Cond) ([]emr.Cond, bool) {
	out := make([]emr.Cond, 0, len(alts))
	for _, c := range alts {
		if c.Any != nil || c.Match != emr.Exact {
			return nil, false
		}
		out = append(out, emr.Cond{Field: c.Field, Match: emr.NotEq, Value: c.Value})
	}
	return out, true
}

// missingConds answers :missing=true (every field empty) or false (some
// field has a value).
func missingConds(p *fhirmap.Param, missing bool) []emr.Cond {
	var conds []emr.Cond
	for _, f := range p.Fields {
		conds = append(conds, emr.Cond{Field: f, Match: emr.Missing, Value: missing})
	}
	if missing {
		return conds
	}
	return []emr.Cond{emr.Or(conds...)}
}

// referenceID takes the id out of a reference search value: "id",
// "Type/id" or an absolute URL ending in Type/id. A type other than want
// yields ok false.
func referenceID(value, want string) (id string, ok bool) {
	parts := strings.Split(strings.TrimSuffix(value, "/"), "/")
	if len(parts) == 1 {
		return parts[0], parts[0] != ""
	}
	typ, id := parts[len(parts)-2], parts[len(parts)-1]
	if typ == "_history" && len(parts) >= 4 { // Type/id/_history/vid
		typ, id = parts[len(parts)-4], parts[len(parts)-3]
	}
	return id, typ == want && id != ""
}
