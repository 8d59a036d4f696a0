package restapi

import (
	"net/http"
	"slices"
	"strings"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

func init() {
	builtin["insurance.swap"] = swapInsurance
}

// swapParking is the effective date a policy holds for a moment while two
// policies of one date trade slots: (pid, type, date) is unique.
const swapParking = "9999-12-31"

// swapInsurance is GET /api/patient/:puuid/insurance/$swap-insurance
// ?type=<slot>&uuid=<policy> (InsuranceService::swapInsurance, §3.13): the
// policy moves to slot type and the slot's current policy (the one with
// the latest effective date) moves to the policy's old slot, in one
// transaction. The reply is {"src": …, "target": …} as stored afterwards.
func swapInsurance(c *Call) error {
	d := resource.Insurance
	b, err := coveragePatient(c)
	if err != nil {
		return err
	}
	typ, uuid, err := swapParams(c)
	if err != nil {
		return err
	}
	srcWhere := append(b.where, emr.Eq("uuid", uuid))
	var target emr.Record
	err = c.Records().Write(c.Ctx(), func(w resource.Writer) error {
		src, err := w.Get(c.Ctx(), d, srcWhere...)
		if emr.IsNotFound(err) {
			return &emr.Error{Code: emr.ENOTFOUND, Field: "uuid", Message: "value " + uuid}
		}
		if err != nil || src.Str("type") == typ {
			return err // already in the slot: nothing moves
		}
		target, err = swapTarget(c, w, b, src, typ)
		if err != nil {
			return err
		}
		return swapSlots(c, w, b, src, target, typ)
	})
	if err != nil {
		return err
	}
	out := map[string]any{"src": nil, "target": nil}
	if out["src"], err = c.Records().Get(c.Ctx(), d, srcWhere...); err != nil {
		return err
	}
	if target != nil {
		if out["target"], err = c.Records().Get(c.Ctx(), d, append(b.where, emr.Eq("uuid", target["uuid"]))...); err != nil {
			return err
		}
	}
	return c.Reply(http.StatusOK, out)
}

// swapParams validates the query: type one of the slots, uuid a UUID.
func swapParams(c *Call) (typ, uuid string, err error) {
	q := c.R.URL.Query()
	errs := resource.Errors{}
	typ, uuid = q.Get("type"), strings.ToLower(q.Get("uuid"))
	for _, p := range []struct{ key, label, v string }{{"type", "Coverage Type", typ}, {"uuid", "Coverage UUID", uuid}} {
		_, given := q[p.key]
		switch {
		case !given:
			errs.Add(p.key, "Required::NON_EXISTENT_KEY", p.label+" must be provided, but does not exist")
		case p.v == "":
			errs.Add(p.key, "NotEmpty::EMPTY_VALUE", p.label+" must not be empty")
		case p.key == "type" && !slices.Contains(resource.CoverageTypes, p.v):
			errs.Add(p.key, "InArray::NOT_IN_ARRAY", p.label+" must be in the defined set of values")
		case p.key == "uuid" && !isUUID(p.v):
			errs.Add(p.key, "Uuid::INVALID_UUID", p.label+" must be a valid UUID")
		}
	}
	if len(errs) > 0 {
		return "", "", &ValidationError{Errors: errs}
	}
	return typ, uuid, nil
}

// swapTarget finds the policy holding slot typ (the latest effective date,
// one without a date last, as OpenEMR orders them) and checks that both
// policies can take their new slot: neither slot may already have another
// policy of the incoming one's effective date.
func swapTarget(c *Call, w resource.Writer, b *bound, src emr.Record, typ string) (emr.Record, error) {
	inSlot := func(slot string) ([]emr.Record, error) {
		return w.List(c.Ctx(), resource.Insurance, emr.Query{Where: append(b.where, emr.Eq("type", slot))})
	}
	holders, err := inSlot(typ)
	if err != nil {
		return nil, err
	}
	var target emr.Record
	for _, p := range holders {
		if target == nil || p.Str("date") > target.Str("date") {
			target = p
		}
	}
	errs := resource.Errors{}
	if clash(holders, target, src.Str("date")) {
		errs.Add("type", "Record::INVALID_TARGET_POLICY_DATE", "Target coverage type already has a policy with an effective date that conflicts with the source policy effective date")
	}
	if target != nil {
		others, err := inSlot(src.Str("type"))
		if err != nil {
			return nil, err
		}
		if clash(others, src, target.Str("date")) {
			errs.Add("type", "Record::INVALID_SOURCE_POLICY_DATE", "Source coverage type already has a policy with an effective date that conflicts with the target policy effective date")
		}
	}
	if len(errs) > 0 {
		return nil, &ValidationError{Errors: errs}
	}
	return target, nil
}

// clash reports whether a policy other than leaving has effective date.
func clash(policies []emr.Record, leaving emr.Record, date string) bool {
	for _, p := range policies {
		if date != "" && p.Str("date") == date && (leaving == nil || p.Str("uuid") != leaving.Str("uuid")) {
			return true
		}
	}
	return false
}

// swapSlots moves target to src's slot and src to slot typ, parking the
// target on swapParking while both share an effective date.
func swapSlots(c *Call, w resource.Writer, b *bound, src, target emr.Record, typ string) error {
	set := func(p emr.Record, values map[string]any) error {
		_, err := w.Update(c.Ctx(), resource.Insurance, values, append(b.where, emr.Eq("uuid", p["uuid"]))...)
		return err
	}
	park := target != nil && src.Str("date") != "" && target.Str("date") == src.Str("date")
	if target != nil {
		moved := map[string]any{"type": src["type"]}
		if park {
			moved["date"] = swapParking
		}
		if err := set(target, moved); err != nil {
			return err
		}
	}
	if err := set(src, map[string]any{"type": typ}); err != nil {
		return err
	}
	if park {
		return set(target, map[string]any{"date": target["date"]})
	}
	return nil
}
