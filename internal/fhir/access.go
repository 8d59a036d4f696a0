package fhir

import (
	"mime"
	"net/http"
	"net/url"

	"goemr/internal/auth/scope"
	"goemr/internal/emr"
	"goemr/internal/fhirmap"
	"goemr/internal/resource"
)

// authorize authenticates the request and checks that its token may use
// perm on the call's type (SMART App Launch 2 "Scopes": patient/, user/,
// system/; v1 words are parsed into the same permissions). A token whose
// scopes reach the type only through patient/ is confined to the
// compartment of its patient (c.pid); a patient type outside every
// compartment (Practitioner, Organization) is readable as a whole.
func (s *Server) authorize(c *call, perm scope.Perm) error {
	if c.p == nil { // an entry of a Bundle has its Bundle's principal
		p, err := s.o.Auth.Authenticate(c.r.Context(), c.r, c.site)
		if err != nil {
			return err
		}
		c.p = p
	}
	p := c.p
	typ := c.m.Type
	var wide string
	switch p.Role {
	case emr.RoleUsers:
		wide = "user"
	case emr.RoleSystem:
		wide = "system"
	}
	if wide != "" && p.Scopes.Allows(wide, typ, perm) {
		c.scopeCtx = wide
		return nil
	}
	if p.PatientUUID == "" || !p.Scopes.Allows("patient", typ, perm) {
		return emr.Errorf(emr.EFORBIDDEN, "the token has no scope allowing %s on %s", perm, typ)
	}
	c.scopeCtx = "patient"
	return s.confine(c)
}

// confine binds the call to the compartment of the token's patient: every
// type in a patient compartment read for it (the searched type, included
// and provenance targets) is restricted to c.pid.
func (s *Server) confine(c *call) error {
	c.puuid = c.p.PatientUUID
	pid, err := s.pidOf(c, c.puuid)
	if err != nil {
		return err
	}
	c.pid = pid
	return nil
}

// pidOf finds the pid of the patient a token is bound to; a patient that
// no longer exists leaves the token nothing to see.
func (s *Server) pidOf(c *call, uuid string) (string, error) {
	if pid, ok := s.pids.Load(uuid); ok {
		return pid.(string), nil
	}
	v, ok, err := s.o.Records.Resolve(c.r.Context(), resource.PatientByUUID, uuid, nil)
	if err != nil {
		return "", err
	}
	if !ok {
		return "", emr.Errorf(emr.EFORBIDDEN, "the token's patient no longer exists")
	}
	pid := v.(string)
	s.pids.Store(uuid, pid)
	return pid, nil
}

// compartmentOf is the condition confining reads of m to the token's
// patient; none for types outside patient compartments.
func (c *call) compartmentOf(m *fhirmap.Mapping) []emr.Cond {
	if c.pid == "" || m.Patient == "" {
		return nil
	}
	return []emr.Cond{emr.Eq(m.Patient, c.pid)}
}

// allows reports whether the call's token may use perm on typ, in the
// reach it was authorized with: used for the types a search pulls in
// (_include, _revinclude), which are left out rather than failing the
// search when it may not.
func (c *call) allows(typ string, perm scope.Perm) bool {
	return c.p.Scopes.Allows(c.scopeCtx, typ, perm)
}

// maxSearchBody bounds a POST _search body.
const maxSearchBody = 64 << 10

// postedSearch reads the parameters of POST [type]/_search: the form body
// and the query string together (R4 §3.1.1.2).
func postedSearch(r *http.Request) (url.Values, error) {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "application/x-www-form-urlencoded" {
		return nil, fail(http.StatusUnsupportedMediaType, "not-supported", "POST _search takes an application/x-www-form-urlencoded body")
	}
	r.Body = http.MaxBytesReader(nil, r.Body, maxSearchBody)
	if err := r.ParseForm(); err != nil {
		return nil, emr.Errorf(emr.EINVALID, "the search form cannot be read: %v", err)
	}
	return r.Form, nil
}
