package demo

// The clinical catalog histories are drawn from: problems coded in ICD-10-CM
// and SNOMED CT, the RxNorm clinical drugs that treat them, allergies
// (RxNorm ingredients for drugs, SNOMED CT otherwise) and surgeries.

// drug is a clinical drug (RxNorm SCD) with how it is prescribed; form,
// unit, route and interval are option ids of OpenEMR's drug_form,
// drug_units, drug_route and drug_interval lists (migration 0006).
type drug struct {
	rxcui, name  string
	size, unit   string // strength: "10" of unit "1" (mg)
	form, route  string
	interval     string
	instructions string
	quantity     string
	acute        bool // a short course, not a standing medication
}

var (
	lisinopril   = drug{"314076", "lisinopril 10 MG Oral Tablet", "10", "1", "2", "1", "9", "Take 1 tablet by mouth once daily", "90", false}
	amlodipine   = drug{"197361", "amlodipine 5 MG Oral Tablet", "5", "1", "2", "1", "9", "Take 1 tablet by mouth once daily", "90", false}
	hctz         = drug{"310798", "hydrochlorothiazide 25 MG Oral Tablet", "25", "1", "2", "1", "9", "Take 1 tablet by mouth every morning", "90", false}
	metformin    = drug{"860975", "24 HR metformin hydrochloride 500 MG Extended Release Oral Tablet", "500", "1", "2", "1", "9", "Take 1 tablet by mouth with the evening meal", "90", false}
	atorvastatin = drug{"259255", "atorvastatin 80 MG Oral Tablet", "80", "1", "2", "1", "16", "Take 1 tablet by mouth at bedtime", "90", false}
	simvastatin  = drug{"314231", "simvastatin 10 MG Oral Tablet", "10", "1", "2", "1", "16", "Take 1 tablet by mouth at bedtime", "90", false}
	albuterol    = drug{"745679", "200 ACTUAT albuterol 0.09 MG/ACTUAT Metered Dose Inhaler", "0.09", "1", "8", "1", "17", "Inhale 2 puffs every 4 to 6 hours as needed for wheezing", "1", false}
	fluticasone  = drug{"895994", "120 ACTUAT fluticasone propionate 0.044 MG/ACTUAT Metered Dose Inhaler", "0.044", "1", "8", "1", "1", "Inhale 2 puffs twice daily; rinse mouth after use", "1", false}
	omeprazole   = drug{"198053", "omeprazole 20 MG Delayed Release Oral Capsule", "20", "1", "3", "1", "10", "Take 1 capsule by mouth before breakfast", "90", false}
	levothyrox   = drug{"966222", "levothyroxine sodium 0.075 MG Oral Tablet", "75", "7", "2", "1", "12", "Take 1 tablet by mouth every morning on an empty stomach", "90", false}
	sertraline   = drug{"312941", "sertraline 50 MG Oral Tablet", "50", "1", "2", "1", "9", "Take 1 tablet by mouth once daily", "90", false}
	naproxen     = drug{"849574", "naproxen sodium 220 MG Oral Tablet", "220", "1", "2", "1", "1", "Take 1 tablet by mouth twice daily with food as needed for pain", "60", false}
	acetaminoph  = drug{"313782", "acetaminophen 325 MG Oral Tablet", "325", "1", "2", "1", "5", "Take 2 tablets by mouth every 4 to 6 hours as needed", "100", false}
	ibuprofen    = drug{"310965", "ibuprofen 200 MG Oral Tablet", "200", "1", "2", "1", "7", "Take 2 tablets by mouth every 6 hours as needed with food", "60", false}
	warfarin     = drug{"855332", "warfarin sodium 5 MG Oral Tablet", "5", "1", "2", "1", "13", "Take as directed by the anticoagulation clinic", "30", false}
	metoprolol   = drug{"866412", "24 HR metoprolol succinate 100 MG Extended Release Oral Tablet", "100", "1", "2", "1", "9", "Take 1 tablet by mouth once daily", "90", false}
	aspirin      = drug{"243670", "aspirin 81 MG Oral Tablet", "81", "1", "2", "1", "9", "Take 1 tablet by mouth once daily", "90", false}
	clopidogrel  = drug{"309362", "clopidogrel 75 MG Oral Tablet", "75", "1", "2", "1", "9", "Take 1 tablet by mouth once daily", "90", false}
	nitro        = drug{"705129", "nitroglycerin 0.4 MG/ACTUAT Mucosal Spray", "0.4", "1", "4", "5", "17", "1 spray under the tongue for chest pain; may repeat every 5 minutes, up to 3 doses", "1", false}
	loratadine   = drug{"311372", "loratadine 10 MG Oral Tablet", "10", "1", "2", "1", "9", "Take 1 tablet by mouth once daily during allergy season", "30", false}
	amoxicillin  = drug{"308182", "amoxicillin 250 MG Oral Capsule", "250", "1", "3", "1", "2", "Take 1 capsule by mouth three times daily for 10 days", "30", true}
	amoxiclav    = drug{"562251", "amoxicillin 250 MG / clavulanate 125 MG Oral Tablet", "250", "1", "2", "1", "8", "Take 1 tablet by mouth every 8 hours for 10 days", "30", true}
	alendronate  = drug{"904419", "alendronic acid 10 MG Oral Tablet", "10", "1", "2", "1", "12", "Take 1 tablet by mouth every morning with a full glass of water", "90", false}
	tamsulosin   = drug{"863669", "tamsulosin hydrochloride 0.4 MG Oral Capsule", "0.4", "1", "3", "1", "9", "Take 1 capsule by mouth 30 minutes after the same meal each day", "90", false}
	hydrocort    = drug{"106258", "hydrocortisone 10 MG/ML Topical Cream", "10", "2", "10", "4", "1", "Apply a thin layer to affected skin twice daily", "1", false}
)

