package restapi

import (
	"net/http"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

func init() {
	builtin["procedure.list"] = listProcedures
	builtin["procedure.read"] = readProcedure
}

// listProcedures is GET /api/procedure: a page of active orders, each with
// its reports and results (openemr-standard-api.md §3.18). OpenEMR takes no
// search parameters here; goemr pages like every list.
func listProcedures(c *Call) error {
	page, err := c.s.page(c)
	if err != nil {
		return err
	}
	q := emr.Query{Limit: page.limit + 1, Offset: page.offset}
	orders, err := c.Records().List(c.Ctx(), resource.Procedure, q)
	if err != nil {
		return err
	}
	more := len(orders) > page.limit
	if more {
		orders = orders[:page.limit]
	}
	items, err := procedureItems(c, orders)
	if err != nil {
		return err
	}
	return c.replyPage(page, items, more)
}

// readProcedure is GET /api/procedure/:uuid; an unknown or inactive order
// is a 404 (OpenEMR: 200 with empty data).
func readProcedure(c *Call) error {
	d := resource.Procedure
	cond, _, err := itemCond(c, d)
	if err != nil {
		return err
	}
	order, err := c.Records().Get(c.Ctx(), d, cond)
	if emr.IsNotFound(err) {
		return notFoundParam(c, d)
	}
	if err != nil {
		return err
	}
	items, err := procedureItems(c, []emr.Record{order})
	if err != nil {
		return err
	}
	return c.Reply(http.StatusOK, items[0])
}

// procedureItems shapes orders as OpenEMR's procedure items. Their codes,
// reports and results are read for all orders at once: three queries
// whatever the number of orders.
func procedureItems(c *Call, orders []emr.Record) ([]emr.Record, error) {
	if len(orders) == 0 {
		return nil, nil
	}
	ids := make([]string, len(orders))
	for i, o := range orders {
		ids[i] = o.Str("procedure_order_id")
	}
	codes, err := c.listIn(resource.ProcedureCode, "procedure_order_id", ids)
	if err != nil {
		return nil, err
	}
	reports, err := c.listIn(resource.ProcedureReport, "procedure_order_id", ids)
	if err != nil {
		return nil, err
	}
	reportIDs := make([]string, len(reports))
	for i, r := range reports {
		reportIDs[i] = r.Str("procedure_report_id")
	}
	results, err := c.listIn(resource.ProcedureResult, "procedure_report_id", reportIDs)
	if err != nil {
		return nil, err
	}
	firstCode := map[string]emr.Record{}
	for _, code := range codes { // ordered by order id, then seq
		if _, ok := firstCode[code.Str("procedure_order_id")]; !ok {
			firstCode[code.Str("procedure_order_id")] = code
		}
	}
	byReport := map[string][]any{}
	for _, r := range results {
		if v := r.Str("result"); v == "DNR" || v == "TNP" {
			continue // OpenEMR leaves out tests not run ("did not report", "test not performed")
		}
		byReport[r.Str("procedure_report_id")] = append(byReport[r.Str("procedure_report_id")], procedureResult(r))
	}
	byOrder := map[string][]any{}
	for _, r := range reports {
		rep := map[string]any{
			"date": r["date_report"], "id": r["procedure_report_id"], "uuid": r["uuid"], "notes": r["report_notes"],
			"order_seq": r["procedure_order_seq"], "results": orEmpty(byReport[r.Str("procedure_report_id")]),
		}
		byOrder[r.Str("procedure_order_id")] = append(byOrder[r.Str("procedure_order_id")], rep)
	}
	items := make([]emr.Record, len(orders))
	for i, o := range orders {
		id := o.Str("procedure_order_id")
		items[i] = procedureItem(o, firstCode[id], orEmpty(byOrder[id]))
	}
	return items, nil
}

// listIn reads every record of d whose column is one of values.
func (c *Call) listIn(d *resource.Def, column string, values []string) ([]emr.Record, error) {
	if len(values) == 0 {
		return nil, nil
	}
	return c.Records().List(c.Ctx(), d, emr.Query{Where: []emr.Cond{{Field: column, Match: emr.In, Value: values}}})
}

// orEmpty sends a missing list as [] (OpenEMR's reports and results are
// always arrays).
func orEmpty(l []any) []any {
	if l == nil {
		return []any{}
	}
	return l
}
