package demo

import (
	"context"
	"math/rand/v2"
	"strconv"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

// batch is one transaction of Generate: the patients of one chunk.
type batch struct {
	ctx  context.Context
	w    resource.Writer
	sh   *shared
	rows map[string]int64 // rows written per table

	// The patient being written: its demo number and pid, and the
	// number of rows written per table, which numbers their uuids.
	n   int
	pid int64
	seq map[string]int
	// now is the time server-set columns (date, date_created…) get: the
	// moment of the event being recorded.
	now string
	// nextEncounter is the encounter number the next encounter gets.
	nextEncounter int64
	// idless are add's copies of definitions without their id column.
	idless map[*resource.Def]*resource.Def
}

// put inserts one row of d. The columns Insert would fill from the clock
// or at random (uuids, creation times) are filled from the patient's
// number and b.now instead, so that the same run writes the same rows.
func (b *batch) put(d *resource.Def, v map[string]any) (emr.Record, error) {
	for i := range d.Fields {
		f := &d.Fields[i]
		if _, ok := v[f.Name]; ok || !f.Stored() {
			continue
		}
		switch f.Auto {
		case resource.AutoUUID:
			b.seq[d.Table]++
			v[f.Name] = ID(d.Table+"-"+strconv.Itoa(b.n), b.seq[d.Table])
		case resource.AutoNow, resource.AutoTouch:
			v[f.Name] = b.now
		}
	}
	rec, err := b.w.Insert(b.ctx, d, v)
	if err != nil {
		return nil, err
	}
	b.rows[d.Table]++
	return rec, nil
}

// add is put for a row whose id is not needed: Insert then need not
// read it back (INSERT … RETURNING), which is most of the rows.
func (b *batch) add(d *resource.Def, v map[string]any) error {
	nd, ok := b.idless[d]
	if !ok {
		c := *d
		c.ID = ""
		nd = &c
		b.idless[d] = nd
	}
	_, err := b.put(nd, v)
	return err
}

// rng is patient n's random source: a fixed seed per patient makes every
// patient's data independent of the others and of the chunk size.
func rng(kind string, n int) *rand.Rand {
	var h uint64 = 14695981039346656037 // FNV-1a of kind
	for i := 0; i < len(kind); i++ {
		h = (h ^ uint64(kind[i])) * 1099511628211
	}
	return rand.New(rand.NewPCG(h, uint64(n)))
}

// patients writes the histories of demo patients first..last that have
// none yet, creating the generated patients among them.
func (b *batch) patients(first, last int, st *Stats) error {
	uuids := make([]string, 0, last-first+1)
	markers := make([]string, 0, last-first+1)
	for n := first; n <= last; n++ {
		uuids = append(uuids, ID("patient", n))
		markers = append(markers, ID("form_encounter-"+strconv.Itoa(n), 1))
	}
	existing, err := b.w.List(b.ctx, patientLookup, emr.Query{Where: []emr.Cond{{Field: "uuid", Match: emr.In, Value: uuids}}})
	if err != nil {
		return err
	}
	people := map[string]emr.Record{}
	for _, r := range existing {
		people[r.Str("uuid")] = r
	}
	done, err := b.w.List(b.ctx, encounterLookup, emr.Query{Where: []emr.Cond{{Field: "uuid", Match: emr.In, Value: markers}}})
	if err != nil {
		return err
	}
	had := map[string]bool{}
	for _, r := range done {
		had[r.Str("uuid")] = true
	}
	nextPID, err := b.next(pidCounter)
	if err != nil {
		return err
	}
	if b.nextEncounter, err = b.next(encounterCounter); err != nil {
		return err
	}
	for n := first; n <= last; n++ {
		if had[markers[n-first]] {
			st.Skipped++
			continue
		}
		p := people[uuids[n-first]]
		b.n, b.seq = n, map[string]int{}
		r := rng("patient", n)
		var pt *person
		switch {
		case p != nil:
			pt = existingPerson(p)
			pt.n = n
			if err := b.assignPCP(p, pt); err != nil {
				return err
			}
		case n <= len(Patients):
			continue // a named patient that was deleted: nothing to add to
		default:
			pt = newPerson(r, n)
			pt.pid = nextPID
			nextPID++
			if err := b.createPatient(pt); err != nil {
				return err
			}
			st.Created++
		}
		b.pid = pt.pid
		if err := b.history(r, pt); err != nil {
			return err
		}
		st.Histories++
	}
	return nil
}

// next reads a "max + 1" number (a Def of one computed field).
func (b *batch) next(d *resource.Def) (int64, error) {
	rec, err := b.w.Get(b.ctx, d)
	if err != nil {
		return 0, err
	}
	return strconv.ParseInt(rec.Str("next"), 10, 64)
}

// assignPCP gives a seeded patient without a primary care provider the
// one the history is written by, as generated patients have: their FHIR
// Patient then names a general practitioner and belongs to that
// provider's Group.
func (b *batch) assignPCP(rec emr.Record, p *person) error {
	if rec.Str("providerID") != "" {
		return nil
	}
	id := strconv.FormatInt(b.sh.pcp(p, p.n).id, 10)
	_, err := b.w.Update(b.ctx, resource.Patient, map[string]any{"providerID": id}, emr.Eq("pid", p.pid))
	return err
}
