package resource

// Message is pnotes, a note on the patient's chart (openemr-standard-api.md
// §3.16). The API writes it through a body of six keys (MessageBody);
// DELETE only marks it deleted, and deleted notes are not found again.
var Message = &Def{
	Name: "message", Table: "pnotes", ID: "id", Key: "id",
	Binds:   []Bind{PatientByPID},
	Summary: "Patient notes (messages)",
	Order:   []string{"id"},
	Fields: []Field{
		Col("id", As(Int)), Col("date", Set(AutoNow)), Col("body"), Col("pid", As(Int)),
		Col("user"), Col("groupname"), Col("activity", Default("1")), Col("authorized", Default("1")),
		Col("title"), Col("assigned_to"), Col("deleted", Default("0")), Col("message_status"),
	},
	SoftDelete: &SoftDelete{Column: "deleted", Value: "1", Live: "0", Hide: true},
	Created:    Reply{Keys: []KeyAs{{From: "id", To: "mid", Int: true}}},
	Updated:    Reply{Keys: []KeyAs{{From: "id", To: "mid"}}},
	Deleted:    Reply{Literal: true},
}

// MessageBody is the request body of POST and PUT message: every key is
// required on both, with OpenEMR's MessageService length rules. "from" and
// "to" become pnotes.user and pnotes.assigned_to.
var MessageBody = &Def{
	Name: "message",
	Fields: []Field{
		Col("body", W, ReqAlways, Len(2, 65535)),
		Col("to", W, ReqAlways, Len(2, 255)),
		Col("from", W, ReqAlways, Len(2, 255)),
		Col("groupname", W, ReqAlways, Len(2, 255)),
		Col("title", W, ReqAlways, Len(2, 255)),
		Col("message_status", W, ReqAlways, Len(2, 20)),
	},
}
