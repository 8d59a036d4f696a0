package ccda

import (
	"goemr/internal/fhir/r4"
)

// Reason for Referral Section (V2), C-CDA R2.1 Vol 2 §3.94: narrative
// only (its Patient Referral Act entry is optional).
var referralSection = sectionInfo{
	templates: []tid{{"1.3.6.1.4.1.19376.1.5.3.1.3.1", "2014-06-09"}},
	code:      "42349-1", display: "Reason for referral (narrative)", title: "Reason for Referral",
}

// reasonForReferral narrates the patient's referrals: ServiceRequests
// that are referrals (SNOMED CT 3457005), why, to whom and when.
func (b *builder) reasonForReferral() *node {
	t := newTable("Referral", "Reason", "Referred to", "Date", "Status")
	for _, sr := range each[*r4.ServiceRequest](b) {
		when := firstOf(deref(sr.AuthoredOn), deref(sr.OccurrenceDateTime), periodStart(sr.OccurrencePeriod))
		if !isReferral(sr) || deref(sr.Status) == "entered-in-error" || !b.inRange(when) {
			continue
		}
		var reasons, to []string
		for i := range sr.ReasonCode {
			reasons = append(reasons, conceptText(&sr.ReasonCode[i]))
		}
		for i := range sr.Performer {
			to = append(to, b.whoText(&sr.Performer[i]))
		}
		t.row("", firstOf(conceptText(sr.Code), "Referral"), join(reasons), join(to), display(when), deref(sr.Status))
	}
	return b.section(referralSection, t.text())
}
