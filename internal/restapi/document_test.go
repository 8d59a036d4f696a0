package restapi

import (
	"bytes"
	"errors"
	"mime/multipart"
	"net/http/httptest"
	"net/textproto"
	"strings"
	"testing"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

// OpenEMR's default tree, the part the path tests walk.
var testCategories = []emr.Category{
	{ID: 1, Name: "Categories"}, {ID: 2, Parent: 1, Name: "Lab Report"}, {ID: 4, Parent: 1, Name: "Patient Information"},
	{ID: 5, Parent: 4, Name: "Patient ID card"}, {ID: 10, Parent: 4, Name: "Patient Photograph"},
	{ID: 27, Parent: 1, Name: "Onsite Portal"}, {ID: 28, Parent: 27, Name: "Patient"},
	{ID: 40, Parent: 1, Name: "Patient"}, // a site's own category repeating a name
}

func TestCategoryAtPath(t *testing.T) {
	for path, want := range map[string]int64{
		"/Lab Report": 2, "/lab_report": 2, "/LabReport": 2, "Lab Report": 2, "/Lab Report/": 2,
		"/Categories/Lab Report":                  2,
		"/Patient Information/Patient Photograph": 10, "/patient_information/patient_photograph": 10,
		"/Patient Photograph":     10, // the first segment may name any category
		"/Onsite Portal/Patient":  28,
		"/Patient":                28, // repeated name: the lowest id
		"/Categories/Patient":     40,
		"/Nope":                   0,
		"/Lab Report/Patient":     0,
		"/Patient Photograph/Lab": 0,
		"/":                       0,
		"":                        0,
	} {
		got, ok := categoryAtPath(testCategories, path)
		if got != want || ok != (want != 0) {
			t.Errorf("categoryAtPath(%q) = %d, %v; want %d", path, got, ok, want)
		}
	}
}

func TestContentDisposition(t *testing.T) {
	for name, want := range map[string]string{
		"file.pdf":        `attachment; filename="file.pdf"`,
		"my scan (1).png": `attachment; filename="my scan (1).png"`,
		`a"b\c%41.txt`:    `attachment; filename="a_b_c_41.txt"; filename*=UTF-8''a%22b%5Cc%2541.txt`,
		"résumé.pdf":      `attachment; filename="r_sum_.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf`,
		"":                `attachment; filename="document"`,
	} {
		if got := contentDisposition(name); got != want {
			t.Errorf("contentDisposition(%q) = %s, want %s", name, got, want)
		}
	}
}

// readUpload keeps to its own limit whatever the body limit is.
func TestReadUpload(t *testing.T) {
	for _, c := range []struct {
		name     string
		data     []byte
		ctype    string
		wantRule string
		wantType string
	}{
		{"a.txt", []byte("hello"), "text/plain; charset=utf-8", "", "text/plain; charset=utf-8"},
		{"a.bin", []byte("%PDF-1.7\n"), "application/octet-stream", "", "application/pdf"},
		{"a.png", []byte("\x89PNG\r\n\x1a\n\x00"), "", "", "image/png"},
		{"a.png", []byte("GIF89a"), "not a type", "", "image/gif"},
		{"big.bin", bytes.Repeat([]byte{0}, 17), "", "File::TOO_LARGE", ""},
		{"exact.bin", bytes.Repeat([]byte{0}, 16), "", "", "application/octet-stream"},
		{"empty.txt", nil, "", "NotEmpty::EMPTY_VALUE", ""},
		{"..", []byte("x"), "", "File::NO_FILE", ""},
		{"*a%00b%09c%C3%A9.txt", []byte("x"), "", "", "text/plain; charset=utf-8"}, // RFC 2231 name with controls
	} {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		disp := `form-data; name="document"; filename="` + c.name + `"`
		if rest, ok := strings.CutPrefix(c.name, "*"); ok {
			disp = `form-data; name="document"; filename*=UTF-8''` + rest
		}
		h := textproto.MIMEHeader{"Content-Disposition": {disp}}
		if c.ctype != "" {
			h.Set("Content-Type", c.ctype)
		}
		w, _ := mw.CreatePart(h)
		w.Write(c.data)
		mw.Close()
		r := httptest.NewRequest("POST", "/", &buf)
		r.Header.Set("Content-Type", mw.FormDataContentType())
		up, err := readUpload(r, 16)
		var ve *ValidationError
		switch {
		case c.wantRule != "":
			if !errors.As(err, &ve) || !hasRule(ve, "document", c.wantRule) {
				t.Errorf("%s: err %v, want %s", c.name, err, c.wantRule)
			}
		case err != nil:
			t.Errorf("%s: %v", c.name, err)
		case strings.HasPrefix(c.name, "*") && up.name != "abcé.txt":
			t.Errorf("%s: stored name %q, want the controls removed", c.name, up.name)
		case up.mimeType != c.wantType || !bytes.Equal(up.data, c.data):
			t.Errorf("%s: type %q, %d bytes; want %q, %d", c.name, up.mimeType, len(up.data), c.wantType, len(c.data))
		}
	}
}

func hasRule(ve *ValidationError, field, rule string) bool {
	errs, _ := ve.Errors.(resource.Errors)
	m, _ := errs[field].(map[string]string)
	_, ok := m[rule]
	return ok
}
