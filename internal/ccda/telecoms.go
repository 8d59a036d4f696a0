package ccda

import (
	"strings"

	"goemr/internal/fhir/r4"
)

// telecomUse maps FHIR contact point use to HL7 TelecomAddressUse.
var telecomUse = map[string]string{"home": "HP", "work": "WP", "mobile": "MC", "temp": "TMP"}

// telecoms are TEL elements (tel:, mailto:, fax: URLs, RFC 3966 and
// 6068) of the phone, email and fax contact points; nullFlavor UNK when
// there are none.
func telecoms(cps []r4.ContactPoint) []*node {
	var out []*node
	for _, cp := range cps {
		v := strings.TrimSpace(deref(cp.Value))
		if v == "" {
			continue
		}
		var url string
		switch deref(cp.System) {
		case "phone", "sms":
			url = "tel:" + telURL(v)
		case "fax":
			url = "fax:" + telURL(v)
		case "email":
			url = "mailto:" + v
		case "url":
			url = v
		default:
			continue
		}
		out = append(out, el("telecom", "use", telecomUse[deref(cp.Use)], "value", url))
	}
	if out == nil {
		out = append(out, el("telecom", "nullFlavor", "UNK"))
	}
	return out
}

// telURL keeps the digits and visual separators RFC 3966 allows.
func telURL(v string) string {
	var b strings.Builder
	for _, r := range v {
		if r >= '0' && r <= '9' || strings.ContainsRune("+-().", r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
