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

// forms is OpenEMR's registry of encounter forms: every encounter, vitals
// and SOAP form has a row naming it (formdir) and its encounter.
var forms = &resource.Def{
	Name: "forms", Table: "forms", ID: "id", Key: "id",
	Fields: []resource.Field{
		resource.Col("id", resource.As(resource.Int)), resource.Col("date", resource.Set(resource.AutoNow)),
		resource.Col("encounter"), resource.Col("form_name"), resource.Col("form_id"), resource.Col("pid"),
		resource.Col("user"), resource.Col("groupname"), resource.Col("authorized"),
		resource.Col("deleted", resource.Default("0")), resource.Col("formdir"),
	},
}

// formNames are the forms rows OpenEMR writes per resource.
var formNames = map[string][2]string{ // resource → form_name, formdir
	"encounter": {"New Patient Encounter", "newpatient"},
	"vital":     {"Vitals", "vitals"},
	"soap_note": {"SOAP", "soap"},
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
	var rec emr.Record
	err = c.Records().Write(c.Ctx(), func(w resource.Writer) error {
		rec, err = w.Insert(c.Ctx(), d, values)
		if err != nil {
			return err
		}
		_, err = c.insertForm(w, d.Name, rec["encounter"], rec["pid"], rec["id"])
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
	n := formNames[resourceName]
	row := map[string]any{
		"encounter": encounter, "pid": pid, "form_id": formID, "form_name": n[0], "formdir": n[1],
		"user": "", "groupname": "Default", "authorized": "1",
	}
	if c.User != nil {
		row["user"] = c.User.Username
	}
	rec, err := w.Insert(c.Ctx(), forms, row)
	if err != nil {
		return nil, err
	}
	return rec["id"], nil
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
