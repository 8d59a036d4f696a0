package resource

// The tables of a person related to a patient (migration 0019), which the
// Standard API does not serve; the demo generator writes them through
// these definitions. A person's contact row (contact, foreign_table_name
// 'person') carries its telecoms and addresses and is what a relation
// names.
var (
	Person = &Def{
		Name: "person", Table: "person", ID: "id", Key: "uuid",
		Fields: []Field{
			Col("id", As(Int)), Col("uuid", Set(AutoUUID)),
			Col("title"), Col("first_name"), Col("middle_name"), Col("last_name"), Col("gender"),
			Col("birth_date", As(Date)), Col("active", Default("1")),
			Col("created_date", As(DateTime), Set(AutoNow)), Col("updated_date", As(DateTime), Set(AutoTouch)),
		},
	}
	ContactRelation = &Def{
		Name: "contact_relation", Table: "contact_relation", ID: "id", Key: "uuid",
		Fields: []Field{
			Col("id", As(Int)), Col("uuid", Set(AutoUUID)), Col("contact_id", As(Int)),
			Col("target_table"), Col("target_id", As(Int)), Col("active", Default("1")),
			Col("role"), Col("relationship"), Col("contact_priority", As(Int)),
			Col("start_date", As(Date)), Col("end_date", As(Date)),
			Col("created_date", As(DateTime), Set(AutoNow)), Col("updated_date", As(DateTime), Set(AutoTouch)),
		},
	}
	ContactTelecom = &Def{
		Name: "contact_telecom", Table: "contact_telecom", ID: "id", Key: "id",
		Fields: []Field{
			Col("id", As(Int)), Col("contact_id", As(Int)), Col("rank", As(Int)),
			Col("system"), Col("use"), Col("value"), Col("status", Default("A")),
			Col("created_date", As(DateTime), Set(AutoNow)), Col("updated_date", As(DateTime), Set(AutoTouch)),
		},
	}
)

// FHIRRelatedPerson reads the view fhir_related_person (migration 0019):
// the persons related to patients, with their first phone, e-mail and
// address, as the FHIR server shows them as US Core RelatedPerson. Its id
// is the relation's uuid.
var FHIRRelatedPerson = &Def{
	Name: "fhir_related_person", Table: "fhir_related_person", ID: "uuid", Key: "uuid",
	Order: []string{"uuid"},
	Fields: []Field{
		Col("uuid"), Col("relation_id", As(Int)), Col("contact_id", As(Int)), Col("pid", As(Int)),
		Col("active"), Col("role"), Col("relationship"), Col("emergency_contact"),
		Col("relationship_title", Computed(optionOf("title", "related_person_relationship", "t.relationship"))),
		Col("start_date", As(Date)), Col("end_date", As(Date)),
		Col("title"), Col("first_name"), Col("middle_name"), Col("last_name"), Col("gender"), Col("birth_date", As(Date)),
		Col("phone"), Col("phone_use"), Col("email"),
		Col("address_use"), Col("line1"), Col("line2"), Col("city"), Col("state"), Col("postal_code"), Col("country"),
		Col("last_updated", As(DateTime)),
	},
}
