package ccda

// tid is a template identifier: root and, for versioned templates, the
// version's extension.
type tid struct{ root, ext string }

// templateIDs are the templateId elements of templates: a versioned
// template also carries its root without extension, as C-CDA R2.1 asks
// of every template that had an R1.1 version (Vol 1 §1.8.2, CONF:1198-
// 32936 and the schematron's hasCompatibleR1.1TemplateId).
func templateIDs(ts ...tid) []*node {
	var out []*node
	for _, t := range ts {
		out = append(out, el("templateId", "root", t.root, "extension", t.ext))
		if t.ext != "" {
			out = append(out, el("templateId", "root", t.root))
		}
	}
	return out
}

// sectionInfo is what identifies a section: its templates, its LOINC
// code and its title.
type sectionInfo struct {
	templates     []tid
	code, display string
	title         string
	noInformation string // narrative of an empty section
}

// section builds a section with its narrative and entries. A section with
// neither is sent with nullFlavor NI and says so in its narrative (C-CDA
// R2.1 Vol 1 §1.8.4: a required section with no information).
func (b *builder) section(s sectionInfo, text *node, entries ...*node) *node {
	n := el("section")
	empty := text == nil && len(entries) == 0
	if empty {
		n.set("nullFlavor", "NI")
	}
	n.add(templateIDs(s.templates...)...)
	n.add(fixed("code", s.code, oidLOINC, "LOINC", s.display))
	n.add(el("title").txt(s.title))
	if empty {
		text = el("text").txt(firstOf(s.noInformation, "No information"))
	}
	n.add(text)
	for _, e := range entries {
		n.add(el("entry", "typeCode", "DRIV").add(e))
	}
	return n
}

// cell is one cell of a narrative table: its text, and its ID when an
// entry refers to it.
type cell struct{ id, text string }

// table is a narrative table (CDA R2 NarrativeBlock) of one row per entry.
type table struct {
	head []string
	rows [][]cell
}

func newTable(head ...string) *table { return &table{head: head} }

// row adds a row: the first cell named by id (may be ""), then the rest.
func (t *table) row(id, first string, rest ...string) {
	r := []cell{{id: id, text: first}}
	for _, c := range rest {
		r = append(r, cell{text: c})
	}
	t.rows = append(t.rows, r)
}

// text is the section text holding the table, nil when it has no rows.
func (t *table) text() *node {
	if len(t.rows) == 0 {
		return nil
	}
	tr := el("tr")
	for _, h := range t.head {
		tr.add(el("th").txt(h))
	}
	body := el("tbody")
	for _, r := range t.rows {
		row := el("tr")
		for _, c := range r {
			row.add(el("td", "ID", c.id).txt(c.text))
		}
		body.add(row)
	}
	return el("text").add(el("table", "border", "1", "width", "100%").add(el("thead").add(tr), body))
}

// refText is an entry's text pointing at its narrative (CDA R2
// §4.3.5.1).
func refText(id string) *node {
	if id == "" {
		return nil
	}
	return el("text").add(el("reference", "value", "#"+id))
}

// statusEl is a statusCode element.
func statusEl(code string) *node { return el("statusCode", "code", code) }
