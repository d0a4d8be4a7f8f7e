package importer

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// Default stage values read as won and lost when neither --won nor --lost
// is given (matched with model.StageKey: ignoring case, width, spaces,
// hyphens and underscores, so Closed-Won and closed_won are Closed Won).
var (
	DefaultWon  = model.DefaultWonStages
	DefaultLost = model.DefaultLostStages
)

// record is one converted row: exactly one of the pointers is set. owner
// and dept name the rep to resolve; oppRef is an activity's opportunity id.
type record struct {
	line   int
	key    string // external id (name for reps), to spot repeats in a batch
	owner  string
	dept   model.Department
	oppRef string
	// createdMissing marks a deal row without a created date: the stored
	// deal's date is looked up before the rule fills one in (batcher.resolve).
	createdMissing bool
	// createdFromClose: the deal's created date was taken from its close date.
	createdFromClose bool
	opp              *model.Opportunity
	act              *model.Activity
	lead             *model.Lead
	cust             *model.Customer
	rep              *model.Rep
	nps              *model.NPSAnswer
	usage            *model.Usage
	inquiry          *model.Inquiry
	campaign         *model.Campaign
}

// converter turns the cells of a row into a record of its kind.
type converter struct {
	file      string
	b         Binding
	today     time.Time // the import day: an open deal's created date when none is known
	won, lost map[string]bool
	autoIDs   map[string]int // activities without an id: occurrences per content
	folded    map[string]string
	currency  model.Currency // amounts are read in it; JPY unless Options.Currency says
	// thresholds map a probability to a forecast category.
	thresholds model.ForecastThresholds
	// textChars bounds the characters of a cell read into a field.
	textChars int
}

func newConverter(file string, b Binding, today time.Time, won, lost []string) *converter {
	if len(won) == 0 && len(lost) == 0 {
		won, lost = DefaultWon, DefaultLost
	}
	c := &converter{file: file, b: b, today: model.Date(today), won: map[string]bool{}, lost: map[string]bool{}, autoIDs: map[string]int{}, folded: map[string]string{}}
	c.currency = model.JPY
	c.thresholds = model.DefaultForecastThresholds
	for _, v := range won {
		c.won[model.StageKey(v)] = true
	}
	for _, v := range lost {
		c.lost[model.StageKey(v)] = true
	}
	return c
}

// foldStage is model.StageKey remembered: a file has a handful of stages
// and folding allocates.
func (c *converter) foldStage(s string) string {
	if f, ok := c.folded[s]; ok {
		return f
	}
	f := model.StageKey(s)
	if len(c.folded) < 1000 {
		c.folded[s] = f
	}
	return f
}

// row reads the cells of one row by field name.
type row struct {
	c     *converter
	line  int
	cells []string
}

func (r row) get(field string) string {
	i := r.c.b.Column(field)
	if i < 0 || i >= len(r.cells) {
		return ""
	}
	return model.TrimText(r.cells[i])
}

func (r row) fail(field string, p Problem, format string, args ...any) *RowError {
	return &RowError{File: r.c.file, Line: r.line, Column: r.c.b.ColumnName(field), Msg: fmt.Sprintf(format, args...),
		Problem: p, Field: field, Value: r.get(field)}
}

// failErr is a parser's refusal of field's cell; a *ValueError's parts
// go into the row error.
func (r row) failErr(field string, err error) *RowError {
	e := r.fail(field, ProblemOther, "%v", err)
	var ve *ValueError
	if errors.As(err, &ve) {
		e.Problem, e.Value, e.Args = ve.Problem, ve.Value, ve.Args
	}
	return e
}

// check turns the model's refusal of a converted record into a row error
// naming the column of the field it is about: the importer refuses what
// kpit add and the entry form refuse (model.CheckActivity and the rest).
func (r row) check(err error) *RowError {
	if err == nil {
		return nil
	}
	var fe *model.FieldError
	if errors.As(err, &fe) {
		e := r.fail(fe.Field, ProblemModel, "%s", fe.Msg)
		e.Code, e.Args = fe.Code, fe.Args
		return e
	}
	return r.fail("", ProblemOther, "%v", err)
}

