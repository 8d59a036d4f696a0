package resource

import (
	"context"

	"goemr/internal/emr"
)

// Form is OpenEMR's registry of encounter forms (forms): every encounter,
// vitals and SOAP form has a row naming it (formdir) and its encounter,
// which OpenEMR's encounter summary lists.
var Form = &Def{
	Name: "forms", Table: "forms", ID: "id", Key: "id",
	Fields: []Field{
		Col("id", As(Int)), Col("date", Set(AutoNow)),
		Col("encounter"), Col("form_name"), Col("form_id"), Col("pid"),
		Col("user"), Col("groupname"), Col("authorized"),
		Col("deleted", Default("0")), Col("formdir"),
	},
}

// formNames are the forms rows OpenEMR writes per resource.
var formNames = map[string][2]string{ // resource → form_name, formdir
	"encounter":   {"New Patient Encounter", "newpatient"},
	"vital":       {"Vitals", "vitals"},
	"soap_note":   {"SOAP", "soap"},
	"care_plan":   {"Care Plan Form", "care_plan"},
	"observation": {"Observation Form", "observation"},
}

// RegisterForm writes the forms row of the form formID of resource name
// ("encounter", "vital", "soap_note"), entered by user, and returns its id.
// Whatever API writes a form registers it so, as OpenEMR's forms do.
func RegisterForm(ctx context.Context, w Writer, name string, encounter, pid, formID any, user string) (any, error) {
	n, ok := formNames[name]
	if !ok {
		return nil, emr.Errorf(emr.EINTERNAL, "%s is not an encounter form", name)
	}
	row := map[string]any{
		"encounter": encounter, "pid": pid, "form_id": formID, "form_name": n[0], "formdir": n[1],
		"user": user, "groupname": "Default", "authorized": "1",
	}
	rec, err := w.Insert(ctx, Form, row)
	if err != nil {
		return nil, err
	}
	return rec["id"], nil
}
