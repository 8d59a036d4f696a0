package resource

import "goemr/internal/emr"

// Opt sets one property of a field; definitions read as one line per field:
//
//	Col("fname", W, Like, Req, Len(1, 255), Label("First Name"))
type Opt func(*Field)

// Col declares a field with opts.
func Col(name string, opts ...Opt) Field {
	f := Field{Name: name}
	for _, o := range opts {
		o(&f)
	}
	return f
}

// Cols declares several plain fields at once (read-only text columns).
func Cols(names ...string) []Field {
	fs := make([]Field, len(names))
	for i, n := range names {
		fs[i] = Field{Name: n}
	}
	return fs
}

// WCols declares several writable text fields without rules.
func WCols(names ...string) []Field {
	fs := make([]Field, len(names))
	for i, n := range names {
		fs[i] = Field{Name: n, Write: true}
	}
	return fs
}

var (
	// W admits the field from request bodies.
	W Opt = func(f *Field) { f.Write = true }
	// S makes the field an exact-match search parameter.
	S Opt = func(f *Field) { f.Filter = true; f.Match = emr.Exact }
	// Like makes the field a contains-match search parameter.
	Like Opt = func(f *Field) { f.Filter = true; f.Match = emr.Contains }
	// Sorted admits the field in _sort.
	Sorted Opt = func(f *Field) { f.Sort = true }
	// DetailOnly marks a field read only for single records.
	DetailOnly Opt = func(f *Field) { f.Detail = true }
	// Shaped marks a field whose value the resource's presenter shapes.
	Shaped Opt = func(f *Field) { f.Shaped = true }
	// Secret keeps the field out of every response.
	Secret Opt = func(f *Field) { f.Hidden = true }
	// Req makes the field required on create.
	Req Opt = func(f *Field) { f.Create.Required = true }
	// ReqAlways makes the field required on create and update.
	ReqAlways Opt = func(f *Field) { f.Create.Required = true; f.Update.Required = true }
)

// As sets the field's kind; dates and numbers also get the matching format.
func As(k Kind) Opt {
	return func(f *Field) {
		f.Kind = k
		switch k {
		case Date:
			both(f, func(r *Rule) { r.Format = FormatDate })
		case DateTime:
			both(f, func(r *Rule) { r.Format = FormatDateTime })
		case Int, Decimal:
			both(f, func(r *Rule) { r.Format = FormatNumeric })
		}
	}
}

// Len bounds the length of a non-empty value.
func Len(min, max int) Opt {
	return func(f *Field) { both(f, func(r *Rule) { r.Min, r.Max = min, max }) }
}

// Fmt constrains the value's format.
func Fmt(x Format) Opt { return func(f *Field) { both(f, func(r *Rule) { r.Format = x }) } }

// InList requires the value to be an option of a list_options list.
func InList(list string) Opt { return func(f *Field) { both(f, func(r *Rule) { r.List = list }) } }

// OneOf requires the value to be one of vs.
func OneOf(vs ...string) Opt { return func(f *Field) { both(f, func(r *Rule) { r.OneOf = vs }) } }

// Exists requires the value to be found in table.column.
func Exists(tableColumn string) Opt {
	return func(f *Field) { both(f, func(r *Rule) { r.Exists = tableColumn }) }
}

// Computed makes the field read-only, computed by a SQL expression over the
// row aliased t.
func Computed(expr string) Opt { return func(f *Field) { f.Expr = expr } }

// Set has the server fill the field.
func Set(a Auto) Opt { return func(f *Field) { f.Auto = a } }

// Default stores v when a create does not set the field.
func Default(v string) Opt { return func(f *Field) { f.Default = v } }

// Label names the field in messages.
func Label(l string) Opt { return func(f *Field) { f.Label = l } }

func both(f *Field, set func(*Rule)) { set(&f.Create); set(&f.Update) }
