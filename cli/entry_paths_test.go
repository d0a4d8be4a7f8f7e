package cli

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
	"github.com/kpit-dev/kpit/tui"
)

// One table of deal closings, each run through the four ways a deal comes
// in: the cockpit's entry form, its quick-add line, `kpit add` and `kpit
// import`. Every way must refuse the same closings, naming the same field,
// and store the same record for the others (outcome, stage, created,
// closed, amount, lost reason), as model.CloseDeal's rule says.
//
// The form only closes a deal that exists (its "update an opportunity"
// mode) and quick-add cannot type a stage, so a case says which ways apply.
// A future close date is left out on purpose: kpit add and the cockpit
// refuse it (model.ValidateOpportunity) while an import takes an export's
// dates as they are (model.CheckOpportunity), as model/records.go explains.

var pathsToday = model.D(2026, 11, 26)

// closingCase is one closing of the deal D-1 of 鈴木 on the account ACME,
// which exists (open, stage 提案, created 2026-11-02, no amount) when
// existing is set.
type closingCase struct {
	name     string
	existing bool
	outcome  model.Outcome
	closed   string // YYYY-MM-DD
	amount   string // as typed, "" for none
	stage    string // a stage given with the closing, "" for none
	reason   string // lost reason
	noQuick  bool   // quick-add cannot say this (a typed stage)
	refused  string // the field refused; "" when accepted
	want     model.Opportunity
}

var closingCases = []closingCase{
	{name: "won, stage untouched", existing: true, outcome: model.OutcomeWon, closed: "2026-11-20", amount: "1200万",
		want: model.Opportunity{Outcome: model.OutcomeWon, Stage: "受注", Created: model.D(2026, 11, 2), Closed: model.D(2026, 11, 20), AmountMinor: 12_000_000, HasAmount: true}},
	{name: "lost with a reason", existing: true, outcome: model.OutcomeLost, closed: "2026-11-20", reason: "価格",
		want: model.Opportunity{Outcome: model.OutcomeLost, Stage: "失注", Created: model.D(2026, 11, 2), Closed: model.D(2026, 11, 20), LostReason: "価格"}},
	{name: "won on the day it was created, ¥1", existing: true, outcome: model.OutcomeWon, closed: "2026-11-02", amount: "1",
		want: model.Opportunity{Outcome: model.OutcomeWon, Stage: "受注", Created: model.D(2026, 11, 2), Closed: model.D(2026, 11, 2), AmountMinor: 1, HasAmount: true}},
	{name: "won with a stage of its own", existing: true, outcome: model.OutcomeWon, closed: "2026-11-20", amount: "300万", stage: "契約締結", noQuick: true,
		want: model.Opportunity{Outcome: model.OutcomeWon, Stage: "契約締結", Created: model.D(2026, 11, 2), Closed: model.D(2026, 11, 20), AmountMinor: 3_000_000, HasAmount: true}},
	{name: "closed before it was created", existing: true, outcome: model.OutcomeWon, closed: "2026-11-01", amount: "1200万", refused: "closed"},
	{name: "won without an amount", existing: true, outcome: model.OutcomeWon, closed: "2026-11-20", refused: "amount"},
	{name: "won, no created date anywhere", outcome: model.OutcomeWon, closed: "2026-11-20", amount: "1200万",
		want: model.Opportunity{Outcome: model.OutcomeWon, Stage: "受注", Created: model.D(2026, 11, 20), Closed: model.D(2026, 11, 20), AmountMinor: 12_000_000, HasAmount: true}},
	{name: "lost, no created date anywhere", outcome: model.OutcomeLost, closed: "2026-11-25", reason: "時期",
		want: model.Opportunity{Outcome: model.OutcomeLost, Stage: "失注", Created: model.D(2026, 11, 25), Closed: model.D(2026, 11, 25), LostReason: "時期"}},
	{name: "new deal won without an amount", outcome: model.OutcomeWon, closed: "2026-11-20", refused: "amount"},
}

// closingPath runs a case on a database holding the reps (and the open
// deal when the case has one); it returns the refusal's text, "" when the
// closing was saved.
type closingPath struct {
	name string
	run  func(t *testing.T, db string, c closingCase) (refusal string)
}

