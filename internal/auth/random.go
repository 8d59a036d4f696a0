package auth

import (
	"crypto/rand"
	"encoding/base64"

	"github.com/google/uuid"
)

// randomToken returns n random bytes, base64url-encoded without padding.
func randomToken(n int) string {
	b := make([]byte, n)
	rand.Read(b) // never fails on supported platforms (crypto/rand docs)
	return base64.RawURLEncoding.EncodeToString(b)
}

// newClientID returns a random client_id that does not start with '-' or
// '_': administrators pass client ids to goemr's commands, where a leading
// dash would read as a flag.
func newClientID() string {
	for {
		if id := randomToken(32); id[0] != '-' && id[0] != '_' {
			return id
		}
	}
}

// newID returns a time-ordered UUID (v7), the key for every new row.
func newID() string {
	id, err := uuid.NewV7()
	if err != nil {
		return uuid.NewString()
	}
	return id.String()
}
