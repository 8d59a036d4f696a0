package e2e

import (
	"bytes"
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/go-jose/go-jose/v4"
)

// Callback is the redirect URI test clients register; nothing listens
// there: the browser stops at the redirect and reads the code from it.
const Callback = "http://127.0.0.1:1/callback"

// Registered is a registration response.
type Registered struct {
	ClientID                string `json:"client_id"`
	ClientSecret            string `json:"client_secret"`
	RegistrationAccessToken string `json:"registration_access_token"`
	RegistrationClientURI   string `json:"registration_client_uri"`
	Enabled                 bool   `json:"enabled"`
}

// Register posts RFC 7591 client metadata and returns the response.
func (s *Server) Register(meta map[string]any) (*Registered, int, error) {
	body, _ := json.Marshal(meta)
	resp, err := http.Post(s.URL+"/oauth2/default/registration", "application/json", bytes.NewReader(body))
	if err != nil {
		return nil, 0, err
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var r Registered
	if resp.StatusCode/100 != 2 {
		return nil, resp.StatusCode, fmt.Errorf("registration: %d %s", resp.StatusCode, raw)
	}
	return &r, resp.StatusCode, json.Unmarshal(raw, &r)
}

// Issuer, FHIR base and token endpoint of the default site.
func (s *Server) Issuer() string   { return s.URL + "/oauth2/default" }
func (s *Server) FHIRBase() string { return s.URL + "/apis/default/fhir" }
func (s *Server) TokenURL() string { return s.Issuer() + "/token" }

// Browser is a cookie-keeping HTTP client that stops at the app's redirect
// URI instead of following it, like a real browser handing back to an app.
type Browser struct {
	*http.Client
}

// NewBrowser returns a Browser.
func NewBrowser() *Browser {
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: 30 * time.Second}
	c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if strings.HasPrefix(req.URL.String(), "http://127.0.0.1:1/") {
			return http.ErrUseLastResponse
		}
		return nil
	}
	return &Browser{c}
}

// Page is a fetched HTML page (or the final redirect to the app).
type Page struct {
	Status   int
	URL      *url.URL
	Body     string
	Location string // set when the server redirected to the app
}

func (b *Browser) do(req *http.Request) (*Page, error) {
	resp, err := b.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return &Page{Status: resp.StatusCode, URL: resp.Request.URL, Body: string(raw), Location: resp.Header.Get("Location")}, nil
}

// Get loads a page.
func (b *Browser) Get(u string) (*Page, error) {
	req, _ := http.NewRequest(http.MethodGet, u, nil)
	return b.do(req)
}

// Submit posts a form as a browser does.
func (b *Browser) Submit(action string, form url.Values) (*Page, error) {
	req, _ := http.NewRequest(http.MethodPost, action, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return b.do(req)
}

var (
	csrfRe   = regexp.MustCompile(`name="csrf_token_form" value="([^"]+)"`)
	actionRe = regexp.MustCompile(`<form method="post" action="([^"]+)"`)
)

// Field reads the value of a hidden CSRF field and the post action.
func (p *Page) Form() (action, csrf string, err error) {
	a, c := actionRe.FindStringSubmatch(p.Body), csrfRe.FindStringSubmatch(p.Body)
	if a == nil || c == nil {
		return "", "", fmt.Errorf("no form on page %s (status %d):\n%s", p.URL, p.Status, p.Body)
	}
	return htmlUnescape(a[1]), htmlUnescape(c[1]), nil
}

// Checked returns the values a browser would submit for inputs named name
// as the page comes: hidden ones and checkboxes ticked by default.
func (p *Page) Checked(name string) []string {
	re := regexp.MustCompile(`<input type="(hidden|checkbox)" name="` + regexp.QuoteMeta(name) + `" value="([^"]*)"( checked)?>`)
	var out []string
	for _, m := range re.FindAllStringSubmatch(p.Body, -1) {
		if m[1] == "hidden" || m[3] != "" {
			out = append(out, htmlUnescape(m[2]))
		}
	}
	return out
}

// Values returns the value attributes of inputs named name.
func (p *Page) Values(name string) []string {
	re := regexp.MustCompile(`name="` + regexp.QuoteMeta(name) + `" value="([^"]*)"`)
	var out []string
	for _, m := range re.FindAllStringSubmatch(p.Body, -1) {
		out = append(out, htmlUnescape(m[1]))
	}
	return out
}

func htmlUnescape(s string) string {
	return strings.NewReplacer("&amp;", "&", "&#43;", "+", "&#34;", `"`, "&#39;", "'", "&lt;", "<", "&gt;", ">").Replace(s)
}

// RSAKey makes an RS384 client key pair: the private JWK and a public JWKS.
func RSAKey(kid string) (jose.JSONWebKey, map[string]any) {
	priv, _ := rsa.GenerateKey(rand.Reader, 2048)
	jwk := jose.JSONWebKey{Key: priv, KeyID: kid, Algorithm: "RS384", Use: "sig"}
	pub, _ := json.Marshal(jose.JSONWebKeySet{Keys: []jose.JSONWebKey{jwk.Public()}})
	var set map[string]any
	json.Unmarshal(pub, &set)
	return jwk, set
}

// Assertion signs an RFC 7523 client assertion; mutate edits the claims.
func Assertion(key jose.JSONWebKey, alg jose.SignatureAlgorithm, clientID, aud string, mutate func(map[string]any)) string {
	now := time.Now()
	claims := map[string]any{
		"iss": clientID, "sub": clientID, "aud": aud, "jti": randomHex(16),
		"exp": now.Add(4 * time.Minute).Unix(), "iat": now.Unix(),
	}
	if mutate != nil {
		mutate(claims)
	}
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: alg, Key: key}, (&jose.SignerOptions{}).WithType("JWT"))
	if err != nil {
		panic(err)
	}
	payload, _ := json.Marshal(claims)
	obj, err := signer.Sign(payload)
	if err != nil {
		panic(err)
	}
	out, _ := obj.CompactSerialize()
	return out
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return fmt.Sprintf("%x", b)
}

// PostForm posts a form to the token (or another) endpoint and decodes the
// JSON answer.
func PostForm(u string, form url.Values, basicUser, basicPass string) (int, map[string]any, error) {
	req, _ := http.NewRequest(http.MethodPost, u, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if basicUser != "" {
		req.SetBasicAuth(url.QueryEscape(basicUser), url.QueryEscape(basicPass))
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var m map[string]any
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &m); err != nil {
			return resp.StatusCode, nil, fmt.Errorf("not JSON (%d): %s", resp.StatusCode, raw)
		}
	}
	return resp.StatusCode, m, nil
}

// Assertions signs n RS384 assertions, each with its own jti, on every CPU:
// load tests sign them all before the timed part starts.
func Assertions(key jose.JSONWebKey, clientID, aud string, n int) []string {
	out := make([]string, n)
	var wg sync.WaitGroup
	workers := runtime.NumCPU()
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += workers {
				out[i] = Assertion(key, jose.RS384, clientID, aud, nil)
			}
		}()
	}
	wg.Wait()
	return out
}
