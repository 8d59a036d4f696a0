package main

import (
	"context"
	"fmt"
)

// runMigrate applies the embedded migrations (serve also does on start).
func runMigrate(ctx context.Context, env *cliEnv, args []string) error {
	_, db, _, err := dbCommand(ctx, env, "migrate", args, nil)
	if err != nil {
		return err
	}
	defer db.Close()
	fmt.Fprintf(env.stdout, "database is up to date (%s)\n", db.Dialect())
	return nil
}
