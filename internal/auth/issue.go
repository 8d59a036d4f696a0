package auth

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"goemr/internal/auth/scope"
	"goemr/internal/emr"
)

// tokenResponse is the token endpoint's success body (RFC 6749 §5.1) with
// OpenID Connect's id_token and SMART's launch context.
type tokenResponse struct {
	AccessToken       string `json:"access_token"`
	TokenType         string `json:"token_type"`
	ExpiresIn         int64  `json:"expires_in"`
	Scope             string `json:"scope"`
	RefreshToken      string `json:"refresh_token,omitempty"`
	IDToken           string `json:"id_token,omitempty"`
	Patient           string `json:"patient,omitempty"`
	Encounter         string `json:"encounter,omitempty"`
	NeedPatientBanner *bool  `json:"need_patient_banner,omitempty"`
	SmartStyleURL     string `json:"smart_style_url,omitempty"`
}

// keyReload is how stale the key ring may be when signing.
const keyReload = 5 * time.Second

// issueOptions say how the refresh token of an issue is handled.
type issueOptions struct {
	refresh    bool   // issue a refresh token (offline_access granted)
	rotateFrom string // hash of the refresh token this one replaces
}

// issue signs an access token (and id token, refresh token) for grant g.
func (s *Server) issue(ctx context.Context, c *emr.Client, g *emr.Grant, o issueOptions) (*tokenResponse, error) {
	now := s.now()
	life := s.seconds(ctx, emr.SettingAccessTokenLifetime)
	if g.Role == emr.RoleSystem {
		life = s.seconds(ctx, emr.SettingSystemTokenLifetime)
	}
	exp := now.Add(life)
	granted, _ := scope.ParseList(g.Scope)
	set := scope.Set(granted)
	fhirUser := ""
	if set.Has("fhirUser") {
		var err error
		if fhirUser, err = s.fhirUser(ctx, g); err != nil {
			return nil, err
		}
	}
	at := accessClaims{
		Issuer: s.Issuer(g.Site), Subject: g.Subject, Audience: c.ID, ClientID: c.ID,
		Scope: g.Scope, IssuedAt: now.Unix(), NotBefore: now.Unix(), Expiry: exp.Unix(),
		JTI: newID(), Role: g.Role, Patient: g.PatientUUID, FHIRUser: fhirUser,
	}
	at.GrantID = g.ID
	if g.Role == emr.RoleSystem {
		at.GrantID = c.CredentialsGrantID()
	}
	// Pick up a key rotated by another process within seconds; the retired
	// key stays published, so tokens it signed meanwhile still verify.
	if err := s.keys.Refresh(ctx, keyReload); err != nil {
		return nil, err
	}
	payload, _ := json.Marshal(at)
	access, err := s.keys.sign(payload, typAccess)
	if err != nil {
		return nil, err
	}
	resp := &tokenResponse{AccessToken: access, TokenType: "Bearer", ExpiresIn: int64(life / time.Second), Scope: g.Scope}
	if g.PatientUUID != "" && (set.Has("launch/patient") || set.Has("launch") || g.Role == emr.RolePatient) {
		// After an EHR launch the EHR already shows whose record is open.
		banner := !isEHRLaunch(set)
		resp.Patient, resp.NeedPatientBanner = g.PatientUUID, &banner
		resp.SmartStyleURL = s.Issuer(g.Site) + "/smart/smart-style"
		// SMART App Launch 2.x "Launch context arrives with your
		// access_token": encounter, for an app launched from an encounter
		// (the launch scope) or one that asked for it (launch/encounter).
		if set.Has("launch") || set.Has("launch/encounter") {
			resp.Encounter = g.EncounterUUID
		}
	}
	if set.Has("openid") && g.Role != emr.RoleSystem {
		if resp.IDToken, err = s.idToken(ctx, c, g, set, fhirUser, now, exp); err != nil {
			return nil, err
		}
	}
	if o.refresh && g.Role != emr.RoleSystem {
		if resp.RefreshToken, err = s.newRefreshToken(ctx, c, g, o.rotateFrom); err != nil {
			return nil, err
		}
	}
	return resp, nil
}

func (s *Server) newRefreshToken(ctx context.Context, c *emr.Client, g *emr.Grant, rotateFrom string) (string, error) {
	raw := randomToken(32)
	rt := &emr.RefreshToken{
		Hash: tokenHash(raw), GrantID: g.ID, ClientID: c.ID, Scope: g.Scope,
		Created: s.now(), Expires: s.now().Add(s.seconds(ctx, emr.SettingRefreshTokenLifetime)),
	}
	var err error
	if rotateFrom != "" {
		err = s.st.Tokens.RotateRefreshToken(ctx, rotateFrom, rt)
		if emr.ErrorCode(err) == emr.ECONFLICT {
			return "", invalidGrant("the refresh token was already used")
		}
	} else {
		err = s.st.Tokens.CreateRefreshToken(ctx, rt)
	}
	return raw, err
}

func (s *Server) idToken(ctx context.Context, c *emr.Client, g *emr.Grant, set scope.Set, fhirUser string, now, exp time.Time) (string, error) {
	id := idClaims{
		Issuer: s.Issuer(g.Site), Subject: g.Subject, Audience: c.ID,
		IssuedAt: now.Unix(), Expiry: exp.Unix(), Nonce: g.Nonce, SessionID: g.ID, FHIRUser: fhirUser,
	}
	if !g.AuthTime.IsZero() {
		id.AuthTime = g.AuthTime.Unix()
	}
	if set.Has("profile") || set.Has("email") {
		given, family, email, err := s.subjectProfile(ctx, g)
		if err != nil {
			return "", err
		}
		if set.Has("profile") {
			id.GivenName, id.FamilyName = given, family
			id.Name = strings.TrimSpace(given + " " + family)
		}
		if set.Has("email") {
			id.Email = email
		}
	}
	payload, _ := json.Marshal(id)
	return s.keys.sign(payload, typID)
}

// fhirUser is the absolute URL of the FHIR resource for the signed-in
// person (SMART App Launch "fhirUser"): Patient for portal logins,
// Practitioner for staff with an NPI, Person for other staff (as OpenEMR).
func (s *Server) fhirUser(ctx context.Context, g *emr.Grant) (string, error) {
	base := s.FHIRBase(g.Site)
	switch g.Role {
	case emr.RolePatient:
		return base + "/Patient/" + g.Subject, nil
	case emr.RoleUsers:
		u, err := s.st.Users.UserByUUID(ctx, g.Subject)
		if err != nil {
			return "", err
		}
		if u.NPI != "" {
			return base + "/Practitioner/" + u.UUID, nil
		}
		return base + "/Person/" + u.UUID, nil
	}
	return "", nil
}

func (s *Server) subjectProfile(ctx context.Context, g *emr.Grant) (given, family, email string, err error) {
	switch g.Role {
	case emr.RolePatient:
		p, err := s.st.Patients.PatientByUUID(ctx, g.Subject)
		if err != nil {
			return "", "", "", err
		}
		return p.Fname, p.Lname, p.Email, nil
	case emr.RoleUsers:
		u, err := s.st.Users.UserByUUID(ctx, g.Subject)
		if err != nil {
			return "", "", "", err
		}
		return u.Fname, u.Lname, u.Email, nil
	}
	return "", "", "", nil
}
