package ccda

import (
	"strings"
)

// codeSystem is a code system as CDA names it: its OID and display name.
type codeSystem struct{ oid, name string }

// Code system OIDs of the codes C-CDA R2.1 entries carry.
const (
	oidLOINC    = "2.16.840.1.113883.6.1"
	oidSNOMED   = "2.16.840.1.113883.6.96"
	oidRxNorm   = "2.16.840.1.113883.6.88"
	oidCVX      = "2.16.840.1.113883.12.292"
	oidICD10CM  = "2.16.840.1.113883.6.90"
	oidNUCC     = "2.16.840.1.113883.6.101"
	oidActCode  = "2.16.840.1.113883.5.4"
	oidActClass = "2.16.840.1.113883.5.6"
	oidRoleCode = "2.16.840.1.113883.5.111"
	oidNCI      = "2.16.840.1.113883.3.26.1.1"
	oidCDCRace  = "2.16.840.1.113883.6.238"
	oidGender   = "2.16.840.1.113883.5.1"
	oidNPI      = "2.16.840.1.113883.4.6"
	oidSOPT     = "2.16.840.1.113883.3.221.5"
	oidObsValue = "2.16.840.1.113883.5.1063"
	oidInterp   = "2.16.840.1.113883.5.83"
)

// systems maps FHIR code system URIs (terminology.hl7.org, R4
// terminologies-systems.html) to their OIDs.
var systems = map[string]codeSystem{
	"http://loinc.org":                                                     {oidLOINC, "LOINC"},
	"http://snomed.info/sct":                                               {oidSNOMED, "SNOMED CT"},
	"http://www.nlm.nih.gov/research/umls/rxnorm":                          {oidRxNorm, "RxNorm"},
	"http://hl7.org/fhir/sid/cvx":                                          {oidCVX, "CVX"},
	"http://hl7.org/fhir/sid/icd-10-cm":                                    {oidICD10CM, "ICD-10-CM"},
	"http://hl7.org/fhir/sid/icd-10":                                       {"2.16.840.1.113883.6.3", "ICD-10"},
	"http://hl7.org/fhir/sid/icd-9-cm":                                     {"2.16.840.1.113883.6.103", "ICD-9-CM"},
	"http://www.cms.gov/Medicare/Coding/ICD10":                             {"2.16.840.1.113883.6.4", "ICD-10-PCS"},
	"http://www.ama-assn.org/go/cpt":                                       {"2.16.840.1.113883.6.12", "CPT-4"},
	"urn:oid:2.16.840.1.113883.6.285":                                      {"2.16.840.1.113883.6.285", "HCPCS"},
	"http://hl7.org/fhir/sid/ndc":                                          {"2.16.840.1.113883.6.69", "NDC"},
	"http://nucc.org/provider-taxonomy":                                    {oidNUCC, "NUCC Health Care Provider Taxonomy"},
	"http://unitsofmeasure.org":                                            {"2.16.840.1.113883.6.8", "UCUM"},
	"urn:oid:2.16.840.1.113883.6.238":                                      {oidCDCRace, "Race & Ethnicity - CDC"},
	"https://nahdo.org/sopt":                                               {oidSOPT, "Source of Payment Typology (PHDSC)"},
	"http://ncimeta.nci.nih.gov":                                           {oidNCI, "NCI Thesaurus"},
	"http://ncithesaurus-stage.nci.nih.gov":                                {oidNCI, "NCI Thesaurus"},
	"http://www.nlm.nih.gov/research/umls/ndfrt":                           {"2.16.840.1.113883.3.26.1.5", "NDF-RT"},
	"http://fdasis.nlm.nih.gov":                                            {"2.16.840.1.113883.4.9", "UNII"},
	"http://hl7.org/fhir/sid/icf-nl":                                       {"2.16.840.1.113883.6.254", "ICF"},
	"urn:oid:2.16.840.1.113883.6.101":                                      {oidNUCC, "NUCC Health Care Provider Taxonomy"},
	"http://terminology.hl7.org/CodeSystem/v3-ActCode":                     {oidActCode, "ActCode"},
	"http://terminology.hl7.org/CodeSystem/v3-ActClass":                    {oidActClass, "ActClass"},
	"http://terminology.hl7.org/CodeSystem/v3-RoleCode":                    {oidRoleCode, "RoleCode"},
	"http://terminology.hl7.org/CodeSystem/v3-ParticipationType":           {"2.16.840.1.113883.5.90", "ParticipationType"},
	"http://terminology.hl7.org/CodeSystem/v3-ParticipationFunction":       {"2.16.840.1.113883.5.88", "ParticipationFunction"},
	"http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration":       {"2.16.840.1.113883.5.112", "RouteOfAdministration"},
	"http://terminology.hl7.org/CodeSystem/v3-ActSite":                     {"2.16.840.1.113883.5.1052", "ActSite"},
	"http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation":   {oidInterp, "ObservationInterpretation"},
	"http://terminology.hl7.org/CodeSystem/v3-ObservationValue":            {oidObsValue, "ObservationValue"},
	"http://terminology.hl7.org/CodeSystem/v3-ActPriority":                 {"2.16.840.1.113883.5.7", "ActPriority"},
	"http://terminology.hl7.org/CodeSystem/v3-MaritalStatus":               {"2.16.840.1.113883.5.2", "MaritalStatus"},
	"http://terminology.hl7.org/CodeSystem/v3-AdministrativeGender":        {oidGender, "AdministrativeGender"},
	"http://terminology.hl7.org/CodeSystem/v3-ActReason":                   {"2.16.840.1.113883.5.8", "ActReason"},
	"http://terminology.hl7.org/CodeSystem/v3-EntityNameUse":               {"2.16.840.1.113883.5.45", "EntityNameUse"},
	"http://terminology.hl7.org/CodeSystem/v2-0443":                        {"2.16.840.1.113883.12.443", "HL7 Table 0443"},
	"http://terminology.hl7.org/CodeSystem/v2-0203":                        {"2.16.840.1.113883.12.203", "HL7 Table 0203"},
	"http://terminology.hl7.org/CodeSystem/PHOccupationalDataForHealthODH": {"2.16.840.1.114222.4.5.327", "ODH"},
}

// systemOf is the code system of a FHIR system URI; urn:oid: URIs name
// their OID.
func systemOf(uri string) (codeSystem, bool) {
	if s, ok := systems[uri]; ok && s.oid != "" {
		return s, true
	}
	if oid, ok := strings.CutPrefix(uri, "urn:oid:"); ok && oid != "" {
		return codeSystem{oid: oid}, true
	}
	return codeSystem{}, false
}
