package auth

import "testing"

func TestAddressLimiter(t *testing.T) {
	l := newAddressLimiter(60, 3)
	for i := 0; i < 3; i++ {
		if !l.allow("10.0.0.1") {
			t.Fatalf("request %d refused within the burst", i)
		}
	}
	if l.allow("10.0.0.1") {
		t.Error("request beyond the burst allowed")
	}
	if !l.allow("10.0.0.2") {
		t.Error("another address was limited")
	}
}
