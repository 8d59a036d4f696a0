package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"

	"goemr/internal/auth"
	"goemr/internal/auth/scope"
	"goemr/internal/emr"
	"goemr/internal/fhir"
	"goemr/internal/store"
)

// importOptions are the flags of goemr import.
type importOptions struct {
	skipUnstored bool
	batch        bool
}

// runImport loads FHIR JSON files: Bundles, single resources and NDJSON.
// Every file goes through the FHIR server's own Bundle path (POST [base],
// run in process for a system principal), so an import maps, validates
// and stores exactly as the API does.
func runImport(ctx context.Context, env *cliEnv, args []string) error {
	var o importOptions
	fs, db, st, err := dbCommand(ctx, env, "import", args, func(fs *flag.FlagSet) {
		fs.BoolVar(&o.skipUnstored, "skip-unstored", false,
			"leave out resources of types goemr does not store (Claim, ExplanationOfBenefit, ImagingStudy…), counting them, instead of refusing their file")
		fs.BoolVar(&o.batch, "batch", false,
			"write each resource on its own (a FHIR batch): a refused resource leaves the rest of its file written; by default each file is one transaction")
	})
	if err != nil {
		return err
	}
	defer db.Close()
	if fs.NArg() == 0 {
		return errors.New("usage: goemr import [--skip-unstored] [--batch] FILE|FOLDER|ARCHIVE.tar.gz…")
	}
	im, err := newImporter(ctx, st, fs.Lookup("site").Value.String(), o)
	if err != nil {
		return err
	}
	rep, err := im.importPaths(ctx, fs.Args(), env.stderr)
	if err != nil {
		return err
	}
	rep.print(env.stdout)
	recordCLI(ctx, st, "import", rep.summary())
	if n := rep.refusedUSCore(); n > 0 || len(rep.fileErrors) > 0 {
		return fmt.Errorf("%d resources of types US Core covers, and %d files, were not imported", n, len(rep.fileErrors))
	}
	return nil
}

// importer loads files into one site, remembering across them what each
// source resource became, so later files' references resolve.
type importer struct {
	fhir *fhir.Server
	p    *auth.Principal
	site string
	opts importOptions
	// known maps a source reference (fullUrl, Type/id,
	// Type?identifier=system|value) to the Type/id it was written as.
	known map[string]string
}

// newImporter builds the FHIR server over st and the principal the
// import writes as: a system client with every FHIR permission.
func newImporter(ctx context.Context, st *store.Store, site string, o importOptions) (*importer, error) {
	authSrv, err := auth.New(ctx, authStores(st), auth.Options{
		BaseURL: "http://localhost", Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	if err != nil {
		return nil, err
	}
	all, err := scope.Parse("system/*.cruds")
	if err != nil {
		return nil, err
	}
	return &importer{
		fhir: fhir.New(fhir.Options{Auth: authSrv, Records: st}),
		p:    &auth.Principal{Site: site, Role: emr.RoleSystem, Subject: "goemr import", ClientID: "goemr import", Scopes: scope.Set{all}},
		site: site, opts: o, known: map[string]string{},
	}, nil
}

// importPaths imports the files the arguments name, in dependency order
// (organizations, practitioners, patients, then what refers to them).
func (im *importer) importPaths(ctx context.Context, paths []string, progress io.Writer) (*importReport, error) {
	files, cleanup, err := expandImportPaths(paths)
	defer cleanup()
	if err != nil {
		return nil, err
	}
	rep := newImportReport()
	for i, f := range files {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		im.importFile(ctx, f, rep)
		if n := len(files); n >= 20 && (i+1)%(n/10) == 0 {
			fmt.Fprintf(progress, "import: %d/%d files\n", i+1, n)
		}
	}
	rep.files = len(files)
	return rep, nil
}

// importFile runs one file as a Bundle and counts what came of it.
func (im *importer) importFile(ctx context.Context, f importFile, rep *importReport) {
	b, err := loadImportFile(f.path, im.opts.batch)
	if errors.Is(err, errNotFHIR) {
		rep.notFHIR = append(rep.notFHIR, f.name)
		return
	}
	if err != nil {
		rep.fileError(f.name, err, nil)
		return
	}
	results, err := im.fhir.RunBundle(ctx, im.site, im.p, b, fhir.BundleOptions{
		SkipUnwritten: im.opts.skipUnstored, Diagnose: true, Known: im.known,
	})
	if results == nil {
		rep.fileError(f.name, err, b)
		return
	}
	refused := rep.add(f.name, results)
	if err != nil && refused == 0 {
		rep.fileErrors = append(rep.fileErrors, f.name+": "+err.Error())
	}
	for _, r := range results {
		// Other exports refer to a resource by its own type and id.
		if (r.Written || r.Existing) && r.SourceID != "" && err == nil {
			im.known[r.Type+"/"+r.SourceID] = r.Type + "/" + r.ID
		}
	}
}
