package store_test

import (
	"testing"

	"goemr/internal/emr"
	"goemr/internal/resource"
	"goemr/internal/store"
)

// wherePatients are the rows the filter and paging tests read, with pids
// 1…6 in this order. title and status are nullable columns; DOB is not
// (Fay's is the column default, the empty text).
var wherePatients = []map[string]any{
	{"fname": "Ann", "lname": "Smith", "DOB": "1970-01-01", "title": "Ms", "status": "active"},
	{"fname": "Bob", "lname": "smithers", "DOB": "1980-05-05", "title": nil, "status": ""},
	{"fname": "Cara", "lname": "Jones", "DOB": "1980-05-05", "title": "Dr", "status": nil},
	{"fname": "Dan", "lname": "O'Smith", "DOB": "1990-12-31", "title": "", "status": "active"},
	{"fname": "Eve", "lname": "100%_Smith", "DOB": "1975-03-03", "title": nil, "status": "inactive"},
	{"fname": "Fay", "lname": "Smithson", "title": "Dr", "status": nil},
}

func insertPatients(t *testing.T, s *store.Store, rows ...map[string]any) {
	t.Helper()
	err := s.Write(ctx, func(w resource.Writer) error {
		for _, row := range rows {
			if _, err := w.Insert(ctx, resource.Patient, row); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func fnames(recs []emr.Record) []string {
	var out []string
	for _, r := range recs {
		out = append(out, r.Str("fname"))
	}
	return out
}

func cond(field string, m emr.Match, v any) emr.Cond {
	return emr.Cond{Field: field, Match: m, Value: v}
}

func TestListWhere(t *testing.T) {
	all := []string{"Ann", "Bob", "Cara", "Dan", "Eve", "Fay"}
	tests := []struct {
		name  string
		where []emr.Cond
		want  []string // first names, in id order
	}{
		{"exact", []emr.Cond{emr.Eq("lname", "Jones")}, []string{"Cara"}},
		{"prefix, any case, trigram path", []emr.Cond{cond("lname", emr.Prefix, "SMI")}, []string{"Ann", "Bob", "Fay"}},
		{"prefix shorter than a trigram", []emr.Cond{cond("lname", emr.Prefix, "sm")}, []string{"Ann", "Bob", "Fay"}},
		{"prefix is not contains", []emr.Cond{cond("lname", emr.Prefix, "mith")}, nil},
		{"prefix % is literal", []emr.Cond{cond("lname", emr.Prefix, "100%")}, []string{"Eve"}},
		{"prefix _ is literal", []emr.Cond{cond("lname", emr.Prefix, "100_")}, nil},
		{"prefix on an unindexed field", []emr.Cond{cond("title", emr.Prefix, "d")}, []string{"Cara", "Fay"}},
		{"contains", []emr.Cond{cond("lname", emr.Contains, "mith")}, []string{"Ann", "Bob", "Dan", "Eve", "Fay"}},
		{"less, text ('' first)", []emr.Cond{cond("DOB", emr.Less, "1980-05-05")}, []string{"Ann", "Eve", "Fay"}},
		{"less or equal", []emr.Cond{cond("DOB", emr.LessEq, "1980-05-05")}, []string{"Ann", "Bob", "Cara", "Eve", "Fay"}},
		{"greater", []emr.Cond{cond("DOB", emr.Greater, "1980-05-05")}, []string{"Dan"}},
		{"greater or equal", []emr.Cond{cond("DOB", emr.GreaterEq, "1980-05-05")}, []string{"Bob", "Cara", "Dan"}},
		{"range", []emr.Cond{cond("DOB", emr.GreaterEq, "1975"), cond("DOB", emr.Less, "1981")}, []string{"Bob", "Cara", "Eve"}},
		{"whole numbers compare as numbers", []emr.Cond{cond("pid", emr.Less, "10")}, all},
		{"whole number given as int", []emr.Cond{cond("pid", emr.GreaterEq, 5)}, []string{"Eve", "Fay"}},
		{"whole number given as JSON number", []emr.Cond{cond("pid", emr.Greater, 4.0)}, []string{"Eve", "Fay"}},
		{"not a number: exact", []emr.Cond{emr.Eq("pid", "abc")}, nil},
		{"not a number: prefix", []emr.Cond{cond("pid", emr.Prefix, "abc")}, nil},
		{"not a number: less", []emr.Cond{cond("pid", emr.Less, "abc")}, nil},
		{"not a number: greater", []emr.Cond{cond("pid", emr.Greater, "1.5")}, nil},
		{"not a number: not equal is everything", []emr.Cond{cond("pid", emr.NotEq, "abc")}, all},
		{"not a number: in", []emr.Cond{cond("pid", emr.In, []string{"x", "2"})}, []string{"Bob"}},
		{"number prefix", []emr.Cond{cond("pid", emr.Prefix, "3")}, []string{"Cara"}},
		{"not equal keeps nulls and ''", []emr.Cond{cond("title", emr.NotEq, "Dr")}, []string{"Ann", "Bob", "Dan", "Eve"}},
		{"not equal on a whole number", []emr.Cond{cond("pid", emr.NotEq, "2")}, []string{"Ann", "Cara", "Dan", "Eve", "Fay"}},
		{"not equal to null is everything", []emr.Cond{cond("status", emr.NotEq, nil)}, all},
		{"missing: null or ''", []emr.Cond{cond("title", emr.Missing, true)}, []string{"Bob", "Dan", "Eve"}},
		{"present", []emr.Cond{cond("title", emr.Missing, false)}, []string{"Ann", "Cara", "Fay"}},
		{"missing as text", []emr.Cond{cond("status", emr.Missing, "true")}, []string{"Bob", "Cara", "Fay"}},
		{"missing on a NOT NULL text", []emr.Cond{cond("DOB", emr.Missing, true)}, []string{"Fay"}},
		{"missing on a whole number", []emr.Cond{cond("pid", emr.Missing, true)}, nil},
		{"present on a whole number", []emr.Cond{cond("pid", emr.Missing, false)}, all},
		{"missing on a Unix time", []emr.Cond{cond("last_updated", emr.Missing, true)}, nil},
		{"any", []emr.Cond{emr.Or(emr.Eq("lname", "Jones"), cond("fname", emr.Prefix, "e"))}, []string{"Cara", "Eve"}},
		{"any, and-ed", []emr.Cond{
			emr.Or(cond("lname", emr.Prefix, "smi"), emr.Eq("fname", "Cara")),
			cond("title", emr.Missing, false),
		}, []string{"Ann", "Cara", "Fay"}},
		{"any, nested, with a trigram search", []emr.Cond{emr.Or(
			emr.Or(cond("lname", emr.Contains, "ones"), cond("pid", emr.Greater, "5")),
			emr.Or(cond("lname", emr.Prefix, "o'sm")),
		)}, []string{"Cara", "Dan", "Fay"}},
		{"empty any matches nothing", []emr.Cond{{Any: []emr.Cond{}}}, nil},
		{"all inside any", []emr.Cond{emr.Or(
			emr.And(cond("DOB", emr.GreaterEq, "1980"), cond("DOB", emr.Less, "1981")),
			emr.And(emr.Eq("fname", "Ann"), cond("lname", emr.Prefix, "smith")),
		)}, []string{"Ann", "Bob", "Cara"}},
		{"empty all matches everything", []emr.Cond{{All: []emr.Cond{}}}, all},
		{"or of nothing", []emr.Cond{emr.Or()}, nil},
		{"and of nothing", []emr.Cond{emr.And()}, all},
	}
	each(t, func(t *testing.T, s *store.Store) {
		insertPatients(t, s, wherePatients...)
		for _, tt := range tests {
			recs, err := s.List(ctx, resource.Patient, emr.Query{Where: tt.where})
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
				continue
			}
			diff(t, tt.name, tt.want, fnames(recs))
			n, err := s.Count(ctx, resource.Patient, tt.where...)
			if err != nil || n != len(tt.want) {
				t.Errorf("%s: Count = %d, %v; want %d", tt.name, n, err, len(tt.want))
			}
		}
		_, err := s.List(ctx, resource.Patient, emr.Query{Where: []emr.Cond{cond("title", emr.Missing, "maybe")}})
		wantCode(t, "missing maybe", err, emr.EINVALID)
		_, err = s.Count(ctx, resource.Patient, emr.Eq("no_such_field", "x"))
		if err == nil {
			t.Error("Count on an undeclared field: no error")
		}
	})
}

// The writer counts inside its transaction, its own rows included.
func TestCountInWrite(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		insertPatients(t, s, wherePatients...)
		err := s.Write(ctx, func(w resource.Writer) error {
			if _, err := w.Insert(ctx, resource.Patient, map[string]any{"fname": "Gus", "lname": "Smithy"}); err != nil {
				return err
			}
			n, err := w.Count(ctx, resource.Patient, cond("lname", emr.Prefix, "smith"))
			if err != nil || n != 4 {
				t.Errorf("Count in the transaction = %d, %v; want 4", n, err)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}
