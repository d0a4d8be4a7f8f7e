package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// runAdd records one activity, opportunity or lead. Every refusal is one
// line naming the flag, exit status 2, and nothing written.
func runAdd(e env) int {
	if len(e.args) == 0 || strings.HasPrefix(e.args[0], "-") {
		if len(e.args) > 0 && (e.args[0] == "-h" || e.args[0] == "--help" || e.args[0] == "-help") {
			fmt.Fprintln(e.stderr, "Usage: kpit add activity|opportunity|lead|nps|usage|inquiry|campaign [flags]   (kpit add KIND -h for its flags)")
			return exitOK
		}
		return fail(e, "add", model.Refused(model.RefuseAddWhat, addKinds))
	}
	what, args := e.args[0], e.args[1:]
	switch what {
	case "activity", "act":
		return addActivity(e, args)
	case "opportunity", "opp", "deal":
		return addOpportunity(e, args)
	case "lead":
		return addLead(e, args)
	case "nps":
		return addNPS(e, args)
	case "usage":
		return addUsage(e, args)
	case "inquiry":
		return addInquiry(e, args)
	case "campaign":
		return addCampaign(e, args)
	}
	return fail(e, "add", model.Refused(model.RefuseUnknownRecordKind, what, addKinds))
}

// addKinds are the records kpit add takes, as its refusals list them.
var addKinds = model.Choices{"activity", "opportunity", "lead", "nps", "usage", "inquiry", "campaign"}

// addFlags are the flags every add command shares.
type addFlags struct {
	db         *string
	today      *string
	createRep  *bool
	department *string
}

func commonAddFlags(fs *flag.FlagSet) addFlags {
	return addFlags{
		db:         dbFlag(fs),
		today:      todayFlag(fs),
		createRep:  fs.Bool("create-rep", false, "create the rep if it is not known yet"),
		department: fs.String("department", string(model.DeptFieldSales), "department of a rep made by --create-rep: marketing, inside_sales, field_sales or customer_success"),
	}
}

// addSession is an open store plus the day the command runs on.
type addSession struct {
	ctx   context.Context
	st    *store.Store
	today time.Time
	rules model.InputRules
	cur   model.Currency // the team's currency, in which --amount is read
	cmd   string
}

// withAddSession opens the database and runs body on it. When --create-rep
// would make a new file, body first runs on an empty database in memory
// with its output discarded, and the file is made only if that succeeds:
// a refused entry leaves no file behind, and a file once made is never
// removed (another kpit may have written to it in the meantime).
func withAddSession(e env, cmd string, f addFlags, body func(e env, s *addSession) int) int {
	if !model.Department(*f.department).Valid() {
		return fail(e, cmd, model.BadFlag("department", model.RefuseUnknownDepartment, *f.department))
	}
	today, err := parseToday(*f.today)
	if err != nil {
		return fail(e, cmd, err)
	}
	if !*f.createRep {
		st, err := e.openExisting(*f.db)
		if err != nil {
			return fail(e, cmd, err)
		}
		return runAddSession(e, cmd, st, today, body)
	}
	path, err := e.dbPath(*f.db)
	if err != nil {
		return fail(e, cmd, err)
	}
	if !fileExists(path) {
		scratch, err := store.OpenScratch(path)
		if err != nil {
			return fail(e, cmd, err)
		}
		quiet := e
		quiet.stdout = io.Discard
		if status := runAddSession(quiet, cmd, scratch, today, body); status != exitOK {
			return status
		}
	}
	st, err := e.openChecked(path)
	if err != nil {
		return fail(e, cmd, err)
	}
	return runAddSession(e, cmd, st, today, body)
}

// runAddSession reads the store's rules and currency, runs body and closes
// the store.
func runAddSession(e env, cmd string, st *store.Store, today time.Time, body func(e env, s *addSession) int) int {
	defer st.Close()
	// The store checks dates against its clock: it reads --today too.
	st.SetClock(clockOn(today))
	st.SetLimits(e.config.Limits)
	s := &addSession{ctx: context.Background(), st: st, today: today, cmd: cmd}
	var err error
	if s.rules, err = st.InputRules(s.ctx); err != nil {
		return fail(e, cmd, err)
	}
	if s.cur, err = st.Currency(s.ctx); err != nil {
		return fail(e, cmd, err)
	}
	return body(e, s)
}

