package importer

import (
	"strings"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// convertRow binds header and converts one row (line 2 of deals.csv).
func convertRow(t *testing.T, k Kind, header, cells []string) (record, *RowError) {
	t.Helper()
	b, err := Bind(k, header, nil)
	if err != nil {
		t.Fatal(err)
	}
	return newConverter("deals.csv", b, model.D(2026, 11, 26), nil, nil).convert(2, cells)
}

// The importer refuses what kpit add and the entry form refuse: each row
// below is refused with the model's own words, in the FILE:LINE: column
// COLUMN: form, and the same record typed in is refused on the same field.
func TestImportRefusesWhatEntryRefuses(t *testing.T) {
	today := model.D(2026, 11, 26)
	rules := model.InputRules{}
	cases := []struct {
		name    string
		kind    Kind
		header  []string
		cells   []string
		want    string
		entered error // the same record through model's validator
	}{
		{
			name:   "an activity count over model.MaxCount",
			kind:   Activities,
			header: []string{"Date", "Owner", "Kind", "Count"},
			cells:  []string{"2026-11-02", "Sato", "call", "200000"},
			want:   "deals.csv:2: column Count: 200000 is more than 100000",
			entered: model.ValidateActivity(model.Activity{Date: model.D(2026, 11, 2), RepName: "Sato",
				Kind: model.KindCall, Count: 200000}, rules, today),
		},
		{
			name:   "a won deal at zero yen",
			kind:   Opportunities,
			header: []string{"Id", "Owner", "Created", "Closed", "Amount", "Outcome"},
			cells:  []string{"D-1", "Sato", "2026-10-01", "2026-11-02", "0", "won"},
			want:   "deals.csv:2: column Amount: a won opportunity needs an amount",
			entered: model.ValidateOpportunity(model.Opportunity{RepName: "Sato", Created: model.D(2026, 10, 1),
				Closed: model.D(2026, 11, 2), AmountMinor: 0, HasAmount: true, Outcome: model.OutcomeWon}, rules, today),
		},
		{
			name:   "a close date before the created date",
			kind:   Opportunities,
			header: []string{"Id", "Owner", "Created", "Closed", "Amount", "Outcome"},
			cells:  []string{"D-2", "Sato", "2026-10-01", "2026-09-30", "500000", "lost"},
			want:   "deals.csv:2: column Closed: 2026-09-30 is before the creation date 2026-10-01",
			entered: model.ValidateOpportunity(model.Opportunity{RepName: "Sato", Created: model.D(2026, 10, 1),
				Closed: model.D(2026, 9, 30), AmountMinor: 500000, HasAmount: true, Outcome: model.OutcomeLost}, rules, today),
		},
	}
	for _, c := range cases {
		_, e := convertRow(t, c.kind, c.header, c.cells)
		if e == nil {
			t.Errorf("%s: imported", c.name)
			continue
		}
		if e.Error() != c.want {
			t.Errorf("%s: %q, want %q", c.name, e.Error(), c.want)
		}
		if c.entered == nil || !strings.HasSuffix(e.Error(), ": "+strings.SplitN(c.entered.Error(), ": ", 2)[1]) {
			t.Errorf("%s: typed in, the record gives %v; imported, %v", c.name, c.entered, e)
		}
	}
}

// The edges of the same checks are accepted: exactly model.MaxCount, a won
// deal at one yen, a deal closed on the day it was created.
func TestImportAcceptsTheEdges(t *testing.T) {
	if r, e := convertRow(t, Activities, []string{"Date", "Owner", "Kind", "Count"},
		[]string{"2026-11-02", "Sato", "call", "100000"}); e != nil || r.act.Count != model.MaxCount {
		t.Errorf("count 100000: %v %v", r.act, e)
	}
	r, e := convertRow(t, Opportunities, []string{"Id", "Owner", "Created", "Closed", "Amount", "Outcome"},
		[]string{"D-3", "Sato", "2026-10-01", "2026-10-01", "1", "won"})
	if e != nil || r.opp.AmountMinor != 1 || !r.opp.Closed.Equal(time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("won at ¥1 closed the day it was created: %v %v", r.opp, e)
	}
	// An open deal without a created date (the store fills it in) keeps
	// its expected close date, whatever it is.
	if _, e := convertRow(t, Opportunities, []string{"Id", "Owner", "Closed", "Amount"},
		[]string{"D-4", "Sato", "2027-01-31", "300000"}); e != nil {
		t.Errorf("open deal without a created date: %v", e)
	}
}

// A call's connected count is read from a 通話数 (or "connected") column,
// full-width digits too, and refused with the model's words where the
// entry form refuses it: more than the calls, or on another kind.
func TestImportReadsConnectedCalls(t *testing.T) {
	header := []string{"日付", "担当者", "種別", "件数", "通話数"}
	r, e := convertRow(t, Activities, header, []string{"2026-11-02", "佐藤", "架電", "20", "６"})
	if e != nil || r.act.Count != 20 || r.act.Connected != 6 {
		t.Fatalf("20 calls, ６ connected: %+v %v", r.act, e)
	}
	if r, e := convertRow(t, Activities, header, []string{"2026-11-02", "佐藤", "架電", "20", ""}); e != nil || r.act.Connected != 0 {
		t.Errorf("an empty 通話数 is none connected: %+v %v", r.act, e)
	}
	if r, e := convertRow(t, Activities, []string{"Date", "Owner", "Kind", "Count", "Connected calls"},
		[]string{"2026-11-02", "Sato", "call", "5", "0"}); e != nil || r.act.Connected != 0 {
		t.Errorf("English header, 0 connected: %+v %v", r.act, e)
	}
	for _, c := range []struct {
		cells []string
		want  string
	}{
		{[]string{"2026-11-02", "佐藤", "架電", "5", "6"}, "column 通話数: " + model.ValidateActivity(model.Activity{Date: model.D(2026, 11, 2),
			RepName: "佐藤", Kind: model.KindCall, Count: 5, Connected: 6}, model.InputRules{}, model.D(2026, 11, 26)).(*model.FieldError).Msg},
		{[]string{"2026-11-02", "佐藤", "訪問", "1", "1"}, "column 通話数: only calls connect"},
		{[]string{"2026-11-02", "佐藤", "架電", "5", "-1"}, `column 通話数: "-1" is not a number of connected calls`},
		{[]string{"2026-11-02", "佐藤", "架電", "5", "半分"}, `column 通話数: "半分" is not a number of connected calls`},
	} {
		_, e := convertRow(t, Activities, header, c.cells)
		if e == nil || !strings.Contains(e.Error(), c.want) {
			t.Errorf("%v: %v; want %q", c.cells, e, c.want)
		}
	}
}
