package admin

import (
	"context"
	"net/http"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

// How much of each section the summary shows.
const (
	chartVitals     = 5
	chartEncounters = 10
	chartListCap    = 100 // problems, medications, allergies
)

// chartData is the patient summary page.
type chartData struct {
	Patient    demographics
	Lists      []*issueSection // problems, medications, allergies
	Vitals     []vitalRow
	Encounters []encounterRow
	Apps       []*emr.Client
	// Encounter is the encounter the launch forms start with (chosen in
	// the encounter list), EncounterDate its date.
	Encounter, EncounterDate string
	// LaunchClient is the app whose launch form has the error in
	// view.Errors["encounter"].
	LaunchClient   string
	IsAdmin        bool
	EncounterLimit int
}

// issueSection is a list section, capped at chartListCap rows.
type issueSection struct {
	ID, Title, Noun string
	Rows            []issueRow
	More            bool
}

// chartLists are the lists sections: OpenEMR's issue types (lists.type).
var chartLists = []struct {
	def             *resource.Def
	id, title, noun string
}{
	{resource.MedicalProblem, "problems", "Problems", "Problem"},
	{resource.Medication, "medications", "Medications", "Medication"},
	{resource.Allergy, "allergies", "Allergies", "Allergy"},
}

// handleChart is the patient summary: demographics, problems, medications,
// allergies, recent vitals and encounters, and the apps the clinician can
// open for this patient.
func (s *Server) handleChart(w http.ResponseWriter, r *http.Request, me *staff) error {
	if err := s.showChart(w, r, me, http.StatusOK, nil, ""); err != nil {
		return err
	}
	// Who opened which chart is part of the access log, as API reads of a
	// patient are (45 CFR 164.312(b), audit controls).
	s.audit(r, "admin.chart", "success", &emr.AuditEvent{Role: emr.RoleUsers, Subject: me.User.UUID, PatientUUID: r.PathValue("uuid")})
	return nil
}

// showChart renders the summary with errs next to the launch form of the
// app launchClient (after a launch that could not start).
func (s *Server) showChart(w http.ResponseWriter, r *http.Request, me *staff, status int, errs map[string]string, launchClient string) error {
	p, err := s.chartPatient(r.Context(), r.PathValue("uuid"))
	if err != nil {
		return err
	}
	d, err := s.loadChart(r.Context(), r.PathValue("site"), p)
	if err != nil {
		return err
	}
	d.LaunchClient, d.IsAdmin = launchClient, me.IsAdmin()
	if r.Method == http.MethodGet {
		d.selectEncounter(r.URL.Query().Get("encounter"))
	}
	title := d.Patient.Name
	if title == "" {
		title = "Patient " + d.Patient.PID
	}
	s.render(w, r, status, "chart.html", &view{Title: title, Nav: "patients", Me: me, Errors: errs, Data: d})
	return nil
}

// chartPatient reads the patient of a chart URL; an unknown or malformed
// uuid is a 404 page.
func (s *Server) chartPatient(ctx context.Context, uuid string) (emr.Record, error) {
	if !uuidPattern.MatchString(uuid) {
		return nil, &pageError{http.StatusNotFound, "There is no patient with this id."}
	}
	p, err := s.st.Records.Get(ctx, resource.Patient, emr.Eq("uuid", uuid))
	if emr.IsNotFound(err) {
		return nil, &pageError{http.StatusNotFound, "There is no patient with this id."}
	}
	return p, err
}

// loadChart reads every section with one query each (no query per row):
// the lists by patient, the newest vitals and encounters, then the names
// of the encounters' providers and of the demographic codes in one query
// apiece.
func (s *Server) loadChart(ctx context.Context, site string, p emr.Record) (*chartData, error) {
	rd, pid, now := s.st.Records, emr.Eq("pid", p["pid"]), s.now()
	d := &chartData{EncounterLimit: chartEncounters}
	for _, l := range chartLists {
		recs, err := rd.List(ctx, l.def, emr.Query{Where: []emr.Cond{pid}, Limit: chartListCap + 1})
		if err != nil {
			return nil, err
		}
		sec := &issueSection{ID: l.id, Title: l.title, Noun: l.noun}
		if len(recs) > chartListCap {
			recs, sec.More = recs[:chartListCap], true
		}
		sec.Rows = issueRows(recs, now)
		d.Lists = append(d.Lists, sec)
	}
	newest := []emr.SortKey{{Field: "date", Desc: true}, {Field: "id", Desc: true}}
	vitals, err := rd.List(ctx, resource.Vital, emr.Query{Where: []emr.Cond{pid}, Sort: newest, Limit: chartVitals})
	if err != nil {
		return nil, err
	}
	d.Vitals = vitalRows(vitals)
	encs, err := rd.List(ctx, resource.Encounter, emr.Query{Where: []emr.Cond{pid}, Sort: newest, Limit: chartEncounters})
	if err != nil {
		return nil, err
	}
	providers, err := s.providerNames(ctx, encs)
	if err != nil {
		return nil, err
	}
	d.Encounters = encounterRows(encs, providers)
	if d.Patient, err = s.demographics(ctx, p); err != nil {
		return nil, err
	}
	d.Apps, err = s.auth.LaunchableApps(ctx, site)
	return d, err
}

// selectEncounter starts the launch forms on the listed encounter uuid;
// anything else leaves them on "no encounter".
func (d *chartData) selectEncounter(uuid string) {
	for _, e := range d.Encounters {
		if uuid != "" && e.UUID == uuid {
			d.Encounter, d.EncounterDate = e.UUID, e.Date
		}
	}
}