// ensureRep creates the rep when --create-rep allows it; otherwise an
// unknown rep is left for the store to refuse with the list of known reps.
func (s *addSession) ensureRep(name string, f addFlags) error {
	if name == "" || !*f.createRep {
		return nil
	}
	known, err := s.st.RepNames(s.ctx)
	if err != nil {
		return err
	}
	for _, k := range known {
		if k == name {
			return nil
		}
	}
	_, err = s.st.AddRep(s.ctx, model.Rep{Name: name, Department: model.Department(*f.department)})
	return err
}

// amountHint shows how an amount is written in the team's currency.
func amountHint(c model.Currency) error {
	if c.Code == model.JPY.Code {
		return model.Refused(model.RefuseAmountHintJPY)
	}
	return model.Refused(model.RefuseAmountHint, c.Symbol, c.Code, c.Decimals)
}

// addError prints a refusal naming the flag.
func addError(e env, cmd string, err error) int {
	var fe *model.FieldError
	var ue *store.UnknownRepError
	switch {
	case errors.As(err, &ue):
		return fail(e, cmd, model.BadFlag("rep", model.RefuseUnknownRepCreate, ue.Name, model.Names(ue.Known)))
	case errors.As(err, &fe):
		return fail(e, cmd, &model.FlagError{Flag: strings.ReplaceAll(fe.Field, "_", "-"), Err: fe.Reason()})
	}
	return fail(e, cmd, err)
}

// parseDayFlag reads a day flag: YYYY-MM-DD, today or yesterday.
func parseDayFlag(flagName, v string, today time.Time) (time.Time, error) {
	d, err := model.ParseDay(v, today)
	if err != nil {
		return d, model.BadFlag(flagName, model.RefuseNotDay, v)
	}
	return d, nil
}

// setFlagNames lists the flags given on the command line.
func setFlagNames(fs *flag.FlagSet) map[string]bool {
	m := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { m[f.Name] = true })
	return m
}

func addActivity(e env, args []string) int {
	const cmd = "add activity"
	fs := newFlagSet(e, cmd, "add activity --kind KIND --rep NAME [--count N] [--connected N] [--date YYYY-MM-DD] [--account A] [--opportunity ID] [--note T] [--db PATH]")
	f := commonAddFlags(fs)
	kind := fs.String("kind", "", "visit, call, email, proposal, appointment or meeting (訪問, 架電, メール, 提案, アポ, 商談)")
	rep := fs.String("rep", e.config.Me, "the rep's name (default the config file's me)")
	count := fs.String("count", "1", "how many (a positive whole number)")
	connected := fs.String("connected", "0", "of a call's --count, how many reached the person (通話数)")
	date := fs.String("date", "today", "the day of the activity (YYYY-MM-DD, today, yesterday)")
	account := fs.String("account", "", "the account visited or called")
	opp := fs.String("opportunity", "", "the opportunity it belongs to (its --id, or #N for kpit's own number)")
	note := fs.String("note", "", "a short note")
	if st, stop := parseOnlyFlags(e, fs, args); stop {
		return st
	}
	k, ok := model.ActivityKindWord(*kind)
	if !ok {
		return fail(e, cmd, model.BadFlag("kind", model.RefuseUnknownKind, *kind, model.ActivityKindChoices()))
	}
	n, err := model.ParseWhole(*count)
	if err != nil {
		return fail(e, cmd, model.BadFlag("count", model.RefuseNotWhole, *count))
	}
	conn, err := model.ParseWhole(*connected)
	if err != nil || conn < 0 {
		return fail(e, cmd, model.BadFlag("connected", model.RefuseNotWhole, *connected))
	}
	if model.Blank(*rep) {
		return fail(e, cmd, model.BadFlag("rep", model.RefuseRepNameRequired))
	}
	return withAddSession(e, cmd, f, func(e env, s *addSession) int {
		day, err := parseDayFlag("date", *date, s.today)
		if err != nil {
			return fail(e, cmd, err)
		}
		a := model.Activity{Kind: k, RepName: model.TrimText(*rep), Count: n, Connected: conn, Date: day, Account: model.TrimText(*account), Note: model.TrimText(*note)}
		if *opp != "" {
			if a.OpportunityID, err = s.findOpportunity(*opp); err != nil {
				return addError(e, cmd, err)
			}
		}
		if err := model.ValidateActivity(a, s.rules, s.today); err != nil {
			return addError(e, cmd, err)
		}
		if err := s.ensureRep(a.RepName, f); err != nil {
			return addError(e, cmd, err)
		}
		id, err := s.st.AddActivity(s.ctx, a)
		if err != nil {
			return addError(e, cmd, err)
		}
		fmt.Fprintln(e.stdout, catalog.ActivityAdded(e.uiLang(), id, a))
		return exitOK
	})
}

