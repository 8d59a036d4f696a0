package admin

import (
	"net/http"
	"net/url"
	"slices"
	"strings"

	"goemr/internal/auth"
	"goemr/internal/emr"
)

// userPage is one user's page: enable or disable, reset the password,
// set the permissions.
type userPage struct {
	U      *emr.User
	Self   bool
	Groups [][2]string
	Ticked []string // groups in the ACL
	Other  string   // the ACL's other entries
}

func newUserPage(u *emr.User, me *staff) *userPage {
	d := &userPage{U: u, Self: u.UUID == me.User.UUID, Groups: aclGroups}
	var other []string
	for _, e := range u.ACL {
		if _, ok := emr.ACLGroups[e]; ok {
			d.Ticked = append(d.Ticked, e)
		} else {
			other = append(other, e)
		}
	}
	d.Other = strings.Join(other, " ")
	return d
}

func (s *Server) handleUser(w http.ResponseWriter, r *http.Request, me *staff) error {
	u, err := s.st.Users.UserByUsername(r.Context(), r.PathValue("username"))
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "user.html", &view{Title: "User " + u.Username, Nav: "users", Me: me, Flash: flashOf(r), Data: newUserPage(u, me)})
	return nil
}

// handleUserAction disables or enables the user, resets the password or
// sets the permissions. An administrator cannot disable their own account
// or take away their own admin access: the site would lose the one who
// can undo it.
func (s *Server) handleUserAction(w http.ResponseWriter, r *http.Request, me *staff) error {
	u, err := s.st.Users.UserByUsername(r.Context(), r.PathValue("username"))
	if err != nil {
		return err
	}
	d := newUserPage(u, me)
	refuse := func(field, msg string) error {
		if field == "acl_other" {
			d.Ticked, d.Other = r.PostForm["acl"], r.PostFormValue("acl_other")
		}
		s.render(w, r, http.StatusBadRequest, "user.html", &view{Title: "User " + u.Username, Nav: "users", Me: me,
			Error: "Nothing was changed.", Errors: map[string]string{field: msg}, Data: d})
		return nil
	}
	ctx, action := r.Context(), r.PathValue("action")
	var done, detail string
	switch action {
	case "disable", "enable":
		if action == "disable" && d.Self {
			return refuse("active", "You cannot disable your own account; another administrator can.")
		}
		err, done = s.st.Users.SetUserActive(ctx, u.Username, action == "enable"), "user-"+action+"d"
	case "password":
		pw := r.PostFormValue("password")
		if len(pw) < minPassword {
			return refuse("password", "Enter a password of at least 4 characters.")
		}
		hash, herr := auth.HashPassword(pw)
		if herr != nil {
			return herr
		}
		err, done = s.st.Users.SetUserPassword(ctx, u.Username, hash), "user-password"
	case "acl":
		acl, msg := parseACLForm(r.PostForm["acl"], r.PostFormValue("acl_other"))
		if msg != "" {
			return refuse("acl_other", msg)
		}
		if d.Self && !acl.Allows("admin", "super", false) {
			return refuse("acl_other", "You cannot remove your own admin access; keep Administrators ticked or admin/super listed.")
		}
		err, done, detail = s.st.Users.SetUserACL(ctx, u.Username, acl), "user-acl", strings.Join(acl, " ")
	default:
		return &pageError{http.StatusNotFound, "There is no such action."}
	}
	if err != nil {
		return err
	}
	s.auditChange(r, me, "user."+action, &emr.AuditEvent{Detail: strings.TrimSpace(u.Username + " " + detail)})
	redirectDone(w, r, "users/"+url.PathEscape(u.Username), done)
	return nil
}

// Has reports whether group g is ticked, for the template.
func (d *userPage) Has(g string) bool { return slices.Contains(d.Ticked, g) }
