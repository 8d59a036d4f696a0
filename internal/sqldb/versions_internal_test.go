package sqldb

import "testing"

func TestClassify(t *testing.T) {
	data, sec := uint8(1<<DataVersion), uint8(1<<SecurityVersion)
	for _, tc := range []struct {
		query string
		want  uint8
	}{
		{"SELECT * FROM patient_data", 0},
		{"  select 1", 0},
		{"PRAGMA data_version", 0},
		{"INSERT INTO patient_data (pid) VALUES ($1)", data},
		{"INSERT INTO patient_data(pid) VALUES ($1)", data},
		{"insert or ignore into lists (id) values (1)", data},
		{"UPDATE form_encounter SET reason = $1", data},
		{"DELETE FROM lists WHERE id = $1", data},
		{"INSERT INTO oauth_revocations (id, expires) VALUES ($1, $2)", sec},
		{"DELETE FROM oauth_revocations WHERE id = $1", sec},
		{"INSERT INTO globals (gl_name, gl_value) VALUES ($1, $2)", data | sec},
		{"INSERT INTO api_log (date) VALUES ($1)", 0},
		{"INSERT INTO jwt_grant_history (jti) VALUES ($1)", 0},
		{"UPDATE background_services SET running = 1", 0},
		{"INSERT INTO some_new_table (x) VALUES (1)", data},
		{"WITH x AS (SELECT 1) UPDATE lists SET title = 'a'", data | sec},
		{"CREATE TABLE t (x int)", 0},
		{"TRUNCATE lists", data | sec},
		{"", 0},
	} {
		if got := classify(tc.query); got != tc.want {
			t.Errorf("classify(%q) = %b, want %b", tc.query, got, tc.want)
		}
	}
}
