package ccda

import (
	"bytes"
	"errors"
	"time"

	"goemr/internal/fhir/r4"
)

// Input is what a CCD is built from: a patient, their compartment (the
// resources of any type that concern them) and the resources those refer
// to (Practitioner, PractitionerRole, Organization, Location, Medication).
type Input struct {
	Patient   *r4.Patient
	Resources []r4.Resource
	// Custodian is the organization that keeps the record (US Realm
	// Header custodian, C-CDA R2.1 Vol 2 §1.1.8); required.
	Custodian *r4.Organization
	// Author is the practitioner the document is authored by and
	// legally authenticated by; nil makes goemr itself the authoring
	// device and leaves legalAuthenticator out (it is optional).
	Author *r4.Practitioner
	// Start and End, when set, restrict the entries to those dated in
	// [Start, End] by the time each entry carries (a concern's recording,
	// an encounter's start, an observation's or immunization's time…);
	// undated ones (devices) are left out, coverages in force during the
	// range kept. They are the service event's time.
	Start, End time.Time
	// Now is when the document is created; ID is its unique id (a UUID).
	Now time.Time
	ID  string
}

// CCD builds the C-CDA R2.1 Continuity of Care Document of in.
func CCD(in *Input) ([]byte, error) {
	switch {
	case in == nil || in.Patient == nil:
		return nil, errors.New("ccda: no patient")
	case in.Custodian == nil:
		return nil, errors.New("ccda: no custodian organization")
	case !isUUID(in.ID):
		return nil, errors.New("ccda: the document id must be a UUID")
	case !in.Start.IsZero() && !in.End.IsZero() && in.End.Before(in.Start):
		return nil, errors.New("ccda: the range ends before it starts")
	}
	b := newBuilder(in)
	doc := b.header()
	body := el("structuredBody")
	for _, section := range sections {
		body.add(el("component").add(section(b)))
	}
	doc.add(el("component").add(body))
	var out bytes.Buffer
	out.Grow(32<<10 + 2048*len(in.Resources))
	out.WriteString(`<?xml version="1.0" encoding="UTF-8"?>`)
	doc.write(&out, 0, true)
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// sections are the CCD's sections in document order (C-CDA R2.1 Vol 2
// §1.2: the required ones first, then the optional ones the CCD lists).
var sections = []func(*builder) *node{
	(*builder).allergies,
	(*builder).medications,
	(*builder).problems,
	(*builder).procedures,
	(*builder).results,
	(*builder).vitalSigns,
	(*builder).socialHistory,
	(*builder).immunizations,
	(*builder).encounters,
	(*builder).planOfTreatment,
	(*builder).goals,
	(*builder).healthConcerns,
	(*builder).careTeams,
	(*builder).functionalStatus,
	(*builder).mentalStatus,
	(*builder).medicalEquipment,
	(*builder).payers,
	(*builder).assessments,
	(*builder).reasonForReferral,
	(*builder).notes,
}
