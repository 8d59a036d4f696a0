package bulk

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync/atomic"

	"goemr/internal/emr"
)

// Writer receives a job's resources, one NDJSON line at a time, and files
// them: one file per type, a new one every FileLines lines
// (export.html#file-request: "Each file item SHALL contain resources of
// only one type, but a server MAY create more than one file for each
// resource type returned"). It is used by one goroutine at a time.
type Writer struct {
	dir       string
	fileLines int
	open      map[string]*ndjsonFile // the file each type is writing to
	done      []emr.ExportFile
	order     []string // types in the order they were first written
	written   atomic.Int64
}

type ndjsonFile struct {
	meta emr.ExportFile
	f    *os.File
	buf  *bufio.Writer
	seq  int // the type's file number
}

// NewWriter writes files into dir (created if missing), fileLines
// resources per file.
func NewWriter(dir string, fileLines int) (*Writer, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	return &Writer{dir: dir, fileLines: fileLines, open: map[string]*ndjsonFile{}}, nil
}

// Write appends one resource of type typ: line is its JSON, without a
// newline.
func (w *Writer) Write(typ string, line []byte) error {
	return w.write(typ, typ, line, false)
}

// Error records that part of the export could not be done, as an
// OperationOutcome line in the job's error files (export.html#response---
// complete-status: "error" array), and the export goes on.
func (w *Writer) Error(line []byte) error {
	return w.write("OperationOutcome", "error", line, true)
}

// Written is how many resources were written so far.
func (w *Writer) Written() int64 { return w.written.Load() }

func (w *Writer) write(typ, prefix string, line []byte, isError bool) error {
	key := prefix + "/" + typ
	nf := w.open[key]
	if nf != nil && nf.meta.Count >= int64(w.fileLines) {
		if err := w.closeFile(key, nf); err != nil {
			return err
		}
		nf = &ndjsonFile{seq: nf.seq}
	} else if nf == nil {
		nf = &ndjsonFile{}
		w.order = append(w.order, key)
	}
	if nf.f == nil {
		nf.seq++
		name := fmt.Sprintf("%s-%d.ndjson", typ, nf.seq)
		if isError {
			name = fmt.Sprintf("error-%d.ndjson", nf.seq)
		}
		f, err := os.OpenFile(filepath.Join(w.dir, name), os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if err != nil {
			return err
		}
		nf.f, nf.buf = f, bufio.NewWriterSize(f, 256<<10)
		nf.meta = emr.ExportFile{Type: typ, Name: name, Error: isError}
		w.open[key] = nf
	}
	if _, err := nf.buf.Write(line); err != nil {
		return err
	}
	if err := nf.buf.WriteByte('\n'); err != nil {
		return err
	}
	nf.meta.Count++
	if !isError {
		w.written.Add(1)
	}
	return nil
}

// closeFile flushes and syncs a full file: a completed job's files are on
// disk before the manifest names them.
func (w *Writer) closeFile(key string, nf *ndjsonFile) error {
	err := nf.buf.Flush()
	if err == nil {
		err = nf.f.Sync()
	}
	if cerr := nf.f.Close(); err == nil {
		err = cerr
	}
	nf.f = nil
	w.done = append(w.done, nf.meta)
	delete(w.open, key)
	return err
}

// finish closes every open file and returns the files written, grouped by
// type in the order the types were first written.
func (w *Writer) finish() ([]emr.ExportFile, error) {
	var err error
	for _, key := range w.order {
		if nf := w.open[key]; nf != nil {
			if cerr := w.closeFile(key, nf); err == nil {
				err = cerr
			}
		}
	}
	rank := map[string]int{}
	for i, key := range w.order {
		rank[key] = i
	}
	out := make([]emr.ExportFile, len(w.done))
	copy(out, w.done)
	keyOf := func(f emr.ExportFile) string {
		if f.Error {
			return "error/" + f.Type
		}
		return f.Type + "/" + f.Type
	}
	slices.SortStableFunc(out, func(a, b emr.ExportFile) int { return rank[keyOf(a)] - rank[keyOf(b)] })
	return out, err
}

// abort closes every open file without keeping them.
func (w *Writer) abort() {
	for key, nf := range w.open {
		nf.f.Close()
		delete(w.open, key)
	}
}
