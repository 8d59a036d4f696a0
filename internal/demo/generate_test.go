package demo

import (
	"context"
	"database/sql"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"goemr/internal/emr"
	"goemr/internal/emrtest"
	"goemr/internal/sqldb"
	"goemr/internal/store"
)

// generated seeds a fresh database of engine d and generates n patients.
func generated(t *testing.T, d emrtest.NamedDB, n int) (*store.Store, *Stats) {
	t.Helper()
	ctx := context.Background()
	st := store.New(d.DB)
	hash := func(s string) (string, error) { return "hash:" + s, nil }
	if _, err := Seed(ctx, Stores{Users: st, Patients: st, Settings: st}, hash); err != nil {
		t.Fatal(err)
	}
	stats, err := Generate(ctx, st, Options{Patients: n, Chunk: 17})
	if err != nil {
		t.Fatal(err)
	}
	return st, stats
}

// dump reads query's rows as text, for comparing databases.
func dump(t *testing.T, db *sqldb.DB, query string) [][]string {
	t.Helper()
	rows, err := db.Query(context.Background(), query)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out [][]string
	for rows.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		row := make([]string, len(cols))
		for i, v := range vals {
			row[i] = v.String
			if !v.Valid {
				row[i] = "NULL"
			}
		}
		out = append(out, row)
	}
	return out
}

// The tables whose rows are compared between runs. Seed's own rows carry
// the clock (patient_data.date, users.date_created), so they are left out.
var compared = []string{
	"SELECT * FROM patient_data WHERE pid > 22 ORDER BY id",
	"SELECT * FROM form_encounter ORDER BY id", "SELECT * FROM form_vitals ORDER BY id",
	"SELECT * FROM lists ORDER BY id", "SELECT * FROM prescriptions ORDER BY id",
	"SELECT * FROM immunizations ORDER BY id", "SELECT * FROM procedure_result ORDER BY procedure_result_id",
	"SELECT * FROM openemr_postcalendar_events ORDER BY pc_eid", "SELECT * FROM insurance_data ORDER BY id",
	"SELECT id, uuid, hash, name, foreign_id FROM documents ORDER BY id", "SELECT * FROM pnotes ORDER BY id",
	"SELECT id, uuid, npi, fname, lname, date_created FROM users WHERE id > 1 ORDER BY id",
	"SELECT * FROM notes ORDER BY id",
	"SELECT * FROM issue_encounter ORDER BY id",
	"SELECT * FROM history_data ORDER BY id", "SELECT * FROM form_observation ORDER BY id",
}

// TestGenerateDeterministic: the same request on two fresh databases
// writes the same rows, whatever the chunk size.
func TestGenerateDeterministic(t *testing.T) {
	first, second := emrtest.DBs(t), emrtest.DBs(t)
	for i := range first {
		t.Run(first[i].Name, func(t *testing.T) {
			_, a := generated(t, first[i], 40)
			st := store.New(second[i].DB)
			hash := func(s string) (string, error) { return "hash:" + s, nil }
			if _, err := Seed(context.Background(), Stores{Users: st, Patients: st, Settings: st}, hash); err != nil {
				t.Fatal(err)
			}
			b, err := Generate(context.Background(), st, Options{Patients: 40}) // default chunk
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(a.Rows, b.Rows); d != "" {
				t.Errorf("rows per table differ (-first +second):\n%s", d)
			}
			for _, q := range compared {
				x, y := dump(t, first[i].DB, q), dump(t, second[i].DB, q)
				if len(x) == 0 {
					t.Errorf("%s: no rows", q)
				}
				if d := cmp.Diff(x, y); d != "" {
					t.Errorf("%s differs (-first +second):\n%s", q, d)
				}
			}
		})
	}
}

// everyTable is every table the demo fills.
var everyTable = []string{
	"patient_data", "users", "facility", "form_encounter", "forms", "form_vitals", "form_soap", "lists",
	"prescriptions", "drugs", "drug_inventory", "immunizations", "procedure_providers", "procedure_type",
	"procedure_order", "procedure_order_code", "procedure_report", "procedure_result",
	"openemr_postcalendar_events", "insurance_companies", "addresses", "phone_numbers", "insurance_data",
	"pnotes", "documents", "documents_blob", "categories_to_documents", "employer_data", "transactions", "lbt_data",
	"notes",
	"issue_encounter",
	"history_data", "form_observation",
}

