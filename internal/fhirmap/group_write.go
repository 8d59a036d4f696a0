package fhirmap

import (
	"context"
	"fmt"
	"strings"
	"time"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// groupMemberRef is a member as a Group names it: the Patient's id and,
// when given, when it joined (UTC 'Y-m-d H:i:s').
type groupMemberRef struct {
	id, since string
}

// groupFromFHIR maps a Group onto a stored group (patient_group), the
// inverse of groupToFHIR: name, active and the members, handed to
// groupStore under "members". Only what a stored group is can be
// written: an actual group of persons whose members are Patients, each
// current (a member that left is removed, not kept inactive). A Group
// defined by characteristics is refused, since its characteristics
// could not be kept; identifiers, code and managingEntity are not kept.
func groupFromFHIR(res r4.Resource, _ *WriteContext) (map[string]any, error) {
	g, ok := res.(*r4.Group)
	if !ok {
		return nil, invalid("resourceType", "a Group is expected")
	}
	if deref(g.Type) != "person" {
		return nil, invalid("Group.type", "must be person: goemr keeps groups of patients, not %q", deref(g.Type))
	}
	if g.Actual == nil || !*g.Actual {
		return nil, invalid("Group.actual", "must be true: goemr keeps groups that list their members")
	}
	if len(g.Characteristic) > 0 {
		return nil, invalid("Group.characteristic", "cannot be kept: a stored group is its list of members")
	}
	name := strings.TrimSpace(deref(g.Name))
	if name == "" {
		return nil, invalid("Group.name", "is required: every stored group has a name")
	}
	active := "1"
	if g.Active != nil && !*g.Active {
		active = "0"
	}
	members := make([]groupMemberRef, 0, len(g.Member))
	for i, m := range g.Member {
		path := fmt.Sprintf("Group.member[%d]", i)
		if m.Inactive != nil && *m.Inactive {
			return nil, invalid(path+".inactive", "a member that left is removed from the group, not kept inactive")
		}
		id, err := patientRefID(path+".entity", m.Entity)
		if err != nil {
			return nil, err
		}
		ref := groupMemberRef{id: id}
		if m.Period != nil {
			if m.Period.End != nil {
				return nil, invalid(path+".period.end", "a member that left is removed from the group")
			}
			if ref.since, err = timeFrom(path+".period.start", m.Period.Start); err != nil {
				return nil, err
			}
			if len(ref.since) == 10 {
				ref.since += " 00:00:00"
			}
		}
		members = append(members, ref)
	}
	return map[string]any{"name": name, "active": active, "members": members}, nil
}

// patientRefID is the id of the Patient a literal reference names
// ("Patient/{id}", or an absolute URL ending in it).
func patientRefID(path string, ref *r4.Reference) (string, error) {
	if ref == nil || ref.Reference == nil {
		return "", invalid(path, "must refer to a Patient as Patient/{id}")
	}
	parts := strings.Split(strings.TrimSpace(*ref.Reference), "/")
	if len(parts) < 2 || parts[len(parts)-2] != "Patient" || parts[len(parts)-1] == "" {
		return "", invalid(path, "must refer to a Patient as Patient/{id}, not %q", *ref.Reference)
	}
	return parts[len(parts)-1], nil
}

// groupStore writes a stored group and makes its members those written:
// patients resolved together (an unknown one refuses the whole write),
// members that stay keep the time they joined, new ones join now unless
// their period says when. A provider's group is computed from its
// patients' records and is refused.
func groupStore(ctx context.Context, w resource.Writer, v map[string]any, current emr.Record) (string, error) {
	if current != nil && current.Str("kind") != resource.GroupStored {
		return "", emr.Errorf(emr.EINVALID, "Group/%s is the group of a primary care provider's patients, computed from their records: "+
			"it cannot be written (change a patient's provider, or create a Group of your own)", current.Str("uuid"))
	}
	// Distinct Patient ids name distinct patients: once each is known,
	// the pids found are in the ids' order.
	var ids, since []string
	seen := map[string]bool{}
	refs, _ := v["members"].([]groupMemberRef)
	for _, r := range refs {
		if k := strings.ToLower(r.id); !seen[k] {
			seen[k] = true
			ids, since = append(ids, k), append(since, r.since)
		}
	}
	pids, unknown, err := resource.ResolvePatients(ctx, w, ids, false)
	if err != nil {
		return "", err
	}
	if len(unknown) > 0 || len(pids) != len(ids) {
		return "", invalid("Group.member.entity", "Patient/%s is not known here (%d of the %d members are unknown)", firstOf(unknown...), len(unknown), len(ids))
	}
	want := make(map[string]string, len(pids))
	for i, pid := range pids {
		want[pid] = since[i]
	}
	row := map[string]any{"name": v["name"], "active": v["active"]}
	var groupID, id string
	if current == nil {
		rec, err := w.Insert(ctx, resource.PatientGroup, row)
		if err != nil {
			return "", err
		}
		groupID, id = fmt.Sprint(rec["id"]), rec.Str("uuid")
	} else {
		groupID, id = current.Str("group_id"), current.Str("uuid")
		if _, err := w.Update(ctx, resource.PatientGroup, row, emr.Eq("id", groupID)); err != nil {
			return "", err
		}
	}
	now := time.Now().UTC().Format("2006-01-02 15:04:05")
	_, err = resource.SetGroupMembers(ctx, w, groupID, want, now)
	return id, err
}
