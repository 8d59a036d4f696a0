package restapi

import (
	"net/http"
	"strings"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

func init() {
	builtin["portal.patient"] = portalPatient
	builtin["list.read"] = listOptions
	presenters["patient"] = presentPatients
}

// portalPatient is GET /portal/patient: the token's own patient, in the
// shape of GET /api/patient/:puuid.
func portalPatient(c *Call) error {
	rec, err := c.Records().Get(c.Ctx(), resource.Patient, emr.Eq("uuid", c.P.PatientUUID))
	if err != nil {
		return err
	}
	if err := c.s.present(c, resource.Patient, []emr.Record{rec}); err != nil {
		return err
	}
	return c.Reply(http.StatusOK, rec)
}

// presentPatients adds previous_names and addresses to patient records
// (openemr-standard-api.md §3.1). The previous names are read for a single
// patient; a search result carries each row's own address only, so a page
// costs one query.
func presentPatients(c *Call, recs []emr.Record) error {
	byPID := make(map[string]emr.Record, len(recs))
	pids := make([]string, 0, len(recs))
	for _, r := range recs {
		r["previous_names"] = []map[string]any{}
		r["addresses"] = []map[string]any{primaryAddress(r)}
		byPID[r.Str("pid")] = r
		pids = append(pids, r.Str("pid"))
	}
	if len(recs) > 1 || c.Route.Op == resource.OpList {
		return nil // a search result carries the patient rows only
	}
	var extra []emr.Record
	var err error
	if recs[0].Str("address_count") != "0" {
		extra, err = c.Records().List(c.Ctx(), resource.PatientAddress, emr.Query{Where: []emr.Cond{emr.Eq("pid", pids[0])}})
	}
	if err != nil {
		return err
	}
	for _, a := range extra {
		recs[0]["addresses"] = append(recs[0]["addresses"].([]map[string]any), map[string]any{
			"id": a["address_id"], "contact_id": a["contact_id"], "contact_address_id": a["id"],
			"period_start": a["period_start"], "period_end": a["period_end"], "type": a["type"], "use": a["use"],
			"priority": a["priority"], "line1": a["line1"], "line2": a["line2"], "city": a["city"],
			"district": a["district"], "state": a["state"], "postal_code": a["postal_code"], "country_code": a["country_code"],
		})
	}
	if recs[0].Str("previous_name_count") == "0" {
		return nil
	}
	names, err := c.Records().List(c.Ctx(), resource.PatientHistory, emr.Query{Where: []emr.Cond{emr.Eq("pid", pids[0])}})
	if err != nil {
		return err
	}
	for _, n := range names {
		r := byPID[n.Str("pid")]
		if r == nil {
			continue
		}
		parts := []string{n.Str("previous_name_prefix"), n.Str("previous_name_first"), n.Str("previous_name_middle"), n.Str("previous_name_last"), n.Str("previous_name_suffix")}
		var nonEmpty []string
		for _, p := range parts {
			if p != "" {
				nonEmpty = append(nonEmpty, p)
			}
		}
		r["previous_names"] = append(r["previous_names"].([]map[string]any), map[string]any{
			"id": n["id"], "uuid": n["uuid"],
			"previous_name_prefix": n["previous_name_prefix"], "previous_name_first": n["previous_name_first"],
			"previous_name_middle": n["previous_name_middle"], "previous_name_last": n["previous_name_last"],
			"previous_name_suffix": n["previous_name_suffix"], "previous_name_enddate": n["previous_name_enddate"],
			"formatted_name": strings.Join(nonEmpty, " "),
		})
	}
	return nil
}

// primaryAddress is the address OpenEMR synthesises from patient_data's
// own columns as the first element of addresses.
func primaryAddress(r emr.Record) map[string]any {
	return map[string]any{
		"id": nil, "contact_id": nil, "contact_address_id": nil, "period_start": nil, "period_end": nil,
		"type": "physical", "use": "home", "priority": "0",
		"line1": r["street"], "line2": r["street_line_2"], "city": r["city"], "district": r["county"],
		"state": r["state"], "postal_code": r["postal_code"], "country_code": r["country_code"],
	}
}

// listOptions is GET /api/list/:list_name: the list's options by seq, 404
// for a list that does not exist.
func listOptions(c *Call) error {
	name := c.Params["list_name"]
	recs, err := c.Records().List(c.Ctx(), resource.ListOption, emr.Query{Where: []emr.Cond{emr.Eq("list_id", name)}})
	if err != nil {
		return err
	}
	if len(recs) == 0 {
		return &emr.Error{Code: emr.ENOTFOUND, Field: "list_name", Message: "no list named " + name}
	}
	return c.Reply(http.StatusOK, recs)
}
