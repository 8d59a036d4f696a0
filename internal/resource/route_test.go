package resource

import "testing"

func TestScopeDerivation(t *testing.T) {
	tests := []struct {
		method, path string
		ctx, res, p  string
	}{
		{"GET", "/api/patient/:pid/encounter/:eid/vital/:vid", "user", "vital", "r"},
		{"GET", "/api/patient/:puuid", "user", "patient", "r"},
		{"GET", "/api/patient", "user", "patient", "s"},
		{"POST", "/api/patient", "user", "patient", "c"},
		{"PUT", "/api/patient/:puuid", "user", "patient", "u"},
		{"DELETE", "/api/patient/:pid/medication/:mid", "user", "medication", "d"},
		{"GET", "/portal/patient", "patient", "patient", "s"},
		{"GET", "/portal/patient/appointment/:auuid", "patient", "appointment", "r"},
		{"GET", "/api/patient/:puuid/insurance/$swap-insurance", "user", "insurance", "$swap-insurance"},
		{"POST", "/api/background_service/:name/run", "user", "run", "c"},
		{"POST", "/api/background_service/$run", "user", "background_service", "$run"},
	}
	for _, tt := range tests {
		r := Route{Method: tt.method, Path: tt.path}
		c, res, p := r.Scope()
		if c != tt.ctx || res != tt.res || p != tt.p {
			t.Errorf("%s %s: got %s/%s.%s, want %s/%s.%s", tt.method, tt.path, c, res, p, tt.ctx, tt.res, tt.p)
		}
	}
}
