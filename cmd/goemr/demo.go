package main

import (
	"context"
	"fmt"

	"goemr/internal/auth"
	"goemr/internal/demo"
)

// runDemo seeds the demo data into a database without serving it (serve
// --demo does the same on start).
func runDemo(ctx context.Context, env *cliEnv, args []string) error {
	_, db, st, err := dbCommand(ctx, env, "demo", args, nil)
	if err != nil {
		return err
	}
	defer db.Close()
	seeded, err := demo.Seed(ctx, demo.Stores{Users: st, Patients: st, Settings: st}, auth.HashPassword)
	if err != nil {
		return err
	}
	if !seeded {
		fmt.Fprintln(env.stdout, "the database already has users or patients; nothing seeded")
		return nil
	}
	fmt.Fprintf(env.stdout, "demo data seeded: user %s/%s, portal login %s/%s, %d patients, password grant on\n",
		demo.AdminUser, demo.AdminPassword, demo.PortalUser, demo.PortalPassword, len(demo.Patients))
	return nil
}
