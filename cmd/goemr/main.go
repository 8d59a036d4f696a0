package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *cliEnv, args []string) error
}

// cliEnv is what a subcommand reads and writes, injectable for tests.
type cliEnv struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
}

var commands = []command{
	{"serve", "run the API server", runServe},
	{"migrate", "apply database migrations and exit", runMigrate},
	{"demo", "seed the demo accounts and patients, with clinical histories (--patients N)", runDemo},
	{"import", "load FHIR JSON files (Bundles, resources, NDJSON; folders and .tar.gz) through the FHIR write path", runImport},
	{"user", "manage staff users: add, passwd, list, disable, enable", runUser},
	{"client", "manage OAuth2 clients: list, show, approve, enable, disable, delete", runClient},
	{"config", "read and change settings: get [NAME], set NAME VALUE", runConfig},
	{"key", "token signing keys: list, rotate", runKey},
	{"site", "multisite: add NAME, list", runSite},
	{"group", "groups of patients for bulk export: add NAME --patients ID,…, list, add-members, remove-members", runGroup},
	{"audit", "show the newest audit events: audit [--event NAME] [--limit N]", runAudit},
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	env := &cliEnv{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}
	if err := run(ctx, env, os.Args[1:]); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "goemr:", err)
		}
		os.Exit(1)
	}
}

func run(ctx context.Context, env *cliEnv, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(env.stderr)
		if len(args) == 0 {
			return errors.New("a subcommand is required")
		}
		return nil
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(ctx, env, args[1:])
		}
	}
	usage(env.stderr)
	return fmt.Errorf("unknown subcommand %q", args[0])
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: goemr <subcommand> [flags]")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "Run 'goemr <subcommand> -h' for its flags. Every flag can also be set as GOEMR_<FLAG>.")
}
