package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"goemr/internal/emr"
	"goemr/internal/resource"
	"goemr/internal/store"
)

// groupMembers adds patients to, or removes them from, a stored group
// named by its uuid or its name.
func groupMembers(ctx context.Context, env *cliEnv, st *store.Store, group string, ids []string, add bool) error {
	var n int64
	var uuid string
	err := st.Bulk(ctx, func(w resource.Writer) error {
		g, err := findStoredGroup(ctx, w, group)
		if err != nil {
			return err
		}
		uuid = g.Str("uuid")
		pids, err := resolveAll(ctx, w, ids)
		if err != nil {
			return err
		}
		if add {
			var k int
			k, err = resource.AddGroupMembers(ctx, w, g.Str("group_id"), pids, nowUTC())
			n = int64(k)
		} else {
			n, err = resource.RemoveGroupMembers(ctx, w, g.Str("group_id"), pids)
		}
		if err != nil || n == 0 {
			return err
		}
		return resource.TouchGroup(ctx, w, g.Str("group_id"))
	})
	if err != nil {
		return err
	}
	verb := map[bool]string{true: "added to", false: "removed from"}[add]
	recordCLI(ctx, st, "group.members", uuid)
	fmt.Fprintf(env.stdout, "%s %s group %s\n", patientCount(int(n)), verb, uuid)
	return nil
}

// findStoredGroup is the stored group whose uuid, or else unique name, is
// ref; a provider's group is computed and refused.
func findStoredGroup(ctx context.Context, r resource.Reader, ref string) (emr.Record, error) {
	g, found, err := resource.FindGroup(ctx, r, strings.ToLower(ref))
	if err != nil {
		return nil, err
	}
	if !found {
		named, err := r.List(ctx, resource.PatientGroup, emr.Query{Where: []emr.Cond{emr.Eq("name", ref)}, Limit: 2})
		switch {
		case err != nil:
			return nil, err
		case len(named) == 0:
			return nil, fmt.Errorf("no group %q (goemr group list)", ref)
		case len(named) > 1:
			return nil, fmt.Errorf("several groups are named %q: name one by its id", ref)
		}
		if g, _, err = resource.FindGroup(ctx, r, named[0].Str("uuid")); err != nil {
			return nil, err
		}
	}
	if g.Str("kind") != resource.GroupStored {
		return nil, fmt.Errorf("group %s is a provider's patients, computed from their records: change a patient's provider instead", g.Str("uuid"))
	}
	return g, nil
}

func nowUTC() string { return time.Now().UTC().Format("2006-01-02 15:04:05") }
