package store_test

import (
	"context"
	"errors"
	"testing"

	"goemr/internal/emr"
	"goemr/internal/resource"
	"goemr/internal/store"
)

// TestBulk: every row written in one Bulk call commits together, and an
// error from fn leaves none of its rows behind.
func TestBulk(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		facility := func(i int) map[string]any {
			return map[string]any{"uuid": "bulk-" + string(rune('a'+i)), "name": "Clinic " + string(rune('A'+i)), "facility_npi": "1234567893"}
		}
		err := s.Bulk(ctx, func(w resource.Writer) error {
			for i := range 5 {
				rec, err := w.Insert(ctx, resource.Facility, facility(i))
				if err != nil {
					return err
				}
				if rec["id"] == nil {
					t.Errorf("insert %d returned no id", i)
				}
			}
			// Rows written earlier in the transaction are visible to it.
			got, err := w.List(ctx, resource.Facility, emr.Query{})
			if err != nil || len(got) != 5 {
				t.Errorf("inside the transaction: %d rows, %v", len(got), err)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		boom := errors.New("boom")
		err = s.Bulk(ctx, func(w resource.Writer) error {
			if _, err := w.Insert(ctx, resource.Facility, facility(9)); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Errorf("failed Bulk returned %v, want fn's error", err)
		}
		got, err := s.List(context.Background(), resource.Facility, emr.Query{})
		if err != nil || len(got) != 5 {
			t.Errorf("after commit and rollback: %d rows, %v; want 5", len(got), err)
		}
	})
}