// TestGenerateFillsAndRerun: every table gets rows, the lists hold every
// issue type, and a second run adds nothing.
func TestGenerateFillsAndRerun(t *testing.T) {
	for _, d := range emrtest.DBs(t) {
		t.Run(d.Name, func(t *testing.T) {
			st, stats := generated(t, d, 60)
			if stats.Created != 60-len(Patients) || stats.Histories != 60 || stats.Skipped != 0 {
				t.Errorf("stats %+v", stats)
			}
			for _, table := range everyTable {
				if n := count(t, d.DB, "SELECT COUNT(*) FROM "+table); n == 0 {
					t.Errorf("%s has no rows", table)
				}
			}
			for _, typ := range []string{"medical_problem", "allergy", "medication", "surgery", "health_concern"} {
				if n := count(t, d.DB, "SELECT COUNT(*) FROM lists WHERE type = '"+typ+"'"); n == 0 {
					t.Errorf("no %s", typ)
				}
			}
			before := totals(t, d.DB)
			again, err := Generate(context.Background(), st, Options{Patients: 60})
			if err != nil || again.Histories != 0 || again.Skipped != 60 || again.Total() != 0 {
				t.Errorf("second run: %+v %v", again, err)
			}
			if d := cmp.Diff(before, totals(t, d.DB)); d != "" {
				t.Errorf("second run changed row counts:\n%s", d)
			}
		})
	}
}

