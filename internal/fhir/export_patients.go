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
	var ids []string
	for _, ref := range refs {
		id := strings.TrimPrefix(ref, "Patient/")
		if !validID.MatchString(id) {
			return nil, emr.Errorf(emr.EINVALID, "patient %q is not a Patient reference", ref)
		}
		if _, ok, err := s.o.Records.Resolve(c.r.Context(), resource.PatientByUUID, id, nil); err != nil {
			return nil, err
		} else if !ok {
			return nil, emr.Errorf(emr.EINVALID, "patient %q is not known", ref)
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// exportGroupExists makes an unknown Group a 404, not an empty export.
func (s *Server) exportGroupExists(c *call, id string) error {
	g := s.mappings["Group"]
	if g == nil || !validID.MatchString(id) {
		return emr.Errorf(emr.ENOTFOUND, "Group/%s is not known", id)
	}
	n, err := s.o.Records.Count(c.r.Context(), g.Def, append(append([]emr.Cond(nil), g.Where...), g.ByID(id)...)...)
	if err != nil {
		return err
	}
	if n == 0 {
		return emr.Errorf(emr.ENOTFOUND, "Group/%s is not known", id)
	}
	return nil
}
