package restapi

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

func init() {
	builtin["document.create"] = createDocument
	builtin["document.list"] = listDocuments
	builtin["document.read"] = readDocument
}

// DocumentStore keeps patient documents (openemr-standard-api.md §3.14):
// the documents row, its bytes and its category, all in the database, so
// every goemr process sharing one PostgreSQL serves the same files.
type DocumentStore interface {
	// SaveDocument stores d with its bytes in one transaction and sets
	// d.ID and d.UUID.
	SaveDocument(ctx context.Context, d *emr.Document, data []byte) error
	// DocumentsInCategory lists the patient's documents filed under the
	// category.
	DocumentsInCategory(ctx context.Context, pid, categoryID int64) ([]emr.Document, error)
	// DocumentBytes returns the patient's document and its stored bytes,
	// or ENOTFOUND.
	DocumentBytes(ctx context.Context, pid, id int64) (*emr.Document, []byte, error)
}

// DefaultMaxDocument is the largest document accepted unless
// Options.MaxDocument says otherwise. Every request body is also capped by
// the server's body limit (--max-body), which applies first.
const DefaultMaxDocument = 32 << 20

// documentStore is the configured store, or 503 when there is none.
func (c *Call) documentStore() (DocumentStore, error) {
	if c.s.o.Documents == nil {
		return nil, emr.Errorf(emr.EUNAVAILABLE, "document storage is not configured")
	}
	return c.s.o.Documents, nil
}

// documentPatient resolves the route's :pid: 400 when malformed, 404 when
// no patient has it.
func (c *Call) documentPatient() (int64, error) {
	b, err := bind(c, resource.Document)
	if err != nil {
		return 0, err
	}
	return strconv.ParseInt(idString(b.values["foreign_id"]), 10, 64)
}

// documentPlace is what the upload and listing routes work on: the
// document store, the patient of the path and the category of ?path=.
func (c *Call) documentPlace() (DocumentStore, int64, int64, error) {
	st, err := c.documentStore()
	if err != nil {
		return nil, 0, 0, err
	}
	pid, err := c.documentPatient()
	if err != nil {
		return nil, 0, 0, err
	}
	cat, err := c.documentCategory()
	if err != nil {
		return nil, 0, 0, err
	}
	return st, pid, cat, nil
}

// createDocument is POST /api/patient/:pid/document?path=…[&eid=…]: the
// multipart field "document" is filed under the category path, linked to
// the encounter eid when given. OpenEMR answers 200 true; goemr answers
// 201 true (a created resource; the body is the same).
func createDocument(c *Call) error {
	st, pid, cat, err := c.documentPlace()
	if err != nil {
		return err
	}
	eid, err := c.documentEncounter(pid)
	if err != nil {
		return err
	}
	up, err := readUpload(c.R, c.s.o.MaxDocument)
	if err != nil {
		return err
	}
	now := time.Now().UTC()
	doc := &emr.Document{
		PID: pid, CategoryID: cat, EncounterID: eid,
		Name: up.name, MimeType: up.mimeType, Size: int64(len(up.data)),
		Hash: checksum(up.data), Date: now.Format("2006-01-02 15:04:05"), DocDate: now.Format("2006-01-02"),
	}
	if c.User != nil {
		doc.Owner = c.User.ID
	}
	if err := st.SaveDocument(c.Ctx(), doc, up.data); err != nil {
		return err
	}
	return c.Reply(http.StatusCreated, true)
}

// documentEncounter is the optional eid query parameter: an encounter
// number of the patient, or 0 when absent.
func (c *Call) documentEncounter(pid int64) (int64, error) {
	eid := c.R.URL.Query().Get("eid")
	if eid == "" {
		return 0, nil
	}
	if err := checkParam("eid", eid); err != nil {
		return 0, err
	}
	_, found, err := c.Records().Resolve(c.Ctx(), resource.EncounterByNumber, eid, strconv.FormatInt(pid, 10))
	if err != nil {
		return 0, err
	}
	if !found {
		return 0, invalid("eid", "Record::INVALID_ENCOUNTER", "eid "+eid+" is not an encounter of patient "+strconv.FormatInt(pid, 10))
	}
	return strconv.ParseInt(eid, 10, 64)
}

// checksum is the document hash goemr records (emr.DocumentHash).
func checksum(data []byte) string { return emr.DocumentHash(data) }
