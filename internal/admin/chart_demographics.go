package admin

import (
	"context"
	"strings"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

// demographics is the patient's identity block of the summary.
type demographics struct {
	UUID, PID, PubPID, Name, DOB, Sex string
	Address                           []string // lines
	Phones                            []labeled
	Email                             string
	Language, Race, Ethnicity         string
}

type labeled struct{ Label, Value string }

// codedDemographics are the patient_data columns that hold list_options
// ids (OpenEMR's list of the same name), shown by the option's title.
var codedDemographics = []string{"language", "race", "ethnicity"}

// demographics shapes the patient row, looking the titles of its coded
// columns up in one query.
func (s *Server) demographics(ctx context.Context, p emr.Record) (demographics, error) {
	d := demographics{
		UUID: p.Str("uuid"), PID: p.Str("pid"), PubPID: p.Str("pubpid"), Name: personName(p),
		DOB: dateOnly(p.Str("DOB")), Sex: p.Str("sex"), Email: p.Str("email"),
	}
	street := strings.TrimSpace(p.Str("street") + " " + p.Str("street_line_2"))
	place := strings.TrimSpace(strings.Trim(strings.TrimSpace(p.Str("city"))+", "+p.Str("state"), ", ") + " " + p.Str("postal_code"))
	for _, line := range []string{street, place, p.Str("country_code")} {
		if line != "" {
			d.Address = append(d.Address, line)
		}
	}
	for _, ph := range []labeled{{"Home", "phone_home"}, {"Mobile", "phone_cell"}, {"Work", "phone_biz"}, {"Contact", "phone_contact"}} {
		if v := p.Str(ph.Value); v != "" {
			d.Phones = append(d.Phones, labeled{ph.Label, v})
		}
	}
	titles, err := s.optionTitles(ctx, p)
	if err != nil {
		return d, err
	}
	d.Language, d.Race, d.Ethnicity = titles["language"], titles["race"], titles["ethnicity"]
	return d, nil
}

// optionTitles maps each coded column of p that has a value to its option
// title, or to the stored value when the list has no such option.
func (s *Server) optionTitles(ctx context.Context, p emr.Record) (map[string]string, error) {
	out := map[string]string{}
	var lists, ids []any
	for _, col := range codedDemographics {
		if v := p.Str(col); v != "" {
			out[col] = v
			lists, ids = append(lists, col), append(ids, v)
		}
	}
	if len(ids) == 0 {
		return out, nil
	}
	opts, err := s.st.Records.List(ctx, resource.ListOption, emr.Query{Where: []emr.Cond{
		{Field: "list_id", Match: emr.In, Value: lists}, {Field: "option_id", Match: emr.In, Value: ids},
	}})
	if err != nil {
		return nil, err
	}
	for _, o := range opts {
		if col := o.Str("list_id"); o.Str("option_id") == p.Str(col) && o.Str("title") != "" {
			out[col] = o.Str("title")
		}
	}
	return out, nil
}

// providerNames maps the provider ids of encs to "First Last".
func (s *Server) providerNames(ctx context.Context, encs []emr.Record) (map[string]string, error) {
	var ids []any
	for _, e := range encs {
		if id := e.Str("provider_id"); id != "" && id != "0" {
			ids = append(ids, id)
		}
	}
	names := map[string]string{}
	if len(ids) == 0 {
		return names, nil
	}
	users, err := s.st.Records.List(ctx, resource.User, emr.Query{Where: []emr.Cond{{Field: "id", Match: emr.In, Value: ids}}})
	if err != nil {
		return nil, err
	}
	for _, u := range users {
		names[u.Str("id")] = personName(u)
	}
	return names, nil
}

// personName is "First Middle Last" of a patient or user row.
func personName(p emr.Record) string {
	return strings.Join(strings.Fields(p.Str("fname")+" "+p.Str("mname")+" "+p.Str("lname")), " ")
}
