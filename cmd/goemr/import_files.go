package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// importFile is one file to import and when its turn comes.
type importFile struct {
	path, name string
	rank       int
}

// importRanks order files so that what is referred to is imported first:
// a file's rank is that of the latest type it holds (a patient's Bundle
// holds its organizations too, and comes after them).
var importRanks = map[string]int{
	"Organization": 0, "Location": 1, "Practitioner": 2, "PractitionerRole": 3, "Patient": 4,
	"RelatedPerson": 5, "Coverage": 5, "Encounter": 6, "Condition": 7, "Observation": 8,
	"DiagnosticReport": 9, "CarePlan": 9, "Provenance": 10, "Group": 10,
}

// defaultRank is the rank of the types importRanks does not name.
const defaultRank = 8

// expandImportPaths lists the files the arguments name: files as they
// are, folders' .json and .ndjson files, and archives (.tar.gz, .tgz)
// unpacked into a temporary folder that cleanup removes. They come in
// rank order, then by name.
func expandImportPaths(args []string) ([]importFile, func(), error) {
	var temps []string
	cleanup := func() {
		for _, t := range temps {
			os.RemoveAll(t)
		}
	}
	var files []importFile
	for _, arg := range args {
		root := arg
		if strings.HasSuffix(arg, ".tar.gz") || strings.HasSuffix(arg, ".tgz") {
			dir, err := os.MkdirTemp("", "goemr-import-")
			if err != nil {
				return nil, cleanup, err
			}
			temps = append(temps, dir)
			if err := untar(arg, dir); err != nil {
				return nil, cleanup, fmt.Errorf("%s: %w", arg, err)
			}
			root = dir
		}
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || path != root && !strings.HasSuffix(path, ".json") && !strings.HasSuffix(path, ".ndjson") {
				return nil
			}
			f := importFile{path: path, name: path}
			if root != arg { // inside an archive: name it by its place there
				f.name = filepath.Join(arg, strings.TrimPrefix(path, root))
			}
			f.rank, err = rankOf(path)
			files = append(files, f)
			return err
		})
		if err != nil {
			return nil, cleanup, err
		}
	}
	slices.SortStableFunc(files, func(a, b importFile) int {
		if a.rank != b.rank {
			return a.rank - b.rank
		}
		return strings.Compare(a.name, b.name)
	})
	return files, cleanup, nil
}

// rankOf is the rank of the latest type a file holds, found by scanning
// for "resourceType" members rather than decoding it.
func rankOf(path string) (int, error) {
	body, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	rank, key := 0, []byte(`"resourceType"`)
	for i := bytes.Index(body, key); i >= 0; i = bytes.Index(body, key) {
		body = bytes.TrimLeft(body[i+len(key):], " \t\r\n")
		body = bytes.TrimLeft(bytes.TrimPrefix(body, []byte(":")), " \t\r\n")
		if !bytes.HasPrefix(body, []byte(`"`)) {
			continue
		}
		end := bytes.IndexByte(body[1:], '"')
		if end < 0 {
			break
		}
		r, ok := importRanks[string(body[1:1+end])]
		if !ok {
			r = defaultRank
		}
		rank = max(rank, r)
	}
	return rank, nil
}

// untar unpacks the regular files of a gzip'd tar archive into dir.
func untar(archive, dir string) error {
	f, err := os.Open(archive)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return err
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		name := filepath.Clean(h.Name)
		if h.Typeflag != tar.TypeReg || !filepath.IsLocal(name) {
			continue
		}
		out := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(out), 0o700); err != nil {
			return err
		}
		w, err := os.OpenFile(out, os.O_CREATE|os.O_WRONLY|os.O_EXCL, 0o600)
		if err != nil {
			return err
		}
		_, err = io.Copy(w, tr)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
}
