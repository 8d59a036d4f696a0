package ccda

import (
	"bytes"
	"encoding/xml"
	"io"
	"sort"
	"strings"
	"testing"
)

// xnode is a parsed element of a generated document.
type xnode struct {
	name  string
	attrs map[string]string
	kids  []*xnode
	text  string
}

// parse reads a generated document into a tree.
func parse(t testing.TB, doc []byte) *xnode {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(doc))
	root := &xnode{}
	stack := []*xnode{root}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the document is not well-formed XML: %v", err)
		}
		switch v := tok.(type) {
		case xml.StartElement:
			n := &xnode{name: v.Name.Local, attrs: map[string]string{}}
			if v.Name.Space == "urn:hl7-org:sdtc" {
				n.name = "sdtc:" + n.name
			}
			for _, a := range v.Attr {
				n.attrs[a.Name.Local] = a.Value
			}
			top := stack[len(stack)-1]
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			stack[len(stack)-1].text += string(v)
		}
	}
	return root.kids[0]
}

// all are the elements below n at a slash-separated path of names.
func (n *xnode) all(p string) []*xnode {
	cur := []*xnode{n}
	for _, step := range strings.Split(p, "/") {
		var next []*xnode
		for _, c := range cur {
			for _, k := range c.kids {
				if k.name == step {
					next = append(next, k)
				}
			}
		}
		cur = next
	}
	return cur
}

// one is the first element at path, or an empty one.
func (n *xnode) one(p string) *xnode {
	if all := n.all(p); len(all) > 0 {
		return all[0]
	}
	return &xnode{attrs: map[string]string{}}
}

// deepText is the text of n and its descendants.
func (n *xnode) deepText() string {
	var b strings.Builder
	b.WriteString(n.text)
	for _, k := range n.kids {
		b.WriteString(" " + k.deepText())
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// sectionOf is the section of a document with LOINC code.
func sectionOf(t testing.TB, doc *xnode, code string) *xnode {
	t.Helper()
	for _, s := range doc.all("component/structuredBody/component/section") {
		if s.one("code").attrs["code"] == code {
			return s
		}
	}
	t.Fatalf("no section with code %s", code)
	return nil
}

// templates are the template ids (root or root:extension) of n.
func (n *xnode) templates() []string {
	var out []string
	for _, tid := range n.all("templateId") {
		s := tid.attrs["root"]
		if e := tid.attrs["extension"]; e != "" {
			s += ":" + e
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// danglingRefs lists the narrative references of a document that point
// at no ID of its narrative (CDA R2 §4.3.5.1).
func danglingRefs(doc *xnode) []string {
	ids := map[string]bool{}
	var refs []string
	var walk func(n *xnode)
	walk = func(n *xnode) {
		if id := n.attrs["ID"]; id != "" {
			ids[id] = true
		}
		if n.name == "reference" && strings.HasPrefix(n.attrs["value"], "#") {
			refs = append(refs, n.attrs["value"][1:])
		}
		for _, k := range n.kids {
			walk(k)
		}
	}
	walk(doc)
	var out []string
	for _, r := range refs {
		if !ids[r] {
			out = append(out, r)
		}
	}
	return out
}
