package r4

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// Resource is implemented by every generated resource type, through a
// pointer as New and Decode return them.
type Resource interface {
	// ResourceType is the resource's name, its JSON "resourceType".
	ResourceType() string
}

// decoder is implemented by every generated resource: decode reads data
// into the resource and returns the resourceType member data held.
type decoder interface {
	Resource
	decode(data []byte, strict bool) (*string, error)
}

// Decode reads a resource of any generated type, chosen by its
// "resourceType" member. With strict set, a member the type does not
// define is an error; otherwise it is ignored. Resources nested in it
// (contained, Bundle entries, Parameters values) stay json.RawMessage, to
// be read with Decode in turn.
func Decode(data []byte, strict bool) (Resource, error) {
	var head struct {
		ResourceType *string `json:"resourceType"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, fmt.Errorf("r4: %w", err)
	}
	if head.ResourceType == nil {
		return nil, errors.New("r4: missing resourceType")
	}
	r, ok := New(*head.ResourceType)
	if !ok {
		return nil, fmt.Errorf("r4: unknown resourceType %q", *head.ResourceType)
	}
	if err := unmarshal(r.(decoder), data, strict); err != nil {
		return nil, err
	}
	return r, nil
}

// unmarshal reads data into r, which must be the resource data names.
// A JSON null leaves r as it is, as encoding/json does.
func unmarshal(r decoder, data []byte, strict bool) error {
	if string(bytes.TrimSpace(data)) == "null" {
		return nil
	}
	want := r.ResourceType()
	got, err := r.decode(data, strict)
	switch {
	case got != nil && *got != want:
		return fmt.Errorf("r4: resourceType %q where %s was expected", *got, want)
	case err != nil:
		return fmt.Errorf("r4: %s: %w", want, err)
	case got == nil:
		return fmt.Errorf("r4: %s: missing resourceType", want)
	}
	return nil
}

// decodeJSON reads the single JSON value of data into v, rejecting
// unknown object members when strict is set.
func decodeJSON(data []byte, strict bool, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	if strict {
		dec.DisallowUnknownFields()
	}
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("data after the resource")
	}
	return nil
}
