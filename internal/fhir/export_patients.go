package fhir

import (
	"strings"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

// exportPatients checks the "patient" parameter (Bulk Data 2.0: Patient
// and Group levels only): each must name a patient that exists. The job
// keeps their ids; a Group export keeps only those in the group.
func (s *Server) exportPatients(c *call, level string, refs []string) ([]string, error) {
	if len(refs) == 0 {
		return nil, nil
	}
	if level == emr.ExportSystem {
		return nil, emr.Errorf(emr.EINVALID, "the patient parameter is for Patient and Group exports, not for [base]/$export")
	}
	ids := make([]string, len(refs))
	for i, ref := range refs {
		ids[i] = strings.TrimPrefix(ref, "Patient/")
		if !validID.MatchString(ids[i]) {
			return nil, emr.Errorf(emr.EINVALID, "patient %q is not a Patient reference", ref)
		}
	}
	_, unknown, err := resource.ResolvePatients(c.r.Context(), s.o.Records, ids, false)
	if err != nil {
		return nil, err
	}
	if len(unknown) > 0 {
		return nil, emr.Errorf(emr.EINVALID, "patient %s is not known", strings.Join(unknown, ", "))
	}
	return ids, nil
}

// exportGroupExists makes an unknown Group a 404, not an empty export.
func (s *Server) exportGroupExists(c *call, id string) error {
	if !validID.MatchString(id) {
		return emr.Errorf(emr.ENOTFOUND, "Group/%s is not known", id)
	}
	_, found, err := resource.FindGroup(c.r.Context(), s.o.Records, id)
	if err == nil && !found {
		err = emr.Errorf(emr.ENOTFOUND, "Group/%s is not known", id)
	}
	return err
}
