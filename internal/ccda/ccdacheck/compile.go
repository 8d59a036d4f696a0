package ccdacheck

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// compile turns the schematron into XSLT (phase errors) with the ISO
// skeleton (ISO/IEC 19757-3: include, abstract-pattern expansion, SVRL
// output), once per process, into a cache folder keyed by its inputs, and
// writes voc.xml beside it: the schematron reads document('voc.xml')
// relative to the stylesheet.
func (c *Checker) compile() (string, error) {
	c.once.Do(func() {
		sch, err := os.ReadFile(c.Schematron)
		if err != nil {
			c.err = err
			return
		}
		sum := sha256.Sum256(append(append(sch, c.skeleton...), vocXML()...))
		base, err := os.UserCacheDir()
		if err != nil {
			base = os.TempDir()
		}
		dir := filepath.Join(base, "goemr-ccdacheck", hex.EncodeToString(sum[:8]))
		out := filepath.Join(dir, "errors.xsl")
		if _, err := os.Stat(out); err == nil {
			c.compiled = out
			return
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			c.err = err
			return
		}
		tmp, err := os.MkdirTemp(dir, "build-")
		if err != nil {
			c.err = err
			return
		}
		defer os.RemoveAll(tmp)
		steps := []struct {
			xsl, in, out string
			params       []string
		}{
			{"iso_dsdl_include.xsl", c.Schematron, "1.sch", nil},
			{"iso_abstract_expand.xsl", "1.sch", "2.sch", nil},
			{"iso_svrl_for_xslt1.xsl", "2.sch", "errors.xsl", []string{"--stringparam", "phase", "errors"}},
		}
		for _, s := range steps {
			in := s.in
			if !filepath.IsAbs(in) {
				in = filepath.Join(tmp, in)
			}
			args := append(append([]string{}, s.params...), "-o", filepath.Join(tmp, s.out), filepath.Join(c.skeleton, s.xsl), in)
			if msg, err := exec.Command(c.xsltproc, args...).CombinedOutput(); err != nil {
				c.err = fmt.Errorf("compiling the schematron (%s): %v\n%s", s.xsl, err, msg)
				return
			}
		}
		// Renames replace files whole, so a concurrent test process never
		// reads a half-written voc.xml; the stylesheet comes last, so it
		// is seen only once its voc.xml is there.
		if err := os.WriteFile(filepath.Join(tmp, "voc.xml"), vocXML(), 0o644); err != nil {
			c.err = err
			return
		}
		if err := os.Rename(filepath.Join(tmp, "voc.xml"), filepath.Join(dir, "voc.xml")); err != nil {
			c.err = err
			return
		}
		if err := os.Rename(filepath.Join(tmp, "errors.xsl"), out); err != nil {
			c.err = err
			return
		}
		c.compiled = out
	})
	return c.compiled, c.err
}
