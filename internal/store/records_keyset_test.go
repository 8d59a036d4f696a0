package store_test

import (
	"fmt"
	"testing"

	"goemr/internal/emr"
	"goemr/internal/resource"
	"goemr/internal/store"
)

// pageAll reads a list in pages of limit rows through keyset cursors
// built by resource.Def.KeysetOf; between, if set, runs once after the
// first page.
func pageAll(t *testing.T, s *store.Store, q emr.Query, limit int, between func()) []string {
	t.Helper()
	var got []string
	q.Limit = limit
	for range 20 {
		recs, err := s.List(ctx, resource.Patient, q)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, fnames(recs)...)
		if len(recs) < limit {
			return got
		}
		q.After = resource.Patient.KeysetOf(q.Sort, recs[len(recs)-1])
		if between != nil {
			between()
			between = nil
		}
	}
	t.Fatal("paging does not end")
	return nil
}

func TestKeysetPaging(t *testing.T) {
	sorts := []struct {
		name string
		sort []emr.SortKey
		want []string // the unpaged order, when pinned
	}{
		{"default order", nil, []string{"Ann", "Bob", "Cara", "Dan", "Eve", "Fay"}},
		{"nulls first ascending", []emr.SortKey{{Field: "title"}}, []string{"Bob", "Eve", "Dan", "Cara", "Fay", "Ann"}},
		{"nulls last descending", []emr.SortKey{{Field: "title", Desc: true}}, []string{"Ann", "Cara", "Fay", "Dan", "Bob", "Eve"}},
		{"two keys with nulls", []emr.SortKey{{Field: "status", Desc: true}, {Field: "title"}},
			[]string{"Eve", "Dan", "Ann", "Bob", "Cara", "Fay"}},
		{"duplicates", []emr.SortKey{{Field: "DOB", Desc: true}}, []string{"Dan", "Bob", "Cara", "Eve", "Ann", "Fay"}},
		{"whole numbers", []emr.SortKey{{Field: "pid", Desc: true}}, []string{"Fay", "Eve", "Dan", "Cara", "Bob", "Ann"}},
		{"unix times", []emr.SortKey{{Field: "last_updated", Desc: true}, {Field: "sex"}}, nil},
		{"id descending", []emr.SortKey{{Field: "id", Desc: true}}, []string{"Fay", "Eve", "Dan", "Cara", "Bob", "Ann"}},
	}
	each(t, func(t *testing.T, s *store.Store) {
		insertPatients(t, s, wherePatients...)
		for _, tt := range sorts {
			recs, err := s.List(ctx, resource.Patient, emr.Query{Sort: tt.sort})
			if err != nil {
				t.Fatal(err)
			}
			full := fnames(recs)
			if tt.want != nil {
				diff(t, tt.name+": unpaged", tt.want, full)
			}
			for limit := 1; limit <= 4; limit++ {
				got := pageAll(t, s, emr.Query{Sort: tt.sort}, limit, nil)
				diff(t, fmt.Sprintf("%s: pages of %d", tt.name, limit), full, got)
			}
			// Walking backward from the end gives the same rows reversed.
			if len(full) > 0 {
				last, _ := s.List(ctx, resource.Patient, emr.Query{Sort: tt.sort})
				back := []string{last[len(last)-1].Str("fname")}
				q := emr.Query{Sort: tt.sort, Backward: true, Limit: 2, After: resource.Patient.KeysetOf(tt.sort, last[len(last)-1])}
				for range 10 {
					recs, err := s.List(ctx, resource.Patient, q)
					if err != nil {
						t.Fatal(err)
					}
					back = append(back, fnames(recs)...)
					if len(recs) < 2 {
						break
					}
					q.After = resource.Patient.KeysetOf(tt.sort, recs[len(recs)-1])
				}
				reversed := make([]string, len(back))
				for i, n := range back {
					reversed[len(back)-1-i] = n
				}
				diff(t, tt.name+": backward pages", full, reversed)
			}
			// With a filter, the cursor continues within the matches.
			where := []emr.Cond{cond("lname", emr.Contains, "smith")}
			recs, _ = s.List(ctx, resource.Patient, emr.Query{Sort: tt.sort, Where: where})
			got := pageAll(t, s, emr.Query{Sort: tt.sort, Where: where}, 2, nil)
			diff(t, tt.name+": filtered pages", fnames(recs), got)
		}
	})
}

// A row inserted before the cursor while a client pages does not shift
// the pages after it, as it would with offsets.
func TestKeysetPagingStable(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		insertPatients(t, s, wherePatients...)
		sort := []emr.SortKey{{Field: "title", Desc: true}}
		recs, err := s.List(ctx, resource.Patient, emr.Query{Sort: sort})
		if err != nil {
			t.Fatal(err)
		}
		full := fnames(recs)
		got := pageAll(t, s, emr.Query{Sort: sort}, 2, func() {
			// Sorts first: before the cursor, after the first page.
			insertPatients(t, s, map[string]any{"fname": "Zed", "lname": "Late", "title": "Zz"})
		})
		diff(t, "pages around an insert", full, got)
		recs, _ = s.List(ctx, resource.Patient, emr.Query{Sort: sort, Limit: 1})
		if f := fnames(recs); len(f) != 1 || f[0] != "Zed" {
			t.Errorf("first row after the insert = %v; want Zed", f)
		}
	})
}

func TestKeysetBadCursor(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		for name, after := range map[string][]any{
			"too few values": {int64(1)},
			"not a number":   {"x", "abc"},
			"no id":          {"x", nil},
		} {
			q := emr.Query{Sort: []emr.SortKey{{Field: "lname"}}, After: after}
			_, err := s.List(ctx, resource.Patient, q)
			wantCode(t, name, err, emr.EINVALID)
		}
	})
}
