package demo

import (
	"context"
	"testing"

	"goemr/internal/emr"
	"goemr/internal/emrtest"
	"goemr/internal/store"
)

func TestSeed(t *testing.T) {
	for _, ndb := range emrtest.DBs(t) {
		t.Run(ndb.Name, func(t *testing.T) {
			ctx := context.Background()
			st := store.New(ndb.DB)
			stores := Stores{Users: st, Patients: st, Settings: st}
			hash := func(s string) (string, error) { return "hash:" + s, nil }
			seeded, err := Seed(ctx, stores, hash)
			if err != nil || !seeded {
				t.Fatalf("seed: %v %v", seeded, err)
			}
			if n, _ := st.CountPatients(ctx); n != len(Patients) || n < 20 {
				t.Errorf("%d patients", n)
			}
			l, err := st.PortalLoginByUsername(ctx, PortalUser)
			if err != nil || l.Email != PortalEmail || l.PatientUUID != ID("patient", 1) {
				t.Errorf("portal login %+v %v", l, err)
			}
			if v, _ := st.Setting(ctx, emr.SettingPasswordGrant); v != "3" {
				t.Errorf("password grant setting %q", v)
			}
			if again, err := Seed(ctx, stores, hash); err != nil || again {
				t.Errorf("second seed on a full database: %v %v", again, err)
			}
		})
	}
}
