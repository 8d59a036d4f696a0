package e2e

import (
	"encoding/xml"
	"os"
	"testing"
)

// checkRange asks for the CCD of the first demo patient over 2021–2023
// and checks each section entry's own time (effectiveTime @value or low)
// lies in the range; entries with no time (birth sex, coverage) are
// left aside. The full CCD must hold entries outside it, or the check
// would prove nothing.
func checkRange(t *testing.T, c *fhirAPI, dir string) {
	p := c.search("Patient?_count=1")[0].id
	inside, outside := 0, 0
	for _, query := range []string{"&start=2021-01-01&end=2023-12-31", "&on-demand=true"} {
		doc := struct {
			Sections []struct {
				Code struct {
					Code string `xml:"code,attr"`
				} `xml:"code"`
				Entries []struct {
					Inner []struct {
						Time []struct {
							Value string `xml:"value,attr"`
							Low   struct {
								Value string `xml:"value,attr"`
							} `xml:"low"`
						} `xml:"effectiveTime"`
					} `xml:",any"`
				} `xml:"entry"`
			} `xml:"component>structuredBody>component>section"`
		}{}
		file, _ := c.docref(p, query, dir)
		raw, err := os.ReadFile(file)
		if err != nil || xml.Unmarshal(raw, &doc) != nil {
			t.Fatalf("%s: %v", query, err)
		}
		for _, s := range doc.Sections {
			for _, e := range s.Entries {
				for _, in := range e.Inner {
					for _, et := range in.Time[:min(1, len(in.Time))] {
						when := et.Value + et.Low.Value
						if len(when) < 8 {
							continue
						}
						ok := when[:8] >= "20210101" && when[:8] <= "20231231"
						switch {
						case query == "&on-demand=true" && !ok:
							outside++
						case query != "&on-demand=true" && !ok:
							t.Errorf("section %s of the 2021–2023 CCD holds an entry of %s", s.Code.Code, when)
						case query != "&on-demand=true":
							inside++
						}
					}
				}
			}
		}
	}
	if inside == 0 || outside == 0 {
		t.Errorf("the range check proves nothing: %d entries in the range, %d outside it in the full CCD", inside, outside)
	}
}
