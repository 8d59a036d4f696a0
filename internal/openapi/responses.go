package openapi

import (
	"encoding/json"
	"slices"

	"goemr/internal/resource"
)

// responses are r's success response and the errors it can answer, in
// the route's style (openemr-standard-api.md §4.1, §4.3). Errors raised
// before a route is matched (unknown site, bad token) always have the
// framework shape {error, message, code}; a matched route answers the
// rest in its own style: enveloped routes in the envelope, the others with
// the validation errors themselves or the framework shape.
func (b *builder) responses(r *resource.Route) map[string]*response {
	out := map[string]*response{}
	status, desc := "200", "OK"
	switch {
	case r.Op == resource.OpCreate:
		status, desc = "201", "Created"
	case r.Method == "POST" && !isGeneric(r.Op):
		status, desc = "2XX", "Done: 201 Created, or 200 where OpenEMR answers 200"
	}
	body := b.data(r)
	if r.Style == resource.Envelope {
		body = envelopeOf(body)
	}
	out[status] = &response{Description: desc, Content: jsonContent(body)}
	if r.Binary {
		out[status] = &response{Description: "The stored bytes, with the stored media type.",
			Content: map[string]mediaType{"*/*": {Schema: &schema{Type: "string", Format: "binary"}}}}
	}
	if r.Style == resource.Bespoke {
		// Background services answer in their own shapes, every status
		// with a JSON body (openemr-standard-api.md §3.20).
		for code, d := range map[string]string{"404": "Unknown service: {\"error\": \"Service not found\"}",
			"409": "Not run: {\"service\", \"status\"} (already_running, not_due, skipped)",
			"500": "The run failed: {\"service\", \"status\": \"error\"}"} {
			out[code] = &response{Description: d, Content: jsonContent(&schema{Type: "object", AdditionalProperties: true})}
		}
	}

	// Error responses are shared: Raw* for routes that answer without the
	// envelope.
	prefix := "Raw"
	if r.Style == resource.Envelope {
		prefix = ""
	}
	out["400"] = responseRef(prefix + "BadRequest")
	if !r.Public {
		out["401"] = responseRef(prefix + "Unauthorized")
		out["403"] = responseRef(prefix + "Forbidden")
	}
	if len(r.Params()) > 0 && r.Style != resource.Bespoke {
		out["404"] = responseRef(prefix + "NotFound")
	}
	if r.Style != resource.Bespoke {
		out["500"] = responseRef(prefix + "InternalError")
	}
	out["501"] = responseRef("Disabled")
	return out
}

func isGeneric(op string) bool {
	return slices.Contains([]string{resource.OpList, resource.OpRead, resource.OpCreate, resource.OpUpdate, resource.OpDelete}, op)
}

// data is the payload of r's success: the envelope's data, or the whole
// body of a raw route. Hand-written operations shape their own payload,
// which is left open.
func (b *builder) data(r *resource.Route) *schema {
	d := r.Def
	switch {
	case d == nil || !isGeneric(r.Op):
		return &schema{Description: "Shaped by the operation."}
	case isList(r):
		return &schema{Type: "array", Items: schemaRef(b.record(r))}
	case r.Op == resource.OpRead && r.AsList:
		return &schema{Type: "array", Items: schemaRef(b.record(r)), Description: "A list of the one record, as OpenEMR answers this route."}
	case r.Op == resource.OpRead:
		return schemaRef(b.record(r))
	case r.Op == resource.OpCreate:
		return b.reply(r, d.Created)
	case r.Op == resource.OpUpdate:
		return b.reply(r, d.Updated)
	case r.Op == resource.OpDelete:
		return b.reply(r, d.Deleted)
	}
	return &schema{Description: "Shaped by the operation; records are " + b.record(r) + " (see Schemas)."}
}

// reply describes a create, update or delete reply (resource.Reply).
func (b *builder) reply(r *resource.Route, rep resource.Reply) *schema {
	switch {
	case rep.Full:
		return schemaRef(b.record(r))
	case rep.Keys != nil:
		s := &schema{Type: "object", Properties: map[string]*schema{}}
		for _, k := range rep.Keys {
			s.Required = append(s.Required, k.To)
			if k.Int {
				s.Properties[k.To] = &schema{Type: "integer"}
			} else {
				s.Properties[k.To] = &schema{Type: "string"}
			}
		}
		return s
	case rep.Literal != nil:
		return literal(rep.Literal)
	}
	return &schema{Description: "Empty: [] in an envelope, else null."}
}

// literal is the schema of exactly the JSON value v.
func literal(v any) *schema {
	raw, err := json.Marshal(v)
	if err != nil {
		return &schema{}
	}
	var x any
	if json.Unmarshal(raw, &x) != nil {
		return &schema{}
	}
	return valueSchema(x)
}

func valueSchema(x any) *schema {
	switch x := x.(type) {
	case bool:
		return &schema{Type: "boolean", Enum: []any{x}}
	case string:
		return &schema{Type: "string", Enum: []any{x}}
	case float64:
		return &schema{Type: "number", Enum: []any{x}}
	case []any:
		return &schema{Type: "array", Items: &schema{}, Example: x}
	case map[string]any:
		s := &schema{Type: "object", Properties: map[string]*schema{}}
		for _, k := range sortedKeys(x) {
			s.Required = append(s.Required, k)
			s.Properties[k] = valueSchema(x[k])
		}
		return s
	}
	return &schema{Nullable: true, Description: "null"}
}

// envelopeOf is OpenEMR's envelope around data.
func envelopeOf(data *schema) *schema {
	return &schema{AllOf: []*schema{
		schemaRef("Envelope"),
		{Type: "object", Properties: map[string]*schema{"data": data}},
	}}
}
