// Package openapi describes goemr's Standard and Patient Portal APIs as an
// OpenAPI 3.0.3 document and serves it with Swagger UI under /swagger/.
//
// The document is derived from the resource table (package resource): one
// operation per route, the scope each route requires derived exactly as the
// server checks it (Route.Scope, openemr-standard-api.md §1.2), request
// bodies from the writable fields and their validation rules, and response
// schemas from the route's style (§4.1). Nothing is written by hand, so the
// document cannot drift from the server. It is built once, when the handler
// is made, and served as fixed bytes.
//
// Swagger UI is the npm package swagger-ui-dist, embedded (ui/VERSION names
// the release) so that the UI works without any CDN; it signs in against
// goemr's own OAuth2 server with the authorization-code flow and PKCE.
package openapi
