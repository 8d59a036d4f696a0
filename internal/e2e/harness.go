package e2e

import (
	"bufio"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // PostgreSQL databases for the PG runs
)

// Binary builds cmd/goemr once per test process and returns its path.
var Binary = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "goemr-bin-")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "goemr")
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..")
	args := []string{"build", "-o", bin}
	if os.Getenv("GOEMR_E2E_RACE") == "1" { // the binary under test with the race detector
		args = append(args, "-race")
	}
	cmd := exec.Command("go", append(args, "./cmd/goemr")...)
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
})

// Backend is a database goemr can be started on.
type Backend struct {
	Name string
	DSN  string // "" for SQLite in the data folder
}

// Backends lists SQLite always and PostgreSQL when GOEMR_TEST_PG is set (a
// fresh database per call). GOEMR_REQUIRE_PG=1 makes a missing PG a failure.
func Backends(t *testing.T) []Backend {
	out := []Backend{{Name: "sqlite"}}
	server := os.Getenv("GOEMR_TEST_PG")
	if server == "" {
		if os.Getenv("GOEMR_REQUIRE_PG") == "1" {
			t.Fatal("GOEMR_REQUIRE_PG=1 but GOEMR_TEST_PG is not set")
		}
		return out
	}
	return append(out, Backend{Name: "postgres", DSN: freshPGDatabase(t, server)})
}

func freshPGDatabase(t *testing.T, server string) string {
	db, err := sql.Open("pgx", server)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var b [6]byte
	rand.Read(b[:])
	name := "goemr_e2e_" + hex.EncodeToString(b[:])
	if _, err := db.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		db, err := sql.Open("pgx", server)
		if err == nil {
			db.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
			db.Close()
		}
	})
	return replaceDBName(server, name)
}

// replaceDBName swaps the database name in a postgres:// URL.
func replaceDBName(dsn, name string) string {
	rest, query, _ := strings.Cut(dsn, "?")
	i := strings.LastIndex(rest, "/")
	if i < len("postgres://") {
		rest += "/"
		i = len(rest) - 1
	}
	out := rest[:i+1] + name
	if query != "" {
		out += "?" + query
	}
	return out
}

// Server is a running goemr process.
type Server struct {
	URL     string
	DataDir string
	Backend Backend
	cmd     *exec.Cmd
	mu      sync.Mutex
	out     strings.Builder
	done    chan struct{}
}

// Start runs `goemr serve --demo` on a free loopback port and waits for
// /healthz. Extra args are appended. The process is stopped at cleanup.
func Start(t *testing.T, b Backend, dataDir string, extra ...string) *Server {
	t.Helper()
	return start(t, b, dataDir, append([]string{"--demo"}, extra...)...)
}

// StartPlain runs `goemr serve` without --demo: nothing insecure enabled.
func StartPlain(t *testing.T, b Backend, extra ...string) *Server {
	t.Helper()
	return start(t, b, "", extra...)
}

func start(t *testing.T, b Backend, dataDir string, extra ...string) *Server {
	t.Helper()
	bin, err := Binary()
	if err != nil {
		t.Fatal(err)
	}
	if dataDir == "" {
		dataDir = t.TempDir()
	}
	addr := freeAddr(t)
	for i, a := range extra {
		if a == "--listen" && i+1 < len(extra) {
			addr = extra[i+1] // a restart on the address of the process before
		}
	}
	args := append([]string{"serve", "--listen", addr, "--data-dir", dataDir, "--sqlite-sync", "FULL"}, extra...)
	if b.DSN != "" {
		args = append(args, "--db", b.DSN)
	}
	scheme := "http://"
	for _, a := range extra {
		if a == "--tls-cert" {
			scheme = "https://"
		}
	}
	s := &Server{URL: scheme + addr, DataDir: dataDir, Backend: b, done: make(chan struct{})}
	s.cmd = exec.Command(bin, args...)
	s.cmd.Env = append(os.Environ(), "GOEMR_LOG_LEVEL=warn")
	pr, pw := io.Pipe()
	s.cmd.Stdout, s.cmd.Stderr = pw, pw
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			s.mu.Lock()
			s.out.WriteString(sc.Text() + "\n")
			s.mu.Unlock()
		}
	}()
	go func() { s.cmd.Wait(); pw.Close(); close(s.done) }()
	t.Cleanup(func() {
		s.Kill()
		if out := s.Output(); strings.Contains(out, "WARNING: DATA RACE") || strings.Contains(out, "panic:") || strings.Contains(out, "msg=panic") {
			t.Errorf("goemr reported a race or a panic:\n%s", out)
		}
	})
	if err := s.waitHealthy(30 * time.Second); err != nil {
		t.Fatalf("%v\n%s", err, s.Output())
	}
	return s
}

func (s *Server) waitHealthy(limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		select {
		case <-s.done:
			return fmt.Errorf("goemr exited before becoming healthy")
		default:
		}
		resp, err := http.Get(s.URL + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return nil
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	return fmt.Errorf("goemr not healthy after %v", limit)
}

// Output is what the process printed so far.
func (s *Server) Output() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.out.String()
}

// Kill stops the process at once (SIGKILL), as a crash would.
func (s *Server) Kill() {
	if s.cmd.Process != nil {
		s.cmd.Process.Kill()
	}
	<-s.done
}

// Stop sends SIGTERM and returns the exit error once the process ended.
func (s *Server) Stop(ctx context.Context) error {
	s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.done:
		if code := s.cmd.ProcessState.ExitCode(); code != 0 {
			return fmt.Errorf("goemr exited with status %d", code)
		}
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func freeAddr(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// ForEachBackend runs f as a subtest on every backend.
func ForEachBackend(t *testing.T, f func(t *testing.T, b Backend)) {
	for _, b := range Backends(t) {
		t.Run(b.Name, func(t *testing.T) { f(t, b) })
	}
}

// Fresh returns a backend of the same kind with an empty database (SQLite
// servers get their own data folder anyway).
func Fresh(t *testing.T, b Backend) Backend {
	if b.DSN == "" {
		return b
	}
	return Backend{Name: b.Name, DSN: freshPGDatabase(t, os.Getenv("GOEMR_TEST_PG"))}
}
