package restapi

import (
	"goemr/internal/emr"
	"goemr/internal/resource"
)

// input decodes and validates the body of a create or update of d. Any
// failure is a ValidationError naming every bad field; nothing is written.
func (c *Call) input(d *resource.Def, create bool) (resource.Input, error) {
	body, err := decodeBody(c.R)
	if err != nil {
		return nil, err
	}
	errs := resource.Errors{}
	in := resource.Decode(d, body, errs)
	if !create && len(in) == 0 && len(errs) == 0 {
		return nil, &ValidationError{Errors: "Invalid Data"}
	}
	if err := resource.Validate(c.Ctx(), d, in, create, c.Records(), errs); err != nil {
		return nil, err
	}
	if len(errs) > 0 {
		return nil, &ValidationError{Errors: errs}
	}
	return in, nil
}

// values are the column values a write stores: the validated input, the
// bound parent columns on create, and the acting user where d records it.
func (c *Call) values(d *resource.Def, in resource.Input, b *bound, create bool) map[string]any {
	v := make(map[string]any, len(in)+4)
	for k, x := range in {
		v[k] = x
	}
	if b != nil {
		for k, x := range b.values {
			v[k] = x
		}
	}
	for _, f := range d.Fields {
		if f.Auto == resource.AutoUser && (create || f.Name == "updated_by") && c.User != nil {
			v[f.Name] = c.UserID()
		}
	}
	return v
}

// present adds what a resource computes beyond its columns (addresses,
// expanded codes), for a whole page at once.
func (s *Server) present(c *Call, d *resource.Def, recs []emr.Record) error {
	if len(recs) == 0 {
		return nil
	}
	if p, ok := presenters[d.Name]; ok {
		if err := p(c, recs); err != nil {
			return err
		}
	}
	for _, f := range d.Fields {
		if f.Hidden {
			for _, r := range recs {
				delete(r, f.Name)
			}
		}
	}
	return nil
}

// Presenter adds computed fields to records of one resource.
type Presenter func(c *Call, recs []emr.Record) error

// presenters by resource name, registered by the files of special resources.
var presenters = map[string]Presenter{}
