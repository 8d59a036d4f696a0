package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// cpuProbe tells how busy the machine was during a run apart from the
// processes of the benchmark itself (this load client, the ceiling server,
// goemr and, when it is ours, the PostgreSQL server): other engineers'
// builds and tests on a shared machine skew the figures, so each run says
// how much CPU they took.
type cpuProbe struct {
	pids     func() []int // the benchmark's own processes
	pgParent int          // PostgreSQL postmaster whose children count as ours; 0 if none
}

// cpuSample is a reading of /proc, in clock ticks: the whole machine, the
// benchmark's processes, this load client and the server under load.
type cpuSample struct{ busy, total, ours, self, target int64 }

// cpuWindow is the difference of two samples.
type cpuWindow cpuSample

func (s cpuSample) since(a cpuSample) cpuWindow {
	return cpuWindow{busy: s.busy - a.busy, total: s.total - a.total, ours: s.ours - a.ours,
		self: s.self - a.self, target: s.target - a.target}
}

// clockTick is the length of a /proc clock tick (USER_HZ, 100 on Linux).
const clockTick = 10 * time.Millisecond

// perRequest is the CPU time of ticks spread over n requests.
func perRequest(ticks, n int64) time.Duration {
	if n <= 0 {
		return 0
	}
	return time.Duration(ticks) * clockTick / time.Duration(n)
}

// otherPercent is the share of all CPUs used by other processes.
func (w cpuWindow) otherPercent() float64 {
	if w.total <= 0 {
		return 0
	}
	return max(0, float64(w.busy-w.ours)) / float64(w.total) * 100
}

func (p *cpuProbe) sample(target int) cpuSample {
	var s cpuSample
	if b, err := os.ReadFile("/proc/stat"); err == nil {
		line, _, _ := strings.Cut(string(b), "\n")
		f := strings.Fields(line)
		for i, v := range f[1:] {
			n, _ := strconv.ParseInt(v, 10, 64)
			if i >= 8 { // guest time is already counted in user
				break
			}
			s.total += n
			if i != 3 && i != 4 { // idle, iowait
				s.busy += n
			}
		}
	}
	seen := map[int]bool{}
	add := func(pid int) {
		if pid <= 0 || seen[pid] {
			return
		}
		seen[pid] = true
		s.ours += procTicks(pid)
	}
	s.self = procTicks(os.Getpid())
	s.target = procTicks(target)
	add(os.Getpid())
	for _, pid := range p.pids() {
		add(pid)
	}
	if p.pgParent > 0 {
		add(p.pgParent)
		dirs, _ := filepath.Glob("/proc/[0-9]*")
		for _, d := range dirs {
			pid, _ := strconv.Atoi(filepath.Base(d))
			if ppid, _ := procStat(pid); ppid == p.pgParent {
				add(pid)
			}
		}
	}
	return s
}

// procTicks is utime+stime of a process (all its threads).
func procTicks(pid int) int64 {
	_, ticks := procStat(pid)
	return ticks
}

// procStat reads the parent id and utime+stime of pid from /proc/PID/stat.
func procStat(pid int) (ppid int, ticks int64) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, 0
	}
	// The command name is in parentheses and may hold spaces.
	i := strings.LastIndexByte(string(b), ')')
	if i < 0 {
		return 0, 0
	}
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 13 {
		return 0, 0
	}
	ppid, _ = strconv.Atoi(f[1])
	ut, _ := strconv.ParseInt(f[11], 10, 64)
	st, _ := strconv.ParseInt(f[12], 10, 64)
	return ppid, ut + st
}

// loadAvg is the first field of /proc/loadavg and the CPU count.
func loadAvg() string {
	b, _ := os.ReadFile("/proc/loadavg")
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "?"
	}
	return f[0] + " " + f[1] + " " + f[2] + " (" + strconv.Itoa(runtime.NumCPU()) + " CPUs)"
}

// cpuModel is the model name line of /proc/cpuinfo.
func cpuModel() string {
	b, _ := os.ReadFile("/proc/cpuinfo")
	for _, line := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}
