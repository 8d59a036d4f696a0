package emr

import (
	"encoding/json"
	"slices"
	"sync"
	"unicode/utf8"
)

// MarshalJSON writes the record with its keys sorted, as encoding/json
// writes maps, but without reflection for the string and null values that
// make up almost every record: records are most of what the APIs send.
func (r Record) MarshalJSON() ([]byte, error) {
	return r.AppendJSON(make([]byte, 0, 32*len(r)+2), r.SortedKeys())
}

// SortedKeys are the record's keys in order. Records of one resource have
// the same keys, so the last order seen for a key count is tried first:
// checking it is cheaper than sorting again.
func (r Record) SortedKeys() []string {
	if last, ok := keyOrders.Load(len(r)); ok && r.SameKeys(last.([]string)) {
		return last.([]string)
	}
	keys := make([]string, 0, len(r))
	for k := range r {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	keyOrders.Store(len(r), keys)
	return keys
}

// keyOrders holds the last sorted keys per key count (shared read-only).
var keyOrders sync.Map

// AppendJSON appends the record as MarshalJSON writes it, given its keys
// in order (a page of records of one resource shares them: they are
// sorted once per page).
func (r Record) AppendJSON(b []byte, keys []string) ([]byte, error) {
	b = append(b, '{')
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, k)
		b = append(b, ':')
		switch v := r[k].(type) {
		case nil:
			b = append(b, "null"...)
		case string:
			b = appendString(b, v)
		default:
			raw, err := json.Marshal(v)
			if err != nil {
				return nil, err
			}
			b = append(b, raw...)
		}
	}
	return append(b, '}'), nil
}

// SameKeys reports whether r has exactly keys (which are sorted).
func (r Record) SameKeys(keys []string) bool {
	if len(r) != len(keys) {
		return false
	}
	for _, k := range keys {
		if _, ok := r[k]; !ok {
			return false
		}
	}
	return true
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string, escaping as encoding/json does
// (including <, > and & for HTML safety, and U+2028/U+2029).
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
