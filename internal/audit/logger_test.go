package audit

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"sync"
	"testing"

	"goemr/internal/emr"
)

type memStore struct {
	mu   sync.Mutex
	rows []*emr.AuditEvent
	fail bool
}

func (m *memStore) RecordAudits(_ context.Context, es []*emr.AuditEvent) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail {
		return errors.New("disk full")
	}
	m.rows = append(m.rows, es...)
	return nil
}

func TestLoggerWritesEveryRow(t *testing.T) {
	st := &memStore{}
	l := New(st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 1000; j++ {
				l.Record(&emr.AuditEvent{Event: emr.EventAPI, Status: 200})
			}
		}()
	}
	wg.Wait()
	l.Close()
	if len(st.rows) != 20000 || l.Failures() != 0 {
		t.Fatalf("rows %d failures %d", len(st.rows), l.Failures())
	}
}

func TestLoggerReportsFailures(t *testing.T) {
	st := &memStore{fail: true}
	l := New(st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	for i := 0; i < 3; i++ {
		l.Record(&emr.AuditEvent{Event: emr.EventAPI})
	}
	l.Close()
	if l.Failures() != 3 {
		t.Fatalf("failures %d, want 3", l.Failures())
	}
}

type indexingStore struct {
	memStore
	backlog, calls int
}

func (m *indexingStore) IndexAuditPatients(context.Context) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.calls++
	n := min(m.backlog, 10)
	m.backlog -= n
	return n, nil
}

// TestLoggerIndexesPatients: the writer catches the patient index up in
// batches after it writes, not once per batch of rows.
func TestLoggerIndexesPatients(t *testing.T) {
	st := &indexingStore{backlog: 25}
	l := New(st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	l.Record(&emr.AuditEvent{Event: emr.EventAPI})
	l.Record(&emr.AuditEvent{Event: emr.EventAPI})
	l.Close()
	if st.backlog != 0 || st.calls != 4 {
		t.Fatalf("backlog %d after %d calls; want 0 after 4 (10+10+5, then nothing left)", st.backlog, st.calls)
	}
}
