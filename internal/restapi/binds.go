package restapi

import (
	"strings"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

// bound is what a route's path parameters mean for its resource: the
// conditions every read and write of the call is limited to, and the
// column values a create stores.
type bound struct {
	where  []emr.Cond
	values map[string]any
}

// bind resolves the path parameters of c against d's binds: a patient uuid
// becomes the patient's pid, an encounter number must belong to that
// patient. A parameter that names nothing is a 404 naming it; a malformed
// one a 400. On portal routes the patient comes from the token, never the
// path.
func bind(c *Call, d *resource.Def) (*bound, error) {
	b := &bound{values: map[string]any{}}
	var prev any
	for _, bd := range d.Binds {
		raw, ok := c.Params[bd.Param]
		if c.Route.Portal() && bd.Table == "patient_data" {
			col := bd.Column // pid, or pc_pid on appointments
			raw, ok, bd = c.P.PatientUUID, true, resource.PatientByUUID
			bd.Column = col
		}
		if !ok {
			continue // a global route (/api/allergy) binds nothing
		}
		if err := checkParam(bd.Param, raw); err != nil {
			return nil, err
		}
		v, found, err := c.Records().Resolve(c.Ctx(), bd, raw, prev)
		if err != nil {
			return nil, err
		}
		if !found {
			return nil, &emr.Error{Code: emr.ENOTFOUND, Field: bd.Param, Message: "value " + raw}
		}
		b.where = append(b.where, emr.Eq(bd.Column, v))
		b.values[bd.Column] = v
		prev = v
	}
	return b, nil
}

// itemCond is the condition selecting the route's item: the last path
// parameter against d.Key, when the route addresses one item.
func itemCond(c *Call, d *resource.Def) (emr.Cond, bool, error) {
	segs := c.Route.Segments()
	last := segs[len(segs)-1]
	if !strings.HasPrefix(last, ":") {
		return emr.Cond{}, false, nil
	}
	name := last[1:]
	v := c.Params[name]
	if err := checkParam(name, v); err != nil {
		return emr.Cond{}, false, err
	}
	return emr.Eq(d.Key, v), true, nil
}

// checkParam rejects a malformed id before it reaches the database: uuid
// parameters must be UUIDs, the others whole numbers.
func checkParam(name, v string) error {
	if strings.Contains(strings.ToLower(name), "uuid") {
		if !isUUID(v) {
			return invalid(name, "Uuid::INVALID_VALUE", "invalid or nonexisting value "+v)
		}
		return nil
	}
	switch name {
	case "list_name", "name":
		return nil
	}
	for i := 0; i < len(v); i++ {
		if v[i] < '0' || v[i] > '9' {
			return invalid(name, "Numeric::NOT_NUMERIC", name+" must be numeric")
		}
	}
	if len(v) == 0 || len(v) > 18 {
		return invalid(name, "Numeric::NOT_NUMERIC", name+" must be numeric")
	}
	return nil
}

// isUUID reports whether s is a UUID in the 8-4-4-4-12 hex form.
func isUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < 36; i++ {
		c := s[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
				return false
			}
		}
	}
	return true
}
