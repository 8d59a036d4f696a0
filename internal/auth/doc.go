// Package auth is goemr's authorization server and the request authorizer
// in front of every protected API.
//
// It implements, under /oauth2/{site}/:
//   - OpenID Connect Discovery 1.0 and the SMART App Launch 2.x
//     .well-known/smart-configuration document;
//   - dynamic client registration (RFC 7591) and client read (RFC 7592 §2.1),
//     with OpenEMR's request and response JSON;
//   - the authorization endpoint (RFC 6749 §4.1) by GET and POST, with
//     server-rendered login, patient-picker and consent pages, PKCE S256
//     (RFC 7636) mandatory for public clients;
//   - the token endpoint with the authorization_code, refresh_token
//     (rotated on use), password (OpenEMR's, off by default) and
//     client_credentials (SMART Backend Services: private_key_jwt,
//     RFC 7523) grants, each a handler of its own;
//   - introspection (RFC 7662), revocation (RFC 7009), userinfo (OIDC Core
//     §5.3), RP-initiated logout, the JWKS and the SMART style document.
//
// Access tokens are RS256 JWTs signed by a key ring kept in the database, so
// any number of goemr processes can issue and verify them; revocations are
// rows every process consults on each request.
package auth
