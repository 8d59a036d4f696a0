package restapi

import (
	"net/http"
	"strconv"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

// listHandler serves a collection: the bound parent, the resource's search
// filters and paging.
func listHandler(c *Call) error {
	d := c.Route.Def
	b, err := bind(c, d)
	if err != nil {
		return err
	}
	q, err := listQuery(c, d, b.where)
	if err != nil {
		return err
	}
	return c.listPage(d, q)
}

// listPage answers one page of d's records matching q, with links.
func (c *Call) listPage(d *resource.Def, q emr.Query) error {
	page, err := c.s.page(c)
	if err != nil {
		return err
	}
	q.Limit, q.Offset = page.limit+1, page.offset
	recs, err := c.Records().List(c.Ctx(), d, q)
	if err != nil {
		return err
	}
	more := len(recs) > page.limit
	if more {
		recs = recs[:page.limit]
	}
	if err := c.s.present(c, d, recs); err != nil {
		return err
	}
	return c.replyPage(page, recs, more)
}

// readHandler serves one item.
func readHandler(c *Call) error {
	d := c.Route.Def
	rec, err := c.getItem(d)
	if err != nil {
		return err
	}
	if err := c.s.present(c, d, []emr.Record{rec}); err != nil {
		return err
	}
	if c.Route.AsList {
		return c.Reply(http.StatusOK, []emr.Record{rec})
	}
	return c.Reply(http.StatusOK, rec)
}

// getItem reads the route's item within its bound parent.
func (c *Call) getItem(d *resource.Def) (emr.Record, error) {
	_, where, _, err := c.item(d)
	if err != nil {
		return nil, err
	}
	rec, err := c.Records().Get(c.Ctx(), d, where...)
	if emr.IsNotFound(err) {
		return nil, notFoundParam(c, d)
	}
	return rec, err
}

// item binds the route's path and selects its item: the bound parent, the
// conditions naming the one record (parent columns and d.Key) and the
// record's key as the path gave it.
func (c *Call) item(d *resource.Def) (b *bound, where []emr.Cond, key any, err error) {
	if b, err = bind(c, d); err != nil {
		return nil, nil, nil, err
	}
	cond, _, err := itemCond(c, d)
	if err != nil {
		return nil, nil, nil, err
	}
	where = append(append(make([]emr.Cond, 0, len(b.where)+1), b.where...), cond)
	return b, where, cond.Value, nil
}

// notFoundParam is the 404 naming the route's item parameter.
func notFoundParam(c *Call, d *resource.Def) error {
	ps := c.Route.Params()
	if len(ps) == 0 {
		return emr.Errorf(emr.ENOTFOUND, "%s not found", d.Name)
	}
	name := ps[len(ps)-1]
	return &emr.Error{Code: emr.ENOTFOUND, Field: name, Message: "value " + c.Params[name]}
}

// createHandler validates the body, stores the record and answers 201.
func createHandler(c *Call) error {
	_, b, values, err := c.createValues(c.Route.Def)
	if err != nil {
		return err
	}
	return c.insert(c.Route.Def, values, b)
}

// createValues binds the path of a create (an unknown parent is a 400, as
// OpenEMR's validators report it), validates the body and returns the
// column values to store.
func (c *Call) createValues(d *resource.Def) (resource.Input, *bound, map[string]any, error) {
	b, err := bind(c, d)
	if err != nil {
		if emr.IsNotFound(err) {
			return nil, nil, nil, asValidation(err)
		}
		return nil, nil, nil, err
	}
	in, err := c.input(d, true)
	if err != nil {
		return nil, nil, nil, err
	}
	return in, b, c.values(d, in, b, true), nil
}

// insert stores one record of d and answers 201 with d's Created reply.
// checks run first in the same transaction (e.g. a conflicting policy).
func (c *Call) insert(d *resource.Def, values map[string]any, b *bound, checks ...func(resource.Writer) error) error {
	var rec emr.Record
	err := c.Records().Write(c.Ctx(), func(w resource.Writer) error {
		for _, check := range checks {
			if err := check(w); err != nil {
				return err
			}
		}
		var err error
		rec, err = w.Insert(c.Ctx(), d, values)
		return err
	})
	if err != nil {
		return err
	}
	return c.replyWrite(d, d.Created, http.StatusCreated, rec, b)
}

// updateHandler applies a partial update and answers 200.
func updateHandler(c *Call) error {
	d := c.Route.Def
	b, where, key, err := c.item(d)
	if err != nil {
		return err
	}
	in, err := c.input(d, false)
	if err != nil {
		return err
	}
	values := c.values(d, in, nil, false)
	var n int64
	err = c.Records().Write(c.Ctx(), func(w resource.Writer) error {
		n, err = w.Update(c.Ctx(), d, values, where...)
		return err
	})
	if err != nil {
		return err
	}
	if n == 0 {
		return notFoundParam(c, d)
	}
	return c.replyWrite(d, d.Updated, http.StatusOK, emr.Record{d.Key: key}, b)
}

// deleteHandler removes the item and answers 200.
func deleteHandler(c *Call) error {
	d := c.Route.Def
	b, where, key, err := c.item(d)
	if err != nil {
		return err
	}
	var n int64
	err = c.Records().Write(c.Ctx(), func(w resource.Writer) error {
		n, err = w.Delete(c.Ctx(), d, where...)
		return err
	})
	if err != nil {
		return err
	}
	if n == 0 {
		return notFoundParam(c, d)
	}
	return c.replyWrite(d, d.Deleted, http.StatusOK, emr.Record{d.Key: key}, b)
}

// replyWrite answers a write with the reply d declares: the stored record
// read back, some of its keys, or a fixed value.
func (c *Call) replyWrite(d *resource.Def, r resource.Reply, status int, rec emr.Record, b *bound) error {
	switch {
	case r.Full:
		full, err := c.Records().Get(c.Ctx(), d, append(b.where, emr.Eq(d.Key, rec[d.Key]))...)
		if err != nil {
			return err
		}
		if err := c.s.present(c, d, []emr.Record{full}); err != nil {
			return err
		}
		return c.Reply(status, full)
	case r.Keys != nil:
		out := make(map[string]any, len(r.Keys))
		for _, k := range r.Keys {
			out[k.To] = keyValue(rec[k.From], k.Int)
		}
		return c.Reply(status, out)
	}
	return c.Reply(status, r.Literal)
}

func keyValue(v any, asInt bool) any {
	s, isStr := v.(string)
	if asInt && isStr {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return n
		}
	}
	if !asInt && !isStr && v != nil {
		switch n := v.(type) {
		case int64:
			return strconv.FormatInt(n, 10)
		}
	}
	return v
}

// asValidation turns a bind's 404 on a create into the 400 OpenEMR gives
// for an unknown parent ("patient uuid must exist").
func asValidation(err error) error {
	var e *emr.Error
	if ee, ok := err.(*emr.Error); ok {
		e = ee
	}
	if e == nil || e.Field == "" {
		return err
	}
	return &ValidationError{Errors: map[string]map[string]string{e.Field: {"invalid or nonexisting value": e.Message}}}
}
