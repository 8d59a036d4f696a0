package fhirmap

import (
	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// Device is the patients' implantable devices (lists.type medical_device)
// as US Core Implantable Device
// (https://hl7.org/fhir/us/core/STU6.1/StructureDefinition-us-core-implantable-device.html),
// as OpenEMR's FhirDeviceService maps them: the UDI carrier and its
// production identifiers from the row's UDI, the SNOMED CT device type
// from its code.
var Device = &Mapping{
	Type:     "Device",
	Profiles: deviceProfiles,
	Def:      resource.FHIRDevice,
	WriteDef: resource.FHIRDeviceWrite,
	ID:       "uuid", Updated: "last_updated", Patient: "pid",
	Refs: []Ref{
		{Name: "patient", Field: "pid", Def: resource.Patient, By: "pid", Take: "uuid"},
		VersionRef("lists", "id"),
	},
	Params: []Param{
		{Code: "patient", Type: Reference, Fields: []string{"pid"}, Target: "Patient", TargetKey: "pid"},
		{Code: "type", Type: Token, Fields: []string{"codes"}, Tokens: issueCodeTokens("codes"), Doc: "The SNOMED CT device type"},
		{Code: "status", Type: Token, Fields: []string{"status"}, Tokens: tokenOfSystem("status", systemDeviceStatus),
			Doc: "active (implanted), inactive (removed) or entered-in-error"},
	},
	ToFHIR:   deviceToFHIR,
	FromFHIR: deviceFromFHIR,
	Paths:    map[string]string{"pid": "Device.patient", "title": "Device.type", "diagnosis": "Device.type.coding"},
}

var deviceProfiles = profiles("us-core-implantable-device")

// systemDeviceStatus is R4's device-status code system.
const systemDeviceStatus = "http://hl7.org/fhir/device-status"

func deviceToFHIR(rec emr.Record, c *Context) r4.Resource {
	u := readUDI(rec.Str("udi"), rec.Str("udi_data"))
	d := &r4.Device{
		ID:     text(rec.Str("uuid")),
		Meta:   meta(deviceProfiles, rec.Str("last_updated")),
		Status: ptr(rec.Str("status")),
		// type is required (1..1): the device's SNOMED CT code with its
		// title, or why it is unknown.
		Type:               issueConcept(rec.Str("codes"), rec.Str("title")),
		Patient:            issueSubject(rec, c),
		DistinctIdentifier: text(u.donationID),
		Manufacturer:       text(u.company),
		ManufactureDate:    u.manufactured,
		ExpirationDate:     u.expires,
		LotNumber:          text(u.lot),
		SerialNumber:       text(u.serial),
		ModelNumber:        text(u.model),
	}
	d.Meta.VersionId = ptr(c.Version(rec.Str("id")))
	// The UDI carrier needs its device identifier (1..1 within it): a UDI
	// whose DI cannot be read is shown by its parts only.
	if di := text(u.di); di != nil {
		d.UdiCarrier = []r4.DeviceUdiCarrier{{
			DeviceIdentifier: di, CarrierHRF: text(u.hrf),
			Issuer: text(udiIssuers[u.agency]), Jurisdiction: ptr(udiJurisdictionFDA),
		}}
	}
	if b := text(u.brand); b != nil {
		d.DeviceName = []r4.DeviceDeviceName{{Name: b, Type: ptr("udi-label-name")}}
	}
	if note := text(rec.Str("comments")); note != nil {
		d.Note = []r4.Annotation{{Text: note}}
	}
	return d
}
