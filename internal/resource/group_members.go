package resource

import (
	"context"

	"goemr/internal/emr"
)

// GroupMember is a patient of a group, as a group-level export reads it
// (Bulk Data Access 2.0, export.html#endpoint---group-of-patients).
type GroupMember struct {
	PID  string
	UUID string
	// Added is when the patient joined a stored group, UTC 'Y-m-d H:i:s';
	// "" in a provider's group, where it is unknown.
	Added string
}

// groupPage is how many members one read of a group returns: a group of
// any size is read in pages of its index, never as one long text.
const groupPage = 2000

// FindGroup returns the identity of the group with uuid (uuid, kind,
// group_id, provider_key, name) without reading its members; found is
// false when there is no such group.
func FindGroup(ctx context.Context, r Reader, groupUUID string) (g emr.Record, found bool, err error) {
	recs, err := r.List(ctx, groupKey, emr.Query{Where: []emr.Cond{emr.Eq("uuid", groupUUID)}, Limit: 1})
	if err != nil || len(recs) == 0 {
		return nil, false, err
	}
	return recs[0], true, nil
}

// GroupMembers returns the members of the group with uuid, of either
// kind, in pid order; found is false when there is no such group (an
// unknown group is a 404, not an empty export). It reads the member rows
// only, a page at a time, whatever the group's size.
func GroupMembers(ctx context.Context, r Reader, groupUUID string) (members []GroupMember, found bool, err error) {
	g, found, err := FindGroup(ctx, r, groupUUID)
	if err != nil || !found {
		return nil, found, err
	}
	d, cond := PatientGroupMember, emr.Eq("group_id", g.Str("group_id"))
	if g.Str("kind") == GroupProvider {
		d, cond = providerGroupMember, emr.Eq("providerID", g.Str("provider_key"))
	}
	q := emr.Query{Where: []emr.Cond{cond}, Limit: groupPage}
	for {
		recs, err := r.List(ctx, d, q)
		if err != nil {
			return nil, true, err
		}
		for _, rec := range recs {
			members = append(members, GroupMember{PID: rec.Str("pid"), UUID: rec.Str("uuid"), Added: rec.Str("added")})
		}
		if len(recs) < groupPage {
			return members, true, nil
		}
		q.After = d.KeysetOf(nil, recs[len(recs)-1])
	}
}
