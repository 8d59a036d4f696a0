package fhirmap

// All are the types the FHIR server serves, in CapabilityStatement order.
var All = []*Mapping{
	Patient,
}
