package ccda

import (
	"goemr/internal/fhir/r4"
)

// Medical Equipment Section (V2), C-CDA R2.1 Vol 2 §3.53.
var equipmentSection = sectionInfo{
	templates: []tid{{"2.16.840.1.113883.10.20.22.2.23", "2014-06-09"}},
	code:      "46264-8", display: "History of medical device use", title: "Medical Equipment",
}

// udiIssuers are the OIDs of the FDA-accredited UDI issuing agencies by
// FHIR's UDI issuer URIs (GS1, HIBCC, ICCBBA): the Product Instance's
// scopingEntity id (C-CDA R2.1 Companion Guide, implantable devices); the
// FDA's root when the agency is unknown.
var udiIssuers = map[string]string{
	"http://hl7.org/fhir/NamingSystem/gs1-di":          "1.3.160",
	"http://hl7.org/fhir/NamingSystem/hibcc-dI":        "1.0.15961.10.816",
	"http://hl7.org/fhir/NamingSystem/iccbba-blood-di": "2.16.840.1.113883.6.18",
	"http://hl7.org/fhir/NamingSystem/iccbba-other-di": "2.16.840.1.113883.6.18",
}

// oidFDAUDI is the FDA's root for a UDI as a device instance id.
const oidFDAUDI = "2.16.840.1.113883.3.3719"

// medicalEquipment is one Non-Medicinal Supply Activity (V2, §3.66) per
// Device of the patient, the device as a Product Instance (§3.87) with its
// UDI as id, its type and model, and its issuing agency. Devices are not
// dated: a document restricted to a range leaves them out.
func (b *builder) medicalEquipment() *node {
	t := newTable("Device", "UDI", "Manufacturer", "Model", "Status")
	var entries []*node
	for _, d := range each[*r4.Device](b) {
		if deref(d.Status) == "entered-in-error" || b.ranged() {
			continue
		}
		ref := b.nid("device")
		udi, issuer := "", ""
		for _, u := range d.UdiCarrier {
			udi, issuer = firstOf(deref(u.CarrierHRF), deref(u.DeviceIdentifier)), deref(u.Issuer)
		}
		label := conceptText(d.Type)
		for _, n := range d.DeviceName {
			label = firstOf(label, deref(n.Name))
		}
		t.row(ref, label, udi, deref(d.Manufacturer), deref(d.ModelNumber), deref(d.Status))
		role := el("participantRole", "classCode", "MANU").add(templateIDs(tid{root: "2.16.840.1.113883.10.20.22.4.37"})...)
		if udi != "" {
			role.add(el("id", "root", oidFDAUDI, "extension", udi))
		} else {
			role.add(b.id("Device", deref(d.ID)))
		}
		role.add(el("playingDevice").add(cd("code", d.Type, ref, oidSNOMED), textEl("manufacturerModelName", deref(d.ModelNumber))))
		scope := el("scopingEntity")
		if oid, ok := udiIssuers[issuer]; ok {
			scope.add(el("id", "root", oid))
		} else {
			scope.add(el("id", "root", oidFDAUDI))
		}
		role.add(scope.add(textEl("desc", deref(d.Manufacturer))))
		status := "completed"
		if deref(d.Status) == "active" {
			status = "active"
		}
		entries = append(entries, el("supply", "classCode", "SPLY", "moodCode", "EVN").add(templateIDs(tid{"2.16.840.1.113883.10.20.22.4.50", "2014-06-09"})...).
			add(b.id("Device", deref(d.ID)), refText(ref), statusEl(status), el("quantity", "value", "1"),
				el("participant", "typeCode", "PRD").add(role)))
	}
	return b.section(equipmentSection, t.text(), entries...)
}
