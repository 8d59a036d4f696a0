package fhir

import (
	"bytes"
	"context"
	"encoding/json"
	"runtime"

	"golang.org/x/sync/errgroup"

	"goemr/internal/emr"
	"goemr/internal/fhirmap"
)

// Export reads in pages and writes as it reads, so memory stays flat
// whatever the population: patients are taken exportChunk at a time, and
// each type of their compartments is read exportPage records per query.
// Chunks run on as many goroutines as there are processors.
const (
	exportChunk = 20
	exportPage  = 2000
	exportBatch = 256 // lines handed to the writer at once
	exportIDs   = 500 // ids per query when reading referenced resources
)

// run writes the job: the patients' compartments chunk by chunk, then
// (system level) every type outside them, or (Patient and Group levels)
// the resources the compartments refer to.
func (run *exportRun) run(ctx context.Context) error {
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(max(1, runtime.GOMAXPROCS(0)))
	err := run.eachChunk(gctx, func(c patientChunk) {
		g.Go(func() error { return run.writeChunk(gctx, c) })
	})
	if run.j.Params.Level == emr.ExportSystem {
		for _, t := range run.j.Params.Types {
			if m := run.s.mappings[t]; m != nil && m.Patient == "" {
				g.Go(func() error { return run.writeAll(gctx, m) })
			}
		}
	}
	if werr := g.Wait(); err == nil {
		err = werr
	}
	if err != nil || run.j.Params.Level == emr.ExportSystem {
		return err
	}
	return run.writeReferenced(ctx)
}

// writeChunk writes the compartments of a chunk of patients, Patient
// first.
func (run *exportRun) writeChunk(ctx context.Context, c patientChunk) error {
	for _, t := range run.j.Params.Types {
		m := run.s.mappings[t]
		if m == nil || m.Patient == "" {
			continue
		}
		where, err := run.where(ctx, m, c.since)
		if err != nil {
			if e := run.skip(t, err); e != nil {
				return e
			}
			continue
		}
		where = append(where, emr.Cond{Field: m.Patient, Match: emr.In, Value: c.pids})
		if err := run.writeType(ctx, m, where); err != nil {
			return err
		}
	}
	return nil
}

// writeAll writes every resource of a type outside patient compartments.
func (run *exportRun) writeAll(ctx context.Context, m *fhirmap.Mapping) error {
	where, err := run.where(ctx, m, true)
	if err != nil {
		return run.skip(m.Type, err)
	}
	return run.writeType(ctx, m, where)
}

// writeType writes the records of m matching where, a page at a time in
// the definition's order (keyset paging: no offsets to rescan).
func (run *exportRun) writeType(ctx context.Context, m *fhirmap.Mapping, where []emr.Cond) error {
	var after []any
	for {
		recs, err := run.s.o.Records.List(ctx, m.Def, emr.Query{Where: where, Limit: exportPage, After: after})
		if err != nil || len(recs) == 0 {
			return err
		}
		more := len(recs) == exportPage
		after = m.Def.KeysetOf(nil, recs[len(recs)-1]) // before writePage drops the records
		if err := run.writePage(m, recs); err != nil || !more {
			return err
		}
	}
}

// writePage encodes a page and hands it to the writer in batches of
// exportBatch lines, dropping each record once encoded: what a page holds
// in memory shrinks as it is written.
func (run *exportRun) writePage(m *fhirmap.Mapping, recs []emr.Record) error {
	mc, err := run.s.mapContext(run.c, m, recs)
	if err != nil {
		return err
	}
	elements := run.elementsOf(m.Type)
	provElements := run.elementsOf("Provenance")
	withProvenance := run.types["Provenance"] && m.Patient != "" && run.provenance != nil
	refs := run.wantRefs()
	var lines, provs [][]byte
	for i, rec := range recs {
		body, err := encode(m.ToFHIR(rec, mc))
		if err != nil {
			return err
		}
		if refs != nil {
			noteRefs(body, refs)
		}
		if elements != nil {
			body = subset(body, elements)
		}
		lines = append(lines, body)
		if withProvenance {
			prov, err := run.provenance(m.Type, rec.Str(m.ID), recordedAt(m, rec))
			if err != nil {
				return err
			}
			if provElements != nil {
				prov = subset(prov, provElements)
			}
			provs = append(provs, prov)
		}
		recs[i] = nil
		if len(lines) == exportBatch || i == len(recs)-1 {
			if err := run.emit(m.Type, lines, provs, refs); err != nil {
				return err
			}
			lines, provs = lines[:0], provs[:0]
		}
	}
	return nil
}

// emit hands encoded lines, their Provenance and the references they hold
// to the writer.
func (run *exportRun) emit(typ string, lines, provs [][]byte, refs map[string]map[string]bool) error {
	run.mu.Lock()
	defer run.mu.Unlock()
	for _, l := range lines {
		if err := run.w.Write(typ, l); err != nil {
			return err
		}
	}
	for _, p := range provs {
		if err := run.w.Write("Provenance", p); err != nil {
			return err
		}
	}
	for t, ids := range refs {
		if run.refs[t] == nil {
			run.refs[t] = map[string]bool{}
		}
		for id := range ids {
			run.refs[t][id] = true
		}
		clear(ids)
	}
	return nil
}

// skip records in the error file that a type could not be exported with
// the job's scopes (a granular scope goemr cannot apply to it) and goes
// on; any other error fails the job.
func (run *exportRun) skip(typ string, err error) error {
	if emr.ErrorCode(err) != emr.EFORBIDDEN {
		return err
	}
	body, _ := json.Marshal(outcome("error", "forbidden", typ+" was not exported: "+emr.ErrorMessage(err)))
	run.mu.Lock()
	defer run.mu.Unlock()
	return run.w.Error(body)
}

// wantRefs is a fresh set for the referenced types a Patient or Group
// export adds, nil when there are none to collect.
func (run *exportRun) wantRefs() map[string]map[string]bool {
	if run.j.Params.Level == emr.ExportSystem {
		return nil
	}
	var out map[string]map[string]bool
	for _, t := range exportReferenced {
		if run.types[t] {
			if out == nil {
				out = map[string]map[string]bool{}
			}
			out[t] = map[string]bool{}
		}
	}
	return out
}

var referenceKey = []byte(`"reference":"`)

// noteRefs adds to refs the ids of the references in an encoded resource
// ("Type/id", or an absolute URL ending so) whose type refs collects.
func noteRefs(body []byte, refs map[string]map[string]bool) {
	for {
		i := bytes.Index(body, referenceKey)
		if i < 0 {
			return
		}
		body = body[i+len(referenceKey):]
		end := bytes.IndexByte(body, '"')
		if end < 0 {
			return
		}
		ref := body[:end]
		slash := bytes.LastIndexByte(ref, '/')
		if slash > 0 {
			typ := ref[bytes.LastIndexByte(ref[:slash], '/')+1 : slash]
			if ids, id := refs[string(typ)], ref[slash+1:]; ids != nil && validID.Match(id) {
				ids[string(id)] = true
			}
		}
		body = body[end:]
	}
}
