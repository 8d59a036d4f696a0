package fhirmap

import (
	"encoding/json"
	"strings"

	"goemr/internal/fhir/r4"
)

// udiRecord is lists.udi_data as deviceFromFHIR writes it: the shape of
// AccessGUDID's parse_udi answer OpenEMR stores (udiData reads it), with
// the parts a Device gives.
type udiRecord struct {
	Standard udiElements `json:"standard_elements"`
	GUDID    *udiGUDID   `json:"gudid,omitempty"`
}

type udiElements struct {
	UDI               string `json:"udi,omitempty"`
	IssuingAgency     string `json:"issuingAgency,omitempty"`
	DI                string `json:"di,omitempty"`
	ManufacturingDate string `json:"manufacturingDate,omitempty"`
	ExpirationDate    string `json:"expirationDate,omitempty"`
	LotNumber         string `json:"lotNumber,omitempty"`
	SerialNumber      string `json:"serialNumber,omitempty"`
	DonationID        string `json:"donationId,omitempty"`
}

type udiGUDID struct {
	Device struct {
		BrandName          string `json:"brandName,omitempty"`
		CompanyName        string `json:"companyName,omitempty"`
		VersionModelNumber string `json:"versionModelNumber,omitempty"`
	} `json:"device"`
}

// deviceFromFHIR maps a US Core Implantable Device onto a lists row of
// type medical_device, the inverse of deviceToFHIR: patient, type, status,
// the UDI carrier and production identifiers, manufacturer, model, the
// UDI label name and notes. Not kept: identifiers, the carrier's AIDC
// (barcode) and entry type, other device names (Synthea's user-friendly
// name repeats the type), version, properties, owner, contact, location,
// url, safety and parent.
func deviceFromFHIR(res r4.Resource, w *WriteContext) (map[string]any, error) {
	d, ok := res.(*r4.Device)
	if !ok {
		return nil, invalid("resourceType", "a Device is expected")
	}
	if d.Patient == nil {
		return nil, invalid("Device.patient", "is required (US Core)")
	}
	pid, err := w.reference("Device.patient", d.Patient, "Patient", "pid")
	if err != nil {
		return nil, err
	}
	if pid == "" {
		return nil, invalid("Device.patient", "must be a literal reference Patient/{id}")
	}
	v := map[string]any{"pid": pid, "comments": notesFrom(d.Note), "activity": "1", "verification": ""}
	if d.Type == nil {
		return nil, invalid("Device.type", "is required (US Core)")
	}
	if v["diagnosis"], v["title"], err = codeListFrom("Device.type", d.Type); err != nil {
		return nil, err
	}
	if v["title"] == "" {
		return nil, invalid("Device.type", "must have a text or a coding")
	}
	switch deref(d.Status) {
	case "active", "":
		v["enddate"] = "" // in use: not removed
	case "inactive":
		v["activity"] = "0" // a removal date, when OpenEMR has one, stays
	case "entered-in-error":
		v["verification"] = "entered-in-error"
	default:
		return nil, invalid("Device.status", "%q is not active, inactive or entered-in-error", *d.Status)
	}
	u, err := deviceUDIFrom(d)
	if err != nil {
		return nil, err
	}
	v["udi"], v["udi_data"] = u.Standard.UDI, ""
	if u.Standard != (udiElements{}) || u.GUDID != nil {
		data, err := json.Marshal(u)
		if err != nil {
			return nil, err
		}
		v["udi_data"] = string(data)
	}
	return v, nil
}

// deviceUDIFrom gathers what the device says of its UDI as udi_data has
// it. A UDI of another jurisdiction than FDA's cannot be kept: the read
// names the FDA's.
func deviceUDIFrom(d *r4.Device) (udiRecord, error) {
	var u udiRecord
	s := &u.Standard
	if len(d.UdiCarrier) > 1 {
		return u, invalid("Device.udiCarrier", "an implantable device has one UDI (US Core), not %d", len(d.UdiCarrier))
	}
	if len(d.UdiCarrier) == 1 {
		c := d.UdiCarrier[0]
		if j := deref(c.Jurisdiction); j != "" && j != udiJurisdictionFDA {
			return u, invalid("Device.udiCarrier.jurisdiction", "only UDIs of the FDA's system (%s) can be stored", udiJurisdictionFDA)
		}
		s.UDI, s.DI = strings.TrimSpace(deref(c.CarrierHRF)), strings.TrimSpace(deref(c.DeviceIdentifier))
		for agency, url := range udiIssuers {
			if url == deref(c.Issuer) {
				s.IssuingAgency = agency
			}
		}
	}
	var err error
	if s.ManufacturingDate, err = dayFrom("Device.manufactureDate", d.ManufactureDate); err != nil {
		return u, err
	}
	if s.ExpirationDate, err = dayFrom("Device.expirationDate", d.ExpirationDate); err != nil {
		return u, err
	}
	s.LotNumber, s.SerialNumber = strings.TrimSpace(deref(d.LotNumber)), strings.TrimSpace(deref(d.SerialNumber))
	s.DonationID = strings.TrimSpace(deref(d.DistinctIdentifier))
	brand := ""
	for _, n := range d.DeviceName {
		if deref(n.Type) == "udi-label-name" && brand == "" {
			brand = strings.TrimSpace(deref(n.Name))
		}
	}
	company, model := strings.TrimSpace(deref(d.Manufacturer)), strings.TrimSpace(deref(d.ModelNumber))
	if brand != "" || company != "" || model != "" {
		u.GUDID = &udiGUDID{}
		u.GUDID.Device.BrandName, u.GUDID.Device.CompanyName, u.GUDID.Device.VersionModelNumber = brand, company, model
	}
	return u, nil
}
