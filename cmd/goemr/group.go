package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"goemr/internal/emr"
	"goemr/internal/resource"
	"goemr/internal/store"
)

const groupUsage = "usage: goemr group add NAME [--patients ID,…] | list | add-members GROUP --patients ID,… | remove-members GROUP --patients ID,…"

// runGroup manages stored groups of patients, the groups a Bulk Data
// group-level export names (/fhir/Group/{id}/$export). Patients are named
// by pid or uuid; --patients - reads them from standard input. A patient
// that does not exist fails the command before anything is written.
func runGroup(ctx context.Context, env *cliEnv, args []string) error {
	if len(args) == 0 {
		return errors.New(groupUsage)
	}
	verb, args := args[0], args[1:]
	var patients string
	extra := func(fs *flag.FlagSet) {
		if verb != "list" {
			fs.StringVar(&patients, "patients", "", "patients by pid or uuid, between commas (- reads them from standard input)")
		}
	}
	fs, db, st, err := dbCommand(ctx, env, "group "+verb, args, extra)
	if err != nil {
		return err
	}
	defer db.Close()
	ids, err := patientIDs(patients, env.stdin)
	if err != nil {
		return err
	}
	switch verb {
	case "add":
		return groupAdd(ctx, env, st, strings.TrimSpace(strings.Join(fs.Args(), " ")), ids)
	case "list":
		return groupList(ctx, env, st)
	case "add-members", "remove-members":
		if fs.NArg() != 1 || len(ids) == 0 {
			return fmt.Errorf("usage: goemr group %s GROUP --patients ID,…", verb)
		}
		return groupMembers(ctx, env, st, fs.Arg(0), ids, verb == "add-members")
	}
	return fmt.Errorf("unknown group command %q (add, list, add-members, remove-members)", verb)
}

// patientIDs splits --patients into ids; "-" reads them from in.
func patientIDs(flagValue string, in io.Reader) ([]string, error) {
	if flagValue == "-" {
		b, err := io.ReadAll(in)
		if err != nil {
			return nil, err
		}
		flagValue = string(b)
	}
	return strings.FieldsFunc(flagValue, func(r rune) bool {
		return r == ',' || r == ' ' || r == '\n' || r == '\r' || r == '\t'
	}), nil
}

// resolveAll finds every patient of ids, or fails naming those unknown.
func resolveAll(ctx context.Context, r resource.Reader, ids []string) ([]string, error) {
	pids, unknown, err := resource.ResolvePatients(ctx, r, ids, true)
	if err != nil {
		return nil, err
	}
	if len(unknown) > 0 {
		shown := unknown[:min(len(unknown), 5)]
		return nil, fmt.Errorf("%s unknown (no pid or uuid matches): %s; nothing was written", patientCount(len(unknown)), strings.Join(shown, ", "))
	}
	return pids, nil
}

func groupAdd(ctx context.Context, env *cliEnv, st *store.Store, name string, ids []string) error {
	if name == "" || len(name) > 255 {
		return errors.New("usage: goemr group add NAME [--patients ID,…] (a name of 1 to 255 characters)")
	}
	var uuid string
	var n int
	err := st.Bulk(ctx, func(w resource.Writer) error {
		if n, err := w.Count(ctx, resource.PatientGroup, emr.Eq("name", name)); err != nil {
			return err
		} else if n > 0 {
			return fmt.Errorf("a group named %q exists already (goemr group list)", name)
		}
		pids, err := resolveAll(ctx, w, ids)
		if err != nil {
			return err
		}
		rec, err := w.Insert(ctx, resource.PatientGroup, map[string]any{"name": name, "active": "1"})
		if err != nil {
			return err
		}
		uuid = rec.Str("uuid")
		n, err = resource.AddGroupMembers(ctx, w, fmt.Sprint(rec["id"]), pids, nowUTC())
		return err
	})
	if err != nil {
		return err
	}
	recordCLI(ctx, st, "group.add", uuid)
	fmt.Fprintln(env.stdout, uuid)
	fmt.Fprintf(env.stderr, "group %q added with %s; export it at /fhir/Group/%s/$export\n", name, patientCount(n), uuid)
	return nil
}

func groupList(ctx context.Context, env *cliEnv, st *store.Store) error {
	groups, err := st.List(ctx, resource.GroupSummary, emr.Query{})
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(env.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tMEMBERS\tKIND")
	for _, g := range groups {
		kind := g.Str("kind")
		if g.Str("active") == "0" {
			kind += " (inactive)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", g.Str("uuid"), g.Str("name"), g.Str("quantity"), kind)
	}
	return tw.Flush()
}

// patientCount is "1 patient" or "n patients".
func patientCount(n int) string {
	if n == 1 {
		return "1 patient"
	}
	return fmt.Sprintf("%d patients", n)
}
