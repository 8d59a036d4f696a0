package emr

import "strings"

// ACL is a staff user's access-control list in OpenEMR's terms
// (openemr-standard-api.md §1.4): entries "section/value" grant full
// access to one ACO, "section/value:view" read access only, "section/*"
// every value of a section, and a group name (below) all its entries.
type ACL []string

// ACLGroups are OpenEMR's default phpGACL groups with the access controls
// each holds in a fresh OpenEMR install, reduced to the sections the API
// checks.
var ACLGroups = map[string][]string{
	"admin": {"*/*"}, // Administrators
	"doc": { // Physicians
		"patients/*", "encounters/*", "lists/*", "sensitivities/*", "acct/rep:view", "admin/users:view",
	},
	"clin": { // Clinicians
		"patients/*", "encounters/notes", "encounters/notes_a", "encounters/auth", "encounters/auth_a:view",
		"lists/default", "sensitivities/normal",
	},
	"front": { // Front Office
		"patients/demo", "patients/appt", "patients/notes", "patients/trans", "patients/docs",
		"encounters/auth_a:view", "lists/default",
	},
	"back": { // Accounting
		"acct/*", "patients/demo", "patients/appt", "patients/docs:view", "encounters/auth_a:view", "lists/default",
	},
}

// Allows reports whether the list grants section/value, for writing when
// write is set. Unknown entries grant nothing.
func (a ACL) Allows(section, value string, write bool) bool {
	for _, e := range a {
		if g, ok := ACLGroups[e]; ok {
			if ACL(g).Allows(section, value, write) {
				return true
			}
			continue
		}
		aco, perm, _ := strings.Cut(e, ":")
		if perm == "view" && write {
			continue
		}
		s, v, ok := strings.Cut(aco, "/")
		if ok && (s == "*" || s == section) && (v == "*" || v == value) {
			return true
		}
	}
	return false
}

// ValidACLEntry reports whether e is a group name or a section/value entry.
func ValidACLEntry(e string) bool {
	if _, ok := ACLGroups[e]; ok {
		return true
	}
	aco, perm, hasPerm := strings.Cut(e, ":")
	if hasPerm && perm != "view" {
		return false
	}
	s, v, ok := strings.Cut(aco, "/")
	return ok && s != "" && v != "" && !strings.ContainsAny(aco, " \t,")
}
