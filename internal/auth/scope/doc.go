// Package scope parses, compares and catalogues OAuth2 scopes in the forms
// SMART App Launch 2.x ("Scopes and Launch Context",
// https://hl7.org/fhir/smart-app-launch/scopes-and-launch-context.html)
// and OpenEMR's API accept.
//
// # Grammar
//
// A scope token (RFC 6749 §3.3: printable ASCII except space, '"' and '\')
// is either one of the fixed non-resource scopes
//
//	openid fhirUser profile email phone address name given_name family_name
//	nickname phone_verified email_verified online_access offline_access
//	launch launch/patient launch/encounter api:oemr api:fhir api:port
//
// or a resource scope
//
//	context "/" resource "." permissions [ "?" query ]
//	context "/" resource "." "$" operation
//
// where context is patient, user or system; resource is a name matching
// [A-Za-z][A-Za-z_]* or "*"; and permissions is either a SMART v1 word
// (read = r+s, write = c+u+d, * = everything) or a SMART v2 non-empty subset
// of the letters c, r, u, d, s written in that order without repeats
// ("rs", "cruds", "c"; never "sr" or "rr"). The query of a granular SMART v2
// scope may only carry category parameters, e.g.
//
//	patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory
//
// FHIR resource types start with an upper-case letter; OpenEMR's Standard
// and Portal API resources (patient, allergy, soap_note, ...) are lower
// case. The wildcard resource "*" only ever covers FHIR types, so a
// "user/*.rs" grant never opens the Standard API.
//
// Operation scopes ($export, $docref, $bulkdata-status, $swap-insurance)
// are never implied by permissions: they must be granted by name, either
// for the resource or for "*".
//
// # OpenEMR compatibility
//
// Every scope OpenEMR advertises or documents parses and, with
// [DefaultCatalog], validates, and a route's required scope is computed the
// same way (context from the token's role, permission from the HTTP method
// or the operation). Deliberate differences:
//
//   - An unconstrained grant is unconstrained: holding both
//     patient/Observation.rs and a ?category= variant of it does not filter
//     results (OpenEMR filters even then).
//   - Wildcard resource scopes such as patient/*.rs are accepted for FHIR
//     types (OpenEMR only accepts the system bulk-export ones).
//   - ?category= values are validated against the catalogue, and the
//     Observation category system is the correct
//     http://terminology.hl7.org/CodeSystem/observation-category.
//   - A v1 word grants only the permissions the catalogue offers for that
//     resource ([Catalog.Restrict]): user/Patient.write means create and
//     update, as there is no delete.
package scope
