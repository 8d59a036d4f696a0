package emr

import (
	"context"
	"time"
)

// SigningKey is one of the server's token signing keys. The newest active key
// signs; retired keys stay published in the JWKS until every token they
// signed has expired.
type SigningKey struct {
	KID        string
	Alg        string // RS256
	PrivatePEM []byte // PKCS#8; never served
	Created    time.Time
	RetiredAt  time.Time // zero while active
}

// KeyService stores signing keys.
type KeyService interface {
	CreateKey(ctx context.Context, k *SigningKey) error
	// ListKeys returns every key not retired before since, newest first.
	ListKeys(ctx context.Context, since time.Time) ([]*SigningKey, error)
	RetireKey(ctx context.Context, kid string, at time.Time) error
}
