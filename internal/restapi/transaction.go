package restapi

import (
	"net/http"
	"strings"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

func init() {
	builtin["transaction.list"] = listTransactions
	builtin["transaction.create"] = createTransaction
	builtin["transaction.update"] = updateTransaction
}

// listTransactions is GET /api/patient/:pid/transaction
// (openemr-standard-api.md §3.17). OpenEMR nests the rows one level deeper
// than other lists: data is [[row, …]], and [] when there are none.
func listTransactions(c *Call) error {
	d := resource.TransactionRow
	b, err := bind(c, d)
	if err != nil {
		return err
	}
	p, err := c.s.page(c)
	if err != nil {
		return err
	}
	recs, err := c.Records().List(c.Ctx(), d, emr.Query{Where: b.where, Limit: p.limit + 1, Offset: p.offset})
	if err != nil {
		return err
	}
	more := len(recs) > p.limit
	if more {
		recs = recs[:p.limit]
	}
	data := []any{}
	if len(recs) > 0 {
		data = append(data, recs)
	}
	env := newEnvelope(data)
	env.Links = c.pageLinks(p, more)
	writeJSON(c.W, http.StatusOK, env)
	return nil
}

// createTransaction is POST /api/patient/:pid/transaction: the transactions
// row and its eleven lbt_data fields in one write, answered 201 with
// [{"id", "form_id"}] (both the new id). Unlike OpenEMR, a body that fails
// validation writes nothing.
func createTransaction(c *Call) error {
	b, err := bind(c, resource.Transaction)
	if err != nil {
		return asValidation(err)
	}
	in, users, err := c.transactionInput(true)
	if err != nil {
		return err
	}
	row := map[string]any{
		"title": in.Str("type"), "pid": b.values["pid"], "groupname": in.Str("groupname"), "authorized": "1", "user": "",
	}
	if c.User != nil {
		row["user"] = c.User.Username
	}
	var id any
	err = c.Records().Write(c.Ctx(), func(w resource.Writer) error {
		rec, err := w.Insert(c.Ctx(), resource.Transaction, row)
		if err != nil {
			return err
		}
		id = rec["id"]
		for _, f := range resource.ReferralFields {
			v := lbtValue(in, users, f.Input)
			fields := map[string]any{"form_id": id, "field_id": f.Field, "field_value": v}
			if _, err := w.Insert(c.Ctx(), resource.LBTData, fields); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return c.Reply(http.StatusCreated, []map[string]any{{"id": id, "form_id": id}})
}

// updateTransaction is PUT /api/transaction/:tid: each non-empty referral
// field of the body replaces the stored one (type and groupname are kept,
// as in OpenEMR); data is the transaction's rows. An unknown tid is a 404.
func updateTransaction(c *Call) error {
	cond, _, err := itemCond(c, resource.Transaction)
	if err != nil {
		return err
	}
	in, users, err := c.transactionInput(false)
	if err != nil {
		return err
	}
	err = c.Records().Write(c.Ctx(), func(w resource.Writer) error {
		if _, err := w.Get(c.Ctx(), resource.Transaction, cond); emr.IsNotFound(err) {
			return notFoundParam(c, resource.Transaction)
		} else if err != nil {
			return err
		}
		for _, f := range resource.ReferralFields {
			v := lbtValue(in, users, f.Input)
			if v == nil || v == "" {
				continue
			}
			where := []emr.Cond{emr.Eq("form_id", cond.Value), emr.Eq("field_id", f.Field)}
			n, err := w.Update(c.Ctx(), resource.LBTData, map[string]any{"field_value": v}, where...)
			if err == nil && n == 0 {
				_, err = w.Insert(c.Ctx(), resource.LBTData, map[string]any{"form_id": cond.Value, "field_id": f.Field, "field_value": v})
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	recs, err := c.Records().List(c.Ctx(), resource.TransactionRow, emr.Query{Where: []emr.Cond{cond}})
	if err != nil {
		return err
	}
	return c.Reply(http.StatusOK, recs)
}

// lbtValue is the lbt_data value of body key k: NPIs become the users.id
// they were resolved to, the risk level is lower-cased (as OpenEMR stores
// it), and an absent key is NULL.
func lbtValue(in emr.Record, users map[string]string, k string) any {
	if id, ok := users[k]; ok {
		return id
	}
	v, ok := in[k]
	if !ok || v == nil {
		return nil
	}
	if k == "riskLevel" {
		return strings.ToLower(in.Str(k))
	}
	return v
}

// transactionInput decodes and validates a transaction body; type LBTref
// applies the referral rules on create. referByNpi and referToNpi must name
// a user: users maps each given one to that user's id. An update must set
// at least one referral field.
func (c *Call) transactionInput(create bool) (emr.Record, map[string]string, error) {
	body, err := decodeBody(c.R)
	if err != nil {
		return nil, nil, err
	}
	errs := resource.Errors{}
	d := resource.TransactionBody
	if t, _ := body["type"].(string); create && t == "LBTref" {
		d = resource.ReferralBody
	}
	in := emr.Record(resource.Decode(d, body, errs))
	if err := resource.Validate(c.Ctx(), d, resource.Input(in), create, c.Records(), errs); err != nil {
		return nil, nil, err
	}
	users := map[string]string{}
	for _, k := range []string{"referByNpi", "referToNpi"} {
		npi := in.Str(k)
		if npi == "" || errs[k] != nil {
			continue
		}
		id, ok, err := c.Records().Resolve(c.Ctx(), resource.UserByNPI, npi, nil)
		if err != nil {
			return nil, nil, err
		}
		if !ok {
			errs[k] = map[string]string{"invalid or nonexisting value": "value " + npi}
			continue
		}
		users[k] = idString(id)
	}
	if !create && len(errs) == 0 && !anyReferralField(in) {
		return nil, nil, &ValidationError{Errors: "Invalid Data"}
	}
	if len(errs) > 0 {
		return nil, nil, &ValidationError{Errors: errs}
	}
	return in, users, nil
}

// anyReferralField reports whether an update body sets a field PUT writes.
func anyReferralField(in emr.Record) bool {
	for _, f := range resource.ReferralFields {
		if in.Str(f.Input) != "" {
			return true
		}
	}
	return false
}
