package fhirmap

// Coverage code systems.
const (
	systemSOPT          = "https://nahdo.org/sopt" // PHDSC Source of Payment Typology
	systemSubscriberRel = "http://terminology.hl7.org/CodeSystem/subscriber-relationship"
	systemCoverageCls   = "http://terminology.hl7.org/CodeSystem/coverage-class"
	systemCopayType     = "http://terminology.hl7.org/CodeSystem/coverage-copay-type"
	systemFMStatus      = "http://hl7.org/fhir/fm-status"
)

// payerTypes give the Source of Payment Typology code (US Core's Payer
// value set, bound to Coverage.type) of OpenEMR's insurance types
// (insurance_type_codes.id, migration 0004). Types no SOPT code stands for
// exactly (Other HCFA, Central Certification, Disability, Liability,
// Title V, Mutually Defined …) are sent by name only.
var payerTypes = map[string]string{
	"2":  "121",  // Medicare Part B: Medicare FFS
	"3":  "2",    // Medicaid
	"4":  "3221", // ChampUSVA: CHAMPVA
	"5":  "311",  // ChampUS: TRICARE (CHAMPUS)
	"6":  "6",    // Blue Cross Blue Shield
	"8":  "81",   // Self Pay
	"11": "512",  // PPO: commercial managed care PPO
	"12": "513",  // POS: commercial managed care POS
	"13": "514",  // EPO: exclusive provider organization
	"14": "52",   // Indemnity: private health insurance, indemnity
	"15": "111",  // HMO Medicare risk: Medicare HMO
	"16": "96",   // Automobile medical: auto insurance
	"17": "5",    // Commercial insurance: private health insurance
	"19": "511",  // HMO: commercial managed care HMO
	"22": "39",   // Other federal program
	"24": "32",   // Veterans Administration plan: Department of Veterans Affairs
	"25": "95",   // Workers' compensation
}

// sopTypes is payerTypes inverted: the insurance types a SOPT code
// stands for, for type searches.
var sopTypes = func() map[string][]string {
	out := map[string][]string{}
	for typ, code := range payerTypes {
		out[code] = append(out[code], typ)
	}
	return out
}()

// subscriberRelations are OpenEMR's sub_relation options with their
// subscriber-relationship codes (the same words) and displays.
var subscriberRelations = map[string]string{
	"self": "Self", "spouse": "Spouse", "child": "Child", "other": "Other",
}
