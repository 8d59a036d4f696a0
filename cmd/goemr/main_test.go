package main

import (
	"bytes"
	"context"
	"flag"
	"io"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"

	"goemr/internal/emrtest"
	"goemr/internal/store"
)

func TestParseInterspersed(t *testing.T) {
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	dir := fs.String("data-dir", "", "")
	pos, err := parseInterspersed(fs, []string{"set", "--data-dir", "/d", "NAME", "VALUE"})
	if err != nil || *dir != "/d" || !slices.Equal(pos, []string{"set", "NAME", "VALUE"}) {
		t.Fatalf("pos %v dir %q err %v", pos, *dir, err)
	}
	pos, err = parseInterspersed(fs, []string{"approve", "--data-dir", "/e", "--", "-starts-with-dash", "x"})
	if err != nil || *dir != "/e" || !slices.Equal(pos, []string{"approve", "-starts-with-dash", "x"}) {
		t.Fatalf("after --: pos %v dir %q err %v", pos, *dir, err)
	}
	if _, err := parseInterspersed(fs, []string{"--nope"}); err == nil {
		t.Error("unknown flag accepted")
	}
}

func TestRunSubcommands(t *testing.T) {
	var out, errOut bytes.Buffer
	env := &cliEnv{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut, getenv: func(string) string { return "" }}
	if err := run(context.Background(), env, []string{"bogus"}); err == nil || !strings.Contains(errOut.String(), "serve") {
		t.Errorf("unknown subcommand: %v, usage %q", err, errOut.String())
	}
	dir := t.TempDir()
	if err := run(context.Background(), env, []string{"migrate", "--data-dir", dir}); err != nil {
		t.Fatal(err)
	}
	if err := run(context.Background(), env, []string{"config", "set", "oauth_password_grant", "2", "--data-dir", dir}); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := run(context.Background(), env, []string{"config", "get", "--data-dir", dir}); err != nil || !strings.Contains(out.String(), "oauth_password_grant") {
		t.Fatalf("config get: %v %q", err, out.String())
	}
	out.Reset()
	if err := run(context.Background(), env, []string{"audit", "--event", "config.set", "--data-dir", dir}); err != nil || !strings.Contains(out.String(), "oauth_password_grant=2") {
		t.Fatalf("audit: %v %q", err, out.String())
	}
	if err := run(context.Background(), env, []string{"config", "set", "no_such_setting", "1", "--data-dir", dir}); err == nil {
		t.Error("unknown setting accepted")
	}
	if err := run(context.Background(), env, []string{"user", "add", "--username", "x", "--password", "ab", "--data-dir", dir}); err == nil {
		t.Error("a two-character password accepted")
	}
	if err := run(context.Background(), env, []string{"serve", "--listen", "0.0.0.0:1", "--data-dir", dir}); err == nil || !strings.Contains(err.Error(), "plain HTTP") {
		t.Errorf("plain HTTP on all interfaces: %v", err)
	}
}

func TestUserACLCommands(t *testing.T) {
	var out, errOut bytes.Buffer
	env := &cliEnv{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut, getenv: func(string) string { return "" }}
	dir := t.TempDir()
	ctx := context.Background()
	steps := []struct {
		args    []string
		ok      bool
		printed string
	}{
		{[]string{"user", "add", "--username", "clerk", "--password", "clerk1", "--acl", "front", "--data-dir", dir}, true, "added"},
		{[]string{"user", "acl", "clerk", "--data-dir", dir}, true, "front"},
		{[]string{"user", "acl", "clerk", "patients/demo:view", "lists/default", "--data-dir", dir}, true, "patients/demo:view lists/default"},
		{[]string{"user", "acl", "clerk", "--data-dir", dir}, true, "patients/demo:view lists/default"},
		{[]string{"user", "acl", "clerk", "patients/demo:write", "--data-dir", dir}, false, ""},
		{[]string{"user", "add", "--username", "x", "--password", "xxxx", "--acl", "root", "--data-dir", dir}, false, ""},
		{[]string{"user", "acl", "nobody", "admin", "--data-dir", dir}, false, ""},
		{[]string{"user", "list", "--data-dir", dir}, true, "ACCESS"},
	}
	for _, s := range steps {
		out.Reset()
		err := run(ctx, env, s.args)
		if (err == nil) != s.ok || !strings.Contains(out.String(), s.printed) {
			t.Errorf("%v: err %v, printed %q", s.args, err, out.String())
		}
	}
}

// TestPurgeIfDue: the periodic purge takes the purge_expired lease, so a
// second process finds it not due and does nothing.
func TestPurgeIfDue(t *testing.T) {
	for _, d := range emrtest.DBs(t) {
		t.Run(d.Name, func(t *testing.T) {
			st := store.New(d.DB)
			ctx := context.Background()
			log := slog.New(slog.NewTextHandler(io.Discard, nil))
			purgeIfDue(ctx, log, st) // due at first: runs and moves next_run on
			acquired, held, err := st.AcquireService(ctx, "purge_expired", purgeInterval, false, time.Now())
			if err != nil || acquired || held {
				t.Fatalf("after a purge: acquired %v held %v err %v; want not due", acquired, held, err)
			}
		})
	}
}
