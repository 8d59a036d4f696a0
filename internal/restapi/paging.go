package restapi

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

type page struct {
	limit, offset int
}

// page reads _limit (or its alias _maxresults) and _offset. OpenEMR pages
// only /api/patient; goemr pages every list the same way, with MaxPage as
// both default and cap so no list is ever unbounded.
func (s *Server) page(c *Call) (page, error) {
	q := c.R.URL.Query()
	p := page{limit: s.o.MaxPage}
	raw := q.Get("_limit")
	if raw == "" {
		raw = q.Get("_maxresults")
	}
	if raw != "" {
		n, err := strconv.Atoi(raw)
		if err != nil || n < 0 {
			return p, invalid("_limit", "Numeric::NOT_NUMERIC", "_limit must be a whole number")
		}
		if n > 0 && n < s.o.MaxPage {
			p.limit = n
		}
	}
	if raw := q.Get("_offset"); raw != "" {
		n, err := strconv.Atoi(raw)
		if err != nil || n < 0 {
			return p, invalid("_offset", "Numeric::NOT_NUMERIC", "_offset must be a whole number")
		}
		p.offset = n
	}
	return p, nil
}

// listQuery turns the query string into conditions on d's search fields
// and sort keys from _sort ("a,-b"); unknown names are ignored, as OpenEMR
// ignores them.
func listQuery(c *Call, d *resource.Def, where []emr.Cond) (emr.Query, error) {
	q := emr.Query{Where: where}
	params := c.R.URL.Query()
	for _, f := range d.Fields {
		if !f.Filter {
			continue
		}
		if v, ok := params[f.Name]; ok && len(v) > 0 && v[0] != "" {
			q.Where = append(q.Where, emr.Cond{Field: f.Name, Match: f.Match, Value: v[0]})
		}
	}
	for _, k := range strings.Split(params.Get("_sort"), ",") {
		name, desc := strings.CutPrefix(strings.TrimSpace(k), "-")
		if f := d.Field(name); f != nil && f.Sort {
			q.Sort = append(q.Sort, emr.SortKey{Field: name, Desc: desc})
		}
	}
	return q, nil
}

// replyPage answers a list. Enveloped routes carry OpenEMR's links (first,
// previous, next), raw ones an RFC 8288 Link header with the same URLs.
func (c *Call) replyPage(p page, recs []emr.Record, more bool) error {
	data := any(recs)
	if recs == nil {
		data = emptyList
	}
	links := c.pageLinks(p, more)
	if c.Route.Style == resource.Envelope {
		env := newEnvelope(data)
		env.Links = links
		writeJSON(c.W, http.StatusOK, env)
		return nil
	}
	if more || p.offset > 0 {
		var hs []string
		for _, rel := range []string{"first", "previous", "next"} {
			if u, ok := links[rel]; ok {
				hs = append(hs, "<"+u+`>; rel="`+rel+`"`)
			}
		}
		c.W.Header().Set("Link", strings.Join(hs, ", "))
	}
	writeJSON(c.W, http.StatusOK, data)
	return nil
}

// pageLinks are OpenEMR's list links for page p: first always, previous
// past the first page, next when more rows follow.
func (c *Call) pageLinks(p page, more bool) map[string]string {
	links := map[string]string{"first": c.pageURL(0, p.limit)}
	if p.offset > 0 {
		links["previous"] = c.pageURL(max(0, p.offset-p.limit), p.limit)
	}
	if more {
		links["next"] = c.pageURL(p.offset+p.limit, p.limit)
	}
	return links
}

// pageURL is this request's URL for another page: the site address, the
// path and the query without paging, then _offset and _limit.
func (c *Call) pageURL(offset, limit int) string {
	q := url.Values{}
	for k, v := range c.R.URL.Query() {
		if k != "_offset" && k != "_limit" && k != "_maxresults" && k != "_count" {
			q[k] = v
		}
	}
	s := q.Encode()
	if s != "" {
		s += "&"
	}
	return c.s.o.Auth.APIBase(c.Site) + c.Path + "?" + s + "_offset=" + strconv.Itoa(offset) + "&_limit=" + strconv.Itoa(limit)
}