// formulary is every drug of the catalog, in a fixed order: the drugs table
// of the demo clinic.
var formulary = []drug{
	lisinopril, amlodipine, hctz, metformin, atorvastatin, simvastatin, albuterol, fluticasone, omeprazole,
	levothyrox, sertraline, naproxen, acetaminoph, ibuprofen, warfarin, metoprolol, aspirin, clopidogrel,
	nitro, loratadine, amoxicillin, amoxiclav, alendronate, tamsulosin, hydrocort,
}

// problem is a condition of the problem list. Patients from minAge to
// maxAge (and of sex, when set) have it with the given weight; chronic ones
// stay active, others resolve after a few weeks. meds treat it.
type problem struct {
	icd10, snomed, title string
	minAge, maxAge       int
	sex                  string
	weight               int
	chronic              bool
	meds                 []drug
	labs                 []string // lab panels that monitor it (labs.go)
}

var problems = []problem{
	{"I10", "59621000", "Essential (primary) hypertension", 30, 120, "", 30, true, []drug{lisinopril, amlodipine, hctz}, []string{"bmp"}},
	{"E11.9", "44054006", "Type 2 diabetes mellitus without complications", 30, 120, "", 14, true, []drug{metformin}, []string{"a1c", "bmp", "lipid"}},
	{"E78.5", "55822004", "Hyperlipidemia, unspecified", 30, 120, "", 25, true, []drug{atorvastatin, simvastatin}, []string{"lipid"}},
	{"J45.909", "195967001", "Unspecified asthma, uncomplicated", 2, 120, "", 9, true, []drug{albuterol, fluticasone}, nil},
	{"K21.9", "235595009", "Gastro-esophageal reflux disease without esophagitis", 18, 120, "", 10, true, []drug{omeprazole}, nil},
	{"E03.9", "40930008", "Hypothyroidism, unspecified", 18, 120, "", 7, true, []drug{levothyrox}, []string{"tsh"}},
	{"F32.A", "35489007", "Depression, unspecified", 12, 120, "", 9, true, []drug{sertraline}, nil},
	{"F41.1", "21897009", "Generalized anxiety disorder", 12, 120, "", 8, true, []drug{sertraline}, nil},
	{"M17.9", "239873007", "Osteoarthritis of knee, unspecified", 45, 120, "", 10, true, []drug{naproxen, acetaminoph}, nil},
	{"N18.30", "433144002", "Chronic kidney disease, stage 3 unspecified", 50, 120, "", 4, true, nil, []string{"bmp", "cbc"}},
	{"I48.91", "49436004", "Unspecified atrial fibrillation", 55, 120, "", 4, true, []drug{warfarin, metoprolol}, []string{"cbc"}},
	{"I25.10", "53741008", "Atherosclerotic heart disease of native coronary artery without angina pectoris", 50, 120, "", 5, true, []drug{aspirin, clopidogrel, nitro, metoprolol}, []string{"lipid"}},
	{"J44.9", "13645005", "Chronic obstructive pulmonary disease, unspecified", 45, 120, "", 4, true, []drug{albuterol}, nil},
	{"E66.9", "414916001", "Obesity, unspecified", 10, 120, "", 10, true, nil, []string{"a1c"}},
	{"R73.03", "714628002", "Prediabetes", 25, 120, "", 8, true, nil, []string{"a1c"}},
	{"E55.9", "34713006", "Vitamin D deficiency, unspecified", 18, 120, "", 5, true, nil, nil},
	{"M81.0", "64859006", "Age-related osteoporosis without current pathological fracture", 55, 120, "Female", 6, true, []drug{alendronate}, nil},
	{"N40.0", "266569009", "Benign prostatic hyperplasia without lower urinary tract symptoms", 50, 120, "Male", 8, true, []drug{tamsulosin}, nil},
	{"F90.9", "406506008", "Attention-deficit hyperactivity disorder, unspecified type", 6, 30, "", 5, true, nil, nil},
	{"J30.9", "61582004", "Allergic rhinitis, unspecified", 2, 120, "", 10, true, []drug{loratadine}, nil},
	{"L20.9", "24079001", "Atopic dermatitis, unspecified", 0, 40, "", 5, true, []drug{hydrocort}, nil},
	{"G43.909", "37796009", "Migraine, unspecified, not intractable, without status migrainosus", 10, 70, "", 6, true, []drug{ibuprofen}, nil},
	{"M54.50", "279039007", "Low back pain, unspecified", 18, 120, "", 10, false, []drug{naproxen}, nil},
	{"H66.90", "65363002", "Otitis media, unspecified, unspecified ear", 0, 12, "", 25, false, []drug{amoxicillin}, nil},
	{"J01.90", "15805002", "Acute sinusitis, unspecified", 5, 120, "", 8, false, []drug{amoxiclav}, nil},
	{"J06.9", "54150009", "Acute upper respiratory infection, unspecified", 0, 120, "", 14, false, []drug{acetaminoph}, nil},
}

