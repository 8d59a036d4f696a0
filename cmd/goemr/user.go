package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"

	"goemr/internal/auth"
	"goemr/internal/emr"
)

// runUser manages staff users.
func runUser(ctx context.Context, env *cliEnv, args []string) error {
	if len(args) == 0 {
		return errors.New("usage: goemr user add|passwd|acl|list|disable|enable …")
	}
	verb, args := args[0], args[1:]
	var u emr.User
	var password string
	var passwordStdin bool
	acl := "admin"
	extra := func(fs *flag.FlagSet) {
		if verb == "add" {
			fs.StringVar(&u.Username, "username", "", "login name (required)")
			fs.StringVar(&u.Fname, "fname", "", "first name")
			fs.StringVar(&u.Lname, "lname", "", "last name")
			fs.StringVar(&u.Email, "email", "", "e-mail address")
			fs.StringVar(&u.NPI, "npi", "", "National Provider Identifier (makes the user a FHIR Practitioner)")
			fs.StringVar(&acl, "acl", acl, aclHelp)
		}
		if verb == "add" || verb == "passwd" {
			fs.StringVar(&password, "password", "", "the password (prefer --password-stdin)")
			fs.BoolVar(&passwordStdin, "password-stdin", false, "read the password from the first line of standard input")
		}
	}
	fs, db, st, err := dbCommand(ctx, env, "user "+verb, args, extra)
	if err != nil {
		return err
	}
	defer db.Close()
	readPassword := func() (string, error) {
		if passwordStdin {
			line, err := bufio.NewReader(env.stdin).ReadString('\n')
			if err != nil && line == "" {
				return "", errors.New("no password on standard input")
			}
			password = strings.TrimRight(line, "\r\n")
		}
		if len(password) < 4 {
			return "", errors.New("a password of at least 4 characters is required (--password or --password-stdin)")
		}
		return auth.HashPassword(password)
	}
	switch verb {
	case "add":
		if u.Username == "" {
			return errors.New("--username is required")
		}
		if u.PasswordHash, err = readPassword(); err != nil {
			return err
		}
		u.Active = true
		if u.ACL, err = parseACL(strings.Fields(strings.ReplaceAll(acl, ",", " "))); err != nil {
			return err
		}
		if err := st.CreateUser(ctx, &u); err != nil {
			if emr.ErrorCode(err) == emr.ECONFLICT {
				return fmt.Errorf("user %q already exists", u.Username)
			}
			return err
		}
		recordCLI(ctx, st, "user.add", u.Username)
		fmt.Fprintf(env.stdout, "user %s added (uuid %s)\n", u.Username, u.UUID)
	case "passwd":
		name := fs.Arg(0)
		if name == "" {
			return errors.New("usage: goemr user passwd USERNAME --password-stdin")
		}
		hash, err := readPassword()
		if err != nil {
			return err
		}
		if err := st.SetUserPassword(ctx, name, hash); err != nil {
			return err
		}
		recordCLI(ctx, st, "user.passwd", name)
		fmt.Fprintf(env.stdout, "password of %s changed\n", name)
	case "acl":
		name := fs.Arg(0)
		if name == "" {
			return errors.New("usage: goemr user acl USERNAME [ENTRY …]   (no entries: show; " + aclHelp + ")")
		}
		if fs.NArg() == 1 {
			users, err := st.ListUsers(ctx)
			if err != nil {
				return err
			}
			for _, x := range users {
				if x.Username == name {
					fmt.Fprintln(env.stdout, strings.Join(x.ACL, " "))
					return nil
				}
			}
			return fmt.Errorf("no user %q", name)
		}
		entries, err := parseACL(fs.Args()[1:])
		if err != nil {
			return err
		}
		if err := st.SetUserACL(ctx, name, entries); err != nil {
			return err
		}
		recordCLI(ctx, st, "user.acl", name+" "+strings.Join(entries, " "))
		fmt.Fprintf(env.stdout, "access of %s set to %s\n", name, strings.Join(entries, " "))
	case "disable", "enable":
		name := fs.Arg(0)
		if name == "" {
			return fmt.Errorf("usage: goemr user %s USERNAME", verb)
		}
		if err := st.SetUserActive(ctx, name, verb == "enable"); err != nil {
			return err
		}
		recordCLI(ctx, st, "user."+verb, name)
		fmt.Fprintf(env.stdout, "user %s %sd\n", name, verb)
	case "list":
		users, err := st.ListUsers(ctx)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(env.stdout, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "USERNAME\tUUID\tNAME\tNPI\tACTIVE\tACCESS")
		for _, x := range users {
			fmt.Fprintf(tw, "%s\t%s\t%s %s\t%s\t%t\t%s\n", x.Username, x.UUID, x.Fname, x.Lname, x.NPI, x.Active, strings.Join(x.ACL, " "))
		}
		return tw.Flush()
	default:
		return fmt.Errorf("unknown user command %q (add, passwd, acl, list, disable, enable)", verb)
	}
	return nil
}

// recordCLI writes an audit row for an administrative change made from the
// command line.
func recordCLI(ctx context.Context, st emr.AuditService, event, detail string) {
	st.RecordAudit(ctx, &emr.AuditEvent{Event: event, Outcome: "success", Site: "default", IP: "cli", Detail: detail, Role: "admin", Subject: "cli"})
}

// aclHelp explains access entries (emr.ACL).
const aclHelp = "access: groups admin, doc, clin, front, back, or section/value entries such as patients/demo or patients/med:view"

// parseACL checks access entries; "none" alone gives no access.
func parseACL(entries []string) (emr.ACL, error) {
	if len(entries) == 1 && entries[0] == "none" {
		return nil, nil
	}
	for _, e := range entries {
		if !emr.ValidACLEntry(e) {
			return nil, fmt.Errorf("bad access entry %q (%s)", e, aclHelp)
		}
	}
	return emr.ACL(entries), nil
}