func (r row) required(field string) (string, *RowError) {
	v := r.get(field)
	if v == "" {
		return "", r.fail(field, ProblemRequired, "empty, but %s is required", field)
	}
	return v, nil
}

func (r row) date(field string) (time.Time, *RowError) {
	v := r.get(field)
	if v == "" {
		return time.Time{}, nil
	}
	t, err := ParseDate(v)
	if err != nil {
		return time.Time{}, r.failErr(field, err)
	}
	return t, nil
}

func (r row) amount(field string) (model.Minor, bool, *RowError) {
	v := r.get(field)
	if v == "" {
		return 0, false, nil
	}
	y, err := ParseAmount(v, r.c.currency)
	if err != nil {
		return 0, false, r.failErr(field, err)
	}
	return y, true, nil
}

func (r row) department(def model.Department) (model.Department, *RowError) {
	v := r.get("department")
	if v == "" {
		return def, nil
	}
	d, err := ParseDepartment(v)
	if err != nil {
		return "", r.failErr("department", err)
	}
	return d, nil
}

func (c *converter) convert(line int, cells []string) (record, *RowError) {
	r := row{c: c, line: line, cells: cells}
	// Every cell read into a field, as the model checks a text field: no
	// control character but tabs and line breaks, at most textChars
	// characters. A cell of only invisible characters is empty
	// (row.get).
	for i, f := range c.b.Fields {
		if col := c.b.Columns[i]; col >= 0 && col < len(cells) {
			if e := r.check(model.CheckText(f.Name, model.TrimText(cells[col]), c.textChars)); e != nil {
				return record{}, e
			}
		}
	}
	switch c.b.Kind {
	case Opportunities:
		return c.opportunity(r)
	case Activities:
		return c.activity(r)
	case Leads:
		return c.lead(r)
	case Customers:
		return c.customer(r)
	case Reps:
		return c.repRow(r)
	case NPSAnswers:
		return c.npsAnswer(r)
	case Usage:
		return c.usage(r)
	case Inquiries:
		return c.inquiry(r)
	case Campaigns:
		return c.campaign(r)
	}
	return record{}, r.fail("", ProblemOther, "unknown kind %s", c.b.Kind)
}

// opportunity: a won deal needs an amount and a close date. An open deal's
// close date is kept as its expected close date (SFA exports carry one),
// which is what the overdue-close alert reads; the roll-up counts a close
// date only for won and lost deals. A row with a created date is finished
// here (completeOpp); one without waits for the stored deal's date, which
// an update keeps, before the rule fills one in (batcher.resolve).
func (c *converter) opportunity(r row) (record, *RowError) {
	var o model.Opportunity
	var e *RowError
	if o.ExternalID, e = r.required("id"); e != nil {
		return record{}, e
	}
	if o.RepName, e = r.required("owner"); e != nil {
		return record{}, e
	}
	o.Account, o.Product, o.Stage, o.LostReason = r.get("account"), r.get("product"), r.get("stage"), r.get("lost_reason")
	if o.Created, e = r.date("created"); e != nil {
		return record{}, e
	}
	if o.Closed, e = r.date("closed"); e != nil {
		return record{}, e
	}
	if o.AmountMinor, o.HasAmount, e = r.amount("amount"); e != nil {
		return record{}, e
	}
	if o.Forecast, e = c.forecast(r); e != nil {
		return record{}, e
	}
	o.Outcome = model.OutcomeOpen
	if v := r.get("outcome"); v != "" {
		out, err := ParseOutcome(v)
		if err != nil {
			return record{}, r.failErr("outcome", err)
		}
		o.Outcome = out
	} else if s := c.foldStage(o.Stage); c.won[s] {
		o.Outcome = model.OutcomeWon
	} else if c.lost[s] {
		o.Outcome = model.OutcomeLost
	}
	if o.Outcome == model.OutcomeWon {
		if !o.HasAmount {
			return record{}, r.fail("amount", ProblemWonNeedsAmount, "empty, but a won deal needs an amount")
		}
		if o.Closed.IsZero() {
			return record{}, r.fail("closed", ProblemWonNeedsClosed, "empty, but a won deal needs a close date")
		}
	}
	dept, e := r.department(model.DeptFieldSales)
	if e != nil {
		return record{}, e
	}
	rec := record{line: r.line, key: o.ExternalID, owner: o.RepName, dept: dept, opp: &o, createdMissing: o.Created.IsZero()}
	if !rec.createdMissing {
		if e := c.completeOpp(&rec); e != nil {
			return record{}, e
		}
	}
	return rec, nil
}

