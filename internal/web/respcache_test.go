package web_test

import (
	"testing"

	"goemr/internal/web"
)

func TestAcceptsGzip(t *testing.T) {
	for header, want := range map[string]bool{
		"":                   false,
		"gzip":               true,
		"GZIP":               true,
		"deflate, gzip":      true,
		"br;q=1, gzip;q=0.8": true,
		"gzip;q=0":           false,
		"gzip; q=0.000":      false,
		"gzip;q=0.05":        true,
		"*":                  true,
		"identity":           false,
		"x-gzip":             true,
	} {
		if got := web.AcceptsGzip(header); got != want {
			t.Errorf("web.AcceptsGzip(%q) = %v, want %v", header, got, want)
		}
	}
}
