package audit

import (
	"context"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"goemr/internal/emr"
)

// Store is where rows go.
type Store interface {
	RecordAudits(ctx context.Context, es []*emr.AuditEvent) error
}

// Logger queues rows and writes them in batches.
type Logger struct {
	st       Store
	log      *slog.Logger
	queue    chan *emr.AuditEvent
	failures atomic.Int64
	done     chan struct{}
	once     sync.Once
	indexer  PatientIndexer // st, when it indexes the log's patients
	indexed  time.Time      // when the patient index was last brought up to date
}

const (
	queueSize = 16384
	batchSize = 2048
)

// New starts a Logger writing to st; Close flushes and stops it.
func New(st Store, log *slog.Logger) *Logger {
	l := &Logger{st: st, log: log, queue: make(chan *emr.AuditEvent, queueSize), done: make(chan struct{})}
	l.indexer, _ = st.(PatientIndexer)
	go l.run()
	return l
}

// Record queues e. When the queue is full (the database cannot keep up)
// the row is written by the caller itself rather than dropped.
func (l *Logger) Record(e *emr.AuditEvent) {
	select {
	case l.queue <- e:
	default:
		l.write([]*emr.AuditEvent{e})
	}
}

// Failures is the number of rows that could not be written.
func (l *Logger) Failures() int64 { return l.failures.Load() }

// Close writes what is queued and stops the writer.
func (l *Logger) Close() {
	l.once.Do(func() { close(l.queue) })
	<-l.done
}

// linger is how long the writer waits for more rows once a batch has its
// first: a commit costs about the same for one row as for hundreds, so
// under load the log costs one commit per linger instead of one per few
// requests. Rows are written at most this much later.
const linger = 25 * time.Millisecond

func (l *Logger) run() {
	defer close(l.done)
	batch := make([]*emr.AuditEvent, 0, batchSize)
	timer := time.NewTimer(linger)
	timer.Stop()
	for open := true; open; {
		e, ok := <-l.queue
		if !ok {
			return
		}
		batch = append(batch[:0], e)
		timer.Reset(linger)
	fill:
		for len(batch) < batchSize {
			select {
			case e, ok := <-l.queue:
				if !ok {
					open = false
					break fill
				}
				batch = append(batch, e)
			case <-timer.C:
				break fill
			}
		}
		timer.Stop()
		l.write(batch)
		l.indexIfDue()
	}
}

// PatientIndexer is a Store that indexes the log's patients in batches
// (store.IndexAuditPatients): it reports how many log rows a call covered.
type PatientIndexer interface {
	IndexAuditPatients(ctx context.Context) (int, error)
}

// indexEvery is how often the writer brings the patient index up to date;
// the rows of the last interval are found without it meanwhile.
const indexEvery = 2 * time.Second

// indexIfDue runs the store's patient indexer when indexEvery has passed,
// in batches until it has caught up (or a few batches, under a backlog).
func (l *Logger) indexIfDue() {
	if l.indexer == nil || time.Since(l.indexed) < indexEvery {
		return
	}
	l.indexed = time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for range 8 {
		n, err := l.indexer.IndexAuditPatients(ctx)
		if err != nil {
			l.log.Warn("api log patient index not updated", "err", err)
			return
		}
		if n == 0 {
			return
		}
	}
}

// write stores a batch, retrying once; what still fails is reported row
// by row in the server log.
func (l *Logger) write(batch []*emr.AuditEvent) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err := l.st.RecordAudits(ctx, batch)
	if err != nil {
		time.Sleep(100 * time.Millisecond)
		err = l.st.RecordAudits(ctx, batch)
	}
	if err == nil {
		return
	}
	l.failures.Add(int64(len(batch)))
	for _, e := range batch {
		l.log.Error("api log row not written", "err", err, "time", e.Time, "site", e.Site, "subject", e.Subject,
			"client", e.ClientID, "patient", e.PatientUUID, "pid", e.PatientID, "method", e.Method, "path", e.Path, "status", e.Status)
	}
}
