package fhirmap

import (
	"encoding/json"
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestVitalUnitsRoundTrip: a vital written in any accepted unit, with up
// to six decimals, reads back as the very number written.
func TestVitalUnitsRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for kind, units := range vitalUnits {
		for _, u := range units {
			for i := 0; i < 2000; i++ {
				d := r.IntN(7)
				written := strconv.FormatFloat(r.Float64()*300, 'f', d, 64)
				stored, ok := u.toStored(json.Number(written))
				if !ok {
					t.Fatalf("%s %s %s: not stored", kind, u.code, written)
				}
				back, ok := u.fromStored(stored)
				if !ok || back.String() != written {
					t.Fatalf("%s: %s %s stored as %s reads back as %s", kind, written, u.code, stored, back)
				}
			}
		}
	}
}

func TestVitalUnits(t *testing.T) {
	for _, tc := range []struct {
		kind, code, written, stored string
	}{
		{"weight", "kg", "70", "154.32"},
		{"weight", "kg", "20.09414", "44.2999956"},
		{"weight", "[lb_av]", "150.5", "150.5"},
		{"weight", "g", "3500", "7.71618"},
		{"length", "cm", "180", "70.866"},
		{"length", "[in_i]", "70", "70"},
		{"temperature", "Cel", "37", "98.60"},
		{"temperature", "Cel", "-40", "-40.00"},
	} {
		u, ok := findUnit(tc.kind, tc.code)
		if !ok {
			t.Fatalf("%s: no unit %s", tc.kind, tc.code)
		}
		if got, _ := u.toStored(json.Number(tc.written)); got != tc.stored {
			t.Errorf("%s %s stored as %s, want %s", tc.written, tc.code, got, tc.stored)
		}
		if back, _ := u.fromStored(tc.stored); back.String() != tc.written {
			t.Errorf("%s %s reads back as %s, want %s", tc.stored, tc.code, back, tc.written)
		}
	}
	if _, ok := findUnit("weight", "[stone_av]"); ok {
		t.Error("stones are not a unit goemr converts")
	}
	// A US value written through the Standard API after the unit was kept
	// still converts, to whole units.
	u, _ := findUnit("weight", "kg")
	if back, _ := u.fromStored("150"); back.String() != "68" {
		t.Errorf("150 lb in kg: %s", back)
	}
}