// forecast reads a deal's category (docs/forecast.md): the forecast column
// as a category, or as a win probability when it holds a number (確度 is
// written either way); else the probability column, both mapped by the
// team's thresholds. Empty cells leave the deal unrated, and an update then
// keeps the stored category (store.UpsertOpportunities).
func (c *converter) forecast(r row) (model.ForecastCategory, *RowError) {
	if v := r.get("forecast"); v != "" {
		if cat, ok := model.ForecastWord(v); ok {
			return cat, nil
		}
		if p, err := model.ParseProbability(v); err == nil {
			return c.thresholds.Category(p), nil
		}
		return "", r.fail("forecast", ProblemNotForecast,
			"%q is not a forecast category (want A, B, C, commit, best case, pipeline, omitted or a probability)", v)
	}
	if v := r.get("probability"); v != "" {
		p, err := model.ParseProbability(v)
		if err != nil {
			return "", r.fail("probability", ProblemNotProbability, "%q is not a probability (want 0 to 100%%: 80, 80%% or 0.8)", v)
		}
		return c.thresholds.Category(p), nil
	}
	return model.ForecastUnrated, nil
}

// completeOpp applies the rule every entry path shares to a deal row:
// model.CloseDeal for a won or lost deal (the stage word when the row has
// no stage, the close date as created date when there is none), else
// model.DefaultCreated for an open deal without a created date, and the
// model's check.
func (c *converter) completeOpp(rec *record) *RowError {
	o := rec.opp
	missing := o.Created.IsZero()
	var err error
	if o.Outcome == model.OutcomeOpen {
		if missing {
			o.Created = model.DefaultCreated(*o, c.today)
		}
		err = model.CheckOpportunity(*o)
	} else {
		*o, err = model.CloseDeal(*o, model.Closing{Outcome: o.Outcome, On: o.Closed, Stage: o.Stage})
	}
	if err != nil {
		return c.modelError(rec.line, err, *o)
	}
	rec.createdFromClose = missing && !o.Closed.IsZero() && o.Created.Equal(o.Closed)
	return nil
}

// modelError is the model's refusal of a deal as a row error naming the
// column of the field it is about, with the record's value of that field.
func (c *converter) modelError(line int, err error, o model.Opportunity) *RowError {
	var fe *model.FieldError
	if !errors.As(err, &fe) {
		return &RowError{File: c.file, Line: line, Msg: err.Error()}
	}
	value := ""
	switch fe.Field {
	case "closed":
		value = model.FormatDate(o.Closed)
	case "created":
		value = model.FormatDate(o.Created)
	case "outcome":
		value = string(o.Outcome)
	}
	return &RowError{File: c.file, Line: line, Column: c.b.ColumnName(fe.Field), Msg: fe.Msg, Problem: ProblemModel,
		Field: fe.Field, Value: value, Code: fe.Code, Args: fe.Args}
}

