package store_test

import (
	"fmt"
	"slices"
	"strconv"
	"testing"

	"goemr/internal/emr"
	"goemr/internal/resource"
	"goemr/internal/store"
)

// groupPatients is more than one page of a group's members (2000), so
// that reading a group pages through its index.
const groupPatients = 2345

// TestGroupMembers: resource.GroupMembers reads both kinds of group (a
// provider's patients and a stored group) in pid order across pages, with
// the time each member of a stored group joined; an unknown group is not
// found. The member writes add only new members, keep the joining time of
// those that stay, and remove the others.
func TestGroupMembers(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		doc := &emr.User{Username: "dr.group", Fname: "Ada", Lname: "Group"}
		if err := s.CreateUser(ctx, doc); err != nil {
			t.Fatal(err)
		}
		var pids, uuids []string
		err := s.Bulk(ctx, func(w resource.Writer) error {
			for i := range groupPatients {
				v := map[string]any{"fname": "P" + strconv.Itoa(i), "lname": "Member", "DOB": "1980-01-01"}
				if i%2 == 0 { // every other patient is the doctor's
					v["providerID"] = strconv.FormatInt(doc.ID, 10)
				}
				rec, err := w.Insert(ctx, resource.Patient, v)
				if err != nil {
					return err
				}
				pids, uuids = append(pids, fmt.Sprint(rec["pid"])), append(uuids, rec.Str("uuid"))
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}

		got, found, err := resource.GroupMembers(ctx, s, doc.UUID)
		if err != nil || !found || len(got) != (groupPatients+1)/2 {
			t.Fatalf("provider group: %d members, found %v, %v", len(got), found, err)
		}
		for i, m := range got {
			if m.PID != pids[2*i] || m.UUID != uuids[2*i] || m.Added != "" {
				t.Fatalf("provider member %d: %+v, want pid %s uuid %s", i, m, pids[2*i], uuids[2*i])
			}
		}

		var groupID, groupUUID string
		const joined = "2025-03-04 05:06:07"
		err = s.Bulk(ctx, func(w resource.Writer) error {
			rec, err := w.Insert(ctx, resource.PatientGroup, map[string]any{"name": "Everyone", "active": "1"})
			if err != nil {
				return err
			}
			groupID, groupUUID = strconv.FormatInt(rec["id"].(int64), 10), rec.Str("uuid")
			slices.Reverse(pids) // members are read in pid order, whatever the order they were added in
			n, err := resource.AddGroupMembers(ctx, w, groupID, pids, joined)
			slices.Reverse(pids)
			if err == nil && n != groupPatients {
				t.Errorf("added %d members, want %d", n, groupPatients)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		got, found, err = resource.GroupMembers(ctx, s, groupUUID)
		if err != nil || !found || len(got) != groupPatients {
			t.Fatalf("stored group: %d members, found %v, %v", len(got), found, err)
		}
		for i, m := range got {
			if m.PID != pids[i] || m.UUID != uuids[i] || m.Added != joined {
				t.Fatalf("stored member %d: %+v, want pid %s uuid %s added %s", i, m, pids[i], uuids[i], joined)
			}
		}

		// Keep the first two (the second with a new time), drop the rest.
		err = s.Write(ctx, func(w resource.Writer) error {
			n, err := resource.AddGroupMembers(ctx, w, groupID, pids[:3], "2026-01-01 00:00:00")
			if err != nil || n != 0 {
				t.Errorf("adding members again added %d, %v", n, err)
			}
			changed, err := resource.SetGroupMembers(ctx, w, groupID,
				map[string]string{pids[0]: "", pids[1]: "2024-12-31 23:59:59"}, "2026-02-02 02:02:02")
			if err == nil && !changed {
				t.Error("SetGroupMembers changed nothing")
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		got, _, err = resource.GroupMembers(ctx, s, groupUUID)
		want := []resource.GroupMember{{PID: pids[0], UUID: uuids[0], Added: joined}, {PID: pids[1], UUID: uuids[1], Added: "2024-12-31 23:59:59"}}
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("after SetGroupMembers: %+v, %v; want %+v", got, err, want)
		}

		if got, found, err := resource.GroupMembers(ctx, s, "00000000-0000-0000-0000-000000000000"); err != nil || found || got != nil {
			t.Errorf("unknown group: %v found %v, %v", got, found, err)
		}
		var empty string
		err = s.Write(ctx, func(w resource.Writer) error {
			rec, err := w.Insert(ctx, resource.PatientGroup, map[string]any{"name": "Nobody yet", "active": "1"})
			empty = rec.Str("uuid")
			return err
		})
		if got, found, err := resource.GroupMembers(ctx, s, empty); err != nil || !found || len(got) != 0 {
			t.Errorf("empty group: %v found %v, %v", got, found, err)
		}
	})
}
