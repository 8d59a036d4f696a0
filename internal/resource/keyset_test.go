package resource

import (
	"reflect"
	"testing"

	"goemr/internal/emr"
)

func TestOrderKeys(t *testing.T) {
	tests := []struct {
		name string
		d    *Def
		sort []emr.SortKey
		want []emr.SortKey
	}{
		{"default order, id once", Patient, nil, []emr.SortKey{{Field: "id"}}},
		{"sort, then the id", Patient, []emr.SortKey{{Field: "lname", Desc: true}},
			[]emr.SortKey{{Field: "lname", Desc: true}, {Field: "id"}}},
		{"unknown and repeated names dropped", Patient,
			[]emr.SortKey{{Field: "nope"}, {Field: "DOB"}, {Field: "DOB", Desc: true}},
			[]emr.SortKey{{Field: "DOB"}, {Field: "id"}}},
		{"nothing after the id", Patient, []emr.SortKey{{Field: "id", Desc: true}, {Field: "lname"}},
			[]emr.SortKey{{Field: "id", Desc: true}}},
		{"descending default order", Encounter, nil, []emr.SortKey{{Field: "encounter", Desc: true}, {Field: "id"}}},
	}
	for _, tt := range tests {
		if got := tt.d.OrderKeys(tt.sort); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestKeysetOf(t *testing.T) {
	rec := emr.Record{"id": "7", "pid": "3", "lname": "Smith", "title": nil, "last_updated": "2024-01-02 03:04:05"}
	sort := []emr.SortKey{{Field: "title"}, {Field: "last_updated", Desc: true}, {Field: "pid"}, {Field: "lname"}}
	got := Patient.KeysetOf(sort, rec)
	want := []any{nil, int64(1704164645), int64(3), "Smith", int64(7)}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("KeysetOf = %#v, want %#v", got, want)
	}
}

// A cursor is read from list records, so every key of a list's order must
// be a field lists return.
func TestOrderKeysAreListed(t *testing.T) {
	for _, r := range Routes {
		d := r.Def
		if d == nil {
			continue
		}
		for _, k := range d.OrderKeys(nil) {
			if f := d.Field(k.Field); f == nil || f.Detail {
				t.Errorf("%s %s: order key %s is not a listed field", r.Method, r.Path, k.Field)
			}
		}
	}
}
