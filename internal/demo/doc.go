// Package demo seeds the deterministic demonstration data of `goemr serve
// --demo`: the admin user, the Phil1 patient-portal login and a fixed set of
// patients, through the domain services only (so it runs on any store).
package demo
