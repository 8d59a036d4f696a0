package fhir

import "goemr/internal/fhir/r4"

// bulkCapability declares Bulk Data export in the CapabilityStatement
// (Bulk Data 2.0, export.html#capabilitystatement): the server
// instantiates the bulk-data CapabilityStatement and names the export
// operation on the system, Patient and Group.
func (s *Server) bulkCapability(cs *r4.CapabilityStatement) {
	if s.o.Exports == nil || len(cs.Rest) == 0 {
		return
	}
	const od = "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/"
	op := func(name, def string) r4.CapabilityStatementRestResourceOperation {
		return r4.CapabilityStatementRestResourceOperation{Name: ptr(name), Definition: ptr(od + def)}
	}
	cs.Instantiates = append(cs.Instantiates, "http://hl7.org/fhir/uv/bulkdata/CapabilityStatement/bulk-data")
	rest := &cs.Rest[0]
	rest.Operation = append(rest.Operation, op("export", "export"))
	for i := range rest.Resource {
		switch *rest.Resource[i].Type {
		case "Patient":
			rest.Resource[i].Operation = append(rest.Resource[i].Operation, op("export", "patient-export"))
		case "Group":
			rest.Resource[i].Operation = append(rest.Resource[i].Operation, op("export", "group-export"))
		}
	}
}
