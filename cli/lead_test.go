package cli

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// stageHistories reads every lead's stage history of the file.
func stageHistories(t *testing.T, path string, ids ...int64) map[int64][]model.StageMove {
	t.Helper()
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	out := map[int64][]model.StageMove{}
	for _, id := range ids {
		if out[id], err = st.StageHistory(context.Background(), id); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// TestLeadMoveRefusesBadMovesInOneLine: a stage time before the lead's
// creation, a move back without --recycle, a recycle forward, a time in
// the future, an unknown lead, stage or rep: one line naming the lead and
// the flag, exit 2, and no stage row written.
func TestLeadMoveRefusesBadMovesInOneLine(t *testing.T) {
	path := funnelDB(t)
	before := stageHistories(t, path, 1, 2, 3)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"3", "--to", "mql", "--at", "2026-11-09"}, "lead 3: --at: 2026-11-09T00:00:00Z is before the lead's creation date 2026-11-10"},
		{[]string{"1", "--to", "mql", "--at", "2026-11-20T09:00:00Z"}, "lead 1: --to: mql is behind the lead's stage opportunity"},
		{[]string{"2", "--to", "sql", "--recycle", "--at", "2026-11-20"}, "lead 2: --to: a recycle moves a lead back"},
		{[]string{"2", "--to", "sql", "--at", "2026-12-02"}, "lead 2: --at: 2026-12-02T00:00:00Z is in the future"},
		{[]string{"2", "--to", "sql", "--at", "2026-11-06T23:00:00Z"}, "lead 2: --at: 2026-11-06T23:00:00Z is before the lead's last stage change"},
		{[]string{"9", "--to", "sql"}, "lead 9: there is no lead #9"},
		{[]string{"2", "--to", "churned"}, "lead 2: --to: churned is a customer's stage"},
		{[]string{"2", "--to", "sql", "--rep", "誰か"}, `lead 2: --rep: unknown rep "誰か"`},
		{[]string{"x2", "--to", "sql"}, `ID: "x2" is not a lead number`},
	} {
		args := append([]string{"lead", "move"}, c.args...)
		code, out, errOut := kpitRun(append(args, "--db", path, "--today", "2026-11-30", "--lang", "en")...)
		if code != exitUsage || out != "" || !strings.HasPrefix(errOut, "kpit lead move: "+c.want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: exit %d, %q %q; want one line starting %q", c.args, code, out, errOut, c.want)
		}
	}
	after := stageHistories(t, path, 1, 2, 3)
	for id := range before {
		if len(after[id]) != len(before[id]) {
			t.Errorf("lead %d: %d stage rows after refusals, want %d", id, len(after[id]), len(before[id]))
		}
	}
}

// TestLeadMoveRecordsTheMoveAndTheFunnelSeesIt moves the MQL lead on to
// SQL (the id after the flags this time) and sends the opportunity back
// to SQL as a recycle, then reads them back and through kpit funnel: 2 of
// 2 MQLs reached SQL, one recycle to SQL.
func TestLeadMoveRecordsTheMoveAndTheFunnelSeesIt(t *testing.T) {
	path := funnelDB(t)
	if code, out, errOut := kpitRun("lead", "move", "--to", "sql", "2", "--at", "2026-11-12T09:30:00Z", "--rep", "井上",
		"--db", path, "--today", "2026-11-30", "--lang", "en"); code != exitOK || !strings.HasPrefix(out, "moved lead #2 ") {
		t.Fatalf("exit %d: %q %q", code, out, errOut)
	}
	if code, out, errOut := kpitRun("lead", "move", "1", "--to", "sql", "--recycle", "--at", "2026-11-20",
		"--db", path, "--today", "2026-11-30", "--lang", "ja"); code != exitOK || !strings.HasPrefix(out, "リード #1 ") {
		t.Fatalf("exit %d: %q %q", code, out, errOut)
	}
	h := stageHistories(t, path, 1, 2)
	last2 := h[2][len(h[2])-1]
	if last2.Stage != model.FunnelSQL || !last2.At.Equal(time.Date(2026, 11, 12, 9, 30, 0, 0, time.UTC)) || last2.RepName != "井上" || last2.Recycle {
		t.Errorf("lead 2's last move = %+v", last2)
	}
	last1 := h[1][len(h[1])-1]
	if last1.Stage != model.FunnelSQL || !last1.Recycle || !last1.At.Equal(time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("lead 1's last move = %+v", last1)
	}
	f := funnelOf(t, path)
	if mql := f.stage("mql"); mql.Count != 2 || mql.ConversionToNext == nil || *mql.ConversionToNext != 1 {
		t.Errorf("mql = %+v, want 2 reached, all to SQL", mql)
	}
	if sql := f.stage("sql"); sql.Recycled != 1 {
		t.Errorf("sql recycled = %d, want 1", sql.Recycled)
	}
}

// funnelRead is kpit funnel's JSON for November 2026, decoded.
type funnelRead struct {
	Stages []funnelReadStage `json:"stages"`
}

type funnelReadStage struct {
	Key              string   `json:"key"`
	Count            int      `json:"count"`
	ConversionToNext *float64 `json:"conversion_to_next"`
	Recycled         int      `json:"recycled"`
}

func (f funnelRead) stage(key string) funnelReadStage {
	for _, x := range f.Stages {
		if x.Key == key {
			return x
		}
	}
	return funnelReadStage{}
}

func funnelOf(t *testing.T, path string) funnelRead {
	t.Helper()
	code, out, errOut := kpitRun("funnel", "--db", path, "--from", "2026-11-01", "--to", "2026-11-30", "--today", "2026-11-30", "--format", "json")
	if code != exitOK {
		t.Fatalf("kpit funnel: exit %d: %s", code, errOut)
	}
	var f funnelRead
	if err := json.Unmarshal([]byte(out), &f); err != nil {
		t.Fatal(err)
	}
	return f
}
