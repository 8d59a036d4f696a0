package admin

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

// finderLimit caps the finder's result list; a longer list is a sign the
// search should be narrowed, and the cap keeps every search one short query.
const finderLimit = 50

var uuidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// finderForm is what the finder was asked, echoed back into its inputs.
type finderForm struct {
	Name, DOB, ID string
}

// finderData is the finder page.
type finderData struct {
	Form     finderForm
	Searched bool // false: the form was opened without a search
	Patients []patientRow
	More     bool // more than finderLimit matched
	Limit    int
}

// handlePatients is the patient finder: name (prefix of the first or last
// name, per word), date of birth and id (pid or UUID). Without a search it
// lists the patients registered last.
func (s *Server) handlePatients(w http.ResponseWriter, r *http.Request, me *staff) error {
	q := r.URL.Query()
	f := finderForm{
		Name: strings.TrimSpace(q.Get("name")), DOB: strings.TrimSpace(q.Get("dob")), ID: strings.TrimSpace(q.Get("id")),
	}
	d := &finderData{Form: f, Searched: f != (finderForm{}), Limit: finderLimit}
	v := &view{Title: "Patients", Nav: "patients", Me: me, Data: d}
	where, errs := finderConds(f)
	if len(errs) > 0 {
		v.Errors = errs
		s.render(w, r, http.StatusBadRequest, "patients.html", v)
		return nil
	}
	query := emr.Query{Where: where, Limit: finderLimit + 1}
	if d.Searched {
		query.Sort = []emr.SortKey{{Field: "lname"}, {Field: "fname"}}
	} else {
		query.Sort = []emr.SortKey{{Field: "id", Desc: true}}
	}
	recs, err := s.st.Records.List(r.Context(), resource.Patient, query)
	if err != nil {
		return err
	}
	if len(recs) > finderLimit {
		recs, d.More = recs[:finderLimit], true
	}
	d.Patients = patientRows(recs)
	s.render(w, r, http.StatusOK, "patients.html", v)
	return nil
}

// finderConds turns the finder's fields into conditions, or into messages
// for the fields that are not valid. Every condition is one an index
// answers: name prefixes (the trigram indexes of the FHIR name search), the
// pid and uuid unique keys.
func finderConds(f finderForm) ([]emr.Cond, map[string]string) {
	var where []emr.Cond
	errs := map[string]string{}
	for _, word := range strings.Fields(f.Name) {
		where = append(where, emr.Or(
			emr.Cond{Field: "fname", Match: emr.Prefix, Value: word},
			emr.Cond{Field: "lname", Match: emr.Prefix, Value: word},
		))
	}
	if f.DOB != "" {
		if t, err := time.Parse(time.DateOnly, f.DOB); err != nil || t.Year() < 1850 {
			errs["dob"] = "Enter the date of birth as a date, for example 1972-02-09."
		} else {
			where = append(where, emr.Eq("DOB", f.DOB))
		}
	}
	switch {
	case f.ID == "":
	case uuidPattern.MatchString(f.ID):
		where = append(where, emr.Eq("uuid", strings.ToLower(f.ID)))
	default:
		if n, err := strconv.ParseInt(f.ID, 10, 64); err == nil && n > 0 {
			where = append(where, emr.Eq("pid", n))
		} else {
			errs["id"] = "Enter the patient number (pid) or the patient's UUID."
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return where, nil
}

// patientRow is one line of the finder's results.
type patientRow struct {
	UUID, Name, DOB, Sex, PID string
}

func patientRows(recs []emr.Record) []patientRow {
	out := make([]patientRow, len(recs))
	for i, p := range recs {
		out[i] = patientRow{UUID: p.Str("uuid"), Name: patientName(p), DOB: dateOnly(p.Str("DOB")), Sex: p.Str("sex"), PID: p.Str("pid")}
	}
	return out
}

// patientName is "Last, First Middle" for lists and titles.
func patientName(p emr.Record) string {
	given := strings.TrimSpace(p.Str("fname") + " " + p.Str("mname"))
	switch {
	case p.Str("lname") == "":
		return given
	case given == "":
		return p.Str("lname")
	}
	return p.Str("lname") + ", " + given
}
