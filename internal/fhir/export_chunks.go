package fhir

import (
	"context"
	"slices"
	"time"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

// patientChunk is a unit of an export: up to exportChunk patients, whose
// compartments are read with _since applied or (Bulk Data 2.0, for
// patients added to the group after _since) in full.
type patientChunk struct {
	pids  []string
	since bool
}

// eachChunk calls fn for each chunk of the job's patients: every patient
// (system and Patient levels), the group's members, or the patients the
// "patient" parameter names (within the group at Group level).
func (run *exportRun) eachChunk(ctx context.Context, fn func(patientChunk)) error {
	p := run.j.Params
	switch {
	case p.Level == emr.ExportGroup:
		members, found, err := resource.GroupMembers(ctx, run.s.o.Records, p.Group)
		if err != nil {
			return err
		}
		if !found {
			return emr.Errorf(emr.ENOTFOUND, "Group/%s no longer exists", p.Group)
		}
		var recent, known []string
		for _, m := range members {
			if len(p.Patients) > 0 && !slices.Contains(p.Patients, m.UUID) {
				continue
			}
			if run.addedSince(m.Added) {
				recent = append(recent, m.PID)
			} else {
				known = append(known, m.PID)
			}
		}
		chunked(recent, false, fn)
		chunked(known, true, fn)
		return nil
	case len(p.Patients) > 0:
		pids, _, err := resource.ResolvePatients(ctx, run.s.o.Records, p.Patients, false)
		if err != nil {
			return err
		}
		chunked(pids, true, fn)
		return nil
	}
	return run.everyPatient(ctx, fn)
}

// everyPatient walks patient_data in pid order, a chunk per query.
func (run *exportRun) everyPatient(ctx context.Context, fn func(patientChunk)) error {
	q := emr.Query{Limit: exportChunk}
	for {
		recs, err := run.s.o.Records.List(ctx, resource.PatientPIDs, q)
		if err != nil || len(recs) == 0 {
			return err
		}
		pids := make([]string, len(recs))
		for i, r := range recs {
			pids[i] = r.Str("pid")
		}
		fn(patientChunk{pids: pids, since: true})
		if len(recs) < exportChunk {
			return nil
		}
		q.After = resource.PatientPIDs.KeysetOf(nil, recs[len(recs)-1])
	}
}

// addedSince reports whether a group member joined after _since: such a
// patient's data is exported in full (Bulk Data 2.0, _since: "resources
// for patients newly added to the group").
func (run *exportRun) addedSince(added string) bool {
	if run.since.IsZero() || added == "" {
		return false
	}
	t, err := time.Parse("2006-01-02 15:04:05", added)
	return err == nil && !t.Before(run.since)
}

func chunked(pids []string, since bool, fn func(patientChunk)) {
	for len(pids) > 0 {
		n := min(len(pids), exportChunk)
		fn(patientChunk{pids: pids[:n], since: since})
		pids = pids[n:]
	}
}

// writeReferenced writes the Practitioners, Organizations, Locations and
// Medications the exported compartments refer to (Patient and Group
// levels), each once.
func (run *exportRun) writeReferenced(ctx context.Context) error {
	for _, t := range exportReferenced {
		m, ids := run.s.mappings[t], run.refs[t]
		if m == nil || len(ids) == 0 {
			continue
		}
		where, err := run.where(ctx, m, true)
		if err != nil {
			if err := run.skip(t, err); err != nil {
				return err
			}
			continue
		}
		list := make([]string, 0, len(ids))
		for id := range ids {
			list = append(list, id)
		}
		slices.Sort(list)
		for len(list) > 0 {
			n := min(len(list), exportIDs)
			if err := run.writeType(ctx, m, append(slices.Clone(where), emr.Cond{Field: m.ID, Match: emr.In, Value: list[:n]})); err != nil {
				return err
			}
			list = list[n:]
		}
	}
	return nil
}
