package emr

import "testing"

func TestACLAllows(t *testing.T) {
	tests := []struct {
		acl            ACL
		section, value string
		write, want    bool
	}{
		{ACL{"admin"}, "patients", "demo", true, true},
		{ACL{"front"}, "patients", "demo", true, true},
		{ACL{"front"}, "patients", "med", false, false},
		{ACL{"back"}, "patients", "docs", false, true},
		{ACL{"back"}, "patients", "docs", true, false},
		{ACL{"patients/demo:view"}, "patients", "demo", false, true},
		{ACL{"patients/demo:view"}, "patients", "demo", true, false},
		{ACL{"patients/*"}, "patients", "med", true, true},
		{ACL{}, "patients", "demo", false, false},
		{ACL{"nonsense"}, "patients", "demo", false, false},
	}
	for _, tt := range tests {
		if got := tt.acl.Allows(tt.section, tt.value, tt.write); got != tt.want {
			t.Errorf("%v.Allows(%s/%s, write=%v) = %v, want %v", tt.acl, tt.section, tt.value, tt.write, got, tt.want)
		}
	}
	for e, want := range map[string]bool{"admin": true, "patients/demo": true, "patients/demo:view": true, "x": false, "a/b:write": false, "/x": false} {
		if ValidACLEntry(e) != want {
			t.Errorf("ValidACLEntry(%q) != %v", e, want)
		}
	}
}
