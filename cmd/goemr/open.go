package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

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
	return dbCommandCfg(ctx, env, name, args, &cfg, extra)
}

// dbCommandCfg is dbCommand filling in cfg. With --site, it opens that
// site's database instead of the default one.
func dbCommandCfg(ctx context.Context, env *cliEnv, name string, args []string, cfg *config.Config, extra func(*flag.FlagSet)) (*flag.FlagSet, *sqldb.DB, *store.Store, error) {
	fs := flag.NewFlagSet("goemr "+name, flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	cfg.DBFlags(fs)
	site := "default"
	if !strings.HasPrefix(name, "site") {
		fs.StringVar(&site, "site", site, "the site to work on (see goemr site list)")
	}
	if extra != nil {
		extra(fs)
	}
	positional, err := parseInterspersed(fs, args)
	if err != nil {
		return nil, nil, nil, err
	}
	fs.Parse(append([]string{"--"}, positional...)) // leaves them as fs.Args(), dashes and all
	if err := config.ApplyEnv(fs, env.getenv); err != nil {
		return nil, nil, nil, err
	}
	db, st, err := openStore(ctx, cfg)
	if err != nil {
		return nil, nil, nil, err
	}
	if site == "default" {
		return fs, db, st, nil
	}
	s, err := st.SiteByID(ctx, site)
	db.Close()
	if err != nil {
		return nil, nil, nil, fmt.Errorf("site %q: %w", site, err)
	}
	siteCfg := *cfg
	if siteCfg.DB, err = siteDSN(cfg, db.Dialect(), s); err != nil {
		return nil, nil, nil, err
	}
	db, st, err = openStore(ctx, &siteCfg)
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
// After "--" every argument is positional, so an argument that starts
// with a dash (an id) can still be given.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			return append(positional, rest...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}
