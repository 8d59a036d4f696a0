// Package demo makes the deterministic demonstration data of `goemr serve
// --demo` and `goemr demo`. Seed writes the accounts and the named patients
// through the domain services: the admin user, the Phil1 patient-portal
// login and 22 patients (the scenario tests use exactly these). Generate
// then gives demo patients clinically plausible histories (encounters with
// vitals and notes, problems, medications, allergies, immunizations, lab
// results, appointments, insurance, messages, documents), creating as
// many further patients as asked, through the resource definitions of
// internal/resource in one transaction per few hundred patients.
package demo
