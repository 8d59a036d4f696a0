// Package config holds goemr's process configuration: the serve flags of
// DESIGN.md §4, each also read from a GOEMR_<NAME> environment variable.
// There are no package globals; cmd/goemr builds one Config and passes it on.
package config
