package store

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"goemr/internal/emr"
	"goemr/internal/emrtest"
	"goemr/internal/sqldb"
)

// TestGroupCommit: concurrent writes share transactions, each caller gets
// its own outcome, and a failing write does not fail its batch-mates.
func TestGroupCommit(t *testing.T) {
	for _, ndb := range emrtest.DBs(t) {
		t.Run(ndb.Name, func(t *testing.T) {
			ctx := context.Background()
			st := New(ndb.DB)
			const n = 64
			var wg sync.WaitGroup
			errs := make([]error, n)
			ids := make([]int64, n)
			for i := 0; i < n; i++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					switch i % 8 {
					case 7: // a write whose own logic fails
						errs[i] = st.group.do(ctx, func(tx *sqldb.Tx) error { return errors.New("mine") })
					case 6: // a statement that fails (aborts a PostgreSQL transaction)
						errs[i] = st.group.do(ctx, func(tx *sqldb.Tx) error {
							_, err := tx.Exec(ctx, `INSERT INTO no_such_table VALUES (1)`)
							return err
						})
					default:
						e := &emr.AuditEvent{Event: "test", Outcome: "success"}
						errs[i] = st.RecordAudit(ctx, e)
						ids[i] = e.ID
					}
				}()
			}
			wg.Wait()
			seen := map[int64]bool{}
			for i, err := range errs {
				switch i % 8 {
				case 7:
					if err == nil || err.Error() != "mine" {
						t.Errorf("write %d: err %v, want its own error", i, err)
					}
				case 6:
					if err == nil {
						t.Errorf("write %d: a failing statement reported success", i)
					}
				default:
					if err != nil || ids[i] == 0 || seen[ids[i]] {
						t.Errorf("audit %d: err %v id %d", i, err, ids[i])
					}
					seen[ids[i]] = true
				}
			}
			events, err := st.ListAudit(ctx, emr.AuditFilter{Event: "test", Limit: 1000})
			if err != nil || len(events) != len(seen) {
				t.Errorf("%d audit rows stored, want %d (%v)", len(events), len(seen), err)
			}
		})
	}
}

// TestAssertionReplayInOneBatch: the same jti used concurrently succeeds
// exactly once, even when both land in one group commit.
func TestAssertionReplayInOneBatch(t *testing.T) {
	for _, ndb := range emrtest.DBs(t) {
		t.Run(ndb.Name, func(t *testing.T) {
			ctx := context.Background()
			st := New(ndb.DB)
			exp := time.Now().Add(time.Minute)
			var wg sync.WaitGroup
			var mu sync.Mutex
			ok, conflict := 0, 0
			for i := 0; i < 16; i++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					err := st.UseAssertionID(ctx, "client", "same-jti", exp)
					mu.Lock()
					defer mu.Unlock()
					switch emr.ErrorCode(err) {
					case "":
						ok++
					case emr.ECONFLICT:
						conflict++
					default:
						t.Errorf("unexpected error %v", err)
					}
				}()
			}
			wg.Wait()
			if ok != 1 || conflict != 15 {
				t.Errorf("ok %d, conflict %d; want 1 and 15", ok, conflict)
			}
		})
	}
}
