// Package admin serves the web pages a clinic uses around the API: staff
// sign-in, Administration (API clients, Connectors settings, users, audit)
// and the patient chart with its "SMART Enabled Apps" panel, from which a
// clinician starts an EHR launch (SMART App Launch 2.x §"EHR Launch").
//
// The pages are server-rendered html/template with one small stylesheet
// served by goemr itself and no script, so every core flow works without
// JavaScript and under a Content-Security-Policy that allows none. Every
// form carries a synchronizer CSRF token (OWASP CSRF Prevention Cheat
// Sheet); the session cookie is HttpOnly, SameSite=Strict and Secure under
// TLS, and the session row lives in the shared database so any goemr process
// can serve the next request.
//
// admin works on the domain services of package emr and the authorization
// server's exported operations; it never sees SQL.
package admin
