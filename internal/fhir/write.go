package fhir

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"goemr/internal/auth/scope"
	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/fhirmap"
	"goemr/internal/resource"
)

// create answers POST [type] (R4 http.html#create): the resource is
// validated, mapped into the type's table like a Standard API write, and
// answered 201 with its new id, version, Location and ETag.
func (s *Server) create(c *call) error {
	if c.m.FromFHIR == nil {
		return methodNotAllowed(c, "GET")
	}
	if err := s.authorize(c, scope.C); err != nil {
		return err
	}
	res, err := readResource(c)
	if err != nil {
		return err
	}
	var id string
	err = s.o.Records.Write(c.r.Context(), func(w resource.Writer) error {
		id, err = s.apply(c, w, res, "", 0)
		return err
	})
	if err != nil {
		return err
	}
	return s.writeBack(c, id, http.StatusCreated)
}

// update answers PUT [type]/[id] (R4 http.html#update): the whole resource
// is replaced. With If-Match the update happens only at that version;
// otherwise 412 Precondition Failed, and nothing changes.
func (s *Server) update(c *call, id string) error {
	if c.m.FromFHIR == nil {
		return methodNotAllowed(c, "GET")
	}
	if err := s.authorize(c, scope.U); err != nil {
		return err
	}
	if uuidLike.MatchString(id) {
		id = strings.ToLower(id)
	}
	want, err := ifMatch(c.r)
	if err != nil {
		return err
	}
	res, err := readResource(c)
	if err != nil {
		return err
	}
	if got := resourceID(res); got != id {
		return fail(http.StatusBadRequest, "invalid", "the body's id (%q) must be the id in the URL (%q)", got, id)
	}
	err = s.o.Records.Write(c.r.Context(), func(w resource.Writer) error {
		_, err := s.apply(c, w, res, id, want)
		return err
	})
	if err != nil {
		return err
	}
	return s.writeBack(c, id, http.StatusOK)
}

// apply carries out one create (id "") or update of res, of the call's
// type, inside the transaction w: a single interaction, or one entry of
// a batch or transaction Bundle. References resolve through w, so an
// entry sees what earlier entries of its transaction wrote. want is the
// If-Match version of an update, 0 for none. It returns the FHIR id.
func (s *Server) apply(c *call, w resource.Writer, res r4.Resource, id string, want int64) (string, error) {
	ctx := c.r.Context()
	values, err := s.writeValues(c, w, res, id == "")
	if err != nil {
		return "", err
	}
	if id == "" {
		if c.m.Store != nil {
			id, err = c.m.Store(ctx, w, values, nil)
		} else {
			var rec emr.Record
			rec, err = w.Insert(ctx, c.m.Writes(), values)
			id = rec.Str(c.m.ID)
		}
		if err != nil {
			return "", err
		}
		return id, s.createdWithin(c, w, id)
	}
	limits, err := s.limits(c, c.m, scope.U)
	if err != nil {
		return "", err
	}
	recs, err := w.List(ctx, c.m.Def, emr.Query{Where: append(limits, c.m.ByID(id)...), Limit: 1})
	if err != nil {
		return "", err
	}
	if len(recs) == 0 {
		return "", emr.Errorf(emr.ENOTFOUND, "%s/%s is not known (goemr does not create resources by update)", c.m.Type, id)
	}
	if c.m.Store != nil {
		_, err = c.m.Store(ctx, w, values, recs[0])
	} else {
		_, err = w.Update(ctx, c.m.Writes(), values, emr.Eq(c.m.ID, id))
	}
	if err != nil || want == 0 {
		return id, err
	}
	// The update took the row's lock and moved its counter: it is at
	// want+1 only if nothing changed it since the client read want.
	got, err := rowVersion(ctx, w, c.m, recs[0])
	if err != nil {
		return "", err
	}
	if got != want+1 {
		return "", fail(http.StatusPreconditionFailed, "conflict", "%s/%s is at version %d, not %d: read it again", c.m.Type, id, got-1, want)
	}
	return id, nil
}

