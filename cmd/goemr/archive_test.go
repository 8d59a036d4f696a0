package main

import (
	"archive/tar"
	"compress/gzip"
	"io"
	"os"
	"testing"
)

// eachArchived calls fn with the name and content of each file of a
// .tar.gz test archive (the US Core package, the Synthea patients) until
// fn returns false; it fails the test when the archive cannot be read.
func eachArchived(t *testing.T, archive string, fn func(name string, r io.Reader) bool) {
	t.Helper()
	f, err := os.Open(archive)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("%s: %v", archive, err)
		}
		if !fn(h.Name, tr) {
			return
		}
	}
}
