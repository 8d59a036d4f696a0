package fhirmap

// US Core profiles (https://hl7.org/fhir/us/core/STU6.1/profiles-and-extensions.html).
// Each resource claims the profile unversioned and pinned to 6.1.0 and
// 7.0.0, the versions goemr conforms to: Inferno picks the profile it
// validates against from meta.profile, and both versions' validators
// accept a resource that carries the other's canonical too.
const usCore = "http://hl7.org/fhir/us/core/StructureDefinition/"

// usCoreVersions are the US Core versions goemr declares.
var usCoreVersions = []string{"6.1.0", "7.0.0"}

// profiles lists the canonical URLs of US Core profile names, each
// unversioned and then pinned to every declared version.
func profiles(names ...string) []string {
	var out []string
	for _, n := range names {
		out = append(out, usCore+n)
		for _, v := range usCoreVersions {
			out = append(out, usCore+n+"|"+v)
		}
	}
	return out
}

// US Core extensions.
const (
	extRace           = usCore + "us-core-race"
	extEthnicity      = usCore + "us-core-ethnicity"
	extBirthSex       = usCore + "us-core-birthsex"
	extGenderIdentity = usCore + "us-core-genderIdentity"
)

// Code systems.
const (
	systemOMB          = "urn:oid:2.16.840.1.113883.6.238" // CDC Race & Ethnicity
	systemBCP47        = "urn:ietf:bcp:47"
	systemIdentifier   = "http://terminology.hl7.org/CodeSystem/v2-0203"
	systemSSN          = "http://hl7.org/fhir/sid/us-ssn"
	systemMarital      = "http://terminology.hl7.org/CodeSystem/v3-MaritalStatus"
	systemGender       = "http://hl7.org/fhir/administrative-gender"
	systemSNOMED       = "http://snomed.info/sct"
	systemLOINC        = "http://loinc.org"
	systemNPI          = "http://hl7.org/fhir/sid/us-npi"
	systemContactPoint = "http://hl7.org/fhir/contact-point-system"
)
