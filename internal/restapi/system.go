package restapi

import (
	"net/http"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

func init() {
	builtin["version"] = version
	builtin["product"] = product
}

// apiVersion is the OpenEMR release whose Standard API goemr serves
// (openemr-standard-api.md §0, §3.20): 8.2.0, database schema 541, ACL
// schema 13. v_tag is empty, as on an OpenEMR release: clients that compare
// versions read a tag such as "-dev" as a pre-release of 8.2.0.
var apiVersion = struct {
	Major     int    `json:"v_major"`
	Minor     int    `json:"v_minor"`
	Patch     int    `json:"v_patch"`
	RealPatch int    `json:"v_realpatch"`
	Tag       string `json:"v_tag"`
	Database  int    `json:"v_database"`
	ACL       int    `json:"v_acl"`
}{Major: 8, Minor: 2, Patch: 0, RealPatch: 0, Tag: "", Database: 541, ACL: 13}

// version is GET /api/version (no token needed).
func version(c *Call) error { return c.Reply(http.StatusOK, apiVersion) }

// product is GET /api/product (no token needed): whether the installation
// registered with OpenEMR's product registration, from the first
// product_registration row. No row, or a row that neither registered nor
// answered, is UNREGISTERED; an email is REGISTERED; opt_out set is
// OPT_OUT; opt_out = 0 without an email is UNKNOWN.
func product(c *Call) error {
	recs, err := c.Records().List(c.Ctx(), resource.ProductRegistration, emr.Query{Limit: 1})
	if err != nil {
		return err
	}
	status := "UNREGISTERED"
	if len(recs) == 1 {
		r := recs[0]
		switch {
		case r.Str("email") != "":
			status = "REGISTERED"
		case r.Str("opt_out") != "" && r.Str("opt_out") != "0":
			status = "OPT_OUT"
		case r["opt_out"] != nil:
			status = "UNKNOWN"
		}
	}
	return c.Reply(http.StatusOK, map[string]string{"status": status})
}
