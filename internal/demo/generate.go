package demo

import (
	"context"
	"errors"
	"time"

	"goemr/internal/resource"
)

// Anchor is the demo's "today": every generated date is computed from it,
// never from the clock, so the same request writes the same rows on any
// day. Histories end before it; future appointments fall after it.
var Anchor = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

// Bulk is the storage histories are written through: fn runs once, in one
// transaction of its own (store.Store.Bulk).
type Bulk interface {
	Bulk(ctx context.Context, fn func(w resource.Writer) error) error
}

// Options says how much to generate.
type Options struct {
	// Patients is the size of the demo population wanted: demo patients
	// 1..Patients get histories. The first len(Patients) are Seed's named
	// patients, who are never created here (only given histories when
	// they exist); the others are created with their histories.
	Patients int
	// Chunk is how many patients one transaction writes (default 250).
	Chunk int
	// Progress, when set, is called after every transaction.
	Progress func(Progress)
}

// Progress reports how far a Generate call is.
type Progress struct {
	Done, Total int   // patients looked at so far, of Total
	Rows        int64 // rows written so far
	Elapsed     time.Duration
}

// Stats says what a Generate call wrote.
type Stats struct {
	Created   int              // patients created
	Histories int              // patients given a history
	Skipped   int              // patients that already had one
	Rows      map[string]int64 // rows written per table
}

// Total is the number of rows written.
func (s *Stats) Total() int64 {
	var n int64
	for _, v := range s.Rows {
		n += v
	}
	return n
}

// ErrNotDemo is returned when the database was not seeded with the demo
// data (demo patient 1 is missing): histories are only added to a demo
// database, never mixed into real records.
var ErrNotDemo = errors.New("the database holds no demo data (run goemr demo on an empty database)")

const defaultChunk = 250

// Generate gives demo patients 1..opt.Patients deterministic, clinically
// plausible histories: encounters with vitals and notes, problems,
// medications and prescriptions, allergies, immunizations, lab orders with
// results, appointments, insurance, messages and documents, plus the
// facilities, practitioners, payers, laboratory and formulary they refer
// to. Patient n's rows depend only on n, so the same request writes the
// same rows, and a patient that already has its history is skipped: run
// again, Generate adds only what is missing and never duplicates.
func Generate(ctx context.Context, b Bulk, opt Options) (*Stats, error) {
	chunk := opt.Chunk
	if chunk <= 0 {
		chunk = defaultChunk
	}
	st := &Stats{Rows: map[string]int64{}}
	started := time.Now()
	var sh *shared
	for first := 1; first <= opt.Patients; {
		// The named patients form the first, small transaction.
		last := min(first+chunk-1, opt.Patients)
		if first == 1 {
			last = min(len(Patients), opt.Patients)
		}
		err := b.Bulk(ctx, func(w resource.Writer) error {
			bt := &batch{ctx: ctx, w: w, rows: map[string]int64{}, idless: map[*resource.Def]*resource.Def{}}
			if sh == nil {
				s, err := bt.loadShared()
				if err != nil {
					return err
				}
				sh = s
			}
			bt.sh = sh
			if err := bt.patients(first, last, st); err != nil {
				return err
			}
			for k, v := range bt.rows {
				st.Rows[k] += v
			}
			return nil
		})
		if err != nil {
			return st, err
		}
		if opt.Progress != nil {
			opt.Progress(Progress{Done: last, Total: opt.Patients, Rows: st.Total(), Elapsed: time.Since(started)})
		}
		first = last + 1
	}
	return st, nil
}
