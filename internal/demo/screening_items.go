package demo

import (
	"math/rand/v2"
	"strconv"
)

// The screenings the Observation form records, with their LOINC codes and
// answers (LOINC answer lists; SNOMED CT and HL7 null flavors where US Core
// binds them).

const (
	surveyType = "survey"
	socialType = "social-history"
	scoreUnit  = "{score}"
)

// answer is a coded answer as the Observation form stores it.
type answer struct{ code, name string }

func coded(o obs, a answer) obs {
	o.value, o.valueName = a.code, a.name
	return o
}

// Hunger Vital Sign answers and food insecurity risk (LOINC answers).
var (
	hvsAnswers = []answer{{"LOINC:LA28398-8", "Never true"}, {"LOINC:LA6729-3", "Sometimes true"}, {"LOINC:LA28397-0", "Often true"}}
	atRisk     = answer{"LOINC:LA19952-3", "At risk"}
	noRisk     = answer{"LOINC:LA19983-8", "No risk"}
)

// hungerVitalSign is the two-question food insecurity screen (an SDOH
// survey): a household is at risk when either statement is at least
// sometimes true.
func hungerVitalSign(r *rand.Rand) (obs, []obs) {
	item := func(code, name string) (obs, bool) {
		a := hvsAnswers[0]
		if roll := r.IntN(100); roll >= 92 {
			a = hvsAnswers[2]
		} else if roll >= 78 {
			a = hvsAnswers[1]
		}
		return coded(obs{code: code, name: name, typ: surveyType, category: "sdoh"}, a), a != hvsAnswers[0]
	}
	worried, w := item("88122-7", "Within the past 12 months we worried whether our food would run out before we got money to buy more")
	ranOut, o := item("88123-5", "Within the past 12 months the food we bought just didn't last and we didn't have money to get more")
	risk := obs{code: "88124-3", name: "Food insecurity risk [HVS]", typ: surveyType, category: "sdoh"}
	if w || o {
		risk = coded(risk, atRisk)
	} else {
		risk = coded(risk, noRisk)
	}
	return obs{code: "88121-9", name: "Hunger Vital Sign [HVS]", typ: surveyType, category: "sdoh"}, []obs{worried, ranOut, risk}
}

// sexualOrientation is the patient's answer (US Core Sexual Orientation
// value set: SNOMED CT, or a null flavor when not told).
func sexualOrientation(r *rand.Rand) obs {
	o := obs{code: "76690-7", name: "Sexual orientation", typ: socialType}
	switch roll := r.IntN(100); {
	case roll < 86:
		return coded(o, answer{"SNOMED-CT:20430005", "Heterosexual (finding)"})
	case roll < 90:
		return coded(o, answer{"SNOMED-CT:38628009", "Homosexual (finding)"})
	case roll < 94:
		return coded(o, answer{"SNOMED-CT:42035005", "Bisexual (finding)"})
	case roll < 98:
		return coded(o, answer{"NullFlavor:ASKU", "Asked but no answer"})
	}
	return coded(o, answer{"NullFlavor:UNK", "Unknown"})
}

// pregnancy is a woman's pregnancy status and, unless she is pregnant,
// her intention to become pregnant in the next year (One Key Question).
func pregnancy(r *rand.Rand) []obs {
	status := obs{code: "82810-3", name: "Pregnancy status", typ: socialType}
	switch roll := r.IntN(100); {
	case roll < 5:
		return []obs{coded(status, answer{"SNOMED-CT:77386006", "Pregnant"})}
	case roll < 8:
		status = coded(status, answer{"NullFlavor:UNK", "Unknown"})
	default:
		status = coded(status, answer{"SNOMED-CT:60001007", "Not pregnant"})
	}
	intent := obs{code: "86645-9", name: "Pregnancy intention in the next year - Reported", typ: socialType}
	switch roll := r.IntN(100); {
	case roll < 60:
		intent = coded(intent, answer{"SNOMED-CT:454391000124108", "No desire to become pregnant (finding)"})
	case roll < 75:
		intent = coded(intent, answer{"SNOMED-CT:454411000124108", "Wants to become pregnant (finding)"})
	case roll < 95:
		intent = coded(intent, answer{"SNOMED-CT:454381000124105", "Not sure of desire to become pregnant (finding)"})
	default:
		intent = coded(intent, answer{"NullFlavor:UNK", "Unknown"})
	}
	return []obs{status, intent}
}

// cognitiveStatus is the clinician's note of an older patient's cognition
// (an exam finding, US Core category cognitive-status).
func cognitiveStatus(r *rand.Rand) obs {
	return obs{code: "11332-4", name: "History of Cognitive Function Narrative", typ: "exam", category: "cognitive-status",
		value: pick(r, []string{
			"Alert and oriented x3; independent in finances and daily activities.",
			"Alert and oriented; mild short-term memory lapses reported by family, managing daily activities independently.",
			"Oriented to person and place; needs reminders for medications, family helps with finances.",
		})}
}

// physicalActivity is the exercise vital sign: days a week of moderate to
// strenuous exercise and minutes a day on those days (observation
// category activity).
func physicalActivity(r *rand.Rand) []obs {
	days, minutes := r.IntN(8), 0
	if days > 0 {
		minutes = 10 * (1 + r.IntN(9))
	}
	return []obs{
		{code: "89555-7", name: "How many days per week did you engage in moderate to strenuous physical activity in the last 30 days",
			typ: "activity", value: strconv.Itoa(days), unit: "d/wk"},
		{code: "68516-4", name: "On those days that you engage in moderate to strenuous exercise, how many minutes, on average, do you exercise",
			typ: "activity", value: strconv.Itoa(minutes), unit: "min/d"},
	}
}
