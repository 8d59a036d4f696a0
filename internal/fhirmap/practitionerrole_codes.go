package fhirmap

import "regexp"

// systemNUCC is the Health Care Provider Taxonomy, the code system of US
// Core PractitionerRole.code and .specialty.
const systemNUCC = "http://nucc.org/provider-taxonomy"

// nuccCode is the shape of a provider taxonomy code: ten characters
// ending in X.
var nuccCode = regexp.MustCompile(`^[0-9]{3}[0-9A-Z]{6}X$`)

// nuccDisplays are the NUCC display names of the taxonomy codes clinics
// commonly record; a code not listed is sent without a display.
var nuccDisplays = map[string]string{
	"207Q00000X": "Family Medicine Physician",
	"207R00000X": "Internal Medicine Physician",
	"208000000X": "Pediatrics Physician",
	"208D00000X": "General Practice Physician",
	"207RC0000X": "Cardiovascular Disease Physician",
	"207RE0101X": "Endocrinology, Diabetes & Metabolism Physician",
	"207RG0100X": "Gastroenterology Physician",
	"207RN0300X": "Nephrology Physician",
	"207RP1001X": "Pulmonary Disease Physician",
	"207RX0202X": "Medical Oncology Physician",
	"207P00000X": "Emergency Medicine Physician",
	"207V00000X": "Obstetrics & Gynecology Physician",
	"207N00000X": "Dermatology Physician",
	"207W00000X": "Ophthalmology Physician",
	"207X00000X": "Orthopaedic Surgery Physician",
	"207L00000X": "Anesthesiology Physician",
	"208600000X": "Surgery Physician",
	"2084N0400X": "Neurology Physician",
	"2084P0800X": "Psychiatry Physician",
	"2085R0202X": "Diagnostic Radiology Physician",
	"363L00000X": "Nurse Practitioner",
	"363A00000X": "Physician Assistant",
	"163W00000X": "Registered Nurse",
	"183500000X": "Pharmacist",
	"103T00000X": "Psychologist",
	"152W00000X": "Optometrist",
	"225100000X": "Physical Therapist",
	"1223G0001X": "General Practice Dentist",
}

// specialtyCodes give the taxonomy code of the specialty names OpenEMR's
// users.specialty holds as free text.
var specialtyCodes = map[string]string{
	"Family Medicine":           "207Q00000X",
	"Family Practice":           "207Q00000X",
	"Internal Medicine":         "207R00000X",
	"Pediatrics":                "208000000X",
	"Pediatric Medicine":        "208000000X",
	"General Practice":          "208D00000X",
	"Cardiology":                "207RC0000X",
	"Cardiovascular Disease":    "207RC0000X",
	"Endocrinology":             "207RE0101X",
	"Gastroenterology":          "207RG0100X",
	"Nephrology":                "207RN0300X",
	"Pulmonology":               "207RP1001X",
	"Pulmonary Disease":         "207RP1001X",
	"Oncology":                  "207RX0202X",
	"Medical Oncology":          "207RX0202X",
	"Emergency Medicine":        "207P00000X",
	"Obstetrics & Gynecology":   "207V00000X",
	"Obstetrics and Gynecology": "207V00000X",
	"OB/GYN":                    "207V00000X",
	"Dermatology":               "207N00000X",
	"Ophthalmology":             "207W00000X",
	"Orthopedic Surgery":        "207X00000X",
	"Orthopaedic Surgery":       "207X00000X",
	"Anesthesiology":            "207L00000X",
	"Surgery":                   "208600000X",
	"General Surgery":           "208600000X",
	"Neurology":                 "2084N0400X",
	"Psychiatry":                "2084P0800X",
	"Radiology":                 "2085R0202X",
	"Nurse Practitioner":        "363L00000X",
	"Physician Assistant":       "363A00000X",
	"Registered Nurse":          "163W00000X",
	"Pharmacist":                "183500000X",
	"Pharmacy":                  "183500000X",
	"Psychology":                "103T00000X",
	"Psychologist":              "103T00000X",
	"Optometry":                 "152W00000X",
	"Optometrist":               "152W00000X",
	"Physical Therapy":          "225100000X",
	"Physical Therapist":        "225100000X",
	"Dentistry":                 "1223G0001X",
	"General Dentistry":         "1223G0001X",
}

// specialtyNames are the specialty names of each taxonomy code, for the
// specialty search.
var specialtyNames = func() map[string][]string {
	out := map[string][]string{}
	for name, code := range specialtyCodes {
		out[code] = append(out[code], name)
	}
	return out
}()