// createdWithin refuses a create the token's granular scope does not
// cover (SMART App Launch 2 scopes.html#finer-grained-resource-
// constraints-using-search-parameters): with patient/Observation.c?
// category=…|laboratory a vital sign cannot be created. The new record
// must be one the scope's search finds; if not, the error rolls the
// transaction back. Tokens without such limits skip the extra read.
func (s *Server) createdWithin(c *call, w resource.Writer, id string) error {
	if c.p.Scopes.Constraints(c.scopeCtx, c.m.Type, scope.C) == nil {
		return nil
	}
	limits, err := s.limits(c, c.m, scope.C)
	if err != nil {
		return err
	}
	n, err := w.Count(c.r.Context(), c.m.Def, append(limits, c.m.ByID(id)...)...)
	if err != nil {
		return err
	}
	if n == 0 {
		return emr.Errorf(emr.EFORBIDDEN, "the token's %s scope does not cover the %s written (granular scope)", c.m.Type, c.m.Type)
	}
	return nil
}

// rowVersion reads the version counter of rec's row inside the write.
func rowVersion(ctx context.Context, w resource.Writer, m *fhirmap.Mapping, rec emr.Record) (int64, error) {
	for _, ref := range m.Refs {
		if ref.Name != "version" {
			continue
		}
		rows, err := w.List(ctx, ref.Def, emr.Query{Where: []emr.Cond{emr.Eq(ref.By, rec.Str(ref.Field))}})
		if err != nil || len(rows) == 0 {
			return 1, err
		}
		return strconv.ParseInt(rows[0].Str(ref.Take), 10, 64)
	}
	return 0, fail(http.StatusPreconditionFailed, "not-supported", "%s keeps no versions: If-Match cannot be honoured", m.Type)
}

// writeValues checks and maps a resource to be written, reading what it
// refers to through r.
func (s *Server) writeValues(c *call, r resource.Reader, res r4.Resource, create bool) (map[string]any, error) {
	ctx := c.r.Context()
	values, err := c.m.FromFHIR(res, &fhirmap.WriteContext{Resolve: func(typ, rid, key string) (string, bool, error) {
		return s.resolve(ctx, c, r, typ, rid, key)
	}})
	if err != nil {
		return nil, err
	}
	if err := s.confineWrite(c, values); err != nil {
		return nil, err
	}
	return values, s.validate(c, r, values, create)
}

// confineWrite keeps a patient-confined token within its compartment: it
// may write only records of its own patient, and never a Patient.
func (s *Server) confineWrite(c *call, values map[string]any) error {
	if c.pid == "" {
		return nil
	}
	if c.m.Type == "Patient" || c.m.Patient == "" || values[c.m.Patient] != c.pid {
		return emr.Errorf(emr.EFORBIDDEN, "a patient's token may write only its own patient's records")
	}
	return nil
}

// resolve finds the key field of the typ/id record the caller can see.
func (s *Server) resolve(ctx context.Context, c *call, r resource.Reader, typ, id, key string) (string, bool, error) {
	m := s.mappings[typ]
	if m == nil || !validID.MatchString(id) {
		return "", false, nil
	}
	where := append(append([]emr.Cond(nil), m.Where...), c.compartmentOf(m)...)
	recs, err := r.List(ctx, m.Def, emr.Query{Where: append(where, m.ByID(id)...), Limit: 1})
	if err != nil {
		return "", false, err
	}
	if len(recs) == 0 && c.pid != "" && typ == "Patient" {
		// Another patient (or none) is outside a patient token's
		// compartment: forbidden, whether or not it exists.
		return "", false, emr.Errorf(emr.EFORBIDDEN, "a patient's token may write only its own patient's records")
	}
	if len(recs) == 0 {
		return "", false, nil
	}
	return recs[0].Str(key), true, nil
}

// writeBack answers a write with the stored resource as a read returns
// it, with Location and ETag (R4 http.html#create).
func (s *Server) writeBack(c *call, id string, status int) error {
	recs, err := s.o.Records.List(c.r.Context(), c.m.Def, emr.Query{Where: append(append([]emr.Cond(nil), c.m.Where...), c.m.ByID(id)...), Limit: 1, Detail: true})
	if err != nil {
		return err
	}
	if len(recs) == 0 {
		return emr.Errorf(emr.EINTERNAL, "%s/%s vanished after its write", c.m.Type, id)
	}
	mc, err := s.mapContext(c, c.m, recs)
	if err != nil {
		return err
	}
	h := c.w.Header()
	loc := c.base + "/" + c.m.Type + "/" + id
	if v := c.m.VersionOf(recs[0], mc); v != "" {
		h.Set("ETag", `W/"`+v+`"`)
		loc += "/_history/" + v
	}
	h.Set("Location", loc)
	if t := lastUpdated(c.m, recs[0]); !t.IsZero() {
		h.Set("Last-Modified", t.Format(http.TimeFormat))
	}
	writeResource(c.w, status, c.m.ToFHIR(recs[0], mc))
	return nil
}
