package restapi

import (
	"net/http"
	"strconv"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

func init() {
	builtin["encounter.create"] = createEncounter
	builtin["form.create"] = createForm
}

// createEncounter stores the encounter and its forms row in one
// transaction and answers 201 with the full record plus "encounter"
// (openemr-standard-api.md §3.2).
func createEncounter(c *Call) error {
	d := c.Route.Def
	_, _, values, err := c.createValues(d)
	if err != nil {
		return err
	}
	user := ""
	if c.User != nil {
		user = c.User.Username
	}
	var rec emr.Record
	err = c.Records().Write(c.Ctx(), func(w resource.Writer) error {
		rec, err = resource.CreateEncounter(c.Ctx(), w, d, values, user)
		return err
	})
	if err != nil {
		return err
	}
	full, err := c.Records().Get(c.Ctx(), d, emr.Eq("uuid", rec["uuid"]))
	if err != nil {
		return err
	}
	if err := c.s.present(c, d, []emr.Record{full}); err != nil {
		return err
	}
	full["encounter"] = full["eid"]
	return c.Reply(http.StatusCreated, full)
}

// createForm stores a vitals or SOAP form of an encounter with its forms
// row and answers 201 with both ids ({vid, fid} or {sid, fid}).
func createForm(c *Call) error {
	d := c.Route.Def
	_, b, values, err := c.createValues(d)
	if err != nil {
		return err
	}
	if c.User != nil {
		values["user"] = c.User.Username
		values["groupname"] = "Default"
		values["authorized"] = "1"
	}
	var rec emr.Record
	err = c.Records().Write(c.Ctx(), func(w resource.Writer) error {
		rec, err = w.Insert(c.Ctx(), d, values)
		if err != nil {
			return err
		}
		rec["form_id"], err = c.insertForm(w, d.Name, b.values["encounter"], b.values["pid"], rec["id"])
		return err
	})
	if err != nil {
		return err
	}
	return c.replyWrite(d, d.Created, http.StatusCreated, rec, b)
}

// insertForm writes the forms row of a form and returns its id.
func (c *Call) insertForm(w resource.Writer, resourceName string, encounter, pid, formID any) (any, error) {
	user := ""
	if c.User != nil {
		user = c.User.Username
	}
	return resource.RegisterForm(c.Ctx(), w, resourceName, encounter, pid, formID, user)
}

func idString(v any) string {
	switch x := v.(type) {
	case int64:
		return strconv.FormatInt(x, 10)
	case string:
		return x
	}
	return ""
}
