// Package gen generates the Go types of package r4 from the FHIR R4
// StructureDefinitions. The command r4/gen runs it; the drift test of r4
// runs it too and compares the result with the committed files.
package gen

import (
	"fmt"
	"slices"
	"strings"
)

// Resources are the resources generated, one file each. Every complex
// datatype is generated, whatever this list holds.
var Resources = []string{
	"AllergyIntolerance", "Appointment", "Binary", "Bundle",
	"CapabilityStatement", "CarePlan", "CareTeam", "Condition", "Coverage",
	"Device", "DiagnosticReport", "DocumentReference", "Encounter", "Goal",
	"Group", "Immunization", "Location", "Media", "Medication",
	"MedicationDispense", "MedicationRequest", "Observation",
	"OperationDefinition", "OperationOutcome", "Organization", "Parameters",
	"Patient", "Person", "Practitioner", "PractitionerRole", "Procedure",
	"Provenance", "Questionnaire", "QuestionnaireResponse", "RelatedPerson",
	"ServiceRequest", "Specimen", "ValueSet",
}

// DatatypesFile holds every complex datatype; RegistryFile holds New.
const (
	DatatypesFile = "datatypes.gen.go"
	RegistryFile  = "registry.gen.go"
)

// FileName is the generated file of a resource.
func FileName(resource string) string {
	return strings.ToLower(resource) + ".gen.go"
}

// Generate reads the datatype and resource definition bundles (the
// latter may be gzip-compressed) and returns the generated files by name.
func Generate(typesPath, resourcesPath string) (map[string][]byte, error) {
	d, err := load(typesPath, resourcesPath)
	if err != nil {
		return nil, err
	}
	names := map[string]string{} // Go type name → path, to catch clashes
	claim := func(ss []goStruct) error {
		for _, s := range ss {
			if other, ok := names[s.Name]; ok {
				return fmt.Errorf("type %s stands for both %s and %s", s.Name, other, s.Path)
			}
			names[s.Name] = s.Path
		}
		return nil
	}
	out := map[string][]byte{}

	slices.SortFunc(d.complex, func(a, b *structureDefinition) int { return strings.Compare(a.Name, b.Name) })
	var dt file
	for _, sd := range d.complex {
		ss, err := d.structs(sd)
		if err != nil {
			return nil, err
		}
		if err := claim(ss); err != nil {
			return nil, err
		}
		for _, s := range ss {
			dt.writeStruct(s, "datatype")
		}
	}
	if out[DatatypesFile], err = dt.source(DatatypesFile); err != nil {
		return nil, err
	}

	for _, name := range Resources {
		if out[FileName(name)], err = d.resourceFile(name, claim); err != nil {
			return nil, err
		}
	}
	var reg file
	reg.writeRegistry(Resources)
	if out[RegistryFile], err = reg.source(RegistryFile); err != nil {
		return nil, err
	}
	return out, nil
}

// resourceFile generates the structs and methods of one resource.
func (d *definitions) resourceFile(name string, claim func([]goStruct) error) ([]byte, error) {
	sd := d.resources[name]
	if sd == nil {
		return nil, fmt.Errorf("no StructureDefinition for resource %s", name)
	}
	ss, err := d.structs(sd)
	if err != nil {
		return nil, err
	}
	if err := claim(ss); err != nil {
		return nil, err
	}
	for _, fd := range ss[0].Fields {
		if slices.Contains(resourceMethods, fd.Name) {
			return nil, fmt.Errorf("%s: field %s clashes with a method", name, fd.Name)
		}
	}
	var f file
	for i, s := range ss {
		f.writeStruct(s, "resource")
		if i == 0 {
			f.writeMethods(name)
		}
	}
	return f.source(FileName(name))
}
