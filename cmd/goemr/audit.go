package main

import (
	"context"
	"flag"
	"fmt"
	"text/tabwriter"

	"goemr/internal/emr"
)

// runAudit prints the newest audit events: sign-ins, token issues and
// refreshes, revocations, failures and client changes.
func runAudit(ctx context.Context, env *cliEnv, args []string) error {
	var f emr.AuditFilter
	extra := func(fs *flag.FlagSet) {
		fs.StringVar(&f.Event, "event", "", "only this event (login, token.issue, token.revoke, client.register, …)")
		fs.IntVar(&f.Limit, "limit", 50, "how many events, newest first (at most 1000)")
	}
	_, db, st, err := dbCommand(ctx, env, "audit", args, extra)
	if err != nil {
		return err
	}
	defer db.Close()
	events, err := st.ListAudit(ctx, f)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(env.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TIME\tEVENT\tOUTCOME\tROLE\tSUBJECT\tCLIENT\tPATIENT\tADDRESS\tDETAIL")
	for _, e := range events {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", e.Time.UTC().Format("2006-01-02 15:04:05"),
			e.Event, e.Outcome, e.Role, e.Subject, short(e.ClientID), e.PatientUUID, e.IP, e.Detail)
	}
	return tw.Flush()
}

// short keeps long client ids readable in a table.
func short(id string) string {
	if len(id) > 12 {
		return id[:12] + "…"
	}
	return id
}
