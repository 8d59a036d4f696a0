package main

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"sync/atomic"

	"goemr/internal/e2e"
)

// Standard API scenarios (issue: benchmarks of the OpenEMR REST API) on
// the patients of the database goemr serves.
const (
	scPatientRead   = "api_patient_read"   // GET /api/patient/{puuid}
	scPatientSearch = "api_patient_search" // GET /api/patient?lname=…
	scProblems      = "api_medical_problem"
	scPatientCreate = "api_patient_create" // POST /api/patient
)

const apiScope = "openid api:oemr user/patient.crs user/medical_problem.rs"

// apiSample is what the API scenarios request: real patient uuids and last
// names, read from the server once before any run.
type apiSample struct {
	token     string
	fhirToken string // user/T.rs for every benchmarked FHIR type
	uuids     []string
	lnames    []string
}

// loadAPISample gets a staff token and up to 1,000 patients spread over
// the whole table.
func loadAPISample(s *setup) (*apiSample, error) {
	srv := &e2e.Server{URL: s.base}
	reg, _, err := srv.Register(map[string]any{
		"application_type": "private", "client_name": "bench api",
		"redirect_uris":              []string{"https://bench.example.org/cb"},
		"token_endpoint_auth_method": "client_secret_basic", "scope": apiScope,
	})
	if err != nil {
		return nil, err
	}
	form := url.Values{"grant_type": {"password"}, "user_role": {"users"}, "username": {"admin"}, "password": {"pass"}, "scope": {apiScope}}
	code, body, err := e2e.PostForm(s.tokenURL(), form, reg.ClientID, reg.ClientSecret)
	if err != nil {
		return nil, err
	}
	tok, _ := body["access_token"].(string)
	if code != 200 || tok == "" {
		return nil, fmt.Errorf("api token: %d %v", code, body)
	}
	a := &apiSample{token: tok}
	if a.fhirToken, err = fhirToken(s); err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for offset := 0; len(a.uuids) < 1000; offset += 997 {
		var page struct {
			Data []struct{ UUID, Lname string } `json:"data"`
		}
		if err := getJSON(s.base+fmt.Sprintf("/apis/default/api/patient?_limit=20&_offset=%d", offset), tok, &page); err != nil {
			return nil, err
		}
		if len(page.Data) == 0 {
			break
		}
		for _, p := range page.Data {
			a.uuids = append(a.uuids, p.UUID)
			if !seen[p.Lname] {
				seen[p.Lname] = true
				a.lnames = append(a.lnames, p.Lname)
			}
		}
	}
	if len(a.uuids) == 0 {
		return nil, fmt.Errorf("the server has no patients")
	}
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(a.uuids), func(i, j int) { a.uuids[i], a.uuids[j] = a.uuids[j], a.uuids[i] })
	return a, nil
}

func getJSON(u, token string, v any) error {
	req, _ := http.NewRequest("GET", u, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		return fmt.Errorf("GET %s: %d", u, resp.StatusCode)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

// apiRequests builds the requests of an API scenario; the ceiling gets the
// same bytes.
func apiRequests(sc string, s *setup, host string) source {
	a := s.api
	var reqs [][]byte
	switch sc {
	case scPatientRead:
		for _, u := range a.uuids {
			reqs = append(reqs, getRequest(host, "/apis/default/api/patient/"+u, a.token))
		}
	case scProblems:
		for _, u := range a.uuids {
			reqs = append(reqs, getRequest(host, "/apis/default/api/patient/"+u+"/medical_problem", a.token))
		}
	case scPatientSearch:
		for _, n := range a.lnames {
			reqs = append(reqs, getRequest(host, "/apis/default/api/patient?lname="+url.QueryEscape(n), a.token))
		}
	case scPatientCreate:
		body := `{"fname":"Bench","lname":"Loadtest","DOB":"1980-05-17","sex":"Female","street":"1 Main St","city":"Springfield","state":"IL","postal_code":"62701"}`
		return fixed(jsonRequest(host, "/apis/default/api/patient", a.token, body))
	}
	return &cycle{reqs: reqs}
}

// cycle sends its requests round robin.
type cycle struct {
	reqs [][]byte
	i    atomic.Int64
}

func (c *cycle) next() []byte { return c.reqs[(c.i.Add(1)-1)%int64(len(c.reqs))] }

// getRequest is an API read as HTTP client libraries send it: Go's
// net/http, fetch, curl --compressed and the npm clients all offer gzip.
func getRequest(host, path, token string) []byte {
	return []byte("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: application/json\r\nAccept-Encoding: gzip\r\nAuthorization: Bearer " + token + "\r\n\r\n")
}

func jsonRequest(host, path, token, body string) []byte {
	return []byte(fmt.Sprintf("POST %s HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nAccept: application/json\r\nAuthorization: Bearer %s\r\nContent-Length: %d\r\n\r\n%s",
		path, host, token, len(body), body))
}