func (c *converter) activity(r row) (record, *RowError) {
	var a model.Activity
	var e *RowError
	a.ExternalID = r.get("id")
	date, e := r.required("date")
	if e != nil {
		return record{}, e
	}
	if a.Date, e = r.date("date"); e != nil {
		return record{}, e
	}
	if a.RepName, e = r.required("owner"); e != nil {
		return record{}, e
	}
	kind, e := r.required("kind")
	if e != nil {
		return record{}, e
	}
	k, err := ParseActivityKind(kind)
	if err != nil {
		return record{}, r.failErr("kind", err)
	}
	a.Kind = k
	a.Count = 1
	if v := r.get("count"); v != "" {
		n, err := parseCount(v)
		if err != nil {
			return record{}, r.failErr("count", err)
		}
		a.Count = n
	}
	// How many of a call's calls reached the person (docs/success.md):
	// CheckActivity refuses more than the count and any on another kind.
	if v := r.get("connected"); v != "" {
		n, err := parseConnected(v)
		if err != nil {
			return record{}, r.failErr("connected", err)
		}
		a.Connected = n
	}
	if e := r.check(model.CheckActivity(a)); e != nil {
		return record{}, e
	}
	a.Account, a.Note = r.get("account"), r.get("note")
	ref := r.get("opportunity")
	if a.ExternalID == "" {
		// No id: derive one from the content, numbering repeats, so the
		// same file imported again matches the same records.
		a.ExternalID = c.autoID(a.Date, date, a.RepName, string(a.Kind), a.Account, ref, a.Note)
	}
	dept, e := r.department(model.DeptFieldSales)
	if e != nil {
		return record{}, e
	}
	return record{line: r.line, key: a.ExternalID, owner: a.RepName, dept: dept, oppRef: ref, act: &a}, nil
}

// lead: without a status, the MQL and SQL dates say how far it got.
func (c *converter) lead(r row) (record, *RowError) {
	var l model.Lead
	var e *RowError
	if l.ExternalID, e = r.required("id"); e != nil {
		return record{}, e
	}
	l.Company, l.Contact, l.Source, l.RepName = r.get("company"), r.get("contact"), r.get("source"), r.get("owner")
	if l.Created, e = r.date("created"); e != nil {
		return record{}, e
	}
	if l.MQLOn, e = r.date("mql"); e != nil {
		return record{}, e
	}
	if l.SQLOn, e = r.date("sql"); e != nil {
		return record{}, e
	}
	if l.OpportunityOn, e = r.date("converted"); e != nil {
		return record{}, e
	}
	if l.WonOn, e = r.date("won"); e != nil {
		return record{}, e
	}
	converted := false
	if v := r.get("is_converted"); v != "" {
		b, err := parseBool(v)
		if err != nil {
			return record{}, r.fail("is_converted", ProblemOther, "%q is not true or false", v)
		}
		converted = b
	}
	switch v := r.get("status"); {
	case v != "":
		st, err := ParseLeadStatus(v)
		if err != nil {
			return record{}, r.failErr("status", err)
		}
		l.Status = st
		// Salesforce keeps a converted lead's last open status beside
		// IsConverted; HubSpot's lifecycle stage may trail its dates.
		if (converted || !l.OpportunityOn.IsZero() || !l.WonOn.IsZero()) && st != model.LeadDisqualified {
			l.Status = model.LeadConverted
		}
	case converted || !l.OpportunityOn.IsZero() || !l.WonOn.IsZero():
		l.Status = model.LeadConverted
	case !l.SQLOn.IsZero():
		l.Status = model.LeadSQL
	case !l.MQLOn.IsZero():
		l.Status = model.LeadMQL
	default:
		l.Status = model.LeadNew
	}
	if e := r.check(leadColumns(model.CheckLead(l))); e != nil {
		return record{}, e
	}
	dept, e := r.department(model.DeptInsideSales)
	if e != nil {
		return record{}, e
	}
	return record{line: r.line, key: l.ExternalID, owner: l.RepName, dept: dept, lead: &l}, nil
}

