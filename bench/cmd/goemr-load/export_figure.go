package main

import (
	"context"
	"fmt"
	"time"
)

// exportFigure runs an export scenario o.runs times and fills f: goemr is
// the median of resources/s, p50 the median export time, exportRSS the
// highest peak memory.
func exportFigure(ctx context.Context, o *options, f *figure, s *setup, g *proc) error {
	tokens, err := bulkTokens(s)
	if err != nil {
		return err
	}
	token, err := tokens()
	if err != nil {
		return err
	}
	path, members, err := exportPath(f.scenario, s, token)
	if err != nil {
		return err
	}
	fmt.Printf("\n--- %s / %s: GET %s (group of %d patients; load average %s; rows %s)\n",
		f.backend, f.scenario, path, members, loadAvg(), formatRows(f.rowsBefore))
	var rates []float64
	var took []time.Duration
	for r := 1; r <= o.runs && ctx.Err() == nil; r++ {
		res, err := runExport(s, tokens, path, g.pid())
		if err != nil {
			return err
		}
		fmt.Printf("  run %d: %d resources in %d files in %v = %.0f resources/s, peak anonymous memory %.0f MiB, VmHWM %.0f MiB\n",
			r, res.resources, res.files, res.took.Round(time.Millisecond), res.rate(), float64(res.peakAnon)/(1<<20), float64(res.peakRSS)/(1<<20))
		rates, took = append(rates, res.rate()), append(took, res.took)
		f.exportRSS = max(f.exportRSS, res.peakAnon)
		f.exportHWM = max(f.exportHWM, res.peakRSS)
		f.exportResources = res.resources
		f.valid++
	}
	if f.valid > 0 {
		f.goemr, f.p50 = median(rates), medianDur(took)
	}
	return nil
}

// printExportSummary prints the export figures of fs.
func printExportSummary(fs []figure) {
	fmt.Println("\n| backend | export | resources | median time | median resources/s | peak anonymous memory (max) | VmHWM (max) | goal ≥ 50,000/s and < 256 MiB |")
	fmt.Println("|---|---|---:|---:|---:|---:|---:|---|")
	for _, f := range fs {
		if f.exportResources == 0 {
			continue
		}
		met := "not met"
		if f.goemr >= exportGoal && f.exportRSS < 256<<20 {
			met = "met"
		}
		fmt.Printf("| %s | %s | %d | %v | %.0f | %.0f MiB | %.0f MiB | %s |\n", f.backend, f.scenario, f.exportResources,
			f.p50.Round(time.Millisecond), f.goemr, float64(f.exportRSS)/(1<<20), float64(f.exportHWM)/(1<<20), met)
	}
}
