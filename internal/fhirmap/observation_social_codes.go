package fhirmap

import (
	"strings"

	"goemr/internal/fhir/r4"
)

// Code systems of the social history and screening Observations.
const (
	// US Core Category (us-core-category), the second category of SDOH,
	// functional, disability and cognitive status observations.
	systemUSCoreCategory = "http://hl7.org/fhir/us/core/CodeSystem/us-core-category"
	// Occupational Data for Health, the system of OpenEMR's OccupationODH
	// and IndustryODH lists (US Core Occupation, valueCodeableConcept and
	// component:industry).
	systemODH = "http://terminology.hl7.org/CodeSystem/PHOccupationalDataForHealthODH"
)

// LOINC codes of the observations with a profile of their own.
const (
	loincSmokingStatus     = "72166-2"
	loincOccupation        = "11341-5"
	loincIndustry          = "86188-0"
	loincPregnancyStatus   = "82810-3"
	loincPregnancyIntent   = "86645-9"
	loincSexualOrientation = "76690-7"
)

// Observation categories of these rows (observation-category).
const (
	categorySocialHistory = "social-history"
	categorySurvey        = "survey"
	categoryExam          = "exam"
)

// observationCategoryNames are the displays of the observation-category
// codes OpenEMR's Observation_Types list offers.
var observationCategoryNames = map[string]string{
	categorySocialHistory: "Social History", categoryVitalSigns: "Vital Signs", "imaging": "Imaging",
	categoryLaboratory: "Laboratory", "procedure": "Procedure", categorySurvey: "Survey", categoryExam: "Exam",
	"therapy": "Therapy", "activity": "Activity",
}

// usCoreCategoryNames are the codes of US Core 6.1.0's us-core-category
// code system; a screening or simple observation names one of them beside
// its observation-category (category:screening-assessment and
// category:us-core are bound to them, required).
var usCoreCategoryNames = map[string]string{
	"sdoh": "SDOH", "functional-status": "Functional Status",
	"disability-status": "Disability Status", "cognitive-status": "Cognitive Status",
}

// smokingFallback are the codes of OpenEMR's smoking status radio choice
// (the tobacco entry's second part), for an entry that names no
// smoking_status option: US Core Smoking Status requires a value.
var smokingFallback = map[string][2]string{
	"currenttobacco":        {"77176002", "Smoker, current status unknown"},
	"quittobacco":           {"8517006", "Former smoker"},
	"nevertobacco":          {"266919005", "Never smoker"},
	"not_applicabletobacco": {"266927001", "Unknown if ever smoked"},
}

// observationValueSystem is the FHIR system of an OpenEMR code type, the
// code types of coded answers included ("NullFlavor:ASKU", ODH codes).
func observationValueSystem(typ string) string {
	switch strings.ToUpper(strings.TrimSpace(typ)) {
	case "NULLFLAVOR", "HL7NULLFLAVOR", "V3-NULLFLAVOR":
		return systemNullFlav
	case "ODH", "PHODH":
		return systemODH
	case "", "LOINC":
		return systemLOINC
	}
	return issueSystem(typ)
}

// codedAnswer is a stored coded value "TYPE:code" with its name, as
// OpenEMR's Observation form keeps an answer (ob_value and
// ob_value_code_description), or nil when the value is not coded. A code
// of an unknown type keeps only its name.
func codedAnswer(value, display string) *r4.CodeableConcept {
	typ, code, ok := strings.Cut(strings.TrimSpace(value), ":")
	if !ok || strings.TrimSpace(code) == "" || text(display) == nil {
		return nil
	}
	if system := observationValueSystem(typ); system != "" {
		return concept(system, strings.TrimSpace(code), display)
	}
	return &r4.CodeableConcept{Text: text(display)}
}

// odhConcept is an occupation or industry: its ODH code (list_options
// codes, bare or "TYPE:code") with its name, or only a name, or nil.
func odhConcept(codes, display string) *r4.CodeableConcept {
	code := strings.TrimSpace(codes)
	if i := strings.LastIndexByte(code, ':'); i >= 0 {
		code = strings.TrimSpace(code[i+1:])
	}
	switch {
	case code != "":
		return concept(systemODH, code, display)
	case text(display) != nil:
		return &r4.CodeableConcept{Text: text(display)}
	}
	return nil
}
