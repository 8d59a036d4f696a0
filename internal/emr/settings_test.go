package emr

import (
	"strings"
	"testing"
)

func TestValidateSetting(t *testing.T) {
	tests := []struct {
		name, value string
		ok          bool
	}{
		{SettingPasswordGrant, "3", true},
		{SettingPasswordGrant, "4", false},
		{SettingPasswordGrant, "yes", false},
		{SettingAppManualApproval, "1", true},
		{SettingAccessTokenLifetime, "3600", true},
		{SettingAccessTokenLifetime, "10", false},
		{SettingAccessTokenLifetime, "-1", false},
		{SettingRefreshTokenLifetime, "7776000", true},
		{SettingSystemTokenLifetime, "300", true},
		{SettingSystemTokenLifetime, "86400", false},
		{SettingSiteAddr, "https://emr.example.org", true},
		{SettingSiteAddr, "", true},
		{SettingSiteAddr, "emr.example.org", false},
		{"no_such_setting", "1", false},
	}
	for _, tt := range tests {
		if err := ValidateSetting(tt.name, tt.value); (err == nil) != tt.ok {
			t.Errorf("ValidateSetting(%s, %q) = %v, want ok=%v", tt.name, tt.value, err, tt.ok)
		}
	}
	for name, def := range SettingDefaults {
		if err := ValidateSetting(name, def); err != nil {
			t.Errorf("default of %s is invalid: %v", name, err)
		}
	}
}

func TestValidSiteID(t *testing.T) {
	for site, ok := range map[string]bool{"default": true, "alt-1.x": true, "": false, "a/b": false, "a b": false,
		"../x": false, "..": false, ".": false, strings.Repeat("a", 65): false} {
		if ValidSiteID(site) != ok {
			t.Errorf("ValidSiteID(%q) != %v", site, ok)
		}
	}
}
