package scope

import (
	"errors"
	"slices"
)

// ErrUnsupported is wrapped by every Validate error: the scope is well
// formed but this server does not offer it.
var ErrUnsupported = errors.New("unsupported scope")

// Entry offers scopes for one resource in one or more contexts.
type Entry struct {
	Contexts   []string // ContextPatient, ContextUser, ContextSystem
	Resource   string   // "Patient", "allergy", or "*" for operations only
	Perms      Perm     // permissions offered; zero for an operations-only entry
	Operations []string // "$export", ...
	// Categories are the ?category= values granular scopes may name, as
	// "system|code". Without any, granular scopes for the resource are
	// refused, so clients are never promised filtering that is not applied.
	Categories []string
}

// CatalogOptions select optional parts of the catalogue.
type CatalogOptions struct {
	System bool // offer system/ scopes (backend services, bulk export)
}

// Catalog is the set of scopes the server offers: what discovery
// advertises and what a client may register or request.
type Catalog struct {
	system  bool
	order   []string          // "ctx/Resource" keys, first added first
	offered map[string]*Entry // one context each, merged across Add calls
}

// NewCatalog returns an empty catalogue.
func NewCatalog(opts CatalogOptions) *Catalog {
	return &Catalog{system: opts.System, offered: map[string]*Entry{}}
}

// Add offers e. Entries for a resource already offered are merged with it.
// System contexts are dropped unless the catalogue offers system scopes.
// Add panics on a malformed entry: catalogues are built from static tables,
// so that is a programming error.
func (c *Catalog) Add(e Entry) {
	if err := checkEntry(e); err != nil {
		panic("scope: Catalog.Add: " + err.Error())
	}
	for _, ctx := range e.Contexts {
		if ctx == ContextSystem && !c.system {
			continue
		}
		key := ctx + "/" + e.Resource
		have, ok := c.offered[key]
		if !ok {
			have = &Entry{Contexts: []string{ctx}, Resource: e.Resource}
			c.offered[key] = have
			c.order = append(c.order, key)
		}
		have.Perms |= e.Perms
		have.Operations = appendNew(have.Operations, e.Operations...)
		have.Categories = appendNew(have.Categories, e.Categories...)
	}
}

// Supported lists the offered scopes for scopes_supported, in catalogue
// order: the non-resource scopes, then per resource and context the v1
// words (read for r or s, write for c, u or d), the v2 letters, the
// operations and the granular ?category= scopes.
func (c *Catalog) Supported() []string {
	out := slices.Clone(nonResourceScopes)
	for _, key := range c.order {
		e := c.offered[key]
		if e.Perms.Any(V1Read) {
			out = append(out, key+".read")
		}
		if e.Perms.Any(V1Write) {
			out = append(out, key+".write")
		}
		if e.Perms != 0 {
			out = append(out, key+"."+e.Perms.String())
		}
		for _, op := range e.Operations {
			out = append(out, key+"."+op)
		}
		for _, cat := range e.Categories {
			granular := Scope{Context: e.Contexts[0], Resource: e.Resource, Perms: e.Perms,
				Constraints: map[string][]string{constraintKey: {cat}}}
			out = append(out, granular.String())
		}
	}
	return out
}

// Validate reports whether the catalogue offers s. A v1 word is offered
// when the resource has any of its permissions (patient/patient.read for
// a search-only resource); see Restrict for what it then grants. v2
// letters must all be offered. ctx/*.perms is offered when the FHIR types
// in that context offer those permissions between them.
func (c *Catalog) Validate(s Scope) error {
	if !s.IsResource() {
		if slices.Contains(nonResourceScopes, s.Raw) {
			return nil
		}
		return unsupported(s, "unknown scope")
	}
	if s.Resource == "*" && s.Operation == "" {
		if len(s.Constraints) > 0 {
			return unsupported(s, "category constraints need a named resource")
		}
		return checkPerms(s, c.wildcardPerms(s.Context))
	}
	e, ok := c.offered[s.Context+"/"+s.Resource]
	if !ok {
		return unsupported(s, "no %s scopes for %s", s.Context, s.Resource)
	}
	if s.Operation != "" {
		if !slices.Contains(e.Operations, s.Operation) {
			return unsupported(s, "operation %s is not offered for %s", s.Operation, s.Resource)
		}
		return nil
	}
	if err := checkPerms(s, e.Perms); err != nil {
		return err
	}
	return checkCategories(s, e.Categories)
}

// Restrict narrows a v1 scope to the permissions the catalogue offers for
// its resource, so that user/Patient.write grants create and update only.
// v2 scopes, which Validate accepts only when fully offered, and scopes
// Validate refuses come back unchanged.
func (c *Catalog) Restrict(s Scope) Scope {
	if !s.V1 || s.Operation != "" {
		return s
	}
	var offered Perm
	if s.Resource == "*" {
		offered = c.wildcardPerms(s.Context)
	} else if e, ok := c.offered[s.Context+"/"+s.Resource]; ok {
		offered = e.Perms
	}
	if s.Perms.Any(offered) {
		s.Perms &= offered
	}
	return s
}

// wildcardPerms is what ctx/* may grant: the permissions the FHIR types
// offer in ctx, together.
func (c *Catalog) wildcardPerms(ctx string) Perm {
	var p Perm
	for _, e := range c.offered {
		if e.Contexts[0] == ctx && isFHIRType(e.Resource) {
			p |= e.Perms
		}
	}
	return p
}

// Categories lists the ?category= values ("system|code") offered for
// granular scopes on ctx/resource, so a consent page can let the user narrow
// a resource scope to some categories (SMART App Launch 2.x, granular
// scopes).
func (c *Catalog) Categories(ctx, resource string) []string {
	if e, ok := c.offered[ctx+"/"+resource]; ok {
		return slices.Clone(e.Categories)
	}
	return nil
}

// With adds entries to c and returns c, for building a catalogue in one
// expression.
func (c *Catalog) With(es ...Entry) *Catalog {
	for _, e := range es {
		c.Add(e)
	}
	return c
}
