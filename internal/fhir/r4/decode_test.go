package r4

import (
	"encoding/json"
	"strings"
	"testing"
)

func ptr[T any](v T) *T { return &v }

func TestDecode(t *testing.T) {
	tests := []struct {
		name    string
		data    string
		strict  bool
		wantErr string // "" for success
	}{
		{"patient", `{"resourceType":"Patient","id":"p1"}`, true, ""},
		{"unknown resourceType", `{"resourceType":"Claim","id":"c1"}`, false, `unknown resourceType "Claim"`},
		{"missing resourceType", `{"id":"p1"}`, false, "missing resourceType"},
		{"resourceType not a string", `{"resourceType":1}`, false, "cannot unmarshal"},
		{"not an object", `["Patient"]`, false, "cannot unmarshal"},
		{"null", `null`, false, "missing resourceType"},
		{"invalid JSON", `{"resourceType":"Patient",`, false, "unexpected end"},
		{"unknown field, strict", `{"resourceType":"Patient","nickname":"Bo"}`, true, `unknown field "nickname"`},
		{"unknown field, lenient", `{"resourceType":"Patient","nickname":"Bo"}`, false, ""},
		{"unknown field in a datatype, strict", `{"resourceType":"Patient","name":[{"family":"Doe","nick":"J"}]}`, true, `unknown field "nick"`},
		{"unknown field in a backbone element, strict", `{"resourceType":"Bundle","type":"batch","entry":[{"fullUrl":"urn:x","rank":1}]}`, true, `unknown field "rank"`},
		{"unknown field in an extension, strict", `{"resourceType":"Patient","_birthDate":{"extension":[{"url":"u","valueFoo":1}]}}`, true, `unknown field "valueFoo"`},
		{"element extension, strict", `{"resourceType":"Patient","birthDate":"1970","_birthDate":{"id":"b"}}`, true, ""},
		{"choice type, strict", `{"resourceType":"Patient","deceasedBoolean":false,"multipleBirthInteger":2}`, true, ""},
		{"choice type not allowed, strict", `{"resourceType":"Patient","deceasedString":"no"}`, true, `unknown field "deceasedString"`},
		{"wrong primitive", `{"resourceType":"Patient","active":"yes"}`, false, "cannot unmarshal string"},
		{"integer with a fraction", `{"resourceType":"Patient","multipleBirthInteger":1.5}`, false, "cannot unmarshal number 1.5"},
		{"trailing data", `{"resourceType":"Patient"} {}`, true, "after top-level value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Decode([]byte(tt.data), tt.strict)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("Decode: %v", err)
				}
				if _, ok := r.(*Patient); !ok {
					t.Errorf("Decode returned %T", r)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Decode error = %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

// TestUnmarshalTyped covers json.Unmarshal into a generated resource, which
// checks resourceType but cannot be strict.
func TestUnmarshalTyped(t *testing.T) {
	tests := []struct {
		name, data, wantErr string
	}{
		{"matching", `{"resourceType":"Patient","id":"p1","gender":"other"}`, ""},
		{"wrong resourceType", `{"resourceType":"Observation","id":"o1"}`, `resourceType "Observation" where Patient was expected`},
		{"wrong resourceType after an unknown field", `{"resourceType":"Observation","status":"final"}`, `resourceType "Observation" where Patient was expected`},
		{"missing resourceType", `{"id":"p1"}`, "Patient: missing resourceType"},
		{"unknown field ignored", `{"resourceType":"Patient","nickname":"Bo"}`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var p Patient
			err := json.Unmarshal([]byte(tt.data), &p)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("error = %v, want one containing %q", err, tt.wantErr)
			}
		})
	}

	// A resource as a field of a Go struct decodes through UnmarshalJSON.
	var wrapper struct{ Subject *Patient }
	if err := json.Unmarshal([]byte(`{"Subject":{"resourceType":"Patient","id":"p2"}}`), &wrapper); err != nil || *wrapper.Subject.ID != "p2" {
		t.Fatalf("nested: %v %+v", err, wrapper.Subject)
	}
	if err := json.Unmarshal([]byte(`{"Subject":null}`), &wrapper); err != nil || wrapper.Subject != nil {
		t.Fatalf("null: %v %+v", err, wrapper.Subject)
	}
}

func TestMarshalPatient(t *testing.T) {
	for _, v := range []any{Patient{ID: ptr("x")}, &Patient{ID: ptr("x")}} {
		got, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if want := `{"resourceType":"Patient","id":"x"}`; string(got) != want {
			t.Errorf("Marshal(%T) = %s, want %s", v, got, want)
		}
	}
}

// TestFieldValues checks the Go values decoding gives: decimals keep
// their digits, choice types and primitive extensions land in their own
// fields, nested resources stay raw.
func TestFieldValues(t *testing.T) {
	data := `{"resourceType":"Observation","status":"final","code":{"text":"t"},` +
		`"valueQuantity":{"value":1.50,"unit":"mg"},"_status":{"id":"s"},` +
		`"component":[{"code":{"text":"c"},"valueInteger":3}],` +
		`"contained":[{"resourceType":"Patient","id":"p"}]}`
	r, err := Decode([]byte(data), true)
	if err != nil {
		t.Fatal(err)
	}
	o := r.(*Observation)
	if got := o.ValueQuantity.Value.String(); got != "1.50" {
		t.Errorf("decimal = %s, want 1.50", got)
	}
	if *o.StatusExt.ID != "s" || *o.Component[0].ValueInteger != 3 {
		t.Errorf("fields: %+v", o)
	}
	contained, err := Decode(o.Contained[0], true)
	if err != nil || *contained.(*Patient).ID != "p" {
		t.Fatalf("contained: %v", err)
	}
	out, err := json.Marshal(o)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(out), `{"resourceType":"Observation",`) || !strings.Contains(string(out), `"value":1.50`) {
		t.Errorf("Marshal = %s", out)
	}
}
