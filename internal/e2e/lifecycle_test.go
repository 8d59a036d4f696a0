package e2e

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// TestCrashKeepsAcknowledgedWrites kills the process with SIGKILL right
// after a registration was acknowledged; after a restart on the same
// database the client is there.
func TestCrashKeepsAcknowledgedWrites(t *testing.T) {
	for _, b := range Backends(t) {
		t.Run(b.Name, func(t *testing.T) {
			s := Start(t, b, "")
			var regs []*Registered
			for i := 0; i < 5; i++ {
				reg, _, err := s.Register(map[string]any{"redirect_uris": []string{Callback}, "scope": "openid patient/Patient.rs"})
				if err != nil {
					t.Fatal(err)
				}
				regs = append(regs, reg)
			}
			s.Kill()
			again := Start(t, b, s.DataDir)
			for _, reg := range regs {
				uri := strings.Replace(reg.RegistrationClientURI, s.URL, again.URL, 1)
				status, raw := clientRead(t, uri, reg.RegistrationAccessToken)
				var m map[string]any
				json.Unmarshal(raw, &m)
				if status != 200 || m["client_id"] != reg.ClientID {
					t.Errorf("client %s after kill -9: %d %s", reg.ClientID, status, raw)
				}
			}
		})
	}
}

// TestGracefulStop: SIGTERM lets a request already in flight finish (its
// body still arriving), then the process exits with status 0.
func TestGracefulStop(t *testing.T) {
	ForEachBackend(t, func(t *testing.T, b Backend) {
		s := Start(t, b, "")
		conn, err := net.Dial("tcp", strings.TrimPrefix(s.URL, "http://"))
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		// A first request on the connection proves the server accepted it.
		br := bufio.NewReader(conn)
		fmt.Fprintf(conn, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
		if resp, err := http.ReadResponse(br, nil); err != nil || resp.StatusCode != 200 {
			t.Fatalf("healthz on the raw connection: %v", err)
		} else {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
		body := `{"redirect_uris":["http://127.0.0.1:1/cb"],"client_name":"in flight"}`
		fmt.Fprintf(conn, "POST /oauth2/default/registration HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", len(body), body[:10])
		time.Sleep(200 * time.Millisecond) // the server is now reading this request
		stopped := make(chan error, 1)
		go func() {
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			stopped <- s.Stop(ctx)
		}()
		time.Sleep(300 * time.Millisecond)
		io.WriteString(conn, body[10:])
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			t.Fatalf("in-flight request lost at SIGTERM: %v\n%s", err, s.Output())
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusCreated {
			t.Errorf("in-flight registration: %d", resp.StatusCode)
		}
		if err := <-stopped; err != nil {
			t.Fatalf("%v\n%s", err, s.Output())
		}
		if !strings.Contains(s.Output(), "stopped") {
			t.Errorf("no clean stop in output:\n%s", s.Output())
		}
	})
}

// TestPlainHTTPRefused: plain HTTP on a non-loopback address is refused
// with a message that says why.
func TestPlainHTTPRefused(t *testing.T) {
	bin, err := Binary()
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "serve", "--listen", "0.0.0.0:9399", "--data-dir", t.TempDir()).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "refusing to serve plain HTTP") {
		t.Fatalf("err = %v, output:\n%s", err, out)
	}
}
