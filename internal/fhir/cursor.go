package fhir

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"strings"

	"goemr/internal/emr"
)

// paramCursor carries the position a page starts after. It is opaque to
// clients: they follow next links (R4 §3.1.1.5.7 leaves paging to the
// server).
const paramCursor = "_cursor"

// cursor is a keyset position: the sort keys' and id's values of the
// last entry of the previous page, with the order they belong to, so that
// a cursor reused with another _sort is refused rather than misread. A
// previous link's cursor walks backward from the first entry of the page
// it was on.
type cursor struct {
	Sort  string `json:"s"`
	After []any  `json:"a"`
	// Back marks a previous link's cursor: the page before After.
	Back bool `json:"b,omitempty"`
}

func sortSpec(keys []emr.SortKey) string {
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(',')
		}
		if k.Desc {
			b.WriteByte('-')
		}
		b.WriteString(k.Field)
	}
	return b.String()
}

func encodeCursor(c *cursor) string {
	body, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(body)
}

// decodeCursor reads a cursor; numbers come back as int64 when whole (ids)
// and as their text otherwise, so no digit is lost.
func decodeCursor(v string) (*cursor, error) {
	body, err := base64.RawURLEncoding.DecodeString(v)
	if err != nil {
		return nil, emr.Errorf(emr.EINVALID, "%s is not a cursor this server issued", paramCursor)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var c cursor
	if err := dec.Decode(&c); err != nil || len(c.After) == 0 {
		return nil, emr.Errorf(emr.EINVALID, "%s is not a cursor this server issued", paramCursor)
	}
	for i, a := range c.After {
		switch x := a.(type) {
		case json.Number:
			if n, err := x.Int64(); err == nil {
				c.After[i] = n
			} else {
				c.After[i] = x.String()
			}
		case string, nil:
		default:
			return nil, emr.Errorf(emr.EINVALID, "%s is not a cursor this server issued", paramCursor)
		}
	}
	return &c, nil
}
