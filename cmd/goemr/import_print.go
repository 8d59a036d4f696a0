package main

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
)

// print writes the counts per type, then the commonest reasons of each
// type's refusals, then the files that could not be imported.
func (r *importReport) print(w io.Writer) {
	fmt.Fprintf(w, "imported %d files in %.1fs\n", r.files, time.Since(r.start).Seconds())
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "TYPE\tWRITTEN\tEXISTING\tSKIPPED\tREFUSED\tUNDONE\t")
	types := slices.Sorted(maps.Keys(r.types))
	for _, typ := range types {
		tc := r.types[typ]
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t\n", typ, tc.written, tc.existing, tc.skipped, tc.refused, tc.undone)
	}
	tw.Flush()
	fmt.Fprintln(w, "(existing: imported before in this run or found by ifNoneExist; skipped: a type goemr does not store;")
	fmt.Fprintln(w, " undone: in a file whose transaction a refused resource failed)")
	for _, typ := range types {
		tc := r.types[typ]
		if tc.refused == 0 {
			continue
		}
		fmt.Fprintf(w, "%s: %d refused\n", typ, tc.refused)
		reasons := slices.SortedFunc(maps.Keys(tc.reasons), func(a, b string) int {
			if d := tc.reasons[b].n - tc.reasons[a].n; d != 0 {
				return d
			}
			return strings.Compare(a, b)
		})
		for i, why := range reasons {
			if i == 5 {
				fmt.Fprintf(w, "  … and %d more reasons\n", len(reasons)-i)
				break
			}
			fmt.Fprintf(w, "  %5d× %s (first: %s)\n", tc.reasons[why].n, why, tc.reasons[why].example)
		}
	}
	for _, e := range r.fileErrors {
		fmt.Fprintln(w, "not imported:", e)
	}
	if len(r.notFHIR) > 0 {
		fmt.Fprintln(w, "passed over (no FHIR resources):", strings.Join(r.notFHIR, ", "))
	}
}
