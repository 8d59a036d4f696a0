package restapi

func init() {
	builtin["employer.list"] = listEmployers
}

// listEmployers is GET /api/patient/:puuid/employer. A malformed patient
// uuid gets the error body OpenEMR's EmployerRestController sends
// (§3.15); the rest is the generic list.
func listEmployers(c *Call) error {
	if !isUUID(c.Params["puuid"]) {
		return &ValidationError{Errors: map[string][]string{"uuid": {"Invalid UUID format"}}}
	}
	return listHandler(c)
}