// findOpportunity resolves an opportunity reference: #N is kpit's number,
// anything else its external id.
func (s *addSession) findOpportunity(ref string) (int64, error) {
	if n, err := strconv.ParseInt(strings.TrimPrefix(ref, "#"), 10, 64); strings.HasPrefix(ref, "#") && err == nil {
		o, err := s.st.Opportunity(s.ctx, n)
		if err != nil {
			return 0, &model.FieldError{Field: "opportunity", Msg: err.Error()}
		}
		return o.ID, nil
	}
	o, ok, err := s.st.OpportunityByExternalID(s.ctx, ref)
	if err != nil {
		return 0, err
	}
	if !ok {
		return 0, &model.FieldError{Field: "opportunity", Msg: fmt.Sprintf("no opportunity with id %q", ref)}
	}
	return o.ID, nil
}

func addOpportunity(e env, args []string) int {
	const cmd = "add opportunity"
	fs := newFlagSet(e, cmd, "add opportunity --id X --rep NAME --account A [--amount N] [--stage S] [--created D] [--closed D] [--outcome open|won|lost] [--lost-reason T] [--forecast A|B|C|commit|best_case|pipeline|omitted] [--expected-close D] [--db PATH]\n\nAn --id that exists updates that opportunity (stage change, won, lost, its forecast category).")
	f := commonAddFlags(fs)
	ext := fs.String("id", "", "the opportunity's id (required; an existing id updates it, so scripts can move a deal on later)")
	rep := fs.String("rep", "", "the rep's name")
	account := fs.String("account", "", "the customer account")
	product := fs.String("product", "", "the product")
	amount := fs.String("amount", "", "amount in the team's currency (kpit rules --currency): 1200000, 12,000,000円, 120万, 1.2億; 1234.56 for USD")
	stage := fs.String("stage", "", "the sales stage")
	created := fs.String("created", "", "the day the opportunity was created (default for a new one: its close day when closed, else today)")
	closed := fs.String("closed", "", "the close day (the expected close day while open; today when marked won or lost)")
	outcome := fs.String("outcome", "", "open, won or lost")
	lostReason := fs.String("lost-reason", "", "why it was lost")
	forecast := fs.String("forecast", "", "the forecast category (ヨミ): A, B, C, commit, best_case, pipeline or omitted (確度A…); \"\" unrates it")
	expectedClose := fs.String("expected-close", "", "the expected close day of an open deal (the same as --closed while it is open)")
	if st, stop := parseOnlyFlags(e, fs, args); stop {
		return st
	}
	given := setFlagNames(fs)
	var category model.ForecastCategory
	closedFlag := "closed" // the flag the close day came from
	if given["forecast"] {
		var err error
		if category, err = model.ParseForecast(*forecast); err != nil {
			return addError(e, cmd, err)
		}
	}
	if given["expected-close"] {
		if given["closed"] {
			return fail(e, cmd, model.Refused(model.RefuseBothClose))
		}
		*closed, given["closed"] = *expectedClose, true
		closedFlag = "expected-close"
	}
	if given["outcome"] && !model.Outcome(*outcome).Valid() {
		return fail(e, cmd, model.BadFlag("outcome", model.RefuseUnknownOutcome, *outcome))
	}
	*ext = model.TrimText(*ext)
	if *ext == "" {
		return fail(e, cmd, model.BadFlag("id", model.RefuseDealIDRequired))
	}
	return withAddSession(e, cmd, f, func(e env, s *addSession) int {
		var amountMinor model.Minor
		if given["amount"] {
			m, err := model.ParseMoney(*amount, s.cur)
			if err != nil {
				return fail(e, cmd, &model.FlagError{Flag: "amount", Err: model.Refused(model.RefuseWithHint, err, amountHint(s.cur))})
			}
			if m < 0 {
				return fail(e, cmd, model.BadFlag("amount", model.RefuseAmountNegative, *amount))
			}
			amountMinor = m
		}
		o, existing, err := s.st.OpportunityByExternalID(s.ctx, *ext)
		if err != nil {
			return fail(e, cmd, err)
		}
		if !existing {
			o = model.Opportunity{ExternalID: *ext, Outcome: model.OutcomeOpen}
		}
		wasOpen := o.Outcome == model.OutcomeOpen
		if given["rep"] {
			o.RepID, o.RepName = 0, model.TrimText(*rep)
		}
		if !existing && o.RepName == "" {
			return fail(e, cmd, model.BadFlag("rep", model.RefuseNewOppRequired))
		}
		if given["account"] {
			o.Account = model.TrimText(*account)
		}
		if !existing && o.Account == "" {
			return fail(e, cmd, model.BadFlag("account", model.RefuseNewOppRequired))
		}
		if given["product"] {
			o.Product = model.TrimText(*product)
		}
		if given["forecast"] {
			o.Forecast = category
		}
		if given["created"] {
			if o.Created, err = parseDayFlag("created", *created, s.today); err != nil {
				return fail(e, cmd, err)
			}
		}
		closeDay := o.Closed
		if given["closed"] {
			if closeDay, err = parseDayFlag(closedFlag, *closed, s.today); err != nil {
				return fail(e, cmd, err)
			}
		}
		c := model.Closing{Outcome: o.Outcome, On: closeDay, AmountMinor: amountMinor, HasAmount: given["amount"], LostReason: *lostReason}
		if given["outcome"] {
			c.Outcome = model.Outcome(*outcome)
		}
		if given["stage"] {
			c.Stage = *stage
		}
		if closedFlag == "expected-close" && c.Outcome != model.OutcomeOpen {
			return fail(e, cmd, model.BadFlag("expected-close", model.RefuseClosedNotExpected, c.Outcome))
		}
		if c.Outcome != model.OutcomeOpen && !given["closed"] && (wasOpen || closeDay.IsZero()) {
			c.On = s.today // marked won or lost now
		}
		if c.Outcome == model.OutcomeOpen {
			o.Closed = closeDay // the expected close day
			if o.Created.IsZero() {
				o.Created = model.DefaultCreated(o, s.today)
			}
		}
		if o, err = model.CloseDeal(o, c); err != nil {
			return addError(e, cmd, err)
		}
		if err := model.ValidateOpportunity(o, s.rules, s.today); err != nil {
			return addError(e, cmd, err)
		}
		if err := s.ensureRep(o.RepName, f); err != nil {
			return addError(e, cmd, err)
		}
		if existing {
			err = s.st.UpdateOpportunity(s.ctx, o)
		} else {
			o.ID, err = s.st.AddOpportunity(s.ctx, o)
		}
		if err != nil {
			return addError(e, cmd, err)
		}
		fmt.Fprintln(e.stdout, catalog.OpportunitySaved(e.uiLang(), existing, o, s.cur))
		return exitOK
	})
}