func (c *converter) customer(r row) (record, *RowError) {
	var cu model.Customer
	var e *RowError
	if cu.ExternalID, e = r.required("id"); e != nil {
		return record{}, e
	}
	if cu.Name, e = r.required("name"); e != nil {
		return record{}, e
	}
	cu.RepName = r.get("owner")
	if cu.Started, e = r.date("started"); e != nil {
		return record{}, e
	}
	if cu.Churned, e = r.date("churned"); e != nil {
		return record{}, e
	}
	if cu.MRRMinor, _, e = r.amount("mrr"); e != nil {
		return record{}, e
	}
	if e := r.check(model.CheckCustomer(cu)); e != nil {
		return record{}, e
	}
	dept, e := r.department(model.DeptCustomerSuccess)
	if e != nil {
		return record{}, e
	}
	return record{line: r.line, key: cu.ExternalID, owner: cu.RepName, dept: dept, cust: &cu}, nil
}

func (c *converter) repRow(r row) (record, *RowError) {
	var p model.Rep
	var e *RowError
	if p.Name, e = r.required("name"); e != nil {
		return record{}, e
	}
	if p.Department, e = r.department(model.DeptFieldSales); e != nil {
		return record{}, e
	}
	p.Active = true
	if v := r.get("active"); v != "" {
		a, err := parseActive(v)
		if err != nil {
			return record{}, r.failErr("active", err)
		}
		p.Active = a
	}
	return record{line: r.line, key: p.Name, rep: &p}, nil
}

// ParseDepartment reads a department in kpit's, English or Japanese words.
func ParseDepartment(s string) (model.Department, error) {
	switch normalize(s) {
	case "marketing", "mk", "mkt", "マーケティング", "マーケ", "マーケティング部":
		return model.DeptMarketing, nil
	case "insidesales", "is", "インサイドセールス", "インサイドセールス部", "内勤営業":
		return model.DeptInsideSales, nil
	case "fieldsales", "fs", "sales", "フィールドセールス", "フィールドセールス部", "営業", "営業部", "外勤営業":
		return model.DeptFieldSales, nil
	case "customersuccess", "cs", "カスタマーサクセス", "カスタマーサクセス部":
		return model.DeptCustomerSuccess, nil
	}
	return "", valueErr(ProblemNotDepartment, s, nil, "%q is not a department (want marketing, inside_sales, field_sales, customer_success or マーケティング, インサイドセールス, フィールドセールス/営業, カスタマーサクセス)", s)
}

// ParseOutcome reads won, lost or open (受注, 失注, 進行中).
func ParseOutcome(s string) (model.Outcome, error) {
	switch normalize(s) {
	case "won", "closedwon", "受注":
		return model.OutcomeWon, nil
	case "lost", "closedlost", "失注":
		return model.OutcomeLost, nil
	case "open", "進行中", "商談中", "未完了":
		return model.OutcomeOpen, nil
	}
	return "", valueErr(ProblemNotOutcome, s, nil, "%q is not an outcome (want won, lost or open)", s)
}

// ParseActivityKind reads an activity kind in English or Japanese.
func ParseActivityKind(s string) (model.ActivityKind, error) {
	switch n := strings.TrimSuffix(normalize(s), "s"); n {
	case "visit", "訪問":
		return model.KindVisit, nil
	case "call", "phonecall", "架電", "電話", "コール", "テレアポ":
		return model.KindCall, nil
	case "email", "mail", "メール", "eメール":
		return model.KindEmail, nil
	case "proposal", "提案", "提案書", "見積", "見積提出":
		return model.KindProposal, nil
	case "appointment", "アポ", "アポイント", "アポイント獲得", "アポ獲得":
		return model.KindAppointment, nil
	case "meeting", "商談", "打ち合わせ", "打合せ", "ミーティング", "商談設定":
		return model.KindMeeting, nil
	}
	return "", valueErr(ProblemNotKind, s, nil, "%q is not an activity kind (want visit, call, email, proposal, appointment or meeting)", s)
}

