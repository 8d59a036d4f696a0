// Package web is the HTTP plumbing every front door shares: handlers that
// return errors, middleware (request id, access log, panic recovery, body
// limits, security headers), client-address and JSON helpers. It knows no
// protocol: each front door (auth, restapi, fhir) writes its own error shape.
package web
