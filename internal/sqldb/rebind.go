package sqldb

import "strings"

// rebind rewrites PostgreSQL placeholders ($1, $2…) to SQLite's numbered
// form (?1, ?2…), which keeps the numbers, so a placeholder used twice or
// out of order binds the same argument on both engines. Quoted strings and
// identifiers are copied untouched: a '$1' inside them is data.
//
// When the placeholders are simply $1, $2 … $n in order, each used once,
// plain ? is written instead: SQLite looks the name of a numbered
// parameter up in a list at every bind, which makes binding a statement of
// n numbered parameters cost n², while anonymous ones bind directly.
func rebind(query string) string {
	if !strings.Contains(query, "$") {
		return query
	}
	numbered, sequential := rebindNumbered(query)
	if !sequential {
		return numbered
	}
	var b strings.Builder
	b.Grow(len(numbered))
	for i := 0; i < len(numbered); i++ {
		c := numbered[i]
		b.WriteByte(c)
		switch {
		case c == '\'' || c == '"':
			j := strings.IndexByte(numbered[i+1:], c)
			if j < 0 {
				b.WriteString(numbered[i+1:])
				return b.String()
			}
			b.WriteString(numbered[i+1 : i+j+2])
			i += j + 1
		case c == '?':
			for i+1 < len(numbered) && isDigit(numbered[i+1]) {
				i++
			}
		}
	}
	return b.String()
}

// rebindNumbered writes ?N for $N and reports whether the numbers run 1…n
// in order.
func rebindNumbered(query string) (string, bool) {
	var b strings.Builder
	b.Grow(len(query))
	next, sequential := 1, true
	for i := 0; i < len(query); i++ {
		c := query[i]
		switch {
		case c == '\'' || c == '"':
			// Copy through the closing quote; a doubled quote is an
			// escaped one and simply reopens the literal.
			j := strings.IndexByte(query[i+1:], c)
			if j < 0 {
				b.WriteString(query[i:])
				return b.String(), sequential
			}
			b.WriteString(query[i : i+j+2])
			i += j + 1
		case c == '$' && i+1 < len(query) && isDigit(query[i+1]):
			b.WriteByte('?')
			n := 0
			for i+1 < len(query) && isDigit(query[i+1]) {
				i++
				n = n*10 + int(query[i]-'0')
				b.WriteByte(query[i])
			}
			if n != next {
				sequential = false
			}
			next++
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), sequential
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