var closingPaths = []closingPath{
	{"entry form", closeInForm},
	{"quick-add", closeInQuickAdd},
	{"kpit add", closeWithAdd},
	{"kpit import", closeWithImport},
}

func TestEveryPathClosesADealTheSameWay(t *testing.T) {
	for _, c := range closingCases {
		for _, p := range closingPaths {
			if (p.name == "entry form" && !c.existing) || (p.name == "quick-add" && c.noQuick) {
				continue
			}
			db := newEntryDB(t)
			before := seedClosingDeal(t, db, c.existing)
			refusal := p.run(t, db, c)
			deals := storedDeals(t, db)
			if c.refused != "" {
				if refusal == "" || !strings.Contains(strings.ToLower(refusal), c.refused) {
					t.Errorf("%s, %s: refusal %q, want one naming %s", c.name, p.name, refusal, c.refused)
				}
				if fmt.Sprint(deals) != fmt.Sprint(before) {
					t.Errorf("%s, %s: refused, but the deals are now %v (were %v)", c.name, p.name, deals, before)
				}
				continue
			}
			if refusal != "" {
				t.Errorf("%s, %s: refused: %s", c.name, p.name, refusal)
				continue
			}
			if len(deals) != 1 {
				t.Errorf("%s, %s: %d deals stored, want 1", c.name, p.name, len(deals))
				continue
			}
			if got, want := deals[0], dealFields(c.want); got != want {
				t.Errorf("%s, %s: stored %s\n  want %s", c.name, p.name, got, want)
			}
		}
	}
}

// dealFields is what the paths must agree on.
func dealFields(o model.Opportunity) string {
	amount := "none"
	if o.HasAmount {
		amount = fmt.Sprint(o.AmountMinor)
	}
	return fmt.Sprintf("%s stage=%q created=%s closed=%s amount=%s reason=%q", o.Outcome, o.Stage,
		model.FormatDate(o.Created), model.FormatDate(o.Closed), amount, o.LostReason)
}

