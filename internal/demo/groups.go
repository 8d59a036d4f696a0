package demo

import (
	"goemr/internal/emr"
	"goemr/internal/resource"
)

// CohortName is the demo's stored group of patients (FHIR Group), the
// group a Bulk Data group-level export of the demo can name by its id,
// ID("patient_group", 1).
const CohortName = "Demo cohort"

// cohortMembers are the demo patients in the cohort.
var cohortMembers = []int{1, 2, 3, 4}

// loadCohort writes the demo cohort with the named patients among
// cohortMembers that exist, once: made, and its members added, a month
// before Anchor.
func (b *batch) loadCohort() error {
	at := Anchor.AddDate(0, -1, 0).Format("2006-01-02 15:04:05")
	_, err := b.ensure(resource.PatientGroup, "id", ID("patient_group", 1), func() map[string]any {
		return map[string]any{"name": CohortName, "active": "1", "created": at, "last_updated": at}
	}, func(id int64) error {
		uuids := make([]string, len(cohortMembers))
		for i, n := range cohortMembers {
			uuids[i] = ID("patient", n)
		}
		pats, err := b.w.List(b.ctx, patientLookup, emr.Query{Where: []emr.Cond{{Field: "uuid", Match: emr.In, Value: uuids}}})
		if err != nil {
			return err
		}
		for _, p := range pats {
			if err := b.add(resource.PatientGroupMember, map[string]any{"group_id": id, "pid": p.Str("pid"), "added": at}); err != nil {
				return err
			}
		}
		return nil
	})
	return err
}
