package restapi

import (
	"net/http"
	"time"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

func init() {
	builtin["message.create"] = createMessage
	builtin["message.update"] = updateMessage
}

// messageChunk is the text a message write adds to pnotes.body, as
// OpenEMR's MessageService formats it: "\n<Y-m-d H:i> (<from> to <to>) <body>".
func messageChunk(in emr.Record, now time.Time) string {
	return "\n" + now.Format("2006-01-02 15:04") + " (" + in.Str("from") + " to " + in.Str("to") + ") " + in.Str("body")
}

// messageColumns are the pnotes columns a message write sets besides body:
// the sender is the note's user, the recipient its assignee.
func messageColumns(in emr.Record) map[string]any {
	return map[string]any{
		"groupname": in.Str("groupname"), "user": in.Str("from"), "assigned_to": in.Str("to"),
		"message_status": in.Str("message_status"), "title": in.Str("title"),
	}
}

// createMessage is POST /api/patient/:pid/message (openemr-standard-api.md
// §3.16): 201 {"mid": <id>}.
func createMessage(c *Call) error {
	d := c.Route.Def
	b, err := bind(c, d)
	if err != nil {
		return asValidation(err)
	}
	in, err := c.input(resource.MessageBody, true)
	if err != nil {
		return err
	}
	body := emr.Record(in)
	values := messageColumns(body)
	values["body"] = messageChunk(body, time.Now().UTC())
	values["pid"] = b.values["pid"]
	return c.insert(d, values, b)
}

// updateMessage is PUT /api/patient/:pid/message/:mid: the same six keys,
// a new chunk appended to the body and the other columns replaced. The
// note must be the patient's and not deleted (404 otherwise).
func updateMessage(c *Call) error {
	d := c.Route.Def
	b, where, key, err := c.item(d)
	if err != nil {
		return err
	}
	in, err := c.input(resource.MessageBody, true)
	if err != nil {
		return err
	}
	body := emr.Record(in)
	chunk := messageChunk(body, time.Now().UTC())
	err = c.Records().Write(c.Ctx(), func(w resource.Writer) error {
		old, err := w.Get(c.Ctx(), d, where...)
		if emr.IsNotFound(err) {
			return notFoundParam(c, d)
		}
		if err != nil {
			return err
		}
		values := messageColumns(body)
		values["body"] = old.Str("body") + chunk
		_, err = w.Update(c.Ctx(), d, values, where...)
		return err
	})
	if err != nil {
		return err
	}
	return c.replyWrite(d, d.Updated, http.StatusOK, emr.Record{d.Key: key}, b)
}
