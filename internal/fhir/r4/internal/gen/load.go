package gen

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
)

// structureDefinition holds the parts of a StructureDefinition the
// generator reads.
type structureDefinition struct {
	Name       string `json:"name"`
	Kind       string `json:"kind"`
	Abstract   bool   `json:"abstract"`
	Derivation string `json:"derivation"`
	Type       string `json:"type"`
	Snapshot   struct {
		Element []element `json:"element"`
	} `json:"snapshot"`
}

// element is one snapshot ElementDefinition.
type element struct {
	Path             string `json:"path"`
	Short            string `json:"short"`
	Max              string `json:"max"`
	ContentReference string `json:"contentReference"`
	Type             []struct {
		Code string `json:"code"`
	} `json:"type"`
}

// readBundle reads the StructureDefinitions of a definitions Bundle, plain
// or gzip-compressed (by the ".gz" suffix of path).
func readBundle(path string) ([]*structureDefinition, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		defer zr.Close()
		r = zr
	}
	var bundle struct {
		Entry []struct {
			Resource json.RawMessage `json:"resource"`
		} `json:"entry"`
	}
	if err := json.NewDecoder(r).Decode(&bundle); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var sds []*structureDefinition
	for _, e := range bundle.Entry {
		var head struct {
			ResourceType string `json:"resourceType"`
		}
		if err := json.Unmarshal(e.Resource, &head); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if head.ResourceType != "StructureDefinition" {
			continue // OperationDefinition and others share the bundle
		}
		sd := new(structureDefinition)
		if err := json.Unmarshal(e.Resource, sd); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		sds = append(sds, sd)
	}
	return sds, nil
}

// definitions indexes the StructureDefinitions by name.
type definitions struct {
	primitives map[string]bool                 // primitive datatype names
	complex    []*structureDefinition          // complex datatypes to generate
	resources  map[string]*structureDefinition // every resource, by name
	aliases    map[string]string               // constraint profiles to their base type
}

// load reads both definition bundles.
func load(typesPath, resourcesPath string) (*definitions, error) {
	types, err := readBundle(typesPath)
	if err != nil {
		return nil, err
	}
	res, err := readBundle(resourcesPath)
	if err != nil {
		return nil, err
	}
	d := &definitions{primitives: map[string]bool{}, resources: map[string]*structureDefinition{}, aliases: map[string]string{}}
	for _, sd := range types {
		switch {
		case sd.Kind == "primitive-type":
			d.primitives[sd.Name] = true
		case sd.Derivation == "constraint":
			d.aliases[sd.Name] = sd.Type // MoneyQuantity, SimpleQuantity
		case sd.Name == "BackboneElement":
			// Backbone elements become structs named by their path.
		case sd.Kind == "complex-type":
			d.complex = append(d.complex, sd)
		}
	}
	for _, sd := range res {
		// SubscriptionStatus is an R4B resource shipped in this bundle.
		if sd.Kind == "resource" && sd.Derivation != "constraint" && sd.Name != "SubscriptionStatus" {
			d.resources[sd.Name] = sd
		}
	}
	return d, nil
}
