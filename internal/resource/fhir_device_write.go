package resource

// FHIRDeviceWrite is the lists columns FHIR creates and updates of an
// implantable Device store (lists.type medical_device, as FHIRDevice
// reads them): the patient, the device type as title and code, its UDI
// as carried (udi) and parsed (udi_data, AccessGUDID's JSON), whether it
// is still in use, and notes. The Standard API has no route for these
// rows, so the rules are those of the other lists types: a patient and a
// title.
var FHIRDeviceWrite = &Def{
	Name: "fhir_device", Table: "lists", ID: "id", Key: "uuid",
	Fixed: map[string]string{"type": "medical_device"},
	Order: []string{"id"},
	Fields: []Field{
		Col("id", As(Int)), Col("uuid", Set(AutoUUID)), Col("date", Set(AutoNow)),
		Col("pid", W, Req, As(Int)),
		Col("title", W, Req, Len(2, 255), Label("Title")),
		Col("diagnosis", W, Len(2, 255), Label("Diagnosis")),
		Col("udi", W), Col("udi_data", W),
		Col("enddate", W, As(Date), Label("End Date")),
		Col("activity", W, Default("1")), Col("verification", W), Col("comments", W),
		Col("user"), Col("groupname", Default("Default")),
		Col("modifydate", As(DateTime), Set(AutoTouch)),
	},
}
