package auth

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"github.com/go-jose/go-jose/v4"

	"goemr/internal/emr"
)

// accessClaims is the payload of an access token (RFC 9068 §2.2 claims plus
// the SMART launch context and goemr's grant id, which lets one revocation
// row end every token of a grant).
type accessClaims struct {
	Issuer    string `json:"iss"`
	Subject   string `json:"sub"`
	Audience  string `json:"aud"`
	ClientID  string `json:"client_id"`
	Scope     string `json:"scope"`
	IssuedAt  int64  `json:"iat"`
	NotBefore int64  `json:"nbf"`
	Expiry    int64  `json:"exp"`
	JTI       string `json:"jti"`
	GrantID   string `json:"gid,omitempty"`
	Role      string `json:"role"`
	Patient   string `json:"patient,omitempty"`
	FHIRUser  string `json:"fhirUser,omitempty"`
}

// idClaims is an OpenID Connect ID Token (OIDC Core §2) with SMART's
// fhirUser claim.
type idClaims struct {
	Issuer     string `json:"iss"`
	Subject    string `json:"sub"`
	Audience   string `json:"aud"`
	IssuedAt   int64  `json:"iat"`
	Expiry     int64  `json:"exp"`
	AuthTime   int64  `json:"auth_time,omitempty"`
	Nonce      string `json:"nonce,omitempty"`
	SessionID  string `json:"sid,omitempty"`
	FHIRUser   string `json:"fhirUser,omitempty"`
	Name       string `json:"name,omitempty"`
	GivenName  string `json:"given_name,omitempty"`
	FamilyName string `json:"family_name,omitempty"`
	Email      string `json:"email,omitempty"`
}

var serverAlgs = []jose.SignatureAlgorithm{jose.RS256}

// verifyJWT checks a JWT signed by this server and decodes its payload into
// dst. It checks the signature and kid only; callers check the claims.
func (s *Server) verifyJWT(ctx context.Context, token string, dst any) (typ string, err error) {
	jws, err := jose.ParseSigned(token, serverAlgs)
	if err != nil || len(jws.Signatures) != 1 {
		return "", emr.Errorf(emr.EUNAUTHORIZED, "malformed token")
	}
	hdr := jws.Signatures[0].Header
	pub, ok := s.keys.PublicKey(ctx, hdr.KeyID)
	if !ok {
		return "", emr.Errorf(emr.EUNAUTHORIZED, "token signed by an unknown key")
	}
	payload, err := jws.Verify(pub)
	if err != nil {
		return "", emr.Errorf(emr.EUNAUTHORIZED, "bad token signature")
	}
	if err := json.Unmarshal(payload, dst); err != nil {
		return "", emr.Errorf(emr.EUNAUTHORIZED, "malformed token claims")
	}
	t, _ := hdr.ExtraHeaders[jose.HeaderType].(string)
	return strings.ToLower(t), nil
}

// parseAccessToken verifies an access token of any site and its time window.
// The caller checks that the issuer is the site it serves.
func (s *Server) parseAccessToken(ctx context.Context, token string) (*accessClaims, error) {
	var c accessClaims
	typ, err := s.verifyJWT(ctx, token, &c)
	if err != nil {
		return nil, err
	}
	if typ != typAccess || c.JTI == "" || c.ClientID == "" {
		return nil, emr.Errorf(emr.EUNAUTHORIZED, "not an access token")
	}
	now := s.now().Unix()
	if now >= c.Expiry {
		return nil, emr.Errorf(emr.EUNAUTHORIZED, "token expired")
	}
	if now+60 < c.NotBefore { // one minute of clock skew between processes
		return nil, emr.Errorf(emr.EUNAUTHORIZED, "token not yet valid")
	}
	return &c, nil
}

func unix(t time.Time) int64 { return t.Unix() }

// unverifiedClaims decodes a compact JWS payload without checking its
// signature. Only for routing (which client, which key); never for trust.
func unverifiedClaims(token string, dst any) error {
	jws, err := jose.ParseSigned(token, append(assertionAlgs, serverAlgs...))
	if err != nil {
		return err
	}
	return json.Unmarshal(jws.UnsafePayloadWithoutVerification(), dst)
}
