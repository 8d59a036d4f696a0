package demo

// Laboratory panels, their LOINC codes and the analytes they report, with
// units, reference ranges and the value a healthy adult has (mean, spread).

// analyte is one result of a panel.
type analyte struct {
	loinc, name, units string
	low, high          float64 // reference range
	mean, sd           float64 // a healthy adult's values
	digits             int     // decimals shown
}

// panel is an orderable test.
type panel struct {
	key, loinc, name string
	specimen         string
	fasting          bool
	results          []analyte
}

var panels = []panel{
	{"cbc", "58410-2", "CBC panel - Blood by Automated count", "Blood", false, []analyte{
		{"6690-2", "Leukocytes [#/volume] in Blood by Automated count", "10*3/uL", 4.5, 11.0, 7.0, 1.6, 1},
		{"789-8", "Erythrocytes [#/volume] in Blood by Automated count", "10*6/uL", 4.2, 5.9, 4.9, 0.4, 2},
		{"718-7", "Hemoglobin [Mass/volume] in Blood", "g/dL", 12.0, 17.5, 14.2, 1.2, 1},
		{"4544-3", "Hematocrit [Volume Fraction] of Blood by Automated count", "%", 36.0, 50.0, 42.5, 3.2, 1},
		{"777-3", "Platelets [#/volume] in Blood by Automated count", "10*3/uL", 150, 400, 255, 50, 0},
	}},
	{"bmp", "51990-0", "Basic metabolic panel - Blood", "Serum", true, []analyte{
		{"2345-7", "Glucose [Mass/volume] in Serum or Plasma", "mg/dL", 70, 99, 88, 8, 0},
		{"3094-0", "Urea nitrogen [Mass/volume] in Serum or Plasma", "mg/dL", 7, 20, 14, 3.5, 0},
		{"2160-0", "Creatinine [Mass/volume] in Serum or Plasma", "mg/dL", 0.6, 1.3, 0.95, 0.15, 2},
		{"2951-2", "Sodium [Moles/volume] in Serum or Plasma", "mmol/L", 135, 145, 140, 2, 0},
		{"2823-3", "Potassium [Moles/volume] in Serum or Plasma", "mmol/L", 3.5, 5.1, 4.2, 0.3, 1},
	}},
	{"lipid", "57698-3", "Lipid panel with direct LDL - Serum or Plasma", "Serum", true, []analyte{
		{"2093-3", "Cholesterol [Mass/volume] in Serum or Plasma", "mg/dL", 0, 199, 172, 24, 0},
		{"2571-8", "Triglyceride [Mass/volume] in Serum or Plasma", "mg/dL", 0, 149, 105, 32, 0},
		{"2085-9", "Cholesterol in HDL [Mass/volume] in Serum or Plasma", "mg/dL", 40, 100, 55, 12, 0},
		{"13457-7", "Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation", "mg/dL", 0, 99, 92, 20, 0},
	}},
	{"a1c", "4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", "Blood", false, []analyte{
		{"4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", "%", 4.0, 5.6, 5.2, 0.3, 1},
	}},
	{"tsh", "3016-3", "Thyrotropin [Units/volume] in Serum or Plasma", "Serum", false, []analyte{
		{"3016-3", "Thyrotropin [Units/volume] in Serum or Plasma", "m[IU]/L", 0.4, 4.0, 1.9, 0.8, 2},
	}},
}

// panelByKey returns the panel named key.
func panelByKey(key string) *panel {
	for i := range panels {
		if panels[i].key == key {
			return &panels[i]
		}
	}
	return nil
}

// shift is how a condition moves an analyte's value: by LOINC, the amount
// added to the healthy mean for a patient with the ICD-10 code.
var shifts = map[string]map[string]float64{
	"E11.9":  {"4548-4": 2.4, "2345-7": 55, "2571-8": 50},
	"R73.03": {"4548-4": 0.7, "2345-7": 14},
	"E66.9":  {"4548-4": 0.3, "2571-8": 30},
	"E78.5":  {"2093-3": 35, "13457-7": 30, "2571-8": 45, "2085-9": -8},
	"N18.30": {"2160-0": 0.8, "3094-0": 12, "718-7": -1.6, "4544-3": -4.5},
	"E03.9":  {"3016-3": 0.9}, // treated: mostly in range
	"I25.10": {"13457-7": 15, "2093-3": 15},
}
