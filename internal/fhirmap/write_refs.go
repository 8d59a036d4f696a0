package fhirmap

import "goemr/internal/fhir/r4"

// encounterFrom resolves a record's encounter reference to its encounter
// number ("" for none). The encounter must be the patient's own (pid): a
// record of one patient filed under another's visit would show in the
// wrong chart.
func encounterFrom(path string, ref *r4.Reference, w *WriteContext, pid string) (string, error) {
	enc, err := w.reference(path, ref, "Encounter", "encounter")
	if err != nil || enc == "" {
		return enc, err
	}
	owner, err := w.reference(path, ref, "Encounter", "pid")
	if err != nil {
		return "", err
	}
	if owner != pid {
		return "", invalid(path, "%s is another patient's encounter", *ref.Reference)
	}
	return enc, nil
}
