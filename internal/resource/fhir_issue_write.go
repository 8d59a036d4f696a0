package resource

// FHIRIssueWrite is the lists columns FHIR creates and updates of
// AllergyIntolerance and Condition store: the Standard API's rules for
// them (Allergy, MedicalProblem) but without a fixed type, since one
// Condition endpoint writes both the problem list (medical_problem) and
// health concerns (health_concern); the mapping sets type itself. The
// onset is optional here, as in US Core (Condition.onset[x] is must
// support, not required).
var FHIRIssueWrite = &Def{
	Name: "fhir_issue", Table: "lists", ID: "id", Key: "uuid",
	Order: []string{"id"},
	Fields: []Field{
		Col("id", As(Int)), Col("uuid", Set(AutoUUID)), Col("date", Set(AutoNow)), // a recordedDate as given: a date, or a UTC time
		Col("type", W, ReqAlways, OneOf("allergy", "medical_problem", "health_concern")),
		Col("title", W, Req, Len(2, 255), Label("Title")),
		Col("diagnosis", W, Len(2, 255), Label("Diagnosis")),
		Col("begdate", W, As(Date), Label("Begin Date")),
		Col("enddate", W, As(Date), Label("End Date")),
		Col("pid", W, Req, As(Int)), Col("comments", W), Col("outcome", W), Col("verification", W),
		Col("severity_al", W), Col("reaction", W),
		Col("activity", Default("1")), Col("user"), Col("groupname", Default("Default")),
		Col("modifydate", As(DateTime), Set(AutoTouch)),
	},
}
