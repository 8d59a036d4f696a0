package fhirmap

import (
	"strings"

	"goemr/internal/fhir/r4"
)

// reportFromFHIR maps a US Core DiagnosticReport for Laboratory Results
// Reporting
// (https://hl7.org/fhir/us/core/STU6.1/StructureDefinition-us-core-diagnosticreport-lab.html)
// onto a procedure_report, its ordered test (procedure_order_code) and
// order, the inverse of reportToFHIR: patient and encounter, the panel's
// LOINC code and name, status, effective (collection) and issued times,
// conclusion, the lab performing it, and its results (procedure_result
// rows the report is to hold, by uuid, comma separated).
func reportFromFHIR(res r4.Resource, w *WriteContext) (map[string]any, error) {
	d, ok := res.(*r4.DiagnosticReport)
	if !ok {
		return nil, invalid("resourceType", "a DiagnosticReport is expected")
	}
	if d.Subject == nil {
		return nil, invalid("DiagnosticReport.subject", "is required (US Core)")
	}
	pid, err := w.reference("DiagnosticReport.subject", d.Subject, "Patient", "pid")
	if err != nil || pid == "" {
		return nil, orInvalid(err, "DiagnosticReport.subject", "must be a literal reference Patient/{id}")
	}
	v := map[string]any{"pid": pid, "report_notes": strings.TrimSpace(deref(d.Conclusion))}
	if v["encounter"], err = w.reference("DiagnosticReport.encounter", d.Encounter, "Encounter", "encounter"); err != nil {
		return nil, err
	}
	lab := false
	for i := range d.Category {
		lab = lab || conceptCode(&d.Category[i], systemDiagnosticSection) == "LAB"
	}
	switch {
	case !lab:
		return nil, invalid("DiagnosticReport.category", "only laboratory reports (LAB) can be stored")
	case d.Code == nil:
		return nil, invalid("DiagnosticReport.code", "is required")
	case len(d.PresentedForm) > 0:
		return nil, invalid("DiagnosticReport.presentedForm", "a report's document is written as a DocumentReference")
	case len(d.ConclusionCode) > 0:
		return nil, invalid("DiagnosticReport.conclusionCode", "OpenEMR keeps a conclusion as text only")
	}
	code := conceptCode(d.Code, systemLOINC)
	if code == "" && len(d.Code.Coding) > 0 {
		return nil, invalid("DiagnosticReport.code", "a laboratory report is coded in LOINC (%s)", systemLOINC)
	}
	name := conceptText(d.Code)
	if name == code {
		name = ""
	}
	v["procedure_code"], v["procedure_name"] = code, name
	status, ok := reportStatusCodes[deref(d.Status)]
	if !ok {
		return nil, invalid("DiagnosticReport.status", "%q is not a diagnostic report status", deref(d.Status))
	}
	v["report_status"] = status
	effective := d.EffectiveDateTime
	if p := d.EffectivePeriod; p != nil {
		if p.Start == nil || p.End != nil && *p.End != *p.Start {
			return nil, invalid("DiagnosticReport.effectivePeriod", "only a time can be stored, not a period")
		}
		effective = p.Start
	}
	if v["date_collected"], err = timeFrom("DiagnosticReport.effective[x]", effective); err != nil {
		return nil, err
	}
	if v["date_report"], err = timeFrom("DiagnosticReport.issued", d.Issued); err != nil {
		return nil, err
	}
	if v["lab_uuid"], err = reportLab(d.Performer); err != nil {
		return nil, err
	}
	var results []string
	for i := range d.Result {
		source, err := w.reference("DiagnosticReport.result", &d.Result[i], "Observation", "source")
		if err != nil {
			return nil, err
		}
		if source != "procedure_result" {
			return nil, invalid("DiagnosticReport.result", "%s is not a laboratory result", deref(d.Result[i].Reference))
		}
		results = append(results, refID(deref(d.Result[i].Reference)))
	}
	v["results"] = strings.Join(results, ",")
	return v, nil
}

// reportStatusCodes are OpenEMR's report statuses (list proc_rep_status)
// of the DiagnosticReport statuses; reportStatuses reads them back.
var reportStatusCodes = map[string]string{
	"registered": "registered", "partial": "partial", "preliminary": "prelim", "final": "final",
	"amended": "amended", "corrected": "correct", "appended": "appended", "cancelled": "cancel",
	"entered-in-error": "error", "unknown": "",
}

// reportLab is the uuid of the lab (procedure_providers) a report's
// performers name as Organization/{uuid}, "" when none does. OpenEMR
// records who performed a report only as its order's lab.
func reportLab(performers []r4.Reference) (string, error) {
	lab := ""
	for _, p := range performers {
		ref := deref(p.Reference)
		switch {
		case ref == "":
			continue // a display only names it
		case !strings.HasPrefix(ref, "Organization/") && !strings.Contains(ref, "/Organization/"):
			return "", invalid("DiagnosticReport.performer", "only the lab (an Organization) performing a report can be stored, not %s", ref)
		case lab != "" && refID(ref) != lab:
			return "", invalid("DiagnosticReport.performer", "OpenEMR keeps one lab per report")
		}
		lab = refID(ref)
	}
	return lab, nil
}

// refID is the id at the end of a literal reference.
func refID(ref string) string {
	return ref[strings.LastIndexByte(ref, '/')+1:]
}

// orInvalid is err, or else the 400 about path.
func orInvalid(err error, path, msg string) error {
	if err != nil {
		return err
	}
	return invalid(path, "%s", msg)
}
