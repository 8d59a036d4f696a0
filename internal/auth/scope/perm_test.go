package scope

import (
	"strings"
	"testing"
)

func TestParsePerms(t *testing.T) {
	valid := map[string]Perm{
		"c": C, "r": R, "u": U, "d": D, "s": S,
		"rs": R | S, "cud": C | U | D, "cruds": All, "crs": C | R | S, "ds": D | S,
	}
	for in, want := range valid {
		got, err := ParsePerms(in)
		if err != nil || got != want {
			t.Errorf("ParsePerms(%q) = %v, %v; want %v", in, got, err, want)
		}
		if got.String() != in {
			t.Errorf("Perm(%q).String() = %q", in, got.String())
		}
	}
	invalid := map[string]string{
		"":       "empty",
		"sr":     "out of order",
		"rr":     "repeated",
		"crudsc": "repeated",
		"x":      "not one of",
		"rx":     "not one of",
		"R":      "not one of",
		"read":   "not one of",
	}
	for in, wantErr := range invalid {
		if _, err := ParsePerms(in); err == nil || !strings.Contains(err.Error(), wantErr) {
			t.Errorf("ParsePerms(%q) error = %v; want it to mention %q", in, err, wantErr)
		}
	}
}

func TestPermHelpers(t *testing.T) {
	tests := []struct {
		p, q     Perm
		has, any bool
	}{
		{All, R, true, true},
		{R | S, R | S, true, true},
		{R, R | S, false, true},
		{C | U, D, false, false},
		{V1Write, V1Read, false, false},
		{0, 0, true, false},
	}
	for _, tt := range tests {
		if got := tt.p.Has(tt.q); got != tt.has {
			t.Errorf("%q.Has(%q) = %v", tt.p, tt.q, got)
		}
		if got := tt.p.Any(tt.q); got != tt.any {
			t.Errorf("%q.Any(%q) = %v", tt.p, tt.q, got)
		}
	}
	if Perm(0).String() != "" {
		t.Errorf("empty Perm prints %q", Perm(0).String())
	}
}

func TestV1Word(t *testing.T) {
	for p, want := range map[Perm]string{V1Read: "read", R: "read", S: "read", V1Write: "write", C | U: "write", All: "*", R | C: "*"} {
		if got := v1Word(p); got != want {
			t.Errorf("v1Word(%q) = %q; want %q", p, got, want)
		}
	}
}
