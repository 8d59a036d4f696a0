package ccda

import (
	"bytes"
	"strconv"
	"strings"
)

// node is one element of the document being built. Text, when set, is
// written before the children: narrative blocks are mixed content (CDA R2
// §4.3.5), everything else is elements only.
type node struct {
	name  string
	attrs []string // name, value pairs in order
	kids  []*node
	text  string
}

// el makes an element with attributes given as name, value pairs; an
// empty value leaves its attribute out.
func el(name string, attrs ...string) *node {
	n := &node{name: name, attrs: make([]string, 0, len(attrs))}
	for i := 0; i+1 < len(attrs); i += 2 {
		n.set(attrs[i], attrs[i+1])
	}
	return n
}

// set adds an attribute, unless value is empty.
func (n *node) set(name, value string) *node {
	if value != "" {
		n.attrs = append(n.attrs, name, value)
	}
	return n
}

// add appends children, skipping nil ones, and returns n.
func (n *node) add(kids ...*node) *node {
	for _, k := range kids {
		if k != nil {
			n.kids = append(n.kids, k)
		}
	}
	return n
}

// txt sets the element's character data.
func (n *node) txt(s string) *node {
	n.text = s
	return n
}

// textEl is an element holding only text, nil when the text is empty.
func textEl(name, s string) *node {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return el(name).txt(s)
}

// write serializes n at depth into b: elements indented by two spaces,
// mixed content written as it is so that no whitespace enters narrative.
func (n *node) write(b *bytes.Buffer, depth int, indent bool) {
	if indent {
		b.WriteByte('\n')
		for i := 0; i < depth; i++ {
			b.WriteString("  ")
		}
	}
	b.WriteByte('<')
	b.WriteString(n.name)
	for i := 0; i+1 < len(n.attrs); i += 2 {
		b.WriteByte(' ')
		b.WriteString(n.attrs[i])
		b.WriteString(`="`)
		escape(b, n.attrs[i+1], true)
		b.WriteByte('"')
	}
	if n.text == "" && len(n.kids) == 0 {
		b.WriteString("/>")
		return
	}
	b.WriteByte('>')
	escape(b, n.text, false)
	inner := indent && n.text == ""
	for _, k := range n.kids {
		k.write(b, depth+1, inner)
	}
	if inner && len(n.kids) > 0 {
		b.WriteByte('\n')
		for i := 0; i < depth; i++ {
			b.WriteString("  ")
		}
	}
	b.WriteString("</")
	b.WriteString(n.name)
	b.WriteByte('>')
}

// escape writes s as XML character data or an attribute value, leaving
// out the characters XML 1.0 cannot carry (§2.2).
func escape(b *bytes.Buffer, s string, attr bool) {
	clean := true
	for i := 0; i < len(s) && clean; i++ {
		c := s[i]
		clean = c >= 0x20 && c != '&' && c != '<' && c != '>' && c != '"' && c != 0xEF || c == '\n' && !attr
	}
	if clean {
		b.WriteString(s)
		return
	}
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"' && attr:
			b.WriteString("&quot;")
		case (r == '\n' || r == '\r' || r == '\t') && attr:
			b.WriteString("&#")
			b.WriteString(strconv.Itoa(int(r)))
			b.WriteByte(';')
		case r < 0x20 && r != '\n' && r != '\r' && r != '\t', r == 0xFFFE, r == 0xFFFF:
			// not a character XML 1.0 allows
		default:
			b.WriteRune(r)
		}
	}
}
