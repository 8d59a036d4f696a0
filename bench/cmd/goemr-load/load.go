package main

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// source hands out the raw HTTP/1.1 request to send next. It returns nil
// when it has nothing left (a pool of one-use requests ran out).
type source interface {
	next() []byte
}

// fixed sends the same request every time.
type fixed []byte

func (f fixed) next() []byte { return f }

// pool sends each of its requests once, in order.
type pool struct {
	reqs [][]byte
	i    atomic.Int64
}

func (p *pool) next() []byte {
	i := p.i.Add(1) - 1
	if i >= int64(len(p.reqs)) {
		return nil
	}
	return p.reqs[i]
}

// loadResult is one closed-loop run against one server.
type loadResult struct {
	Target    string
	Count     int64         // 200 answers completed inside the measured window
	Window    time.Duration // length of the measured window
	Errors    int64         // non-200 answers and broken connections, warm-up included
	Statuses  map[int]int64 // non-200 status → count
	FirstErr  string        // first error seen, for the report
	Exhausted bool          // a one-use request pool ran out: the figure is invalid
	P50, P99  time.Duration
	OtherCPU  float64 // % of the machine used by processes other than ours in the window
	// CPU time per counted request of the server under load and of this
	// load client, in the window (10 ms resolution over the whole window).
	ServerCPU, ClientCPU time.Duration
}

// Rate is completed 200 answers per second in the measured window.
func (r *loadResult) Rate() float64 { return float64(r.Count) / r.Window.Seconds() }

// Valid reports whether the run can be used as a figure.
func (r *loadResult) Valid() bool { return r.Errors == 0 && !r.Exhausted && r.Count > 0 }

// runLoad keeps conns keep-alive connections to addr busy with requests
// from src, one outstanding request per connection (a closed loop), for
// warm+dur. Only answers completing after the warm-up count. It returns
// once every connection received its last answer, so nothing is left in
// flight for the next run.
func runLoad(addr string, target int, src source, conns int, warm, dur time.Duration, cpu *cpuProbe) *loadResult {
	type worker struct {
		count, errors int64
		statuses      map[int]int64
		firstErr      string
		exhausted     bool
		lat           []int64
	}
	start := time.Now()
	t0, t1 := start.Add(warm), start.Add(warm+dur)
	hardStop := t1.Add(60 * time.Second) // an answer never takes longer than this
	ws := make([]*worker, conns)
	var wg sync.WaitGroup
	var cpuWin cpuWindow
	var cpuDone sync.WaitGroup
	if cpu != nil {
		cpuDone.Add(1)
		go func() {
			defer cpuDone.Done()
			time.Sleep(time.Until(t0))
			a := cpu.sample(target)
			time.Sleep(time.Until(t1))
			cpuWin = cpu.sample(target).since(a)
		}()
	}
	for i := range ws {
		w := &worker{statuses: map[int]int64{}, lat: make([]int64, 0, 4096)}
		ws[i] = w
		wg.Add(1)
		go func() {
			defer wg.Done()
			fail := func(msg string) {
				w.errors++
				if w.firstErr == "" {
					w.firstErr = msg
				}
			}
			var conn net.Conn
			var br *bufio.Reader
			defer func() {
				if conn != nil {
					conn.Close()
				}
			}()
			for {
				sent := time.Now()
				if !sent.Before(t1) {
					return
				}
				if conn == nil {
					c, err := net.DialTimeout("tcp", addr, 5*time.Second)
					if err != nil {
						fail("dial: " + err.Error())
						time.Sleep(10 * time.Millisecond)
						continue
					}
					c.SetDeadline(hardStop)
					conn, br = c, bufio.NewReaderSize(c, 32<<10)
					sent = time.Now()
				}
				req := src.next()
				if req == nil {
					w.exhausted = true
					return
				}
				if _, err := conn.Write(req); err != nil {
					fail("write: " + err.Error())
					conn.Close()
					conn = nil
					continue
				}
				resp, err := http.ReadResponse(br, nil)
				if err != nil {
					fail("read: " + err.Error())
					conn.Close()
					conn = nil
					continue
				}
				var body []byte
				if !success(resp.StatusCode) {
					body, _ = io.ReadAll(io.LimitReader(resp.Body, 300))
				}
				_, err = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				done := time.Now()
				switch {
				case err != nil:
					fail("read body: " + err.Error())
				case !success(resp.StatusCode):
					w.statuses[resp.StatusCode]++
					fail(fmt.Sprintf("HTTP %d: %s", resp.StatusCode, body))
				case !done.Before(t0) && done.Before(t1):
					w.count++
					if !sent.Before(t0) {
						w.lat = append(w.lat, int64(done.Sub(sent)))
					}
				}
				if err != nil || resp.Close {
					conn.Close()
					conn = nil
				}
			}
		}()
	}
	wg.Wait()
	cpuDone.Wait()
	res := &loadResult{Window: dur, Statuses: map[int]int64{}}
	var lat []int64
	for _, w := range ws {
		res.Count += w.count
		res.Errors += w.errors
		res.Exhausted = res.Exhausted || w.exhausted
		for k, v := range w.statuses {
			res.Statuses[k] += v
		}
		if res.FirstErr == "" {
			res.FirstErr = w.firstErr
		}
		lat = append(lat, w.lat...)
	}
	slices.Sort(lat)
	res.P50, res.P99 = percentile(lat, 0.50), percentile(lat, 0.99)
	if cpu != nil {
		res.OtherCPU = cpuWin.otherPercent()
		res.ServerCPU = perRequest(cpuWin.target, res.Count)
		res.ClientCPU = perRequest(cpuWin.self, res.Count)
	}
	return res
}

// percentile of sorted samples (nearest rank).
func percentile(sorted []int64, q float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(q*float64(len(sorted))+0.5) - 1
	i = max(0, min(i, len(sorted)-1))
	return time.Duration(sorted[i])
}

// success is 200, or 201 for creates.
func success(status int) bool { return status == http.StatusOK || status == http.StatusCreated }
