package ccdacheck

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os/exec"
	"regexp"
	"strings"
)

// Failure is one failed schematron assert.
type Failure struct {
	ID       string // the assert id, "a-1198-5250"
	Location string // XPath of the element the rule fired on
	Text     string
}

func (f Failure) String() string {
	return f.ID + " at " + shortPath(f.Location) + ": " + strings.Join(strings.Fields(f.Text), " ")
}

// shortPath turns the skeleton's namespace-safe XPath into a readable one.
var localName = regexp.MustCompile(`\*\[local-name\(\)='([^']+)' and namespace-uri\(\)='[^']*'\]`)

func shortPath(p string) string { return localName.ReplaceAllString(p, "$1") }

// RunSchematron checks file against the schematron's errors phase and
// returns every failed assert, Unrunnable ones included.
func (c *Checker) RunSchematron(file string) ([]Failure, error) {
	xsl, err := c.compile()
	if err != nil {
		return nil, err
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(c.xsltproc, xsl, file)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("xsltproc %s: %v\n%s", file, err, stderr.String())
	}
	return parseSVRL(&stdout)
}

// parseSVRL reads the failed asserts of an SVRL report (ISO/IEC 19757-3
// Annex D).
func parseSVRL(r io.Reader) ([]Failure, error) {
	const svrl = "http://purl.oclc.org/dsdl/svrl"
	dec := xml.NewDecoder(r)
	var out []Failure
	var cur *Failure
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("reading SVRL: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case t.Name.Space == svrl && t.Name.Local == "failed-assert":
				cur = &Failure{}
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "id":
						cur.ID = a.Value
					case "location":
						cur.Location = a.Value
					}
				}
			case cur != nil && t.Name.Space == svrl && t.Name.Local == "text":
				inText = true
			}
		case xml.CharData:
			if inText {
				cur.Text += string(t)
			}
		case xml.EndElement:
			switch {
			case t.Name.Space == svrl && t.Name.Local == "text":
				inText = false
			case t.Name.Space == svrl && t.Name.Local == "failed-assert" && cur != nil:
				out = append(out, *cur)
				cur = nil
			}
		}
	}
}

// Errors are the failures of file that count: every failed assert except
// the Unrunnable ones.
func (c *Checker) Errors(file string) ([]Failure, error) {
	all, err := c.RunSchematron(file)
	if err != nil {
		return nil, err
	}
	var out []Failure
	for _, f := range all {
		if _, ok := Unrunnable[f.ID]; !ok {
			out = append(out, f)
		}
	}
	return out, nil
}
