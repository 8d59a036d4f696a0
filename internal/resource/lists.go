package resource

import "slices"

// The lists table holds five resources told apart by lists.type
// (openemr-standard-api.md §3.8, §3.9).

// listColumns are the lists columns every issue type returns.
func listColumns(extra ...Field) []Field {
	fs := []Field{
		Col("id", As(Int)), Col("uuid", Set(AutoUUID)), Col("date", Set(AutoNow)), Col("type"), Col("subtype"),
		Col("title", W, Req, Len(2, 255), Label("Title")),
		Col("udi"), Col("udi_data"),
	}
	fs = append(fs, extra...)
	fs = append(fs,
		Col("returndate"), Col("occurrence"), Col("classification"), Col("referredby"), Col("extrainfo"),
		Col("diagnosis", W, Len(2, 255), Label("Diagnosis")),
		Col("activity", Default("1")), Col("comments"), Col("pid", As(Int)), Col("user"), Col("groupname"),
		Col("outcome"), Col("destination"), Col("reinjury_id"), Col("injury_part"), Col("injury_type"),
		Col("injury_grade"), Col("reaction"), Col("verification"), Col("external_allergyid"),
		Col("erx_source"), Col("erx_uploaded"), Col("modifydate", Set(AutoTouch)), Col("severity_al"),
		Col("external_id"), Col("list_option_id"),
	)
	return fs
}

// patientRefs are the patient keys the enveloped issue routes add.
var patientRefs = []Field{
	Col("patient_id", Computed("t.pid")),
	Col("puuid", Computed("SELECT p.uuid FROM patient_data p WHERE p.pid = t.pid")),
	Col("patient_uuid", Computed("SELECT p.uuid FROM patient_data p WHERE p.pid = t.pid")),
}

var verificationTitle = Col("verification_title",
	Computed("SELECT lo.title FROM list_options lo WHERE lo.list_id = 'condition-verification' AND lo.option_id = t.verification"))

// MedicalProblem is lists.type = medical_problem. diagnosis is sent as a
// map of its codes (see restapi's presenter).
var MedicalProblem = &Def{
	Name: "medical_problem", Table: "lists", ID: "id", Key: "uuid",
	Fixed:   map[string]string{"type": "medical_problem"},
	Binds:   []Bind{PatientByUUID},
	Summary: "Medical problems (conditions)",
	Order:   []string{"id"},
	Fields: append(append(shaped(listColumns(
		Col("begdate", W, Req, As(Date), Label("Begin Date")),
		Col("enddate", W, As(Date), Label("End Date")),
	), "diagnosis"), patientRefs...),
		Col("condition_uuid", Computed("t.uuid")),
		Col("last_updated_time", Computed("t.modifydate")),
		verificationTitle,
	),
	Created: Reply{Keys: []KeyAs{{From: "id", To: "id", Int: true}, {From: "uuid", To: "uuid"}}},
	Updated: Reply{Full: true},
	Deleted: Reply{Keys: []KeyAs{{From: "uuid", To: "uuid"}}},
}

// Allergy is lists.type = allergy; begdate is optional and comments
// writable.
var Allergy = &Def{
	Name: "allergy", Table: "lists", ID: "id", Key: "uuid",
	Fixed:   map[string]string{"type": "allergy"},
	Binds:   []Bind{PatientByUUID},
	Summary: "Allergies and intolerances",
	Order:   []string{"id"},
	Fields: append(append(shaped(withWritable(listColumns(
		Col("begdate", W, As(Date), Label("Begin Date")),
		Col("enddate", W, As(Date), Label("End Date")),
	), "comments"), "diagnosis"), patientRefs...),
		Col("allergy_uuid", Computed("t.uuid")),
		Col("reaction_title", Computed("SELECT lo.title FROM list_options lo WHERE lo.list_id = 'reaction' AND lo.option_id = t.reaction")),
		verificationTitle,
	),
	Created: Reply{Keys: []KeyAs{{From: "id", To: "id", Int: true}, {From: "uuid", To: "uuid"}}},
	Updated: Reply{Full: true},
	Deleted: Reply{Keys: []KeyAs{{From: "uuid", To: "uuid"}}},
}

// rawIssue declares the medication, surgery and dental issue resources:
// numeric ids, raw responses, and dates as Y-m-d H:i:s (§3.9).
func rawIssue(name, typ, summary string) *Def {
	return &Def{
		Name: name, Table: "lists", ID: "id", Key: "id",
		Fixed:   map[string]string{"type": typ},
		Binds:   []Bind{PatientByPID},
		Summary: summary,
		Order:   []string{"id"},
		Fields: listColumns(
			Col("begdate", W, As(DateTime), Label("Begin Date")),
			Col("enddate", W, As(DateTime), Label("End Date")),
		),
		Created: Reply{Keys: []KeyAs{{From: "id", To: "id", Int: true}}},
		Updated: Reply{Keys: []KeyAs{{From: "id", To: "id"}}},
		Deleted: Reply{Literal: true},
	}
}

var (
	Medication  = rawIssue("medication", "medication", "Medications on the patient's list")
	Surgery     = rawIssue("surgery", "surgery", "Surgeries")
	DentalIssue = rawIssue("dental_issue", "dental", "Dental issues")
)

// shaped returns fs with the named fields marked as shaped by the
// resource's presenter (diagnosis becomes a map of codes).
func shaped(fs []Field, names ...string) []Field {
	return mark(fs, func(f *Field) { f.Shaped = true }, names)
}

// withWritable returns fs with the named fields made writable.
func withWritable(fs []Field, names ...string) []Field {
	return mark(fs, func(f *Field) { f.Write = true }, names)
}

// mark applies set to the named fields of fs.
func mark(fs []Field, set func(*Field), names []string) []Field {
	for i := range fs {
		if slices.Contains(names, fs[i].Name) {
			set(&fs[i])
		}
	}
	return fs
}
