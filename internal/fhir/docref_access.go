package fhir

import (
	"strings"

	"goemr/internal/auth/scope"
	"goemr/internal/emr"
	"goemr/internal/resource"
)

// authorizeDocref lets in a token with the $docref operation scope
// (<ctx>/DocumentReference.$docref, as OpenEMR's route requires) or a
// DocumentReference read scope, in the user, system or patient context;
// operation reports the former. A patient token is confined to its
// patient.
func (s *Server) authorizeDocref(c *call) (operation bool, err error) {
	p, err := s.o.Auth.Authenticate(c.r.Context(), c.r, c.site)
	if err != nil {
		return false, err
	}
	c.p = p
	contexts := []string{}
	switch p.Role {
	case emr.RoleUsers:
		contexts = append(contexts, "user")
	case emr.RoleSystem:
		contexts = append(contexts, "system")
	}
	if p.PatientUUID != "" {
		contexts = append(contexts, "patient")
	}
	for _, ctx := range contexts {
		op := p.Scopes.AllowsOperation(ctx, c.m.Type, "$docref")
		if !op && !p.Scopes.Allows(ctx, c.m.Type, scope.R) {
			continue
		}
		c.scopeCtx = ctx
		if ctx == "patient" {
			return op, s.confine(c)
		}
		return op, nil
	}
	return false, emr.Errorf(emr.EFORBIDDEN, "the token has no scope allowing $docref (DocumentReference.$docref or DocumentReference read)")
}

// docrefPatient resolves the patient asked for to its pid: "" for an
// unknown patient, whose Bundle is empty (OperationDefinition-docref:
// "if there is no match, an empty Bundle"). A patient token asks for its
// own patient, given or not, and for no other (403).
func (s *Server) docrefPatient(c *call, p *docrefParams) (string, error) {
	id := strings.ToLower(p.patient)
	if c.scopeCtx == "patient" {
		if id != "" && id != strings.ToLower(c.puuid) {
			return "", emr.Errorf(emr.EFORBIDDEN, "a patient's token may ask only for that patient's documents")
		}
		return c.pid, nil
	}
	if id == "" {
		return "", emr.Errorf(emr.EINVALID, "$docref needs the patient parameter")
	}
	if !uuidLike.MatchString(id) {
		return "", nil
	}
	v, ok, err := s.o.Records.Resolve(c.r.Context(), resource.PatientByUUID, id, nil)
	if err != nil || !ok {
		return "", err
	}
	return v.(string), nil
}
