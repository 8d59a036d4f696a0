package fhir

import (
	"strconv"
	"time"

	"github.com/google/uuid"

	"goemr/internal/ccda"
	"goemr/internal/emr"
	"goemr/internal/resource"
)

// ccdMediaType is the media type goemr files CCDs with (C-CDA R2.1 Vol 1
// §1.1: a CDA document is XML).
const ccdMediaType = "application/xml"

// ccdNamespace names the CCDs' document ids: the id of the CCD of a
// patient made at a time is the name-based UUID (RFC 9562 §5.5) of the
// patient's id and that time, so the same chart at the same time gives
// the very same document.
var ccdNamespace = uuid.MustParse("0e4c3a5e-7f2b-4d8e-9b1a-6c5d4e3f2a10")

// currentCCD is the patient's most recent stored CCD if it is still
// current, else nil. It is stale when a record of the chart changed after
// it was made; as record times have one-second precision, a chart with no
// later change is rebuilt as of the CCD's time and compared with it byte
// for byte (by SHA-256), which also sees changes that left no time.
func (s *Server) currentCCD(c *call, pid string, ch *chart, p *docrefParams) (emr.Record, error) {
	recs, err := s.o.Records.List(c.r.Context(), c.m.Def, emr.Query{
		Where: []emr.Cond{emr.Eq(c.m.Patient, pid), emr.Eq("mimetype", ccdMediaType),
			{Field: "category_codes", Match: emr.Contains, Value: "LOINC:" + ccdType}},
		Sort:  []emr.SortKey{{Field: "date", Desc: true}, {Field: "id", Desc: true}},
		Limit: 1,
	})
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	at := lastUpdated(c.m, recs[0])
	if ch.updated.After(at) {
		return nil, nil
	}
	data, err := s.buildCCD(c, ch, p, at)
	if err != nil {
		return nil, err
	}
	stored, err := s.o.Records.Get(c.r.Context(), resource.Document, emr.Eq("id", recs[0].Str("id")))
	if err != nil || stored.Str("hash") != emr.DocumentHash(data) {
		return nil, err
	}
	return recs[0], nil
}

// buildCCD makes the CCD of the chart as of now.
func (s *Server) buildCCD(c *call, ch *chart, p *docrefParams, now time.Time) ([]byte, error) {
	custodian, err := s.custodianOrganization(c)
	if err != nil {
		return nil, err
	}
	now = now.UTC().Truncate(time.Second)
	id := uuid.NewSHA1(ccdNamespace, []byte(strOf(ch.patient.ID)+"|"+now.Format(time.RFC3339)))
	return ccda.CCD(&ccda.Input{Patient: ch.patient, Resources: ch.resources, Custodian: custodian, Author: primaryCare(ch),
		Start: p.start, End: p.end, Now: now, ID: id.String()})
}

// storeCCD builds the patient's CCD, files it under the CCDA category
// with the type 34133-9 (resource.DocumentCategoryFor) and returns the
// stored document as DocumentReference reads it.
func (s *Server) storeCCD(c *call, pid string, ch *chart, p *docrefParams) (emr.Record, error) {
	ctx := c.r.Context()
	now := time.Now().UTC().Truncate(time.Second)
	data, err := s.buildCCD(c, ch, p, now)
	if err != nil {
		return nil, err
	}
	n, _ := strconv.ParseInt(pid, 10, 64)
	doc := &emr.Document{
		PID: n, Name: "CCD-" + now.Format("20060102-150405") + ".xml", MimeType: ccdMediaType,
		Date: now.Format("2006-01-02 15:04:05"), DocDate: now.Format("2006-01-02"),
		Size: int64(len(data)), Hash: emr.DocumentHash(data),
	}
	if author := primaryCare(ch); author != nil {
		if doc.Owner, err = s.userOf(c, strOf(author.ID)); err != nil {
			return nil, err
		}
	}
	err = s.o.Records.Write(ctx, func(w resource.Writer) error {
		var err error
		if doc.CategoryID, err = resource.DocumentCategoryFor(ctx, w, ccdType, "CCDA", true); err != nil {
			return err
		}
		return resource.SaveDocument(ctx, w, doc, data)
	})
	if err != nil {
		return nil, err
	}
	recs, err := s.o.Records.List(ctx, c.m.Def, emr.Query{Where: c.m.ByID(doc.UUID), Limit: 1})
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, emr.Errorf(emr.EINTERNAL, "the stored CCD %s cannot be read back", doc.UUID)
	}
	return recs[0], nil
}
