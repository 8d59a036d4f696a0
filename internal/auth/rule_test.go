package auth

import (
	"strings"
	"testing"

	"goemr/internal/auth/scope"
	"goemr/internal/emr"
)

func principal(role, scopes string) *Principal {
	list, err := scope.ParseList(scopes)
	if err != nil {
		panic(err)
	}
	return &Principal{Role: role, Scopes: scope.Set(list)}
}

func TestRuleCheck(t *testing.T) {
	readPatient := Rule{Gate: "api:oemr", Roles: []string{emr.RoleUsers}, Context: "user", Resource: "patient", Perm: scope.R}
	searchPortal := Rule{Gate: "api:port", Roles: []string{emr.RolePatient}, Context: "patient", Resource: "patient", Perm: scope.S}
	fhirRead := Rule{Roles: []string{emr.RoleUsers, emr.RolePatient, emr.RoleSystem}, Context: "patient", Resource: "Observation", Perm: scope.R}
	export := Rule{Roles: []string{emr.RoleSystem}, Context: "system", Resource: "Group", Operation: "$export"}
	swap := Rule{Gate: "api:oemr", Roles: []string{emr.RoleUsers}, Context: "user", Resource: "insurance", Operation: "$swap-insurance"}
	tests := []struct {
		name    string
		rule    Rule
		p       *Principal
		wantErr string
	}{
		{"v1 read", readPatient, principal(emr.RoleUsers, "api:oemr user/patient.read"), ""},
		{"v2 r", readPatient, principal(emr.RoleUsers, "api:oemr user/patient.rs"), ""},
		{"v2 s only", readPatient, principal(emr.RoleUsers, "api:oemr user/patient.s"), "user/patient.r"},
		{"write is not read", readPatient, principal(emr.RoleUsers, "api:oemr user/patient.write"), "user/patient.r"},
		{"no gate", readPatient, principal(emr.RoleUsers, "user/patient.read"), "api:oemr"},
		{"patient role on /api", readPatient, principal(emr.RolePatient, "api:oemr user/patient.read"), "patient token"},
		{"system role on /api", readPatient, principal(emr.RoleSystem, "api:oemr user/patient.read"), "system"},
		{"portal v1 read gives s", searchPortal, principal(emr.RolePatient, "api:port patient/patient.read"), ""},
		{"portal without gate", searchPortal, principal(emr.RolePatient, "patient/patient.read"), "api:port"},
		{"staff on portal", searchPortal, principal(emr.RoleUsers, "api:port patient/patient.read"), "staff user"},
		{"fhir wildcard", fhirRead, principal(emr.RolePatient, "patient/*.rs"), ""},
		{"fhir granular still allows", fhirRead, principal(emr.RolePatient, "patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory"), ""},
		{"fhir other resource", fhirRead, principal(emr.RolePatient, "patient/Condition.rs"), "patient/Observation.r"},
		{"export", export, principal(emr.RoleSystem, "system/Group.$export"), ""},
		{"export wildcard", export, principal(emr.RoleSystem, "system/*.$export"), ""},
		{"export needs literal op", export, principal(emr.RoleSystem, "system/Group.rs"), "system/Group.$export"},
		{"swap insurance", swap, principal(emr.RoleUsers, "api:oemr user/insurance.$swap-insurance"), ""},
		{"swap needs the op", swap, principal(emr.RoleUsers, "api:oemr user/insurance.cruds"), "$swap-insurance"},
	}
	for _, tt := range tests {
		err := tt.rule.Check(tt.p)
		switch {
		case tt.wantErr == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr) || emr.ErrorCode(err) != emr.EFORBIDDEN):
			t.Errorf("%s: err %v, want forbidden mentioning %q", tt.name, err, tt.wantErr)
		}
	}
}

func TestFitRole(t *testing.T) {
	list, _ := scope.ParseList("openid launch/patient user/Patient.rs patient/Observation.rs system/Group.$export api:oemr")
	if got := fitRole(emr.RolePatient, list).String(); got != "openid launch/patient patient/Observation.rs api:oemr" {
		t.Errorf("patient: %q", got)
	}
	if got := fitRole(emr.RoleUsers, list).String(); got != "openid launch/patient user/Patient.rs patient/Observation.rs api:oemr" {
		t.Errorf("users: %q", got)
	}
}
