// Package ccda builds C-CDA R2.1 documents from FHIR R4 resources: the
// Continuity of Care Document (CCD) that DocumentReference/$docref returns
// (US Core 6.1.0 "Fetch DocumentReference", issue 5 of this project).
//
// CCD takes a patient's compartment as US Core resources and writes the
// US Realm Header (C-CDA R2.1 Volume 2 §1.1, templateId
// 2.16.840.1.113883.10.20.22.1.1:2015-08-01) and the CCD document template
// (§1.2, 2.16.840.1.113883.10.20.22.1.2:2015-08-01), with one builder per
// section, each in its own file: Allergies, Medications, Problems,
// Procedures, Results, Vital Signs, Social History, Immunizations,
// Encounters, Plan of Treatment, Goals, Health Concerns, Care Teams,
// Functional Status, Mental Status, Medical Equipment, Payers, Assessments,
// Reason for Referral and Notes. Every section carries its human-readable
// narrative (a table whose rows the entries point into with
// <reference value="#id"/>), and a section with no information is sent
// with nullFlavor="NI" and says so in its narrative.
//
// Codes keep their FHIR codings, with the code system URIs of
// terminology.hl7.org turned into the OIDs C-CDA uses (LOINC, SNOMED CT,
// RxNorm, CVX, ICD-10-CM, NUCC, UCUM, the HL7 V3 code systems…); a coding
// of a system with no known OID is left out, and a concept left with no
// coding is sent as nullFlavor="OTH" with its text.
//
// The package sees FHIR resources only (internal/fhir/r4) and the
// standard library: no SQL, no store, no HTTP (internal/archtest).
// The XML is written by a small tree builder (xml.go): the documents are
// built in one pass and written once, with none of encoding/xml's
// reflection.
package ccda
