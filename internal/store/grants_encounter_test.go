package store_test

import (
	"testing"
	"time"

	"goemr/internal/emr"
	"goemr/internal/store"
)

// TestGrantEncounter: the encounter of an EHR launch (migration 0033) is
// stored with the grant, so a refreshed token keeps it; grants without one
// read back empty.
func TestGrantEncounter(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		newClient(t, s, "app")
		g := &emr.Grant{ClientID: "app", Role: emr.RoleUsers, Subject: "user-uuid", Scope: "launch user/Encounter.rs",
			PatientUUID: "pt-uuid", EncounterUUID: "enc-uuid", Expires: at(time.Hour)}
		if err := s.CreateGrant(ctx, g); err != nil {
			t.Fatal(err)
		}
		got, err := s.GrantByID(ctx, g.ID)
		if err != nil || got.EncounterUUID != "enc-uuid" || got.PatientUUID != "pt-uuid" {
			t.Fatalf("GrantByID: %+v %v", got, err)
		}
		plain := newGrant(t, s, "app")
		if got, err := s.GrantByID(ctx, plain.ID); err != nil || got.EncounterUUID != "" {
			t.Errorf("grant without encounter: %+v %v", got, err)
		}
	})
}
