package auth

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"

	"golang.org/x/crypto/bcrypt"
)

// PasswordCost is the bcrypt cost for new password hashes.
const PasswordCost = 10

// HashPassword returns a bcrypt hash of pw.
func HashPassword(pw string) (string, error) {
	h, err := bcrypt.GenerateFromPassword([]byte(pw), PasswordCost)
	return string(h), err
}

// CheckPassword reports whether pw matches hash. bcrypt hashes written by
// PHP's password_hash ($2y$) verify as they are, so OpenEMR users can be
// imported without a reset.
func CheckPassword(hash, pw string) bool {
	if hash == "" {
		// Still spend the time of a real comparison, so an unknown account
		// cannot be told apart by the response time.
		bcrypt.CompareHashAndPassword(dummyHash, []byte(pw))
		return false
	}
	return bcrypt.CompareHashAndPassword([]byte(hash), []byte(pw)) == nil
}

var dummyHash, _ = bcrypt.GenerateFromPassword([]byte("goemr-timing-equaliser"), PasswordCost)

// Client secrets are 64 random bytes, longer than bcrypt's 72-byte input
// limit once encoded, so the bcrypt input is their SHA-256 (tokenHash).

// HashClientSecret returns the stored form of a client secret.
func HashClientSecret(secret string) (string, error) {
	return HashPassword(tokenHash(secret))
}

func checkClientSecret(hash, secret string) bool {
	return CheckPassword(hash, tokenHash(secret))
}

// tokenHash is how opaque tokens (codes, refresh and registration tokens,
// session ids) are stored: they carry 256 bits of randomness, so a fast hash
// is enough to make a stolen table useless.
func tokenHash(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

func equalStrings(a, b string) bool {
	return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}
