package ccdacheck

import (
	"sort"
	"strings"
)

// valueSets are the value sets of C-CDA R2.1 (Volume 2, "Value Sets") that
// the errors phase tests through voc.xml, with their full expansions: each
// is a short, fixed list of HL7 V3 codes.
var valueSets = map[string][]string{
	"2.16.840.1.113883.1.11.19601": {"PRF", "PPRF", "SPRF"},                                              // x_ServiceEventPerformer
	"2.16.840.1.113883.11.20.9.18": {"EVN", "INT"},                                                       // MoodCodeEvnInt
	"2.16.840.1.113883.11.20.9.19": {"active", "suspended", "aborted", "completed"},                      // ProblemAct statusCode
	"2.16.840.1.113883.11.20.9.22": {"completed", "active", "aborted", "cancelled"},                      // ProcedureAct statusCode
	"2.16.840.1.113883.11.20.9.23": {"INT", "ARQ", "PRMS", "PRP", "RQO"},                                 // Planned moodCode (Act/Encounter/Procedure)
	"2.16.840.1.113883.11.20.9.24": {"INT", "PRMS", "PRP", "RQO"},                                        // Planned moodCode (SubstanceAdministration/Supply)
	"2.16.840.1.113883.11.20.9.25": {"INT", "GOL", "PRMS", "PRP", "RQO"},                                 // Planned moodCode (Observation)
	"2.16.840.1.113883.11.20.9.33": {"PRS", "NOK", "CAREGIVER", "AGNT", "GUAR", "ECON"},                  // INDRoleclassCodes
	"2.16.840.1.113883.11.20.9.39": {"aborted", "active", "cancelled", "completed", "held", "suspended"}, // Result Status
}

// Unrunnable are the errors-phase asserts whose value sets voc.xml does
// not hold, so they fail whenever the element they test is present, even
// on valid documents; goemr's CCDs never contain those elements.
var Unrunnable = map[string]string{
	"a-1098-14798-c": "Pressure Ulcer Observation targetSiteCode in Pressure Point 2.16.840.1.113883.11.20.9.36, a SNOMED CT value set voc.xml does not hold",
	"a-1098-30885":   "Patient Referral Act moodCode in 2.16.840.1.113883.11.20.9.66, whose expansion voc.xml does not hold",
}

// vocXML is the voc.xml the schematron reads (Lantana's format: one
// voc:system per value set, one voc:code per code).
func vocXML() []byte {
	oids := make([]string, 0, len(valueSets))
	for oid := range valueSets {
		oids = append(oids, oid)
	}
	sort.Strings(oids)
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<voc:systems xmlns:voc="http://www.lantanagroup.com/voc">` + "\n")
	for _, oid := range oids {
		b.WriteString(`  <voc:system valueSetOid="` + oid + `">`)
		for _, code := range valueSets[oid] {
			b.WriteString(`<voc:code value="` + code + `"/>`)
		}
		b.WriteString("</voc:system>\n")
	}
	b.WriteString("</voc:systems>\n")
	return []byte(b.String())
}
