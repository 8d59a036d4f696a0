package auth

import (
	"context"
	"encoding/json"
	"net/url"
	"slices"
	"strings"
	"time"

	"goemr/internal/auth/scope"
	"goemr/internal/emr"
)

// LaunchFromEHR creates a single-use launch context for a clinician who opens an app from a patient's
// chart and returns the URL to send the browser to: the app's initiate_login_uri with iss and launch.
// encounterUUID may be "". Errors: ENOTFOUND unknown client; EINVALID client disabled, has no launch URI
// or did not register the launch scope.
func (s *Server) LaunchFromEHR(ctx context.Context, site, clientID, userUUID, patientUUID, encounterUUID string) (string, error) {
	c, err := s.st.Clients.ClientByID(ctx, clientID)
	if emr.IsNotFound(err) || (err == nil && c.Site != site) {
		return "", emr.Errorf(emr.ENOTFOUND, "no app %q is registered on this site", clientID)
	} else if err != nil {
		return "", err
	}
	if err := launchable(c); err != nil {
		return "", err
	}
	if userUUID == "" || patientUUID == "" {
		return "", emr.Errorf(emr.EINVALID, "an EHR launch needs the signed-in user and the patient")
	}
	launch, err := s.newLaunch(ctx, site, c.ID, userUUID, patientUUID, encounterUUID)
	if err != nil {
		return "", err
	}
	// Audited as the launch page's launch is; the chart's request is the
	// caller's, so the row carries no address.
	e := &emr.AuditEvent{Time: s.now(), Site: site, Event: "launch", Outcome: "success", Role: emr.RoleUsers,
		Subject: userUUID, ClientID: c.ID, PatientUUID: patientUUID, Detail: "from the chart"}
	if err := s.st.Audit.RecordAudit(ctx, e); err != nil {
		s.log.Error("write audit", "event", "launch", "err", err)
	}
	q := url.Values{"iss": {s.FHIRBase(site)}, "launch": {launch}}
	return appendQuery(c.InitiateLoginURI, q), nil
}

// LaunchableApps lists the apps a clinician may open from a chart: enabled
// (approved) clients of the site with an initiate_login_uri that registered
// the launch scope, by name.
func (s *Server) LaunchableApps(ctx context.Context, site string) ([]*emr.Client, error) {
	all, err := s.st.Clients.ListClients(ctx)
	if err != nil {
		return nil, err
	}
	var out []*emr.Client
	for _, c := range all {
		if c.Site == site && launchable(c) == nil {
			out = append(out, c)
		}
	}
	slices.SortFunc(out, func(a, b *emr.Client) int {
		if n := strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)); n != 0 {
			return n
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out, nil
}

// launchable says why client c cannot be launched from the EHR (SMART App
// Launch 2.x "EHR Launch": the EHR opens the app's launch URL, and the app
// asks for the launch scope), or nil.
func launchable(c *emr.Client) error {
	registered, _ := scope.ParseList(c.Scope)
	switch {
	case !c.Enabled:
		return emr.Errorf(emr.EINVALID, "the app %q is disabled or waiting for an administrator's approval", c.Name)
	case c.InitiateLoginURI == "":
		return emr.Errorf(emr.EINVALID, "the app %q registered no launch URI (initiate_login_uri)", c.Name)
	case !scope.Set(registered).Has("launch"):
		return emr.Errorf(emr.EINVALID, "the app %q did not register the launch scope", c.Name)
	}
	return nil
}

// newLaunch signs a launch handle for the context (user, patient, encounter).
// The handle is a short-lived JWT any process can verify; its jti is spent
// in the database when the app redeems it at /authorize (redeemLaunch), so
// it works once however many processes serve the site.
func (s *Server) newLaunch(ctx context.Context, site, clientID, userUUID, patientUUID, encounterUUID string) (string, error) {
	if err := s.keys.Refresh(ctx, keyReload); err != nil {
		return "", err
	}
	now := s.now()
	payload, _ := json.Marshal(launchClaims{
		Issuer: s.Issuer(site), Audience: clientID, Subject: userUUID,
		Patient: patientUUID, Encounter: encounterUUID,
		IssuedAt: now.Unix(), Expiry: now.Add(launchLife).Unix(), JTI: newID(),
	})
	return s.keys.sign(payload, typLaunch)
}

// launchUsePrefix keeps spent launch ids apart from client assertion ids in
// the shared jti-replay table.
const launchUsePrefix = "launch:"

// redeemLaunch spends the launch handle: a second authorization request
// with the same launch is refused (invalid_request).
func (s *Server) redeemLaunch(ctx context.Context, l *launchClaims) error {
	err := s.st.Tokens.UseAssertionID(ctx, l.Audience, launchUsePrefix+l.JTI, time.Unix(l.Expiry, 0))
	if emr.ErrorCode(err) == emr.ECONFLICT {
		return invalidRequest("this launch was already used; launch the app again from the EHR")
	}
	return err
}
