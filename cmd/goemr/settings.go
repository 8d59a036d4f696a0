package main

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"text/tabwriter"

	"goemr/internal/auth"
)

// runConfig reads and changes the OpenEMR-style settings (DESIGN.md §4).
func runConfig(ctx context.Context, env *cliEnv, args []string) error {
	if len(args) == 0 {
		return errors.New("usage: goemr config get [NAME] | set NAME VALUE")
	}
	verb := args[0]
	fs, db, st, err := dbCommand(ctx, env, "config "+verb, args[1:], nil)
	if err != nil {
		return err
	}
	defer db.Close()
	switch verb {
	case "get":
		if name := fs.Arg(0); name != "" {
			v, err := st.Setting(ctx, name)
			if err != nil {
				return err
			}
			fmt.Fprintln(env.stdout, v)
			return nil
		}
		all, err := st.Settings(ctx)
		if err != nil {
			return err
		}
		names := make([]string, 0, len(all))
		for k := range all {
			names = append(names, k)
		}
		sort.Strings(names)
		tw := tabwriter.NewWriter(env.stdout, 2, 4, 2, ' ', 0)
		for _, k := range names {
			fmt.Fprintf(tw, "%s\t%s\n", k, all[k])
		}
		return tw.Flush()
	case "set":
		if fs.NArg() != 2 {
			return errors.New("usage: goemr config set NAME VALUE")
		}
		if err := st.SetSetting(ctx, fs.Arg(0), fs.Arg(1)); err != nil {
			return err
		}
		recordCLI(ctx, st, "config.set", fs.Arg(0)+"="+fs.Arg(1))
		fmt.Fprintf(env.stdout, "%s = %s\n", fs.Arg(0), fs.Arg(1))
	default:
		return fmt.Errorf("unknown config command %q (get, set)", verb)
	}
	return nil
}

// runKey lists and rotates the token signing keys.
func runKey(ctx context.Context, env *cliEnv, args []string) error {
	if len(args) == 0 {
		return errors.New("usage: goemr key list|rotate")
	}
	verb := args[0]
	_, db, st, err := dbCommand(ctx, env, "key "+verb, args[1:], nil)
	if err != nil {
		return err
	}
	defer db.Close()
	srv, err := auth.New(ctx, authStores(st), auth.Options{})
	if err != nil {
		return err
	}
	switch verb {
	case "list":
		tw := tabwriter.NewWriter(env.stdout, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "KID\tALG\tSIGNING")
		for _, k := range srv.Keys().JWKS().Keys {
			fmt.Fprintf(tw, "%s\t%s\t%t\n", k.KeyID, k.Algorithm, k.KeyID == srv.Keys().SigningKID())
		}
		return tw.Flush()
	case "rotate":
		kid, err := srv.Keys().Rotate(ctx)
		if err != nil {
			return err
		}
		recordCLI(ctx, st, "key.rotate", kid)
		fmt.Fprintf(env.stdout, "new signing key %s; older keys stay published until their tokens expire\n", kid)
	default:
		return fmt.Errorf("unknown key command %q (list, rotate)", verb)
	}
	return nil
}
