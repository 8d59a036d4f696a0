package fhirmap

// OpenEMR keeps race, ethnicity, language and marital status as list
// option ids (list_options 'race', 'ethnicity', 'language', 'marital');
// these tables give their standard codes, as OpenEMR's list_options.notes
// do.

// ombCode is a CDC race and ethnicity code with its display.
type ombCode struct{ code, display string }

var raceCodes = map[string]ombCode{
	"white":                      {"2106-3", "White"},
	"black_or_afri_amer":         {"2054-5", "Black or African American"},
	"amer_ind_or_alaska_native":  {"1002-5", "American Indian or Alaska Native"},
	"Asian":                      {"2028-9", "Asian"},
	"native_hawai_or_pac_island": {"2076-8", "Native Hawaiian or Other Pacific Islander"},
}

var ethnicityCodes = map[string]ombCode{
	"hisp_or_latin":     {"2135-2", "Hispanic or Latino"},
	"not_hisp_or_latin": {"2186-5", "Not Hispanic or Latino"},
}

// declined are the option ids that record a patient declining to answer.
var declined = map[string]bool{"declne_to_specfy": true, "decline_to_specify": true}

// languageCodes give BCP-47 tags for OpenEMR's language options.
var languageCodes = map[string]ombCode{
	"English": {"en", "English"}, "english": {"en", "English"},
	"Spanish": {"es", "Spanish"}, "spanish": {"es", "Spanish"},
	"Chinese": {"zh", "Chinese"}, "chinese": {"zh", "Chinese"},
	"Vietnamese": {"vi", "Vietnamese"}, "vietnamese": {"vi", "Vietnamese"},
	"French": {"fr", "French"}, "German": {"de", "German"}, "Russian": {"ru", "Russian"},
	"Arabic": {"ar", "Arabic"}, "Korean": {"ko", "Korean"}, "Portuguese": {"pt", "Portuguese"},
}

// maritalCodes give HL7 v3 MaritalStatus codes for OpenEMR's 'marital'
// options.
var maritalCodes = map[string]ombCode{
	"married": {"M", "Married"}, "single": {"S", "Never Married"}, "divorced": {"D", "Divorced"},
	"widowed": {"W", "Widowed"}, "separated": {"L", "Legally Separated"}, "domestic partner": {"T", "Domestic partner"},
}

// genders maps OpenEMR's sex to FHIR administrative gender.
func gender(sex string) string {
	switch sex {
	case "Male":
		return "male"
	case "Female":
		return "female"
	case "", "UNK", "Unknown":
		return "unknown"
	}
	return "other"
}

// birthSex is the US Core birth sex code for OpenEMR's sex.
func birthSex(sex string) string {
	switch sex {
	case "Male":
		return "M"
	case "Female":
		return "F"
	}
	return "UNK"
}
