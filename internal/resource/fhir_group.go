package resource

// Group kinds (fhir_groups.kind, migration 0029).
const (
	// GroupProvider is OpenEMR's group of a primary care provider's
	// patients, computed from patient_data.providerID: not writable.
	GroupProvider = "provider"
	// GroupStored is a group kept in patient_group and its members.
	GroupStored = "stored"
)

// FHIRGroup is every group as FHIR Group reads it, the view fhir_groups
// (migration 0029): a provider's patients or a stored group, by kind.
// members are the member patients' uuids between commas, in pid order;
// joined the times a stored group's members were added, in the same order;
// provider_key the users.id as patient_data.providerID holds it (provider
// groups); group_id the patient_group.id (stored groups), whose counter in
// row_versions is the group's version.
var FHIRGroup = &Def{
	Name: "fhir_group", Table: "fhir_groups", ID: "uuid", Key: "uuid",
	Order: []string{"uuid"},
	Fields: []Field{
		Col("uuid"), Col("kind"), Col("group_id", As(Int)), Col("provider_key"),
		Col("title"), Col("fname"), Col("lname"), Col("name"), Col("active", As(Int)),
		Col("quantity", As(Int)), Col("members"), Col("joined"), Col("last_updated", As(Unix)),
	},
}

// groupKey is a group's identity alone: what finding a group costs
// without reading its members.
var groupKey = &Def{
	Name: "fhir_group", Table: "fhir_groups", ID: "uuid", Key: "uuid",
	Fields: []Field{Col("uuid"), Col("kind"), Col("group_id", As(Int)), Col("provider_key"), Col("name")},
}

// GroupSummary is every group with its size but not its members, for
// listing groups.
var GroupSummary = &Def{
	Name: "fhir_group", Table: "fhir_groups", ID: "uuid", Key: "uuid",
	Order:  []string{"kind", "name"},
	Fields: []Field{Col("uuid"), Col("kind"), Col("name"), Col("quantity", As(Int)), Col("active", As(Int))},
}

// PatientGroup is a stored group as it is written (patient_group,
// migration 0029): its name and whether it is active. last_updated moves
// on every update, which also moves its version.
var PatientGroup = &Def{
	Name: "patient_group", Table: "patient_group", ID: "id", Key: "uuid",
	Fields: []Field{
		Col("id", As(Int)), Col("uuid", Set(AutoUUID)),
		Col("name", W, Req, Len(1, 255), Label("Name")),
		Col("active", W, As(Int), OneOf("0", "1")),
		Col("created", As(Unix), Set(AutoNow)), Col("last_updated", As(Unix), Set(AutoTouch)),
	},
}

// PatientGroupMember is one member of a stored group: the patient (pid,
// and its uuid read from patient_data) and when it was added (UTC
// 'Y-m-d H:i:s'). pid is the order, and the key of a page's position.
var PatientGroupMember = &Def{
	Name: "patient_group_member", Table: "patient_group_member", ID: "pid", Key: "pid",
	Fields: []Field{
		Col("group_id", As(Int)), Col("pid", As(Int)), Col("added", As(DateTime)),
		Col("uuid", Computed("SELECT p.uuid FROM patient_data p WHERE p.pid = t.pid")),
	},
}

// providerGroupMember is a patient of a provider's group, read in pid
// order from the index on (providerID, pid).
var providerGroupMember = &Def{
	Name: "provider_group_member", Table: "patient_data", ID: "pid", Key: "uuid",
	Fields: []Field{Col("pid", As(Int)), Col("uuid"), Col("providerID")},
}
