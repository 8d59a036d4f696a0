package resource

import (
	"context"

	"goemr/internal/emr"
)

// CreateEncounter stores an encounter, form_encounter through d (which
// numbers it), and registers it in forms as written by user (a username,
// "" for none), inside the caller's transaction. Both the Standard API
// and FHIR create encounters so, as OpenEMR's
// EncounterService::insertEncounter does. It returns the stored
// form_encounter row.
func CreateEncounter(ctx context.Context, w Writer, d *Def, values map[string]any, user string) (emr.Record, error) {
	rec, err := w.Insert(ctx, d, values)
	if err != nil {
		return nil, err
	}
	if _, err := RegisterForm(ctx, w, "encounter", rec["encounter"], rec["pid"], rec["id"], user); err != nil {
		return nil, err
	}
	return rec, nil
}
