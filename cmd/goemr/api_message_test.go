package main

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

// msgFixture is scenario 27's message body (openemr-standard-api.md §7.3).
func msgFixture() map[string]any {
	return map[string]any{"body": "Test 456", "groupname": "Default", "from": "admin", "to": "admin", "title": "Other", "message_status": "New"}
}

// storedNote reads a pnotes row directly, deleted or not.
func storedNote(t *testing.T, e *apiEnv, mid string) emr.Record {
	t.Helper()
	all := *resource.Message
	all.SoftDelete = nil
	rec, err := e.Store.Get(context.Background(), &all, emr.Eq("id", mid))
	if err != nil {
		t.Fatalf("note %s: %v", mid, err)
	}
	return rec
}

// Patient messages (scenario 27).
func TestAPIMessage(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		r := e.Do("POST", "/api/patient/1/message", e.Admin, msgFixture()).Want(t, 201)
		n, ok := r.Get("mid").(float64)
		if !ok || r.Len() != 1 {
			t.Fatalf("create: %s", r.Body)
		}
		mid := strconv.Itoa(int(n))
		note := storedNote(t, e, mid)
		if !strings.HasPrefix(note.Str("body"), "\n") || !strings.HasSuffix(note.Str("body"), " (admin to admin) Test 456") ||
			note.Str("user") != "admin" || note.Str("assigned_to") != "admin" || note.Str("pid") != "1" ||
			note.Str("title") != "Other" || note.Str("message_status") != "New" || note.Str("deleted") != "0" {
			t.Errorf("stored note: %v", note)
		}

		noTo := msgFixture()
		delete(noTo, "to")
		r = e.Do("POST", "/api/patient/1/message", e.Admin, noTo)
		wantRawError(t, r, "to", "Required::NON_EXISTENT_KEY")
		if r.Len() != 1 {
			t.Errorf("missing to: %s", r.Body)
		}
		for _, c := range []struct{ field, value, rule string }{
			{"body", "x", "LengthBetween::TOO_SHORT"},
			{"from", "", "NotEmpty::EMPTY_VALUE"},
			{"groupname", "D", "LengthBetween::TOO_SHORT"},
			{"title", "O", "LengthBetween::TOO_SHORT"},
			{"message_status", strings.Repeat("N", 21), "LengthBetween::TOO_LONG"},
		} {
			bad := msgFixture()
			bad[c.field] = c.value
			wantRawError(t, e.Do("POST", "/api/patient/1/message", e.Admin, bad), c.field, c.rule)
			wantRawError(t, e.Do("PUT", "/api/patient/1/message/"+mid, e.Admin, bad), c.field, c.rule)
		}
		wantRawError(t, e.Do("POST", "/api/patient/999/message", e.Admin, msgFixture()), "pid", "")
		wantRawError(t, e.Do("POST", "/api/patient/abc/message", e.Admin, msgFixture()), "pid", "")
		wantRawError(t, e.Do("POST", "/api/patient/1/message", e.Admin, "[1]"), "body", "")

		upd := msgFixture()
		upd["body"], upd["from"], upd["message_status"] = "Follow-up", "nurse", "Done"
		r = e.Do("PUT", "/api/patient/1/message/"+mid, e.Admin, upd).Want(t, 200)
		if r.Len() != 1 || r.Get("mid") != mid {
			t.Errorf("update: %s", r.Body)
		}
		note = storedNote(t, e, mid)
		if chunks := strings.Split(note.Str("body"), "\n"); len(chunks) != 3 || !strings.HasSuffix(chunks[1], "(admin to admin) Test 456") ||
			!strings.HasSuffix(chunks[2], "(nurse to admin) Follow-up") || note.Str("user") != "nurse" || note.Str("message_status") != "Done" {
			t.Errorf("updated note: %q", note)
		}
		e.Do("PUT", "/api/patient/2/message/"+mid, e.Admin, msgFixture()).Want(t, 404)
		e.Do("PUT", "/api/patient/999/message/"+mid, e.Admin, msgFixture()).Want(t, 404)
		e.Do("PUT", "/api/patient/1/message/999999", e.Admin, msgFixture()).Want(t, 404)
		e.Do("PUT", "/api/patient/1/message/abc", e.Admin, msgFixture()).Want(t, 400)

		e.Do("DELETE", "/api/patient/2/message/"+mid, e.Admin, nil).Want(t, 404)
		e.Do("DELETE", "/api/patient/1/message/abc", e.Admin, nil).Want(t, 400)
		r = e.Do("DELETE", "/api/patient/1/message/"+mid, e.Admin, nil).Want(t, 200)
		if r.JSON != true {
			t.Errorf("delete: %s", r.Body)
		}
		if note = storedNote(t, e, mid); note.Str("deleted") != "1" {
			t.Errorf("deleted note: %v", note)
		}
		e.Do("DELETE", "/api/patient/1/message/"+mid, e.Admin, nil).Want(t, 404)
		e.Do("PUT", "/api/patient/1/message/"+mid, e.Admin, msgFixture()).Want(t, 404)
		e.Do("POST", "/api/patient/1/message", e.Phil, msgFixture()).Want(t, 403)
	})
}
