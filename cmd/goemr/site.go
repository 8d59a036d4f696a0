package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"goemr/internal/config"
	"goemr/internal/emr"
	"goemr/internal/sqldb"
	"goemr/internal/store"
)

// runSite manages sites (OpenEMR multisite, openemr-standard-api.md §8).
// Each site other than default has a database of its own: a SQLite file
// under the data directory, or a schema of the same PostgreSQL database.
func runSite(ctx context.Context, env *cliEnv, args []string) error {
	if len(args) == 0 {
		return errors.New("usage: goemr site add NAME [--name TITLE] | goemr site list")
	}
	verb, args := args[0], args[1:]
	var title string
	cfg := config.Default()
	extra := func(fs *flag.FlagSet) {
		if verb == "add" {
			fs.StringVar(&title, "name", "", "the site's display name (default: its id)")
		}
	}
	fs, db, st, err := dbCommandCfg(ctx, env, "site "+verb, args, &cfg, extra)
	if err != nil {
		return err
	}
	defer db.Close()
	switch verb {
	case "add":
		id := fs.Arg(0)
		if !emr.ValidSiteID(id) || id == "default" {
			return fmt.Errorf("bad site id %q: letters, digits, '-' and '.' (not dots alone), and not \"default\"", id)
		}
		if _, err := st.SiteByID(ctx, id); err == nil {
			return fmt.Errorf("site %q already exists", id)
		}
		if db.Dialect() == sqldb.Postgres {
			if err := db.CreateSchema(ctx, siteSchema(id)); err != nil {
				return err
			}
		}
		dsn, err := siteDSN(&cfg, db.Dialect(), &emr.Site{ID: id})
		if err != nil {
			return err
		}
		if err := initSiteDB(ctx, &cfg, dsn, id, title); err != nil {
			return err
		}
		// The location is derived from the data directory or DSN each
		// time, so the registry holds no path or password.
		if err := st.CreateSite(ctx, &emr.Site{ID: id, Name: title}); err != nil {
			return err
		}
		recordCLI(ctx, st, "site.add", id)
		fmt.Fprintf(env.stdout, "site %s added: /apis/%s/… and /oauth2/%s/…\n", id, id, id)
		fmt.Fprintf(env.stdout, "create its first user with: goemr user add --site %s --username NAME --password-stdin\n", id)
	case "list":
		sites, err := st.ListSites(ctx)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(env.stdout, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tNAME\tDATABASE")
		for _, s := range sites {
			where := "(this database)"
			if s.ID != "default" {
				if where, err = siteDSN(&cfg, db.Dialect(), s); err != nil {
					return err
				}
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\n", s.ID, s.Name, redactDSN(where))
		}
		return tw.Flush()
	default:
		return fmt.Errorf("unknown site command %q (add, list)", verb)
	}
	return nil
}

// siteDSN is where a site's data lives: site.DB when set, else a SQLite
// file under the data directory's sites/ folder, or the site's schema in
// the default PostgreSQL database.
func siteDSN(cfg *config.Config, dialect sqldb.Dialect, site *emr.Site) (string, error) {
	if site.DB != "" {
		return site.DB, nil
	}
	if dialect == sqldb.SQLite {
		dir := cfg.DataDir
		if strings.HasSuffix(cfg.DB, ".db") {
			dir = filepath.Dir(strings.TrimPrefix(cfg.DB, "sqlite:"))
		}
		return "sqlite:" + filepath.Join(dir, "sites", site.ID, sqldb.DefaultFile), nil
	}
	return sqldb.WithSchema(cfg.DB, siteSchema(site.ID))
}

// siteSchema is the PostgreSQL schema of a site.
func siteSchema(id string) string {
	return "site_" + strings.NewReplacer("-", "_", ".", "_").Replace(strings.ToLower(id))
}

// initSiteDB migrates the site's database and makes it list only itself,
// so its authorization server serves no other site.
func initSiteDB(ctx context.Context, cfg *config.Config, dsn, id, title string) error {
	db, err := sqldb.Open(ctx, sqldb.Options{DSN: dsn, SQLiteSync: cfg.SQLiteSync})
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Migrate(ctx); err != nil {
		return err
	}
	st := store.New(db)
	if _, err := st.SiteByID(ctx, id); emr.IsNotFound(err) {
		if err := st.CreateSite(ctx, &emr.Site{ID: id, Name: title}); err != nil {
			return err
		}
	}
	if err := st.DeleteSite(ctx, "default"); err != nil && !emr.IsNotFound(err) {
		return err
	}
	return nil
}

// redactDSN hides a password in a DSN.
func redactDSN(dsn string) string {
	if i := strings.Index(dsn, "://"); i >= 0 {
		if at := strings.Index(dsn[i:], "@"); at >= 0 {
			return dsn[:i+3] + "…" + dsn[i+at:]
		}
	}
	return dsn
}
