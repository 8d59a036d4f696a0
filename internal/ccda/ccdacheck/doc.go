// Package ccdacheck validates C-CDA documents in tests, as issue 5 asks of
// every generated CCD: the CDA R2 XML Schema with the SDTC extensions
// (xmllint --schema) and the C-CDA R2.1 Schematron in its "errors" phase
// (the ISO Schematron skeleton for XSLT 1, run by xsltproc).
//
// The tools are Debian's libxml2-utils, xsltproc and python3-lxml (which
// ships the ISO skeleton stylesheets). When one is missing the checks skip,
// unless GOEMR_REQUIRE_CCDA_TOOLS=1, as in CI, makes that a failure.
//
// The schematron's value-set rules read a voc.xml that HL7 does not
// publish with it (see shared/data/README.md). The checker writes one
// beside the compiled stylesheet holding the small, fixed value sets of
// C-CDA R2.1 Volume 2 that the rules test (mood codes, status codes,
// service event performer types); the rules whose value sets it does not
// hold are listed in Unrunnable with the reason, and only they may fail.
package ccdacheck
