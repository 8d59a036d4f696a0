package openapi

// errorResponses are the error responses of enveloped routes and, prefixed
// Raw, of the others.
func errorResponses() map[string]*response {
	envelope := schemaRef("Envelope")
	either := anyOf("Envelope", "Error")
	framework := schemaRef("Error")
	desc := map[string]string{
		"BadRequest":   "Invalid input (validation errors keyed by field) or an unknown site",
		"Unauthorized": "The access token is missing, invalid, expired or revoked, or lacks the route's scope",
		"Forbidden":    "The token's gate scope, role or scopes, or the user's OpenEMR ACL, do not allow the request",
		"NotFound":     "No such record (within its parent)",
		"Internal":     "A server failure; the details are in the server log",
	}
	return map[string]*response{
		"BadRequest":       {Description: desc["BadRequest"], Content: jsonContent(either)},
		"Unauthorized":     {Description: desc["Unauthorized"], Content: jsonContent(either)},
		"Forbidden":        {Description: desc["Forbidden"], Content: jsonContent(either)},
		"NotFound":         {Description: desc["NotFound"], Content: jsonContent(envelope)},
		"InternalError":    {Description: desc["Internal"], Content: jsonContent(either)},
		"RawInternalError": {Description: desc["Internal"], Content: jsonContent(framework)},
		"RawBadRequest": {Description: desc["BadRequest"], Content: jsonContent(&schema{AnyOf: []*schema{schemaRef("ValidationErrors"), schemaRef("Error"),
			{Type: "string", Description: "\"Invalid Data\": an update without any field to change."}}})},
		"RawUnauthorized": {Description: desc["Unauthorized"], Content: jsonContent(framework)},
		"RawForbidden":    {Description: desc["Forbidden"], Content: jsonContent(framework)},
		"RawNotFound":     {Description: desc["NotFound"], Content: jsonContent(framework)},
		"Disabled": {Description: "An administrator switched this API off (Connectors: rest_api, rest_portal_api); " +
			"every request is answered so, before any route or token check", Content: jsonContent(framework)},
	}
}

func anyOf(names ...string) *schema {
	s := &schema{}
	for _, n := range names {
		s.AnyOf = append(s.AnyOf, schemaRef(n))
	}
	return s
}

// commonSchemas are the shapes every route shares.
func commonSchemas() map[string]*schema {
	return map[string]*schema{
		"Envelope": {
			Type:        "object",
			Description: "OpenEMR's response envelope; the keys are always present, in this order.",
			Required:    []string{"validationErrors", "internalErrors", "data", "links"},
			Properties: map[string]*schema{
				"validationErrors": {Description: "[] when there are none, else an object keyed by field (see ValidationErrors)."},
				"internalErrors":   {Description: "[] when there are none, else a list of messages (HTTP 500)."},
				"data":             {Description: "The record, the list of records, or [] when there is none."},
				"links":            {Description: "[] for one record; for a list an object with the URLs of the first, previous and next pages."},
			},
		},
		"ValidationErrors": {
			Type:                 "object",
			Description:          "Failed rules keyed by field, then by Particle rule code.",
			AdditionalProperties: true,
			Example:              map[string]any{"fname": map[string]string{"Required::NON_EXISTENT_KEY": "First Name must be provided, but does not exist"}},
		},
		"Error": {
			Type:        "object",
			Description: "An error raised outside a route's handler (OpenEMR's ExceptionHandlerListener shape).",
			Required:    []string{"error", "message", "code"},
			Properties: map[string]*schema{
				"error":   {Type: "string"},
				"message": {Type: "string"},
				"code":    {Type: "integer", Description: "The HTTP status."},
			},
		},
	}
}