// leadColumns names a lead's refused field by the import's field, so the
// refusal names the file's column: the model's mql_on is the mql column.
func leadColumns(err error) error {
	var fe *model.FieldError
	if errors.As(err, &fe) {
		if f, ok := map[string]string{"mql_on": "mql", "sql_on": "sql", "opportunity_on": "converted", "won_on": "won"}[fe.Field]; ok {
			c := *fe
			c.Field = f
			return &c
		}
	}
	return err
}

// parseBool reads a yes/no cell as exports write it (true/false, 1/0, yes/no).
func parseBool(s string) (bool, error) {
	switch normalize(s) {
	case "true", "yes", "y", "1", "はい", "済", "済み":
		return true, nil
	case "false", "no", "n", "0", "いいえ", "未":
		return false, nil
	}
	return false, fmt.Errorf("%q is not true or false", s)
}

// ParseLeadStatus reads a lead status, HubSpot lifecycle stages included.
func ParseLeadStatus(s string) (model.LeadStatus, error) {
	switch normalize(s) {
	case "new", "open", "lead", "subscriber", "other", "opennotcontacted", "workingcontacted", "working", "nurturing",
		"新規", "未対応", "対応中", "リード":
		return model.LeadNew, nil
	case "mql", "marketingqualifiedlead", "marketingqualified":
		return model.LeadMQL, nil
	case "sql", "salesqualifiedlead", "salesqualified", "qualified":
		return model.LeadSQL, nil
	case "converted", "closedconverted", "opportunity", "customer", "evangelist", "商談化", "商談化済み", "コンバート済み", "受注", "顧客":
		return model.LeadConverted, nil
	case "disqualified", "unqualified", "closednotconverted", "失格", "対象外", "不適格", "クローズ":
		return model.LeadDisqualified, nil
	}
	return "", valueErr(ProblemNotLeadStatus, s, nil, "%q is not a lead status (want new, mql, sql, converted or disqualified)", s)
}

func parseActive(s string) (bool, error) {
	switch normalize(s) {
	case "true", "yes", "y", "1", "active", "在籍", "有効", "在職":
		return true, nil
	case "false", "no", "n", "0", "inactive", "退職", "無効", "休職":
		return false, nil
	}
	return false, valueErr(ProblemNotYesNo, s, nil, "%q is not yes or no", s)
}

func parseCount(s string) (int, error) {
	n, ok := wholeNumber(s)
	if !ok || n <= 0 {
		return 0, valueErr(ProblemNotCount, s, nil, "%q is not a count (want a whole number from 1)", s)
	}
	return n, nil
}

// parseConnected reads a call's connected count, which may be 0.
func parseConnected(s string) (int, error) {
	n, ok := wholeNumber(s)
	if !ok || n < 0 {
		return 0, valueErr(ProblemNotConnected, s, nil, "%q is not a number of connected calls (want a whole number from 0)", s)
	}
	return n, nil
}

// wholeNumber reads a whole number of 0 or more as a spreadsheet writes
// it: full-width digits, thousands separators, a 件 or 回 after it, the
// ".0" a number cell gains (Excel's 230.0 as 230). Every count an import
// reads goes through it.
func wholeNumber(s string) (int, bool) {
	in := strings.ReplaceAll(strings.TrimSpace(narrow(s)), ",", "")
	for _, suf := range []string{"件", "回"} {
		in = strings.TrimSuffix(in, suf)
	}
	f, err := strconv.ParseFloat(in, 64)
	if err != nil || f < 0 || f != math.Trunc(f) || f > model.MaxQuantity {
		return 0, false
	}
	return int(f), true
}
