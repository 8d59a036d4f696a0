package scope

import (
	"strings"
	"testing"
)

func TestCatalogAdd(t *testing.T) {
	c := NewCatalog(CatalogOptions{})
	c.Add(Entry{Contexts: []string{ContextUser, ContextSystem}, Resource: "Widget", Perms: R | S, Categories: []string{"urn:x|a"}})
	c.Add(Entry{Contexts: []string{ContextUser}, Resource: "Widget", Perms: C, Operations: []string{"$spin"}, Categories: []string{"urn:x|a", "urn:x|b"}})
	c.Add(Entry{Contexts: []string{ContextSystem}, Resource: "Gadget", Perms: R})
	want := "openid fhirUser profile email phone address name given_name family_name nickname phone_verified " +
		"email_verified online_access offline_access launch launch/patient launch/encounter api:oemr api:fhir api:port " +
		"user/Widget.read user/Widget.write user/Widget.crs user/Widget.$spin " +
		"user/Widget.crs?category=urn:x|a user/Widget.crs?category=urn:x|b"
	if got := strings.Join(c.Supported(), " "); got != want {
		t.Errorf("Supported() =\n%s\nwant\n%s", got, want)
	}
	for _, raw := range []string{"user/Widget.cs", "user/Widget.$spin", "user/*.crs", "user/Widget.r?category=b"} {
		if err := c.Validate(mustParse(t, raw)); err != nil {
			t.Errorf("Validate(%q) after Add: %v", raw, err)
		}
	}
}

func TestCatalogAddRejectsMalformedEntries(t *testing.T) {
	for name, e := range map[string]Entry{
		"no context":          {Resource: "Widget", Perms: R},
		"unknown context":     {Contexts: []string{"admin"}, Resource: "Widget", Perms: R},
		"bad resource":        {Contexts: []string{ContextUser}, Resource: "Wid.get", Perms: R},
		"wildcard perms":      {Contexts: []string{ContextUser}, Resource: "*", Perms: R},
		"bad operation":       {Contexts: []string{ContextUser}, Resource: "Widget", Operations: []string{"spin"}},
		"unknown bits":        {Contexts: []string{ContextUser}, Resource: "Widget", Perms: 1 << 6},
		"category no code":    {Contexts: []string{ContextUser}, Resource: "Widget", Perms: R, Categories: []string{"a"}},
		"category no perms":   {Contexts: []string{ContextUser}, Resource: "Widget", Categories: []string{"urn:x|a"}},
		"wildcard categories": {Contexts: []string{ContextUser}, Resource: "*", Categories: []string{"urn:x|a"}},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: Add did not panic", name)
				}
			}()
			NewCatalog(CatalogOptions{}).Add(e)
		}()
	}
}

func TestCategories(t *testing.T) {
	c := DefaultCatalog(CatalogOptions{})
	got := c.Categories("patient", "Condition")
	if len(got) != 3 {
		t.Fatalf("patient/Condition categories = %v", got)
	}
	if c.Categories("patient", "Patient") != nil || c.Categories("nobody", "Condition") != nil {
		t.Error("categories for a resource without granular scopes")
	}
}
