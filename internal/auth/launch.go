package auth

import (
	"context"
	"net/http"
	"net/url"
	"time"

	"goemr/internal/auth/scope"
	"goemr/internal/emr"
)

// EHR launch (SMART App Launch 2.x "EHR Launch"): a clinician opens
// /oauth2/{site}/smart/launch?client_id=…, signs in and picks the patient;
// goemr then sends the browser to the app's initiate_login_uri with iss (the
// FHIR base) and launch, an opaque handle to that context. The app comes back
// to /authorize with the same launch value and the `launch` scope, and its
// token carries the patient.
//
// The launch value is a short-lived JWT signed by the server's key ring, so
// any process can check it; its jti is spent in the database when the app
// redeems it at /authorize, so it works once (ehr_launch.go). A chart's
// launch button (LaunchFromEHR) makes the same handle, with the encounter.

// launchLife bounds how long an app may take from launch to authorize.
const launchLife = 5 * time.Minute

type launchClaims struct {
	Issuer   string `json:"iss"`
	Audience string `json:"aud"` // the client the launch is for
	Subject  string `json:"sub"` // the clinician who launched
	Patient  string `json:"patient"`
	// Encounter is set when the app was opened from an encounter.
	Encounter string `json:"encounter,omitempty"`
	Expiry    int64  `json:"exp"`
	IssuedAt  int64  `json:"iat"`
	JTI       string `json:"jti"`
}

// handleEHRLaunch starts a launch: it checks the app, then runs the sign-in
// and patient-picker pages in a login session marked as an EHR launch.
func (s *Server) handleEHRLaunch(w http.ResponseWriter, r *http.Request) error {
	site := r.PathValue("site")
	c, err := s.pageClient(r.Context(), site, r.URL.Query().Get("client_id"))
	if err != nil {
		return err
	}
	if err := launchable(c); err != nil {
		return &pageError{400, "This app cannot be launched from the EHR: " + emr.ErrorMessage(err) + "."}
	}
	return s.startSession(w, r, site, &authRequest{ClientID: c.ID, ClientName: c.Name, EHRLaunch: true})
}

// finishEHRLaunch sends the browser to the app with a launch handle for the
// chosen patient.
func (s *Server) finishEHRLaunch(w http.ResponseWriter, r *http.Request, sess *emr.LoginSession, req *authRequest) error {
	c, err := s.st.Clients.ClientByID(r.Context(), req.ClientID)
	if err != nil {
		return err
	}
	launch, err := s.newLaunch(r.Context(), sess.Site, c.ID, sess.Subject, sess.PatientUUID, "")
	if err != nil {
		return err
	}
	s.endSession(w, r, sess)
	s.audit(r, "launch", "success", &emr.AuditEvent{Role: sess.Role, Subject: sess.Subject, ClientID: c.ID, PatientUUID: sess.PatientUUID})
	q := url.Values{"iss": {s.FHIRBase(sess.Site)}, "launch": {launch}}
	http.Redirect(w, r, appendQuery(c.InitiateLoginURI, q), http.StatusSeeOther)
	return nil
}

// checkLaunch verifies the launch parameter of an authorization request and
// returns the context it carries; redeemLaunch then spends it.
func (s *Server) checkLaunch(ctx context.Context, site, clientID, launch string) (*launchClaims, error) {
	var c launchClaims
	typ, err := s.verifyJWT(ctx, launch, &c)
	if err != nil || typ != typLaunch || c.Issuer != s.Issuer(site) || c.JTI == "" {
		return nil, invalidRequest("launch is not a launch handle issued by this server")
	}
	if c.Audience != clientID {
		return nil, invalidRequest("launch was issued for another app")
	}
	if !s.now().Before(time.Unix(c.Expiry, 0)) {
		return nil, invalidRequest("launch has expired; launch the app again from the EHR")
	}
	return &c, nil
}

// isEHRLaunch: a grant from an EHR launch holds the launch scope.
func isEHRLaunch(set scope.Set) bool {
	return set.Has("launch") && !set.Has("launch/patient")
}
