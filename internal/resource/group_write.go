package resource

import (
	"context"
	"strings"

	"goemr/internal/emr"
)

// lookupChunk bounds the values of one IN list, well inside both engines'
// limits on bound parameters.
const lookupChunk = 500

// ResolvePatients finds the pid of each patient ids names: by uuid (a
// FHIR Patient id), and with byPID also by pid (as the Standard API and
// goemr's commands name patients). pids follow ids' order without
// repeats; unknown are the ids that name no patient, in their order.
func ResolvePatients(ctx context.Context, r Reader, ids []string, byPID bool) (pids, unknown []string, err error) {
	keys := make([]string, len(ids))
	for i, id := range ids {
		keys[i] = strings.ToLower(strings.TrimSpace(id))
	}
	found := map[string]string{}
	for start := 0; start < len(keys); start += lookupChunk {
		chunk := keys[start:min(start+lookupChunk, len(keys))]
		cond := emr.Cond{Field: "uuid", Match: emr.In, Value: chunk}
		if byPID {
			cond = emr.Or(cond, emr.Cond{Field: "pid", Match: emr.In, Value: chunk})
		}
		recs, err := r.List(ctx, FHIRPatientKey, emr.Query{Where: []emr.Cond{cond}})
		if err != nil {
			return nil, nil, err
		}
		for _, rec := range recs {
			found[rec.Str("uuid")] = rec.Str("pid")
			if byPID {
				found[rec.Str("pid")] = rec.Str("pid") // a uuid never looks like a pid
			}
		}
	}
	seen := map[string]bool{}
	for i, k := range keys {
		pid, ok := found[k]
		switch {
		case !ok:
			unknown = append(unknown, ids[i])
		case !seen[pid]:
			seen[pid] = true
			pids = append(pids, pid)
		}
	}
	return pids, unknown, nil
}

// groupMembersOf reads the pid and added time of every member of stored
// group groupID, pid → added.
func groupMembersOf(ctx context.Context, r Reader, groupID string) (map[string]string, error) {
	recs, err := r.List(ctx, PatientGroupMember, emr.Query{Where: []emr.Cond{emr.Eq("group_id", groupID)}})
	if err != nil {
		return nil, err
	}
	have := make(map[string]string, len(recs))
	for _, rec := range recs {
		have[rec.Str("pid")] = rec.Str("added")
	}
	return have, nil
}

// SetGroupMembers makes want (pid → when added, "" for now) the members
// of stored group groupID: members not in want leave, patients new to the
// group join at their time (now when none is given), and a member that
// stays keeps the time it joined unless want names another. It reports
// whether anything changed.
func SetGroupMembers(ctx context.Context, w Writer, groupID string, want map[string]string, now string) (bool, error) {
	have, err := groupMembersOf(ctx, w, groupID)
	if err != nil {
		return false, err
	}
	var gone []string
	for pid := range have {
		if _, ok := want[pid]; !ok {
			gone = append(gone, pid)
		}
	}
	if _, err := RemoveGroupMembers(ctx, w, groupID, gone); err != nil {
		return false, err
	}
	changed := len(gone) > 0
	for pid, added := range want {
		was, ok := have[pid]
		switch {
		case !ok:
			_, err = w.Insert(ctx, PatientGroupMember, map[string]any{"group_id": groupID, "pid": pid, "added": firstNonEmpty(added, now)})
		case added != "" && added != was:
			_, err = w.Update(ctx, PatientGroupMember, map[string]any{"added": added}, emr.Eq("group_id", groupID), emr.Eq("pid", pid))
		default:
			continue
		}
		if err != nil {
			return false, err
		}
		changed = true
	}
	return changed, nil
}

// AddGroupMembers adds the patients pids that are not yet members to
// stored group groupID, as joined at added, and returns how many joined.
func AddGroupMembers(ctx context.Context, w Writer, groupID string, pids []string, added string) (int, error) {
	n := 0
	for start := 0; start < len(pids); start += lookupChunk {
		chunk := pids[start:min(start+lookupChunk, len(pids))]
		recs, err := w.List(ctx, PatientGroupMember, emr.Query{Where: []emr.Cond{
			emr.Eq("group_id", groupID), {Field: "pid", Match: emr.In, Value: chunk}}})
		if err != nil {
			return n, err
		}
		member := map[string]bool{}
		for _, rec := range recs {
			member[rec.Str("pid")] = true
		}
		for _, pid := range chunk {
			if member[pid] {
				continue
			}
			member[pid] = true
			if _, err := w.Insert(ctx, PatientGroupMember, map[string]any{"group_id": groupID, "pid": pid, "added": added}); err != nil {
				return n, err
			}
			n++
		}
	}
	return n, nil
}

// RemoveGroupMembers removes the patients pids from stored group groupID
// and returns how many were members.
func RemoveGroupMembers(ctx context.Context, w Writer, groupID string, pids []string) (int64, error) {
	var n int64
	for start := 0; start < len(pids); start += lookupChunk {
		chunk := pids[start:min(start+lookupChunk, len(pids))]
		k, err := w.Delete(ctx, PatientGroupMember, emr.Eq("group_id", groupID), emr.Cond{Field: "pid", Match: emr.In, Value: chunk})
		if err != nil {
			return n, err
		}
		n += k
	}
	return n, nil
}

// TouchGroup moves stored group groupID's last_updated, and so its
// version, after its members changed.
func TouchGroup(ctx context.Context, w Writer, groupID string) error {
	_, err := w.Update(ctx, PatientGroup, map[string]any{}, emr.Eq("id", groupID))
	return err
}
