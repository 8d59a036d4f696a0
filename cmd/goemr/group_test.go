package main

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"testing"

	"goemr/internal/auth"
	"goemr/internal/demo"
	"goemr/internal/emr"
	"goemr/internal/emrtest"
	"goemr/internal/resource"
	"goemr/internal/store"
)

// TestGroupCommand: goemr group add prints the new group's id, takes
// patients by pid or uuid (or from standard input), and writes nothing
// when one is unknown; add-members and remove-members change a stored
// group, never a provider's; list shows both kinds with their sizes.
func TestGroupCommand(t *testing.T) {
	for _, d := range emrtest.DBs(t) {
		t.Run(d.Name, func(t *testing.T) {
			ctx := context.Background()
			st := store.New(d.DB)
			if _, err := demo.Seed(ctx, demo.Stores{Users: st, Patients: st, Settings: st}, auth.HashPassword); err != nil {
				t.Fatal(err)
			}
			var out, errOut bytes.Buffer
			env := &cliEnv{stdout: &out, stderr: &errOut, getenv: func(string) string { return "" }}
			group := func(stdin string, args ...string) error {
				out.Reset()
				errOut.Reset()
				env.stdin = strings.NewReader(stdin)
				return run(ctx, env, append(append([]string{"group"}, args...), "--db", d.DSN))
			}
			members := func(id string) []string {
				ms, found, err := resource.GroupMembers(ctx, st, id)
				if err != nil || !found {
					t.Fatalf("group %s: found %v, %v", id, found, err)
				}
				var pids []string
				for _, m := range ms {
					pids = append(pids, m.PID)
				}
				return pids
			}

			if err := group("", "add", "Heart failure", "--patients", "1,"+demoPatient(3)+",1"); err != nil {
				t.Fatal(err)
			}
			id := strings.TrimSpace(out.String())
			if got := members(id); strings.Join(got, ",") != "1,3" || !strings.Contains(errOut.String(), "/fhir/Group/"+id+"/$export") {
				t.Errorf("add: members %v, printed %q %q", got, out.String(), errOut.String())
			}
			err := group("", "add", "Typo", "--patients", "2,99999,not-a-patient")
			if err == nil || !strings.Contains(err.Error(), "99999, not-a-patient") {
				t.Errorf("unknown patients: %v", err)
			}
			if n, _ := st.Count(ctx, resource.PatientGroup, emr.Eq("name", "Typo")); n != 0 {
				t.Error("a group with unknown patients was written")
			}
			if err := group("", "add", "Heart failure"); err == nil {
				t.Error("a second group of the same name was added")
			}

			if err := group(demoPatient(4)+"\n5\n2\n", "add-members", "Heart failure", "--patients", "-"); err != nil ||
				!strings.HasPrefix(out.String(), "3 patients added") || strings.Join(members(id), ",") != "1,2,3,4,5" {
				t.Errorf("add-members: %v %q %v", err, out.String(), members(id))
			}
			if err := group("", "add-members", id, "--patients", "2,6"); err != nil || !strings.HasPrefix(out.String(), "1 patient added") {
				t.Errorf("add-members again: %v %q", err, out.String())
			}
			if err := group("", "remove-members", strings.ToUpper(id), "--patients", "1,"+demoPatient(5)); err != nil ||
				!strings.HasPrefix(out.String(), "2 patients removed") || strings.Join(members(id), ",") != "2,3,4,6" {
				t.Errorf("remove-members: %v %q %v", err, out.String(), members(id))
			}
			if err := group("", "remove-members", id, "--patients", "3,77777"); err == nil || strings.Join(members(id), ",") != "2,3,4,6" {
				t.Errorf("remove-members with an unknown patient: %v %v", err, members(id))
			}

			// A provider's group is listed, but its members are its patients'
			// records to change.
			admin := demo.ID("user", 1)
			u, err := st.UserByUUID(ctx, admin)
			if err != nil {
				t.Fatal(err)
			}
			err = st.Write(ctx, func(w resource.Writer) error {
				_, err := w.Update(ctx, resource.Patient, map[string]any{"providerID": strconv.FormatInt(u.ID, 10)}, emr.Eq("pid", "7"))
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			if err := group("", "add-members", admin, "--patients", "1"); err == nil || !strings.Contains(err.Error(), "provider") {
				t.Errorf("add-members to a provider group: %v", err)
			}
			if err := group("", "list"); err != nil {
				t.Fatal(err)
			}
			list := out.String()
			for _, want := range []string{id + "  Heart failure", "4        stored", admin + "  Patients of Administrator Administrator  1        provider"} {
				if !strings.Contains(list, want) {
					t.Errorf("list lacks %q:\n%s", want, list)
				}
			}
		})
	}
}
