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
}

const (
	queueSize = 16384
	batchSize = 512
)

// New starts a Logger writing to st; Close flushes and stops it.
func New(st Store, log *slog.Logger) *Logger {
	l := &Logger{st: st, log: log, queue: make(chan *emr.AuditEvent, queueSize), done: make(chan struct{})}
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

func (l *Logger) run() {
	defer close(l.done)
	batch := make([]*emr.AuditEvent, 0, batchSize)
	for e := range l.queue {
		batch = append(batch[:0], e)
	fill:
		for len(batch) < batchSize {
			select {
			case e, ok := <-l.queue:
				if !ok {
					break fill
				}
				batch = append(batch, e)
			default:
				break fill
			}
		}
		l.write(batch)
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
