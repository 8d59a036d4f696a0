package auth

import (
	"net/http"
	"strings"

	"goemr/internal/emr"
)

// handlePatientSelect lists patients for a staff user who grants an app
// launch/patient (SMART standalone launch with patient context).
func (s *Server) handlePatientSelect(w http.ResponseWriter, r *http.Request) error {
	sess, req, err := s.signedIn(r)
	if err != nil {
		return err
	}
	if sess.Role != emr.RoleUsers {
		return &pageError{403, "Only staff users choose a patient."}
	}
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if len(q) > 100 {
		q = q[:100]
	}
	patients, err := s.st.Patients.SearchPatients(r.Context(), emr.PatientFilter{Name: q, Limit: 100})
	if err != nil {
		return err
	}
	title := "Choose a patient"
	if req.EHRLaunch {
		title = "Launch " + req.ClientName + " for a patient"
	}
	renderPage(w, http.StatusOK, "patient_select.html", map[string]any{
		"Title": title, "ClientName": req.ClientName, "CSRF": sess.CSRF, "Query": q,
		"Patients": patients, "SearchAction": s.Issuer(sess.Site) + "/smart/patient-select",
		"Action": s.Issuer(sess.Site) + "/smart/patient-select-confirm",
	})
	return nil
}

// handlePatientSelectConfirm records the chosen patient in the session.
func (s *Server) handlePatientSelectConfirm(w http.ResponseWriter, r *http.Request) error {
	sess, req, err := s.signedIn(r)
	if err != nil {
		return err
	}
	if err := checkCSRF(r, sess); err != nil {
		return err
	}
	if sess.Role != emr.RoleUsers {
		return &pageError{403, "Only staff users choose a patient."}
	}
	p, err := s.st.Patients.PatientByUUID(r.Context(), r.PostFormValue("patient_id"))
	if emr.IsNotFound(err) {
		return &pageError{400, "Choose a patient from the list."}
	} else if err != nil {
		return err
	}
	sess.PatientUUID = p.UUID
	if req.EHRLaunch {
		return s.finishEHRLaunch(w, r, sess, req)
	}
	if err := s.st.Sessions.UpdateSession(r.Context(), sess); err != nil {
		return err
	}
	http.Redirect(w, r, s.Issuer(sess.Site)+"/scope-authorize-confirm", http.StatusSeeOther)
	return nil
}
