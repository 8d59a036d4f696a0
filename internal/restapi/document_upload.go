package restapi

import (
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"
	"unicode"
)

// upload is the file of a document POST.
type upload struct {
	name, mimeType string
	data           []byte
}

// maxDocumentName bounds a file name (OpenEMR's documents.name is
// varchar(255)).
const maxDocumentName = 255

// readUpload streams the multipart/form-data body to its "document" part
// (openemr-standard-api.md §3.14) and reads that file, never more than max
// bytes of it. Other parts are skipped unread. Every failure is a 400
// naming "document": another content type, no such part, no file name, an
// empty or too large file, a malformed body.
func readUpload(r *http.Request, max int64) (*upload, error) {
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" || params["boundary"] == "" {
		return nil, invalid("document", "File::INVALID_CONTENT_TYPE",
			`the request must be multipart/form-data with the file in the field "document"`)
	}
	mr := multipart.NewReader(r.Body, params["boundary"])
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			return nil, invalid("document", "Required::NON_EXISTENT_KEY", "document must be provided, but does not exist")
		}
		if err != nil {
			return nil, uploadError(err)
		}
		if part.FormName() != "document" {
			continue
		}
		name := documentName(part.FileName())
		if name == "" {
			return nil, invalid("document", "File::NO_FILE", "document must be a file part with a file name")
		}
		if len(name) > maxDocumentName {
			return nil, invalid("document", "LengthBetween::TOO_LONG", "the file name must be at most 255 bytes long")
		}
		data, err := io.ReadAll(io.LimitReader(part, max+1))
		if err != nil {
			return nil, uploadError(err)
		}
		if int64(len(data)) > max {
			return nil, tooLarge(max)
		}
		if len(data) == 0 {
			return nil, invalid("document", "NotEmpty::EMPTY_VALUE", "document must not be empty")
		}
		return &upload{name: name, mimeType: mediaType(part.Header.Get("Content-Type"), data), data: data}, nil
	}
}

// uploadError reports a failed read of the body: past the server's body
// limit (--max-body) it is too large, anything else is a malformed body.
func uploadError(err error) error {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return invalid("document", "File::TOO_LARGE",
			"the request body is larger than the server accepts ("+strconv.FormatInt(tooBig.Limit, 10)+" bytes)")
	}
	return invalid("document", "File::INVALID_BODY", "the multipart body is malformed: "+err.Error())
}

func tooLarge(max int64) error {
	return invalid("document", "File::TOO_LARGE", "document must be at most "+strconv.FormatInt(max, 10)+" bytes")
}

// documentName is the uploaded file's name as it will be stored and sent
// back: its last path element, valid UTF-8, without control characters.
// Names that are only dots or slashes are no names.
func documentName(name string) string {
	name = strings.ToValidUTF8(name, "\uFFFD")
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, name)
	name = strings.TrimSpace(name)
	if strings.Trim(name, "./\\") == "" {
		return ""
	}
	return name
}

// mediaType is the stored mime type: the part's own Content-Type when it
// names one, otherwise (absent, malformed or the generic
// application/octet-stream) what the bytes look like.
func mediaType(header string, data []byte) string {
	if mt, params, err := mime.ParseMediaType(header); err == nil && mt != "application/octet-stream" {
		if s := mime.FormatMediaType(mt, params); s != "" {
			return s
		}
	}
	return http.DetectContentType(data)
}
