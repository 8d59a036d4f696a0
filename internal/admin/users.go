package admin

import (
	"net/http"
	"slices"
	"strings"

	"goemr/internal/auth"
	"goemr/internal/emr"
)

// aclGroups are emr.ACLGroups with OpenEMR's names for them, in its order.
var aclGroups = [][2]string{
	{"admin", "Administrators"}, {"doc", "Physicians"}, {"clin", "Clinicians"},
	{"front", "Front Office"}, {"back", "Accounting"},
}

// minPassword is the rule `goemr user add` applies.
const minPassword = 4

// userForm is the add-user form, as typed.
type userForm struct {
	Username, Fname, Lname, Email string
	Groups                        []string // ticked group names
	Other                         string   // further entries, space separated
}

// usersPage is the list with the add form.
type usersPage struct {
	Users  []*emr.User
	Form   *userForm
	Groups [][2]string
}

// Has reports whether group g is ticked in the form, for the template.
func (f *userForm) Has(g string) bool { return slices.Contains(f.Groups, g) }

func (s *Server) handleUsers(w http.ResponseWriter, r *http.Request, me *staff) error {
	return s.showUsers(w, r, me, http.StatusOK, &userForm{}, nil)
}

func (s *Server) showUsers(w http.ResponseWriter, r *http.Request, me *staff, status int, f *userForm, errs fieldErrors) error {
	users, err := s.st.Users.ListUsers(r.Context())
	if err != nil {
		return err
	}
	v := &view{Title: "Users", Nav: "users", Me: me, Errors: errs, Data: &usersPage{Users: users, Form: f, Groups: aclGroups}}
	if status == http.StatusOK {
		v.Flash = flashOf(r)
	} else {
		v.Error = "The user was not added: correct the fields marked below."
	}
	s.render(w, r, status, "users.html", v)
	return nil
}

// handleUserAdd adds an active staff user with the rules of `goemr user
// add`: a username, a password of at least four characters, valid access
// entries.
func (s *Server) handleUserAdd(w http.ResponseWriter, r *http.Request, me *staff) error {
	f := &userForm{
		Username: strings.TrimSpace(r.PostFormValue("username")), Fname: strings.TrimSpace(r.PostFormValue("fname")),
		Lname: strings.TrimSpace(r.PostFormValue("lname")), Email: strings.TrimSpace(r.PostFormValue("email")),
		Groups: r.PostForm["acl"], Other: r.PostFormValue("acl_other"),
	}
	errs := fieldErrors{}
	if !validUsername(f.Username) {
		errs.add("username", "Enter a username of letters, digits and . _ - @ (at most 64).")
	}
	if f.Email != "" && (!strings.Contains(f.Email, "@") || strings.ContainsAny(f.Email, " <>")) {
		errs.add("email", "Enter an e-mail address such as name@example.org, or leave it empty.")
	}
	password := r.PostFormValue("password")
	if len(password) < minPassword {
		errs.add("password", "Enter a password of at least 4 characters.")
	}
	acl, msg := parseACLForm(f.Groups, f.Other)
	if msg != "" {
		errs.add("acl_other", msg)
	}
	if len(errs) > 0 {
		return s.showUsers(w, r, me, http.StatusBadRequest, f, errs)
	}
	hash, err := auth.HashPassword(password)
	if err != nil {
		return err
	}
	u := &emr.User{Username: f.Username, Fname: f.Fname, Lname: f.Lname, Email: f.Email, PasswordHash: hash, Active: true, ACL: acl}
	if err := s.st.Users.CreateUser(r.Context(), u); emr.ErrorCode(err) == emr.ECONFLICT {
		return s.showUsers(w, r, me, http.StatusBadRequest, f, fieldErrors{"username": "A user with this username exists already."})
	} else if err != nil {
		return err
	}
	s.auditChange(r, me, "user.add", &emr.AuditEvent{Detail: u.Username + " " + strings.Join(acl, " ")})
	redirectDone(w, r, "users", "user-added")
	return nil
}

func validUsername(u string) bool {
	if u == "" || len(u) > 64 {
		return false
	}
	return strings.IndexFunc(u, func(c rune) bool {
		return !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.ContainsRune("._-@", c))
	}) < 0
}

// parseACLForm joins the ticked groups and the further entries, each
// checked by emr.ValidACLEntry.
func parseACLForm(groups []string, other string) (emr.ACL, string) {
	var acl emr.ACL
	for _, g := range groups {
		if _, ok := emr.ACLGroups[g]; !ok {
			return nil, "Unknown group " + g + "."
		}
		acl = append(acl, g)
	}
	for _, e := range strings.Fields(strings.ReplaceAll(other, ",", " ")) {
		if !emr.ValidACLEntry(e) {
			return nil, "“" + e + "” is not an access entry: use section/value or section/value:view, such as patients/demo."
		}
		if !slices.Contains(acl, e) {
			acl = append(acl, e)
		}
	}
	return acl, ""
}
