package main

import (
	"context"
	"flag"

	"goemr/internal/auth"
	"goemr/internal/config"
	"goemr/internal/sqldb"
	"goemr/internal/store"
)

// openStore opens and migrates the configured database.
func openStore(ctx context.Context, cfg *config.Config) (*sqldb.DB, *store.Store, error) {
	db, err := sqldb.Open(ctx, sqldb.Options{DSN: cfg.DB, DataDir: cfg.DataDir, SQLiteSync: cfg.SQLiteSync})
	if err != nil {
		return nil, nil, err
	}
	if err := db.Migrate(ctx); err != nil {
		db.Close()
		return nil, nil, err
	}
	return db, store.New(db), nil
}

// dbCommand parses the database flags of an admin subcommand and opens the
// store; the returned flag set holds the remaining arguments.
func dbCommand(ctx context.Context, env *cliEnv, name string, args []string, extra func(*flag.FlagSet)) (*flag.FlagSet, *sqldb.DB, *store.Store, error) {
	cfg := config.Default()
	fs := flag.NewFlagSet("goemr "+name, flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	cfg.DBFlags(fs)
	if extra != nil {
		extra(fs)
	}
	positional, err := parseInterspersed(fs, args)
	if err != nil {
		return nil, nil, nil, err
	}
	fs.Parse(positional) // leaves them as fs.Args() for the caller
	if err := config.ApplyEnv(fs, env.getenv); err != nil {
		return nil, nil, nil, err
	}
	db, st, err := openStore(ctx, &cfg)
	if err != nil {
		return nil, nil, nil, err
	}
	return fs, db, st, nil
}

func authStores(st *store.Store) auth.Stores {
	return auth.Stores{
		Users: st, Patients: st, Clients: st, Tokens: st, Keys: st, Sessions: st,
		Settings: st, Sites: st, Audit: st, Throttle: st,
	}
}

// parseInterspersed parses flags wherever they stand among the arguments
// (`goemr client approve ID --data-dir X`), returning the positional ones.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return positional, nil
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
}
