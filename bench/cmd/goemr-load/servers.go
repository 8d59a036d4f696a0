package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"goemr/internal/sqldb"
)

// ceilingBody is what the ceiling server answers to every request.
var ceilingBody = []byte(`{"active":true,"scope":"system/Patient.rs","client_id":"ceiling","token_type":"Bearer","exp":4102444800}` + "\n")

// serveCeiling is the ceiling: a bare net/http handler returning a fixed
// JSON body, nothing else. It runs in its own process (this program started
// again with -serve-ceiling) so that it is loaded exactly as goemr is. It
// exits when its parent closes its stdin.
func serveCeiling(addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(ceilingBody)
	})
	go func() {
		io.Copy(io.Discard, os.Stdin)
		os.Exit(0)
	}()
	return (&http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}).Serve(ln)
}

// proc is a server process this program started; it is stopped by its id.
type proc struct {
	name string
	addr string
	cmd  *exec.Cmd
	done chan struct{}
	out  *tailBuffer
	// stdin is the ceiling's stdin; closing it (or this program ending)
	// makes the ceiling exit.
	stdin io.Closer
}

func (p *proc) pid() int {
	if p == nil || p.cmd.Process == nil {
		return 0
	}
	return p.cmd.Process.Pid
}

// stop sends SIGTERM to the process and, if it has not exited after
// 20 seconds, SIGKILL.
func (p *proc) stop() {
	if p == nil || p.cmd.Process == nil {
		return
	}
	select {
	case <-p.done:
		return
	default:
	}
	p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(20 * time.Second):
		p.cmd.Process.Kill()
		<-p.done
	}
}

// startProc starts cmd and waits until url answers 200.
func startProc(name, addr string, cmd *exec.Cmd, health string) (*proc, error) {
	p := &proc{name: name, addr: addr, cmd: cmd, done: make(chan struct{}), out: &tailBuffer{max: 8 << 10}}
	cmd.Stdout, cmd.Stderr = p.out, p.out
	// The child dies with this program even if it is killed outright.
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	go func() { cmd.Wait(); close(p.done) }()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-p.done:
			return nil, fmt.Errorf("%s exited before answering:\n%s", name, p.out)
		default:
		}
		resp, err := http.Get(health)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return p, nil
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	p.stop()
	return nil, fmt.Errorf("%s did not answer %s within a minute:\n%s", name, health, p.out)
}

// startCeiling runs this program again as the ceiling server.
func startCeiling() (*proc, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(self, "-serve-ceiling", addr)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	p, err := startProc("ceiling", addr, cmd, "http://"+addr+"/")
	if err != nil {
		return nil, err
	}
	p.stdin = stdin // held open for the ceiling's lifetime
	return p, nil
}

// startGoemr runs `goemr serve --demo` on a free loopback port.
func startGoemr(bin, dataDir, dsn, sqliteSync string, extra ...string) (*proc, error) {
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	args := []string{"serve", "--demo", "--listen", addr, "--data-dir", dataDir, "--sqlite-sync", sqliteSync}
	if dsn != "" {
		args = append(args, "--db", dsn)
	}
	args = append(args, extra...)
	cmd := exec.Command(bin, args...)
	// Only the flags above configure it; GOEMR_* variables of the calling
	// shell must not.
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GOEMR_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	return startProc("goemr", addr, cmd, "http://"+addr+"/healthz")
}

// buildGoemr compiles ./cmd/goemr of the module the working directory is in.
func buildGoemr(dir string) (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	mod := strings.TrimSpace(string(out))
	if mod == "" || mod == os.DevNull {
		return "", errors.New("run from inside the goemr module (or pass -bin)")
	}
	bin := filepath.Join(dir, "goemr")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/goemr")
	cmd.Dir = filepath.Dir(mod)
	if b, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build ./cmd/goemr: %v\n%s", err, b)
	}
	return bin, nil
}

func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// createPGDatabase makes an empty database on the server for this run and
// returns its DSN and a function that drops it.
func createPGDatabase(ctx context.Context, server, template string) (string, func(), error) {
	admin, err := sqldb.Open(ctx, sqldb.Options{DSN: server, ReadConns: 1})
	if err != nil {
		return "", nil, err
	}
	var b [6]byte
	rand.Read(b[:])
	name := "goemr_bench_" + hex.EncodeToString(b[:])
	create := "CREATE DATABASE " + name
	if template != "" {
		create += " TEMPLATE " + template // a prepared data set, copied as files
	}
	if _, err := admin.Exec(ctx, create); err != nil {
		admin.Close()
		return "", nil, err
	}
	u, err := url.Parse(server)
	if err != nil {
		admin.Close()
		return "", nil, err
	}
	u.Path = "/" + name
	drop := func() {
		admin.Exec(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
		admin.Close()
	}
	return u.String(), drop, nil
}

// postmasterPID reads the PostgreSQL server's pid from the data folder that
// .ci/pg-start exports as GOEMR_PG_DATA; 0 when unknown.
func postmasterPID() int {
	dir := os.Getenv("GOEMR_PG_DATA")
	if dir == "" {
		return 0
	}
	b, err := os.ReadFile(filepath.Join(dir, "postmaster.pid"))
	if err != nil {
		return 0
	}
	line, _, _ := strings.Cut(string(b), "\n")
	pid, _ := strconv.Atoi(strings.TrimSpace(line))
	return pid
}

// tailBuffer keeps the last max bytes written to it.
type tailBuffer struct {
	mu  sync.Mutex
	b   []byte
	max int
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.b = append(t.b, p...)
	if len(t.b) > t.max {
		t.b = append([]byte(nil), t.b[len(t.b)-t.max:]...)
	}
	return len(p), nil
}

func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.b)
}

// generatePatients fills the data folder (or database) with n demo
// patients and their histories before goemr serves it.
func generatePatients(ctx context.Context, bin, dataDir, dsn string, n int) error {
	args := []string{"demo", "--patients", strconv.Itoa(n), "--data-dir", dataDir}
	if dsn != "" {
		args = append(args, "--db", dsn)
	}
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Stderr = os.Stderr
	return cmd.Run()
}

// copyFile copies a prepared SQLite database (after a checkpoint, so the
// file alone holds it) into a new data folder.
func copyFile(from, to string) error {
	if err := os.MkdirAll(filepath.Dir(to), 0o700); err != nil {
		return err
	}
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
