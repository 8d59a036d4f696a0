package fhirmap

import (
	"regexp"

	"goemr/internal/fhir/r4"
)

var npiDigits = regexp.MustCompile(`^[0-9]{10}$`)

// validNPI reports whether s is a National Provider Identifier: ten
// digits whose last is the Luhn check digit over the prefix 80840 and the
// first nine (US Core us-core-16 and us-core-17). OpenEMR stores whatever
// was typed, so a number failing the check is not claimed to be an NPI.
func validNPI(s string) bool {
	if !npiDigits.MatchString(s) {
		return false
	}
	// 80840 contributes 24 to the Luhn sum (us-core-17's "+ 24").
	sum := 24
	for i := 0; i < 10; i++ {
		d := int(s[i] - '0')
		if i%2 == 0 { // from the right, every second digit before the check digit
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}

// npiIdentifier is the NPI identifier (US Core identifier:NPI slice).
func npiIdentifier(npi string) r4.Identifier {
	return r4.Identifier{System: ptr(systemNPI), Value: ptr(npi)}
}

// rowURIIdentifier identifies a row by its uuid as a URI (RFC 3986), for
// resources with no business identifier of their own.
func rowURIIdentifier(uuid string) r4.Identifier {
	return r4.Identifier{System: ptr(identifierSystemURI), Value: ptr("urn:uuid:" + uuid)}
}

// identifierSystemURI is the identifier system of identifiers that are URIs.
const identifierSystemURI = "urn:ietf:rfc:3986"
