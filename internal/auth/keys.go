package auth

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"fmt"
	"sync"
	"time"

	"github.com/go-jose/go-jose/v4"

	"goemr/internal/emr"
)

// KeyRing holds the server's RS256 signing keys. The newest active key signs;
// every key that is active, or retired recently enough that tokens it signed
// may still be valid, verifies and is published in the JWKS. The ring lives
// in the database, so every goemr process signs and verifies with the same
// keys; a process reloads it periodically and whenever it meets an unknown kid.
type KeyRing struct {
	store     emr.KeyService
	now       func() time.Time
	retention func(context.Context) time.Duration

	mu      sync.RWMutex
	signers map[string]jose.Signer // by JWT typ, all with the signing key
	kid     string
	public  map[string]*rsa.PublicKey
	jwks    jose.JSONWebKeySet
	loaded  time.Time
}

// NewKeyRing returns an empty ring; call Load before use.
func NewKeyRing(store emr.KeyService, now func() time.Time, retention func(context.Context) time.Duration) *KeyRing {
	return &KeyRing{store: store, now: now, retention: retention}
}

// Load reads the keys, creating the first one on an empty database.
func (k *KeyRing) Load(ctx context.Context) error {
	keys, err := k.store.ListKeys(ctx, k.now().Add(-k.retention(ctx)))
	if err != nil {
		return err
	}
	if !hasActive(keys) {
		if _, err := k.create(ctx); err != nil {
			return err
		}
		if keys, err = k.store.ListKeys(ctx, k.now().Add(-k.retention(ctx))); err != nil {
			return err
		}
	}
	return k.install(keys)
}

func hasActive(keys []*emr.SigningKey) bool {
	for _, key := range keys {
		if key.RetiredAt.IsZero() {
			return true
		}
	}
	return false
}

// Rotate creates a new signing key and retires all others. Retired keys keep
// verifying until their tokens have expired.
func (k *KeyRing) Rotate(ctx context.Context) (string, error) {
	old, err := k.store.ListKeys(ctx, k.now())
	if err != nil {
		return "", err
	}
	kid, err := k.create(ctx)
	if err != nil {
		return "", err
	}
	for _, key := range old {
		if key.RetiredAt.IsZero() {
			if err := k.store.RetireKey(ctx, key.KID, k.now()); err != nil {
				return "", err
			}
		}
	}
	return kid, k.Load(ctx)
}

func (k *KeyRing) create(ctx context.Context) (string, error) {
	priv, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return "", err
	}
	der, err := x509.MarshalPKCS8PrivateKey(priv)
	if err != nil {
		return "", err
	}
	pubDER, _ := x509.MarshalPKIXPublicKey(&priv.PublicKey)
	sum := sha256.Sum256(pubDER)
	kid := base64.RawURLEncoding.EncodeToString(sum[:12])
	return kid, k.store.CreateKey(ctx, &emr.SigningKey{
		KID: kid, Alg: "RS256", Created: k.now(),
		PrivatePEM: pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}),
	})
}

func (k *KeyRing) install(keys []*emr.SigningKey) error {
	public := map[string]*rsa.PublicKey{}
	var jwks jose.JSONWebKeySet
	var signKey *rsa.PrivateKey
	var signKID string
	for _, key := range keys { // newest first
		block, _ := pem.Decode(key.PrivatePEM)
		if block == nil {
			return fmt.Errorf("signing key %s: not PEM", key.KID)
		}
		parsed, err := x509.ParsePKCS8PrivateKey(block.Bytes)
		if err != nil {
			return fmt.Errorf("signing key %s: %w", key.KID, err)
		}
		priv, ok := parsed.(*rsa.PrivateKey)
		if !ok {
			return fmt.Errorf("signing key %s: not RSA", key.KID)
		}
		public[key.KID] = &priv.PublicKey
		jwks.Keys = append(jwks.Keys, jose.JSONWebKey{Key: &priv.PublicKey, KeyID: key.KID, Algorithm: "RS256", Use: "sig"})
		if signKey == nil && key.RetiredAt.IsZero() {
			signKey, signKID = priv, key.KID
		}
	}
	if signKey == nil {
		return fmt.Errorf("no active signing key")
	}
	sk := jose.SigningKey{Algorithm: jose.RS256, Key: jose.JSONWebKey{Key: signKey, KeyID: signKID}}
	signers := map[string]jose.Signer{}
	for _, typ := range signedTypes {
		signer, err := jose.NewSigner(sk, (&jose.SignerOptions{}).WithType(jose.ContentType(typ)))
		if err != nil {
			return err
		}
		signers[typ] = signer
	}
	k.mu.Lock()
	k.signers, k.kid, k.public, k.jwks, k.loaded = signers, signKID, public, jwks, k.now()
	k.mu.Unlock()
	return nil
}

// Refresh reloads the ring if it is older than maxAge.
func (k *KeyRing) Refresh(ctx context.Context, maxAge time.Duration) error {
	k.mu.RLock()
	stale := k.now().Sub(k.loaded) > maxAge
	k.mu.RUnlock()
	if !stale {
		return nil
	}
	return k.Load(ctx)
}

// PublicKey returns the verification key for kid, reloading the ring (at
// most once a second) when kid is unknown: another process may have rotated.
func (k *KeyRing) PublicKey(ctx context.Context, kid string) (*rsa.PublicKey, bool) {
	k.mu.RLock()
	pub, ok := k.public[kid]
	k.mu.RUnlock()
	if ok {
		return pub, true
	}
	if err := k.Refresh(ctx, time.Second); err != nil {
		return nil, false
	}
	k.mu.RLock()
	defer k.mu.RUnlock()
	pub, ok = k.public[kid]
	return pub, ok
}

// JWKS is the public key set (RFC 7517 §5); private parts never leave.
func (k *KeyRing) JWKS() jose.JSONWebKeySet {
	k.mu.RLock()
	defer k.mu.RUnlock()
	return k.jwks
}

// SigningKID is the kid of the key that signs now.
func (k *KeyRing) SigningKID() string {
	k.mu.RLock()
	defer k.mu.RUnlock()
	return k.kid
}

// JWT types the server signs: ID tokens (JWT), access tokens (at+jwt, RFC
// 9068 §2.1) and EHR launch handles (launch+jwt).
const (
	typID     = "JWT"
	typAccess = "at+jwt"
	typLaunch = "launch+jwt"
)

var signedTypes = []string{typID, typAccess, typLaunch}

// sign serialises a JWS over payload with the given typ header.
func (k *KeyRing) sign(payload []byte, typ string) (string, error) {
	k.mu.RLock()
	signer := k.signers[typ]
	k.mu.RUnlock()
	obj, err := signer.Sign(payload)
	if err != nil {
		return "", err
	}
	return obj.CompactSerialize()
}