func addLead(e env, args []string) int {
	const cmd = "add lead"
	fs := newFlagSet(e, cmd, "add lead --company C [--contact N] [--source S] [--rep NAME] [--created D] [--status new|mql|sql] [--db PATH]")
	f := commonAddFlags(fs)
	company := fs.String("company", "", "the company")
	contact := fs.String("contact", "", "the contact person")
	source := fs.String("source", "", "where the lead came from (web, event, ads...)")
	rep := fs.String("rep", "", "the rep who owns the lead (optional)")
	created := fs.String("created", "today", "the day the lead came in")
	statusFlag := fs.String("status", "new", "new, mql or sql")
	if st, stop := parseOnlyFlags(e, fs, args); stop {
		return st
	}
	st := model.LeadStatus(*statusFlag)
	if st != model.LeadNew && st != model.LeadMQL && st != model.LeadSQL {
		return fail(e, cmd, model.BadFlag("status", model.RefuseUnknownAddStatus, *statusFlag))
	}
	return withAddSession(e, cmd, f, func(e env, s *addSession) int {
		day, err := parseDayFlag("created", *created, s.today)
		if err != nil {
			return fail(e, cmd, err)
		}
		l := model.Lead{Company: model.TrimText(*company), Contact: model.TrimText(*contact), Source: model.TrimText(*source), RepName: model.TrimText(*rep), Created: day, Status: st}
		if err := model.ValidateLead(l, s.rules, s.today); err != nil {
			return addError(e, cmd, err)
		}
		if err := s.ensureRep(l.RepName, f); err != nil {
			return addError(e, cmd, err)
		}
		id, err := s.st.AddLead(s.ctx, l)
		if err != nil {
			return addError(e, cmd, err)
		}
		fmt.Fprintln(e.stdout, catalog.LeadAdded(e.uiLang(), id, l))
		return exitOK
	})
}
