package resource

// FHIRDevice is lists.type = medical_device, the implantable devices
// OpenEMR records with their UDI, as the FHIR server reads them for US
// Core Implantable Device: udi is the UDI in its human-readable form,
// udi_data what FDA's AccessGUDID parsed from it (JSON, its
// "standard_elements": di, lotNumber, serialNumber, manufacturingDate,
// expirationDate, donationId), diagnosis the device type ("SNOMED-CT:
// 14106009"), begdate when it was implanted and enddate when it was
// removed. Read only.
var FHIRDevice = &Def{
	Name: "fhir_device", Table: "lists", ID: "id", Key: "uuid",
	Fixed: map[string]string{"type": "medical_device"},
	Order: []string{"id"},
	Fields: []Field{
		Col("id", As(Int)), Col("uuid"), Col("title"),
		Col("diagnosis"), Col("codes", Computed(fhirIssueCodes)),
		Col("udi"), Col("udi_data"),
		Col("begdate"), Col("enddate"), Col("activity"), Col("verification"),
		Col("pid", As(Int)), Col("comments"),
		Col("status", Computed(deviceStatus)),
		Col("last_updated", As(DateTime), Computed(fhirIssueUpdated)),
	},
}

// deviceStatus is the FHIR device status (R4 device-status) of a lists
// row: a row recorded in error is entered-in-error; one with an end date
// (the device was removed) or deactivated is inactive.
const deviceStatus = `CASE WHEN t.verification = 'entered-in-error' THEN 'entered-in-error'
	WHEN t.activity = '0' OR COALESCE(t.enddate, '') <> '' THEN 'inactive' ELSE 'active' END`
