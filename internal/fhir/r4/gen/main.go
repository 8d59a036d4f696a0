// Command gen writes the generated files of package r4 (see its doc.go):
//
//	go run ./gen -types profiles-types.json -resources profiles-resources.json.gz -out .
//
// Run it through go generate ./internal/fhir/r4, which passes the paths of
// the definitions in shared/data.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"goemr/internal/fhir/r4/internal/gen"
)

func main() {
	types := flag.String("types", "", "FHIR R4 profiles-types.json")
	resources := flag.String("resources", "", "FHIR R4 profiles-resources.json, or .json.gz")
	out := flag.String("out", ".", "directory to write the *.gen.go files to")
	flag.Parse()
	if *types == "" || *resources == "" {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*types, *resources, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// run writes the generated files into dir and removes any other *.gen.go
// file there, left from a resource no longer generated.
func run(types, resources, dir string) error {
	files, err := gen.Generate(types, resources)
	if err != nil {
		return err
	}
	old, err := filepath.Glob(filepath.Join(dir, "*.gen.go"))
	if err != nil {
		return err
	}
	for _, p := range old {
		if _, keep := files[filepath.Base(p)]; !keep {
			if err := os.Remove(p); err != nil {
				return err
			}
		}
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if err := os.WriteFile(filepath.Join(dir, name), files[name], 0o644); err != nil {
			return err
		}
	}
	fmt.Printf("gen: wrote %d files to %s\n", len(names), dir)
	return nil
}
