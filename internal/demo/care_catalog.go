package demo

import "strings"

// careEntry is how a chronic problem is planned for: the planned activity
// (a SNOMED CT procedure or regime, when one is recorded) with the plan's
// words, and a goal (a SNOMED CT finding, when one fits) in the
// clinician's words. The codes are those of the eCQM value sets for
// lifestyle, diet and exercise interventions (VSAC) and of SNOMED CT's
// findings.
type careEntry struct {
	planCode, planName, plan string
	goalCode, goalName, goal string
}

// careCatalog holds the chronic problems of the catalog (catalog.go) by
// ICD-10-CM code; careFor covers the others.
var careCatalog = map[string]careEntry{
	"I10": {"443402002", "Lifestyle education regarding hypertension",
		"Low-sodium (DASH) diet, 30 minutes of brisk walking on most days and a home blood pressure log; continue antihypertensive treatment.",
		"2004005", "Normal blood pressure", "Blood pressure below 130/80 mm Hg"},
	"E11.9": {"284350006", "Diabetes mellitus diet education",
		"Carbohydrate-consistent diet, glucose self-monitoring and daily foot checks; HbA1c every 3 months.",
		"166921001", "Blood glucose normal", "Fasting blood glucose 80 to 130 mg/dL"},
	"R73.03": {"698612005", "Dietary education for impaired glucose tolerance",
		"Fewer refined carbohydrates and sugary drinks, 150 minutes of exercise a week; HbA1c yearly.",
		"166921001", "Blood glucose normal", "Fasting blood glucose below 100 mg/dL"},
	"E78.5": {"429071001", "Dietary education for lipid disorder",
		"Diet low in saturated fat, regular exercise and statin adherence; lipid panel yearly.",
		"", "", "LDL cholesterol below 100 mg/dL"},
	"E66.9": {"388976009", "Weight reduction regimen",
		"Calorie-reduced diet with a food diary and 150 minutes of moderate exercise a week.",
		"", "", "Lose 5 % of body weight"},
	"I25.10": {"14051000175103", "Dietary education for cardiovascular disorder",
		"Heart-healthy diet, daily antiplatelet and statin, supervised exercise.",
		"", "", "No chest pain with daily activities"},
	"N18.30": {"438578000", "Dietary education for renal disorder",
		"Limit sodium and protein, avoid NSAIDs, keep blood pressure at target; kidney function every 6 months.",
		"2004005", "Normal blood pressure", "Blood pressure below 130/80 mm Hg"},
	"M17.9": {"386463000", "Prescribed activity/exercise education",
		"Quadriceps strengthening and low-impact exercise, weight management, analgesics as needed.",
		"", "", "Walk 30 minutes without knee pain"},
	"I48.91":  {"", "", "Rate control and anticoagulation with regular INR checks.", "", "", "INR between 2.0 and 3.0"},
	"J45.909": {"", "", "Asthma action plan reviewed, inhaler technique checked, known triggers avoided.", "", "", "No night-time asthma symptoms"},
	"J44.9":   {"", "", "Inhaler technique reviewed, pulmonary rehabilitation, yearly influenza vaccine.", "", "", "Walk 10 minutes without shortness of breath"},
	"F32.A":   {"", "", "Continue antidepressant, counseling referral, PHQ-9 at each visit.", "", "", "PHQ-9 score below 5"},
	"F41.1":   {"", "", "Continue medication, cognitive behavioral therapy, GAD-7 at each visit.", "", "", "GAD-7 score below 5"},
	"E03.9":   {"", "", "Levothyroxine on an empty stomach; TSH every 6 to 12 months.", "", "", "TSH within the reference range"},
}

// careFor is the plan and goal for problem pr.
func careFor(pr *problem) careEntry {
	if e, ok := careCatalog[pr.icd10]; ok {
		return e
	}
	name := strings.ToLower(pr.title[:1]) + pr.title[1:]
	return careEntry{
		plan: "Continue current treatment for " + name + "; review at each visit.",
		goal: pr.title + ": symptoms controlled",
	}
}
