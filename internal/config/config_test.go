package config

import (
	"flag"
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	tests := []struct {
		name    string
		cfg     func(*Config)
		wantErr string
		wantURL string
	}{
		{"default loopback", func(c *Config) {}, "", "http://127.0.0.1:9300"},
		{"localhost", func(c *Config) { c.Listen = "localhost:8080" }, "", "http://localhost:8080"},
		{"ipv6 loopback", func(c *Config) { c.Listen = "[::1]:9300" }, "", "http://[::1]:9300"},
		{"plain http on all interfaces", func(c *Config) { c.Listen = "0.0.0.0:9300" }, "refusing to serve plain HTTP", ""},
		{"plain http on lan", func(c *Config) { c.Listen = "10.1.2.3:9300" }, "refusing to serve plain HTTP", ""},
		{"tls on all interfaces", func(c *Config) { c.Listen = ":443"; c.TLSCert, c.TLSKey = "c", "k" }, "", "https://localhost:443"},
		{"cert without key", func(c *Config) { c.TLSCert = "c" }, "together", ""},
		{"base url kept", func(c *Config) { c.BaseURL = "https://emr.example.org/" }, "", "https://emr.example.org"},
		{"base url http remote", func(c *Config) { c.BaseURL = "http://emr.example.org" }, "only allowed for loopback", ""},
		{"base url relative", func(c *Config) { c.BaseURL = "/x" }, "absolute", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Default()
			tt.cfg(&c)
			err := c.Validate()
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.BaseURL != tt.wantURL {
				t.Errorf("BaseURL = %q, want %q", c.BaseURL, tt.wantURL)
			}
		})
	}
}

func TestEnvAndFlags(t *testing.T) {
	c := Default()
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	c.ServeFlags(fs)
	if err := fs.Parse([]string{"--listen", "127.0.0.1:1"}); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"GOEMR_LISTEN": "127.0.0.1:2", "GOEMR_DATA_DIR": "/tmp/x", "GOEMR_DEMO": "true"}
	if err := ApplyEnv(fs, func(k string) string { return env[k] }); err != nil {
		t.Fatal(err)
	}
	if c.Listen != "127.0.0.1:1" || c.DataDir != "/tmp/x" || !c.Demo {
		t.Fatalf("got %+v", c)
	}
	fs2 := flag.NewFlagSet("serve", flag.ContinueOnError)
	c2 := Default()
	c2.ServeFlags(fs2)
	env = map[string]string{"GOEMR_DEMO": "maybe"}
	if err := ApplyEnv(fs2, func(k string) string { return env[k] }); err == nil {
		t.Fatal("bad boolean accepted")
	}
}
