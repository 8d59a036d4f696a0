package scope

import (
	"fmt"
	"strings"
)

// Perm is a set of SMART v2 permissions.
type Perm uint8

// The SMART v2 permissions, one bit each.
const (
	C Perm = 1 << iota // create
	R                  // read (one resource by id)
	U                  // update
	D                  // delete
	S                  // search
)

// The meanings of the SMART v1 words.
const (
	V1Read  = R | S             // ".read"
	V1Write = C | U | D         // ".write"
	All     = C | R | U | D | S // ".*"
)

// permLetters is the only order in which SMART v2 allows the letters.
const permLetters = "cruds"

// ParsePerms parses a SMART v2 permission string: a non-empty subset of
// "cruds" in that order, without repeats.
func ParsePerms(s string) (Perm, error) {
	if s == "" {
		return 0, fmt.Errorf("empty permissions")
	}
	var p Perm
	next := 0 // index in permLetters the next letter must not precede
	for i := 0; i < len(s); i++ {
		idx := strings.IndexByte(permLetters, s[i])
		switch {
		case idx < 0:
			return 0, fmt.Errorf("permissions %q: %q is not one of c, r, u, d, s", s, s[i])
		case idx < next:
			return 0, fmt.Errorf("permissions %q: %q repeated or out of order (want a subset of %q in that order)", s, s[i], permLetters)
		}
		p |= 1 << idx
		next = idx + 1
	}
	return p, nil
}

// String gives the SMART v2 letters of p in canonical order ("" for none).
func (p Perm) String() string {
	var b strings.Builder
	for i := 0; i < len(permLetters); i++ {
		if p&(1<<i) != 0 {
			b.WriteByte(permLetters[i])
		}
	}
	return b.String()
}

// Has reports whether p holds every permission in q.
func (p Perm) Has(q Perm) bool { return p&q == q }

// Any reports whether p holds at least one permission in q.
func (p Perm) Any(q Perm) bool { return p&q != 0 }

// v1Word names p with the narrowest SMART v1 word that covers it.
func v1Word(p Perm) string {
	switch {
	case !p.Any(V1Write):
		return "read"
	case !p.Any(V1Read):
		return "write"
	default:
		return "*"
	}
}
