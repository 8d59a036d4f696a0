package main

import (
	"context"
	"flag"
	"fmt"
	"text/tabwriter"
	"time"

	"goemr/internal/emr"
)

// runAudit prints the newest audit events: API requests (event "api"),
// sign-ins, token issues and refreshes, revocations, failures and client
// changes, filtered by the flags.
func runAudit(ctx context.Context, env *cliEnv, args []string) error {
	var f emr.AuditFilter
	var since, until string
	extra := func(fs *flag.FlagSet) {
		fs.StringVar(&f.Event, "event", "", "only this event (api, login, token.issue, token.revoke, client.register, …)")
		fs.StringVar(&f.Subject, "user", "", "only requests of this user, patient or client (uuid or client id)")
		fs.StringVar(&f.Patient, "patient", "", "only requests touching this patient (uuid or pid)")
		fs.StringVar(&f.Method, "method", "", "only this HTTP method")
		fs.StringVar(&f.Path, "path", "", "only request paths starting with this")
		fs.BoolVar(&f.Failed, "failed", false, "only failed requests (status 400 and above)")
		fs.StringVar(&since, "since", "", "only events at or after this time (RFC 3339 or YYYY-MM-DD)")
		fs.StringVar(&until, "until", "", "only events before this time (RFC 3339 or YYYY-MM-DD)")
		fs.IntVar(&f.Limit, "limit", 50, "how many events, newest first (at most 1000)")
	}
	_, db, st, err := dbCommand(ctx, env, "audit", args, extra)
	if err != nil {
		return err
	}
	defer db.Close()
	if f.Since, err = parseWhen(since); err != nil {
		return fmt.Errorf("--since: %w", err)
	}
	if f.Until, err = parseWhen(until); err != nil {
		return fmt.Errorf("--until: %w", err)
	}
	events, err := st.ListAudit(ctx, f)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(env.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TIME\tSITE\tEVENT\tOUTCOME\tROLE\tSUBJECT\tCLIENT\tPATIENT\tREQUEST\tSTATUS\tDURATION\tADDRESS\tDETAIL")
	for _, e := range events {
		patient := e.PatientUUID
		if patient == "" && e.PatientID != "" {
			patient = "pid " + e.PatientID
		}
		request, status, took := e.Method+" "+e.Path, "", ""
		if e.Status != 0 {
			status = fmt.Sprint(e.Status)
		}
		if e.Event == emr.EventAPI {
			took = e.Duration.Round(time.Microsecond).String()
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", e.Time.UTC().Format("2006-01-02 15:04:05"),
			e.Site, e.Event, e.Outcome, e.Role, e.Subject, short(e.ClientID), patient, request, status, took, e.IP, e.Detail)
	}
	return tw.Flush()
}

// parseWhen reads an RFC 3339 time or a date (midnight UTC); "" is zero.
func parseWhen(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	return time.Parse("2006-01-02", s)
}

// short keeps long client ids readable in a table.
func short(id string) string {
	if len(id) > 12 {
		return id[:12] + "…"
	}
	return id
}
