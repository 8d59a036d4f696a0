package auth

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"goemr/internal/auth/scope"
	"goemr/internal/emr"
)

// authRequest is a validated authorization request (RFC 6749 §4.1.1), kept
// in the login session while the user signs in and consents.
type authRequest struct {
	ClientID            string `json:"client_id"`
	ClientName          string `json:"client_name"`
	RedirectURI         string `json:"redirect_uri"`
	Scope               string `json:"scope"`
	State               string `json:"state,omitempty"`
	Nonce               string `json:"nonce,omitempty"`
	CodeChallenge       string `json:"code_challenge,omitempty"`
	CodeChallengeMethod string `json:"code_challenge_method,omitempty"`
	// LaunchPatient is the patient of an EHR launch (the launch parameter).
	LaunchPatient string `json:"launch_patient,omitempty"`
	// LaunchEncounter and LaunchUser complete the EHR launch context: the
	// encounter the app was opened from and the clinician who opened it.
	LaunchEncounter string `json:"launch_encounter,omitempty"`
	LaunchUser      string `json:"launch_user,omitempty"`
	// EHRLaunch marks the session of the EHR's own launch page, which ends
	// by sending the browser to the app rather than issuing a code.
	EHRLaunch bool `json:"ehr_launch,omitempty"`
}

// challengePattern: an S256 challenge is BASE64URL(SHA-256) = 43 characters.
var challengePattern = regexp.MustCompile(`^[A-Za-z0-9\-_]{43}$`)

// pageError is shown to the user instead of redirecting: the request cannot
// be trusted to name a safe place to send the browser (RFC 6749 §4.1.2.1).
type pageError struct {
	Status  int
	Message string
}

func (e *pageError) Error() string { return e.Message }

// handleAuthorize is the authorization endpoint, by GET or POST (SMART
// authorize-post; OIDC Core §3.1.2.1 allows both).
func (s *Server) handleAuthorize(w http.ResponseWriter, r *http.Request) error {
	site := r.PathValue("site")
	params := r.URL.Query()
	if r.Method == http.MethodPost {
		if err := r.ParseForm(); err != nil {
			return &pageError{400, "The authorization request cannot be read."}
		}
		params = r.PostForm
	}
	req, redirectErr, err := s.validateAuthorize(r.Context(), site, params)
	if err != nil {
		s.audit(r, "authorize", "failure", &emr.AuditEvent{ClientID: params.Get("client_id"), Detail: err.Error()})
		return err
	}
	if redirectErr != nil {
		s.audit(r, "authorize", "failure", &emr.AuditEvent{ClientID: req.ClientID, Detail: redirectErr.Description})
		redirectWithError(w, r, req, redirectErr)
		return nil
	}
	return s.startSession(w, r, site, req)
}