func count(t *testing.T, db *sqldb.DB, q string) int {
	t.Helper()
	var n int
	if err := db.QueryRow(context.Background(), q).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

func totals(t *testing.T, db *sqldb.DB) map[string]int {
	out := map[string]int{}
	for _, table := range everyTable {
		out[table] = count(t, db, "SELECT COUNT(*) FROM "+table)
	}
	return out
}

// TestGeneratePlausible checks generated values against clinical ranges.
func TestGeneratePlausible(t *testing.T) {
	for _, d := range emrtest.DBs(t) {
		t.Run(d.Name, func(t *testing.T) {
			generated(t, d, 80)
			oldest, today := Anchor.AddDate(-96, 0, 0).Format(dateOnly), Anchor.Format(dateOnly)
			checks := map[string]string{
				"patients outside ages 0–95": "SELECT COUNT(*) FROM patient_data WHERE DOB < '" + oldest + "' OR DOB > '" + today + "'",
				"patients of another sex":    "SELECT COUNT(*) FROM patient_data WHERE sex NOT IN ('Female', 'Male')",
				"implausible vitals": `SELECT COUNT(*) FROM form_vitals WHERE CAST(bps AS REAL) NOT BETWEEN 60 AND 220
					OR CAST(bpd AS REAL) NOT BETWEEN 30 AND 130 OR CAST(pulse AS REAL) NOT BETWEEN 40 AND 190
					OR CAST(temperature AS REAL) NOT BETWEEN 95 AND 104 OR CAST(oxygen_saturation AS REAL) NOT BETWEEN 85 AND 100
					OR CAST(height AS REAL) NOT BETWEEN 15 AND 82 OR CAST(weight AS REAL) NOT BETWEEN 4 AND 500
					OR CAST(BMI AS REAL) NOT BETWEEN 10 AND 60`,
				"encounters on or after the anchor": "SELECT COUNT(*) FROM form_encounter WHERE date >= '" + today + "'",
				"encounters before birth": `SELECT COUNT(*) FROM form_encounter e JOIN patient_data p ON p.pid = e.pid
					WHERE substr(e.date, 1, 10) < p.DOB`,
				"encounters without a forms row": `SELECT COUNT(*) FROM form_encounter e WHERE NOT EXISTS
					(SELECT 1 FROM forms f WHERE f.formdir = 'newpatient' AND f.form_id = e.id)`,
				"vitals without a forms row": `SELECT COUNT(*) FROM form_vitals v WHERE NOT EXISTS
					(SELECT 1 FROM forms f WHERE f.formdir = 'vitals' AND f.form_id = v.id AND f.encounter = v.encounter)`,
				"encounter diagnoses not of the encounter's patient's problems": `SELECT COUNT(*) FROM issue_encounter ie
					LEFT JOIN lists l ON l.id = ie.list_id AND l.pid = ie.pid AND l.type = 'medical_problem'
					LEFT JOIN form_encounter e ON e.encounter = ie.encounter AND e.pid = ie.pid
					WHERE l.id IS NULL OR e.id IS NULL OR substr(e.date, 1, 10) < l.begdate`,
				"problems not coded in ICD-10": "SELECT COUNT(*) FROM lists WHERE type = 'medical_problem' AND diagnosis NOT LIKE 'ICD10:%;SNOMED-CT:%'",
				"prescriptions without RxNorm": "SELECT COUNT(*) FROM prescriptions WHERE COALESCE(rxnorm_drugcode, '') = '' OR drug_id = 0",
				"vaccines unknown to codes": `SELECT COUNT(*) FROM immunizations i WHERE NOT EXISTS
					(SELECT 1 FROM codes c WHERE c.code_type = 100 AND c.code = i.cvx_code)`,
				"vaccines before birth": `SELECT COUNT(*) FROM immunizations i JOIN patient_data p ON p.pid = i.patient_id
					WHERE substr(i.administered_date, 1, 10) < p.DOB`,
				"results unknown to the compendium": `SELECT COUNT(*) FROM procedure_result r WHERE NOT EXISTS
					(SELECT 1 FROM procedure_type t WHERE t.procedure_type = 'res' AND t.standard_code = r.result_code)`,
				"upcoming appointments in the past": "SELECT COUNT(*) FROM openemr_postcalendar_events WHERE pc_apptstatus IN ('-', '*') AND pc_eventDate <= '" + today + "'",
				"self subscribers that are not the patient": `SELECT COUNT(*) FROM insurance_data i JOIN patient_data p ON p.pid = i.pid
					WHERE i.subscriber_relationship = 'self' AND (i.subscriber_fname <> p.fname OR i.subscriber_lname <> p.lname OR i.subscriber_DOB <> p.DOB)`,
				"documents whose hash is not their bytes' SHA-256": "SELECT COUNT(*) FROM documents WHERE length(hash) <> 64",
			}
			for what, q := range checks {
				if n := count(t, d.DB, q); n != 0 {
					t.Errorf("%d %s", n, what)
				}
			}
			// Every patient has a history: encounters, vitals, an appointment.
			for _, q := range []string{
				"SELECT COUNT(*) FROM patient_data p WHERE NOT EXISTS (SELECT 1 FROM form_encounter e WHERE e.pid = p.pid)",
				"SELECT COUNT(*) FROM patient_data p WHERE NOT EXISTS (SELECT 1 FROM lists l WHERE l.pid = p.pid AND l.type = 'medical_problem')",
				"SELECT COUNT(*) FROM patient_data p WHERE NOT EXISTS (SELECT 1 FROM openemr_postcalendar_events a WHERE a.pc_pid = CAST(p.pid AS TEXT))",
			} {
				if n := count(t, d.DB, q); n != 0 {
					t.Errorf("%s: %d", q, n)
				}
			}
		})
	}
}

// TestGenerateGuards: an empty database is refused, and demo patients
// generated after other patients were added take the next free numbers.
func TestGenerateGuards(t *testing.T) {
	for _, d := range emrtest.DBs(t) {
		t.Run(d.Name, func(t *testing.T) {
			ctx := context.Background()
			st := store.New(d.DB)
			if _, err := Generate(ctx, st, Options{Patients: 5}); !errors.Is(err, ErrNotDemo) {
				t.Errorf("empty database: %v, want ErrNotDemo", err)
			}
			hash := func(s string) (string, error) { return "hash:" + s, nil }
			if _, err := Seed(ctx, Stores{Users: st, Patients: st, Settings: st}, hash); err != nil {
				t.Fatal(err)
			}
			other := &emr.Patient{Fname: "Real", Lname: "Person", DOB: "1990-01-01", Sex: "Female"}
			if err := st.CreatePatient(ctx, other); err != nil || other.PID != 23 {
				t.Fatalf("create: %v pid %d", err, other.PID)
			}
			if _, err := Generate(ctx, st, Options{Patients: 24}); err != nil {
				t.Fatal(err)
			}
			got := dump(t, d.DB, "SELECT uuid, pid FROM patient_data WHERE pid > 22 ORDER BY pid")
			want := [][]string{{other.UUID, "23"}, {ID("patient", 23), "24"}, {ID("patient", 24), "25"}}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("patients (-want +got):\n%s", diff)
			}
			if n := count(t, d.DB, "SELECT COUNT(*) FROM form_encounter WHERE pid = 23"); n != 0 {
				t.Errorf("the other patient got %d demo encounters", n)
			}
		})
	}
}
