package sqldb

import "strings"

// rebind rewrites PostgreSQL placeholders ($1, $2…) to SQLite's numbered
// form (?1, ?2…), which keeps the numbers, so a placeholder used twice or
// out of order binds the same argument on both engines. Quoted strings and
// identifiers are copied untouched: a '$1' inside them is data.
func rebind(query string) string {
	if !strings.Contains(query, "$") {
		return query
	}
	var b strings.Builder
	b.Grow(len(query))
	for i := 0; i < len(query); i++ {
		c := query[i]
		switch {
		case c == '\'' || c == '"':
			// Copy through the closing quote; a doubled quote is an
			// escaped one and simply reopens the literal.
			j := strings.IndexByte(query[i+1:], c)
			if j < 0 {
				b.WriteString(query[i:])
				return b.String()
			}
			b.WriteString(query[i : i+j+2])
			i += j + 1
		case c == '$' && i+1 < len(query) && isDigit(query[i+1]):
			b.WriteByte('?')
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
