package cli

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/kpit-dev/kpit/figures"
)

// successXLSX writes rows to the first sheet of a workbook.
func successXLSX(t *testing.T, rows [][]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	p := filepath.Join(t.TempDir(), "cs.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestImportSuccessRecordsFeedTheFigures imports each kind, from CSV with
// Japanese headers and from .xlsx with English ones, and checks the
// figures against counts made here from the rows written; a second
// import of the same file changes nothing.
func TestImportSuccessRecordsFeedTheFigures(t *testing.T) {
	db := successDB(t)
	imp := func(kind, file, want string) {
		t.Helper()
		code, out, errOut := kpitRun("import", kind, file, "--db", db)
		if code != 0 || !strings.HasPrefix(out, want) {
			t.Fatalf("import %s: exit %d, %q, %q; want %q", kind, code, out, errOut, want)
		}
	}

	// NPS answers, a survey tool's CSV with Japanese headers and no ids.
	scores := []string{"10", "１０", "9点", "9", "8", "7", "6", "5", "1", "0"}
	rows := [][]string{{"回答日", "推奨度", "顧客名", "コメント"}}
	promoters, detractors := 0, 0
	for i, s := range scores {
		rows = append(rows, []string{fmt.Sprintf("2026/11/%d", i+1), s, "ACME", "ok"})
		switch {
		case i < 4:
			promoters++ // 10, 10, 9, 9
		case i >= 6:
			detractors++ // 6, 5, 1, 0
		}
	}
	npsFile := writeTemp(t, "nps.csv", []byte(csvText(rows, ",")))
	imp("nps", npsFile, "inserted 10, updated 0, unchanged 0")
	imp("nps", npsFile, "inserted 0, updated 0, unchanged 10")

	// Campaigns from .xlsx: Excel dates and numbers in the cells.
	camps := [][]any{{"Campaign name", "Send date", "Emails sent", "Unique opens"},
		{"Nov news", time.Date(2026, 11, 5, 0, 0, 0, 0, time.UTC), 1000, 230},
		{"Seminar", time.Date(2026, 11, 12, 0, 0, 0, 0, time.UTC), 500, 120},
		{"October", time.Date(2026, 10, 30, 0, 0, 0, 0, time.UTC), 900, 900}}
	imp("campaigns", successXLSX(t, camps), "inserted 3, updated 0, unchanged 0")

	// Inquiries from .xlsx with date-and-time cells: waits of 1.5, 4 and
	// 0.5 hours, and one that still waits.
	at := func(d, h, m int) time.Time { return time.Date(2026, 11, d, h, m, 0, 0, time.UTC) }
	inqs := [][]any{{"Ticket ID", "Requester", "Created at", "First response at"},
		{"T-1", "ACME", at(10, 9, 0), at(10, 10, 30)},
		{"T-2", "ACME", at(11, 9, 0), at(11, 13, 0)},
		{"T-3", "Beta", at(12, 9, 0), at(12, 9, 30)},
		{"T-4", "Beta", at(13, 9, 0), ""}}
	imp("inquiries", successXLSX(t, inqs), "inserted 4, updated 0, unchanged 0")

	// Usage: ACME's last check says active, Beta's not.
	usage := writeTemp(t, "usage.csv", []byte("顧客名,確認日,利用状況\nACME,2026/11/02,未利用\nACME,2026/11/20,利用\nBeta,2026/11/21,なし\n"))
	imp("usage", usage, "inserted 3, updated 0, unchanged 0")

	got := novemberFigures(t, db)
	checks := []struct {
		key  string
		want float64
	}{
		{figures.KeyNPS, 100 * float64(promoters-detractors) / float64(len(scores))},
		{figures.KeyEmailOpenRate, float64(230+120) / float64(1000+500)},
		{figures.KeyInquiryResponseTime, 1.5},
		{figures.KeyUsageRate, 0.5},
	}
	for _, c := range checks {
		if v := got[c.key]; !v.Valid || !closeTo(v.V, c.want) {
			t.Errorf("%s = %+v, want %v", c.key, v, c.want)
		}
	}
}

// TestImportSuccessRefusals: a bad row stops the import with one line
// naming the file, the line and the column, and nothing is written.
func TestImportSuccessRefusals(t *testing.T) {
	db := successDB(t)
	cases := []struct {
		kind, name, text, want string
	}{
		{"nps", "nps.csv", "date,score\n2026-11-02,9\n2026-11-03,11\n", "nps.csv:3: column score: 11 is not an NPS score (want 0 to 10)"},
		{"nps", "nps.csv", "回答日,推奨度\n2026/11/02,すごく良い\n", "nps.csv:2: column 推奨度: \"すごく良い\" is not a whole number from 0 to 10"},
		{"nps", "nps.csv", "date\n2026-11-02\n", "no column for the required field score"},
		{"inquiries", "inq.csv", "opened,answered\n2026-11-02 10:00,2026-11-02 09:00\n", "inq.csv:2: column answered: "},
		{"inquiries", "inq.csv", "opened\nsoon\n", "inq.csv:2: column opened: \"soon\" is not a time"},
		{"campaigns", "c.csv", "name,date,sent,opened\nx,2026-11-02,10,11\n", "c.csv:2: column opened: 11 opened is more than the 10 sent"},
		{"campaigns", "c.csv", "name,date,sent,opened\nx,2026-11-02,-1,0\n", "c.csv:2: column sent: \"-1\" is not a whole number of 0 or more"},
		{"usage", "u.csv", "customer,date,active\nNobody,2026-11-02,yes\n", "u.csv:2: column customer: no customer named \"Nobody\" (known: ACME, Beta)"},
		{"usage", "u.csv", "customer,date,active\nACME,2026-11-02,perhaps\n", "u.csv:2: column active: \"perhaps\" is not yes or no"},
		{"usage", "u.csv", "customer,da\x01te,active\nACME,2026-11-02,yes\n", "u.csv:1: column 2 of the header: a control character (U+0001)"},
	}
	before := novemberFigures(t, db)
	for _, c := range cases {
		file := writeTemp(t, c.name, []byte(c.text))
		code, out, errOut := kpitRun("import", c.kind, file, "--db", db)
		lines := strings.Split(strings.TrimSpace(errOut), "\n")
		if code == 0 || out != "" || len(lines) != 1 || !strings.Contains(errOut, c.want) {
			t.Errorf("import %s %q: exit %d, %q, %q; want one line with %q", c.kind, c.text, code, out, errOut, c.want)
		}
	}
	after := novemberFigures(t, db)
	for k, v := range before {
		if after[k] != v {
			t.Errorf("%s changed from %+v to %+v: a refused import wrote something", k, v, after[k])
		}
	}
}
