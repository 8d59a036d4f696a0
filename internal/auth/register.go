package auth

import (
	"net/http"

	"goemr/internal/emr"
)

// registration is a stored client with what is shown to its developer once:
// the plain client secret (confidential apps) and the registration access
// token (RFC 7592 §3).
type registration struct {
	Client   *emr.Client
	Secret   string
	RegToken string
}

// register is the one registration path of the JSON endpoint and the
// registration page: it validates the metadata, stores the client and
// audits the outcome. Validation errors name their field (metadataField).
func (s *Server) register(r *http.Request, site string, req *registrationRequest) (*registration, error) {
	c, secret, regToken, err := s.newClient(r, site, req)
	if err != nil {
		s.audit(r, "client.register", "failure", &emr.AuditEvent{Detail: toOAuth(err).Description})
		return nil, err
	}
	if err := s.st.Clients.CreateClient(r.Context(), c); err != nil {
		return nil, err
	}
	s.audit(r, "client.register", "success", &emr.AuditEvent{ClientID: c.ID, Detail: "enabled=" + boolString(c.Enabled)})
	return &registration{Client: c, Secret: secret, RegToken: regToken}, nil
}

// metadataField is a registration error about one client metadata field
// (RFC 7591 §2 name), so that the registration page can show the message
// next to that field; the JSON endpoint answers with the wrapped error.
type metadataField struct {
	Field string
	Err   *oauthError
}

func (e *metadataField) Error() string { return e.Err.Error() }
func (e *metadataField) Unwrap() error { return e.Err }

func onField(field string, err error) error {
	if oe, ok := err.(*oauthError); ok {
		return &metadataField{Field: field, Err: oe}
	}
	return err
}
