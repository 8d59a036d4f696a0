package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"
)

// runClient manages OAuth2 clients (OpenEMR's Administration → API Clients).
func runClient(ctx context.Context, env *cliEnv, args []string) error {
	if len(args) == 0 {
		return errors.New("usage: goemr client list|show|approve|enable|disable|delete [CLIENT_ID]")
	}
	verb := args[0]
	fs, db, st, err := dbCommand(ctx, env, "client "+verb, args[1:], nil)
	if err != nil {
		return err
	}
	defer db.Close()
	id := fs.Arg(0)
	if verb != "list" && id == "" {
		return fmt.Errorf("usage: goemr client %s CLIENT_ID", verb)
	}
	switch verb {
	case "list":
		clients, err := st.ListClients(ctx)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(env.stdout, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "CLIENT_ID\tNAME\tTYPE\tENABLED\tREGISTERED")
		for _, c := range clients {
			kind := "public"
			if c.Confidential {
				kind = "confidential"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%t\t%s\n", c.ID, c.Name, kind, c.Enabled, c.Created.UTC().Format("2006-01-02 15:04"))
		}
		return tw.Flush()
	case "show":
		c, err := st.ClientByID(ctx, id)
		if err != nil {
			return err
		}
		out := map[string]any{
			"client_id": c.ID, "site": c.Site, "client_name": c.Name, "application_type": c.ApplicationType,
			"client_role": c.Role, "confidential": c.Confidential, "enabled": c.Enabled,
			"redirect_uris": c.RedirectURIs, "post_logout_redirect_uris": c.PostLogoutRedirectURIs,
			"token_endpoint_auth_method": c.TokenEndpointAuthMethod, "scope": strings.Fields(c.Scope),
			"jwks_uri": c.JWKSURI, "has_jwks": c.JWKS != "", "contacts": c.Contacts,
			"initiate_login_uri": c.InitiateLoginURI,
			"registered":         c.Created.UTC().Format("2006-01-02T15:04:05Z"),
		}
		enc := json.NewEncoder(env.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	case "approve", "enable", "disable":
		if err := st.SetClientEnabled(ctx, id, verb != "disable"); err != nil {
			return err
		}
		recordCLI(ctx, st, "client."+verb, id)
		fmt.Fprintf(env.stdout, "client %s %s\n", id, map[string]string{"approve": "approved", "enable": "enabled", "disable": "disabled"}[verb])
	case "delete":
		if err := st.DeleteClient(ctx, id); err != nil {
			return err
		}
		recordCLI(ctx, st, "client.delete", id)
		fmt.Fprintf(env.stdout, "client %s deleted\n", id)
	default:
		return fmt.Errorf("unknown client command %q (list, show, approve, enable, disable, delete)", verb)
	}
	return nil
}