func seedClosingDeal(t *testing.T, db string, existing bool) []string {
	t.Helper()
	if existing {
		st, err := store.Open(db)
		if err != nil {
			t.Fatal(err)
		}
		_, err = st.AddOpportunity(context.Background(), model.Opportunity{ExternalID: "D-1", RepName: "鈴木", Account: "ACME",
			Stage: "提案", Created: model.D(2026, 11, 2), Outcome: model.OutcomeOpen})
		st.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	return storedDeals(t, db)
}

// storedDeals reads every opportunity with SQL of its own, not through the
// store's readers, in dealFields' form.
func storedDeals(t *testing.T, db string) []string {
	t.Helper()
	conn, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	rows, err := conn.Query(`SELECT outcome, stage, created, coalesce(closed, ''), amount_yen, lost_reason
		FROM opportunities WHERE deleted_at IS NULL ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var outcome, stage, created, closed, reason string
		var amount sql.NullInt64
		if err := rows.Scan(&outcome, &stage, &created, &closed, &amount, &reason); err != nil {
			t.Fatal(err)
		}
		a := "none"
		if amount.Valid {
			a = fmt.Sprint(amount.Int64)
		}
		out = append(out, fmt.Sprintf("%s stage=%q created=%s closed=%s amount=%s reason=%q", outcome, stage, created, closed, a, reason))
	}
	return out
}

func closeWithAdd(t *testing.T, db string, c closingCase) string {
	args := []string{"add", "opportunity", "--id", "D-1", "--outcome", string(c.outcome), "--closed", c.closed, "--today", "2026-11-26", "--db", db}
	if !c.existing {
		args = append(args, "--rep", "鈴木", "--account", "ACME")
	}
	if c.amount != "" {
		args = append(args, "--amount", c.amount)
	}
	if c.stage != "" {
		args = append(args, "--stage", c.stage)
	}
	if c.reason != "" {
		args = append(args, "--lost-reason", c.reason)
	}
	code, _, errOut := runKpit(t, args...)
	if code != 0 {
		return errOut
	}
	return ""
}

func closeWithImport(t *testing.T, db string, c closingCase) string {
	row := []string{"D-1", "鈴木", "ACME", c.stage, string(c.outcome), "", c.closed, c.amount, c.reason}
	file := filepath.Join(t.TempDir(), "deals.csv")
	text := "id,owner,account,stage,outcome,created,closed,amount,lost_reason\n" + strings.Join(row, ",") + "\n"
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runKpit(t, "import", "opportunities", file, "--today", "2026-11-26", "--db", db)
	if code != 0 {
		return errOut
	}
	return ""
}

// cockpit opens the cockpit on db in English on pathsToday.
func cockpit(t *testing.T, db string) (*tui.App, *store.Store) {
	t.Helper()
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	now := func() time.Time { return pathsToday.Add(10 * time.Hour) }
	st.SetClock(now)
	a := tui.New(tui.Options{Store: st, Lang: tui.LangEN, Now: now, NoColor: true})
	settle(t, a, a.Init())
	settle(t, a, func() tea.Msg { return tea.WindowSizeMsg{Width: 120, Height: 40} })
	return a, st
}

// settle runs a command and every command its messages start, as the
// Bubble Tea runtime would, until none is left.
func settle(t *testing.T, a *tui.App, cmd tea.Cmd) {
	t.Helper()
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 1000 {
			t.Fatal("commands do not settle")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case nil, tea.QuitMsg:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		default:
			if fmt.Sprintf("%T", msg) == "tea.backgroundColorMsg" {
				continue // a request to the terminal
			}
			_, next := a.Update(msg)
			queue = append(queue, next)
		}
	}
}

// keys sends keys as a terminal does: named keys, then text rune by rune
// (Japanese in one piece, as an IME sends it).
func keys(t *testing.T, a *tui.App, ks ...string) {
	t.Helper()
	named := map[string]tea.KeyPressMsg{
		"enter": {Code: tea.KeyEnter}, "up": {Code: tea.KeyUp}, "down": {Code: tea.KeyDown},
		"right": {Code: tea.KeyRight}, "ctrl+u": {Code: 'u', Mod: tea.ModCtrl},
	}
	for _, k := range ks {
		if m, ok := named[k]; ok {
			_, cmd := a.Update(m)
			settle(t, a, cmd)
			continue
		}
		if strings.ContainsFunc(k, func(r rune) bool { return r > 0x2000 }) {
			_, cmd := a.Update(tea.KeyPressMsg{Code: []rune(k)[0], Text: k})
			settle(t, a, cmd)
			continue
		}
		for _, r := range k {
			_, cmd := a.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
			settle(t, a, cmd)
		}
	}
}

// screenError is the refusal the cockpit shows, if any: a line of the
// overlay (inside its border) that starts with a field's label or says
// the entry cannot be saved.
func screenError(a *tui.App, labels ...string) string {
	for _, line := range strings.Split(ansi.Strip(a.Render()), "\n") {
		line = strings.Trim(line, " │")
		for _, l := range labels {
			if strings.HasPrefix(line, l) || strings.Contains(line, "cannot save") || strings.Contains(line, "Could not save") {
				return line
			}
		}
	}
	return ""
}

func closeInForm(t *testing.T, db string, c closingCase) string {
	a, _ := cockpit(t, db)
	keys(t, a, "a", "up", "right", "right") // activity -> new opportunity -> update an opportunity
	keys(t, a, "down", "down")              // the deal (the only open one), outcome: won
	if c.outcome == model.OutcomeLost {
		keys(t, a, "right")
	}
	keys(t, a, "down", c.amount, "down") // amount, then the stage (提案, as stored)
	if c.stage != "" {
		keys(t, a, "ctrl+u", c.stage)
	}
	keys(t, a, "down", c.reason, "down", "ctrl+u", c.closed, "enter")
	return screenError(a, "Amount:", "Closed:", "Opportunity:")
}

func closeInQuickAdd(t *testing.T, db string, c closingCase) string {
	a, _ := cockpit(t, db)
	verb := "won"
	if c.outcome == model.OutcomeLost {
		verb = "lost"
	}
	keys(t, a, ":", verb+" ")
	if c.amount != "" {
		keys(t, a, c.amount, " ")
	}
	keys(t, a, "ACME ", "鈴木", " "+c.closed)
	if c.reason != "" {
		keys(t, a, " ", c.reason)
	}
	keys(t, a, "enter")
	return screenError(a, "cannot save", "\"")
}