// allergy is an allergen with its code ("RXCUI:…" for drugs, SNOMED CT
// otherwise), the usual reaction and severity.
type allergy struct {
	title, code, reaction, severity string
	minAge                          int
}

var allergies = []allergy{
	{"Penicillin V", "RXCUI:7984", "hives", "moderate", 0},
	{"Sulfamethoxazole", "RXCUI:10180", "hives", "mild", 0},
	{"Codeine", "RXCUI:2670", "nausea", "mild", 12},
	{"Aspirin", "RXCUI:1191", "shortness_of_breath", "moderate", 12},
	{"Ibuprofen", "RXCUI:5640", "hives", "mild", 2},
	{"Peanuts", "SNOMED-CT:91935009", "shortness_of_breath", "severe", 1},
	{"Shellfish", "SNOMED-CT:300913006", "hives", "severe", 3},
	{"Latex", "SNOMED-CT:300916003", "hives", "moderate", 0},
	{"Bee venom", "SNOMED-CT:424213003", "shortness_of_breath", "severe", 3},
	{"Tree pollen", "SNOMED-CT:419263009", "hives", "mild", 2},
	{"Grass pollen", "SNOMED-CT:418689008", "hives", "mild", 2},
	{"House dust mite", "SNOMED-CT:232350006", "hives", "mild", 2},
	{"Cat dander", "SNOMED-CT:232347008", "hives", "mild", 2},
	{"Eggs", "SNOMED-CT:91930004", "nausea", "moderate", 0},
}

// surgery is a past operation (lists.type surgery).
type surgery struct {
	title, code    string
	minAge, maxAge int
	sex            string
}

var surgeries = []surgery{
	{"Appendectomy", "SNOMED-CT:80146002", 8, 120, ""},
	{"Cholecystectomy", "SNOMED-CT:38102005", 30, 120, ""},
	{"Total knee replacement", "SNOMED-CT:609588000", 55, 120, ""},
	{"Tonsillectomy", "SNOMED-CT:173422009", 5, 120, ""},
	{"Cesarean section", "SNOMED-CT:11466000", 20, 60, "Female"},
	{"Inguinal hernia repair", "SNOMED-CT:44558001", 20, 120, "Male"},
	{"Cataract extraction", "SNOMED-CT:54885007", 60, 120, ""},
}
