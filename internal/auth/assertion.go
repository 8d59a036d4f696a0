package auth

import (
	"context"
	"encoding/json"
	"time"

	"github.com/go-jose/go-jose/v4"

	"goemr/internal/emr"
)

// AssertionType is the client_assertion_type of RFC 7523 §2.2.
const AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"

// assertionAlgs are the algorithms SMART Backend Services requires servers
// to support (RS384 and ES384); any other alg is refused.
var assertionAlgs = []jose.SignatureAlgorithm{jose.RS384, jose.ES384}

type assertionClaims struct {
	Issuer    string           `json:"iss"`
	Subject   string           `json:"sub"`
	Audience  jsonStringOrList `json:"aud"`
	Expiry    *int64           `json:"exp"`
	IssuedAt  *int64           `json:"iat"`
	NotBefore *int64           `json:"nbf"`
	JTI       string           `json:"jti"`
}

// jsonStringOrList accepts aud as a string or an array (RFC 7519 §4.1.3).
type jsonStringOrList []string

func (l *jsonStringOrList) UnmarshalJSON(b []byte) error {
	var one string
	if json.Unmarshal(b, &one) == nil {
		*l = []string{one}
		return nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil {
		return err
	}
	*l = many
	return nil
}

// maxAssertionLife is how far in the future an assertion's exp may be:
// SMART Backend Services says no more than five minutes.
const maxAssertionLife = 5 * time.Minute

// verifyAssertion authenticates a client by a signed JWT (RFC 7523 §3,
// SMART Backend Services "Authenticating to the Token endpoint"). audiences
// are the values accepted as aud: the token endpoint URL (SMART, OIDC Core
// §9), the issuer identifier (RFC 7523 §3 allows any value identifying the
// server; openid-client sends it) and, for introspection and revocation,
// that endpoint too.
func (s *Server) verifyAssertion(ctx context.Context, c *emr.Client, assertion string, audiences ...string) error {
	jws, err := jose.ParseSigned(assertion, assertionAlgs)
	if err != nil || len(jws.Signatures) != 1 {
		return invalidClient("client_assertion must be a JWS signed with RS384 or ES384")
	}
	kid := jws.Signatures[0].Header.KeyID
	payload, err := s.verifyWithClientKeys(ctx, c, jws, kid)
	if err != nil {
		return err
	}
	var cl assertionClaims
	if err := json.Unmarshal(payload, &cl); err != nil {
		return invalidClient("client_assertion claims are malformed")
	}
	if cl.Issuer != c.ID || cl.Subject != c.ID {
		return invalidClient("client_assertion iss and sub must both be the client_id")
	}
	if !audienceOK(cl.Audience, audiences) {
		return invalidClient("client_assertion aud must be the token endpoint URL")
	}
	now := s.now()
	if cl.Expiry == nil || cl.JTI == "" {
		return invalidClient("client_assertion needs exp and jti")
	}
	exp := time.Unix(*cl.Expiry, 0)
	if !now.Before(exp.Add(time.Minute)) {
		return invalidClient("client_assertion has expired")
	}
	if exp.After(now.Add(maxAssertionLife + time.Minute)) {
		return invalidClient("client_assertion exp is more than five minutes ahead")
	}
	if cl.NotBefore != nil && now.Add(time.Minute).Before(time.Unix(*cl.NotBefore, 0)) {
		return invalidClient("client_assertion is not yet valid")
	}
	if err := s.st.Tokens.UseAssertionID(ctx, c.ID, cl.JTI, exp.Add(time.Minute)); err != nil {
		if emr.ErrorCode(err) == emr.ECONFLICT {
			return invalidClient("client_assertion jti was already used")
		}
		return err
	}
	return nil
}

func audienceOK(got, want []string) bool {
	for _, g := range got {
		for _, w := range want {
			if g == w {
				return true
			}
		}
	}
	return false
}

// verifyWithClientKeys checks the signature with the client's registered
// JWKS (inline, or fetched from jwks_uri; refetched once on an unknown kid).
func (s *Server) verifyWithClientKeys(ctx context.Context, c *emr.Client, jws *jose.JSONWebSignature, kid string) ([]byte, error) {
	var set jose.JSONWebKeySet
	switch {
	case c.JWKS != "":
		if err := json.Unmarshal([]byte(c.JWKS), &set); err != nil {
			return nil, invalidClient("the client's registered jwks cannot be read")
		}
	case c.JWKSURI != "":
		var err error
		if set, err = s.jwks.get(ctx, c.JWKSURI, false); err != nil {
			return nil, invalidClient("the client's jwks_uri could not be fetched")
		}
		if kid != "" && len(set.Key(kid)) == 0 {
			if set, err = s.jwks.get(ctx, c.JWKSURI, true); err != nil {
				return nil, invalidClient("the client's jwks_uri could not be fetched")
			}
		}
	default:
		return nil, invalidClient("the client has no registered jwks or jwks_uri")
	}
	alg := jws.Signatures[0].Header.Algorithm
	for _, k := range set.Keys {
		if kid != "" && k.KeyID != kid {
			continue
		}
		if k.Algorithm != "" && k.Algorithm != alg {
			continue
		}
		if k.Use != "" && k.Use != "sig" {
			continue
		}
		if payload, err := jws.Verify(k.Public().Key); err == nil {
			return payload, nil
		}
	}
	return nil, invalidClient("client_assertion signature does not verify with the client's keys")
}
