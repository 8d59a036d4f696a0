package main

import (
	"net/url"
	"strings"
	"testing"
)

// chartBrowser is a signed-in staffBrowser that keeps the form token of
// the last page that had one and adds it to its posts, the way a person
// submits the form they are looking at. Paths are absolute
// (/admin/default/…).
type chartBrowser struct {
	*staffBrowser
	t    *testing.T
	csrf string
}

// chartPage is one answer of the pages.
type chartPage = adminPage

const chartPrefix = "/admin/default/"

// chartSignIn signs username in through the sign-in form.
func chartSignIn(t *testing.T, e *apiEnv, username, password string) *chartBrowser {
	t.Helper()
	b := &chartBrowser{staffBrowser: newStaffBrowser(t, e.URL), t: t}
	b.signIn(username, password)
	b.get(chartPrefix).want(t, 200)
	return b
}

func (b *chartBrowser) keep(p *chartPage) *chartPage {
	if m := csrfField.FindStringSubmatch(p.Body); m != nil {
		b.csrf = m[1]
	}
	return p
}

func (b *chartBrowser) get(path string) *chartPage {
	b.t.Helper()
	return b.keep(b.staffBrowser.get(strings.TrimPrefix(path, chartPrefix)))
}

// post sends form with the current form token unless form has its own
// (or an empty one, to leave it out).
func (b *chartBrowser) post(path string, form url.Values) *chartPage {
	b.t.Helper()
	if _, set := form["csrf"]; !set {
		form.Set("csrf", b.csrf)
	} else if form.Get("csrf") == "" {
		form.Del("csrf")
	}
	return b.keep(b.staffBrowser.post(strings.TrimPrefix(path, chartPrefix), form))
}