// validateAuthorize checks the request. Errors about the client or the
// redirect URI (and a wrong aud) are shown on a page; the others go back to
// the client's redirect URI as §4.1.2.1 says.
func (s *Server) validateAuthorize(ctx context.Context, site string, p url.Values) (*authRequest, *oauthError, error) {
	for k, v := range p {
		if len(v) > 1 {
			return nil, nil, &pageError{400, "The parameter " + k + " is repeated."}
		}
	}
	c, err := s.pageClient(ctx, site, p.Get("client_id"))
	if err != nil {
		return nil, nil, err
	}
	redirect := p.Get("redirect_uri")
	if redirect == "" && len(c.RedirectURIs) == 1 {
		redirect = c.RedirectURIs[0]
	}
	if !slices.Contains(c.RedirectURIs, redirect) {
		return nil, nil, &pageError{400, "The redirect_uri is not one this app registered."}
	}
	// SMART: aud names the FHIR server the app wants a token for; a wrong
	// one means the app was sent to the wrong server, so no code is issued.
	if aud := p.Get("aud"); aud != "" && !s.validAudience(site, aud) {
		return nil, nil, &pageError{400, "The aud parameter " + aud + " is not this server's FHIR base URL (" + s.FHIRBase(site) + ")."}
	}
	req := &authRequest{
		ClientID: c.ID, ClientName: c.Name, RedirectURI: redirect, State: p.Get("state"), Nonce: p.Get("nonce"),
		CodeChallenge: p.Get("code_challenge"), CodeChallengeMethod: p.Get("code_challenge_method"),
	}
	if rt := p.Get("response_type"); rt != "code" {
		return req, oerr(0, "unsupported_response_type", "response_type must be code"), nil
	}
	var l *launchClaims
	if launch := p.Get("launch"); launch != "" {
		// SMART EHR launch: the app must name the FHIR server it was
		// launched for and ask for the launch scope.
		if p.Get("aud") == "" {
			return req, invalidRequest("aud is required with launch"), nil
		}
		if l, err = s.checkLaunch(ctx, site, c.ID, launch); err != nil {
			return req, toOAuth(err), nil
		}
		if !strings.Contains(" "+p.Get("scope")+" ", " launch ") {
			return req, invalidScope("an EHR launch needs the launch scope"), nil
		}
		req.LaunchPatient, req.LaunchEncounter, req.LaunchUser = l.Patient, l.Encounter, l.Subject
	}
	if p.Get("request") != "" || p.Get("request_uri") != "" {
		return req, oerr(0, "request_not_supported", "request objects are not supported"), nil
	}
	if oe := checkChallenge(c, req); oe != nil {
		return req, oe, nil
	}
	scopes, err := s.requestedScopes(c, p.Get("scope"), false)
	if err != nil {
		return req, toOAuth(err), nil
	}
	if len(req.State) > 2048 || len(req.Nonce) > 2048 {
		return req, invalidRequest("state or nonce too long"), nil
	}
	req.Scope = scope.Set(scopes).String()
	if l != nil {
		// Spent only by a request that is otherwise valid, so an app that
		// fixes a mistake in its request can retry with the same launch.
		if err := s.redeemLaunch(ctx, l); err != nil {
			return req, toOAuth(err), nil
		}
	}
	return req, nil, nil
}

// pageClient loads the enabled client of a browser flow (authorize, EHR
// launch) fresh from the store; its problems are shown on a page, since
// nothing about the request can be trusted to redirect to.
func (s *Server) pageClient(ctx context.Context, site, id string) (*emr.Client, error) {
	if id == "" {
		return nil, &pageError{400, "Unknown client_id: the app is not registered here."}
	}
	c, err := s.st.Clients.ClientByID(ctx, id)
	if emr.IsNotFound(err) {
		return nil, &pageError{400, "Unknown client_id: the app is not registered here."}
	} else if err != nil {
		return nil, err
	}
	if !c.Enabled || c.Site != site {
		return nil, &pageError{400, "This app is disabled or waiting for an administrator's approval."}
	}
	return c, nil
}

// checkChallenge applies RFC 7636: S256 only (plain is refused), mandatory
// for public clients.
func checkChallenge(c *emr.Client, req *authRequest) *oauthError {
	if req.CodeChallenge == "" {
		if req.CodeChallengeMethod != "" {
			return invalidRequest("code_challenge_method without code_challenge")
		}
		if !c.Confidential {
			return invalidRequest("PKCE is required: send code_challenge with code_challenge_method=S256")
		}
		return nil
	}
	if req.CodeChallengeMethod != "S256" {
		return invalidRequest("code_challenge_method must be S256")
	}
	if !challengePattern.MatchString(req.CodeChallenge) {
		return invalidRequest("code_challenge must be the 43-character base64url SHA-256 of the verifier")
	}
	return nil
}

func (s *Server) validAudience(site, aud string) bool {
	aud = strings.TrimRight(aud, "/")
	return aud == s.FHIRBase(site) || aud == s.APIBase(site)+"/api" || aud == s.APIBase(site)+"/portal"
}

// redirectWithError sends the browser back to the client (RFC 6749 §4.1.2.1).
func redirectWithError(w http.ResponseWriter, r *http.Request, req *authRequest, oe *oauthError) {
	q := url.Values{"error": {oe.Code}}
	if oe.Description != "" {
		q.Set("error_description", oe.Description)
	}
	if req.State != "" {
		q.Set("state", req.State)
	}
	http.Redirect(w, r, appendQuery(req.RedirectURI, q), http.StatusSeeOther)
}

func appendQuery(base string, q url.Values) string {
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	return base + sep + q.Encode()
}

func (a *authRequest) encode() string {
	b, _ := json.Marshal(a)
	return string(b)
}
