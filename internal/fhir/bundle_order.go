package fhir

import "net/http"

// register records in refs what the entry's keys now stand for; an
// identifier two resources carry stands for neither ("").
func (run *bundleRun) register(refs map[string]string, e *bundleEntry) {
	to := e.typ + "/" + e.newID
	for _, k := range e.keys {
		refs[k] = to
	}
	for _, k := range e.idKeys {
		if prev, ok := refs[k]; ok && prev != to {
			refs[k] = ""
		} else {
			refs[k] = to
		}
	}
}

// sortPosts orders the creates so that every entry comes after those it
// refers to, and otherwise as sent; entries that refer to each other in a
// cycle cannot be created in any order and fail the Bundle.
func (run *bundleRun) sortPosts(posts []*bundleEntry) ([]*bundleEntry, error) {
	const visiting, done = 1, 2
	state := map[*bundleEntry]int{}
	out := make([]*bundleEntry, 0, len(posts))
	var visit func(e, from *bundleEntry) error
	visit = func(e, from *bundleEntry) error {
		switch state[e] {
		case done:
			return nil
		case visiting:
			return fail(http.StatusBadRequest, "invalid", "%s and %s refer to each other (a cycle of references): neither can be created first", e.label(), from.label())
		}
		state[e] = visiting
		for _, ref := range e.refs {
			if d := run.owner[refKey(ref)]; d != nil && d != ambiguous && d != e && d.method == http.MethodPost && d.runnable() {
				if err := visit(d, e); err != nil {
					return err
				}
			}
		}
		state[e] = done
		out = append(out, e)
		return nil
	}
	for _, e := range posts {
		if err := visit(e, e); err != nil {
			return nil, err
		}
	}
	return out, nil
}
