package cli

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/japanese"

	_ "modernc.org/sqlite"
)

func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// dumpDB is every row of every table, sorted: two dumps are equal exactly
// when the database holds the same data.
func dumpDB(t *testing.T, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	var out []string
	for _, tbl := range tables {
		rs, err := db.Query(`SELECT * FROM "` + tbl + `"`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rs.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rs.Next() {
			rs.Scan(ptrs...)
			out = append(out, tbl+": "+fmt.Sprint(vals...))
		}
		rs.Close()
	}
	sort.Strings(out)
	return strings.Join(out, "\n")
}

// query reads one number from the database.
func query(t *testing.T, path, q string, args ...any) int64 {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n sql.NullInt64
	if err := db.QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n.Int64
}

// A CRM sample in the shape of a well-known public dataset, with its own
// column names: won 7 (close values 1054+4514+50+588+517+49+1052 = 7824),
// lost 1, open 2 (one without an engage date or account), 8 agents.
const pipelineCSV = `opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value
1C1I7A6R,Moses Frase,GTX Plus Basic,Cancity,Won,2016-10-20,2017-03-01,1054
Z063OYW0,Darcel Schlecht,GTXPro,Isdom,Won,2016-10-25,2017-03-11,4514
EC4QE1BX,Darcel Schlecht,MG Special,Cancity,Won,2016-10-25,2017-03-07,50
MV1LWRNH,Moses Frase,GTX Basic,Codehow,Won,2016-10-25,2017-03-09,588
PE84CX4O,Zane Levy,GTX Basic,Hatfan,Won,2016-10-25,2017-03-02,517
ZNBS69V1,Anna Snelling,MG Special,Ron-tech,Won,2016-10-29,2017-03-01,49
9ME3374G,Vicki Laflamme,GTX Plus Basic,J-Texon,Won,2016-10-30,2017-03-02,1052
7GN8Q4LL,Markita Hansen,GTX Basic,Cheers,Lost,2016-11-01,2017-03-07,0
OLK9LKZB,Niesha Huitt,GTX Plus Basic,Zumgoity,Engaging,2016-11-01,,
HAXMC4IX,James Ascencio,MG Advanced,,Prospecting,,,
`

const pipelineMap = "id=opportunity_id,owner=sales_agent,stage=deal_stage,created=engage_date,closed=close_date,amount=close_value"

func TestImportSalesforceStyleMapAndReimport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "k.db")
	file := writeTemp(t, "sales_pipeline.csv", []byte(pipelineCSV))
	// Flags after KIND FILE, as people type them.
	code, out, errOut := runKpit(t, "import", "opportunities", file, "--db", db, "--map", pipelineMap, "--won", "Won", "--lost", "Lost")
	if code != 0 || !strings.HasPrefix(out, "inserted 10, updated 0, unchanged 0, skipped 0; reps created 8\n") {
		t.Fatalf("first import: %d %q %q", code, out, errOut)
	}
	if got := query(t, db, `SELECT sum(amount_yen) FROM opportunities WHERE outcome = 'won'`); got != 7824 {
		t.Errorf("won amount = %d; want 7824", got)
	}
	if got := query(t, db, `SELECT sum(value) FROM rollup_daily WHERE metric = 'revenue'`); got != 7824 {
		t.Errorf("revenue roll-up = %d; want 7824", got)
	}
	if got := query(t, db, `SELECT count(*) FROM opportunities WHERE outcome = 'lost' AND closed = '2017-03-07'`); got != 1 {
		t.Errorf("lost deals closed 2017-03-07 = %d", got)
	}
	if got := query(t, db, `SELECT count(*) FROM reps WHERE department = 'field_sales'`); got != 8 {
		t.Errorf("field sales reps = %d; want 8", got)
	}
	before := dumpDB(t, db)
	code, out, _ = runKpit(t, "import", "--db", db, "--map", pipelineMap, "--won", "Won", "--lost", "Lost", "opportunities", file)
	if code != 0 || !strings.HasPrefix(out, "inserted 0, updated 0, unchanged 10, skipped 0; reps created 0\n") {
		t.Fatalf("re-import: %d %q", code, out)
	}
	if after := dumpDB(t, db); after != before {
		t.Errorf("an unchanged re-import changed the database")
	}
	// One deal changes in the SFA: one update, the roll-up follows.
	changed := strings.Replace(pipelineCSV, "2017-03-11,4514", "2017-03-11,5000", 1)
	code, out, _ = runKpit(t, "import", "opportunities", writeTemp(t, "p2.csv", []byte(changed)), "--db", db, "--map", pipelineMap, "--won", "Won", "--lost", "Lost")
	if code != 0 || !strings.HasPrefix(out, "inserted 0, updated 1, unchanged 9, skipped 0;") {
		t.Fatalf("changed import: %d %q", code, out)
	}
	if got := query(t, db, `SELECT sum(value) FROM rollup_daily WHERE metric = 'revenue'`); got != 7824-4514+5000 {
		t.Errorf("revenue roll-up after the update = %d; want %d", got, 7824-4514+5000)
	}
}

// japaneseRows use every date and amount format; the expected records
// were written down by hand.
var japaneseRows = [][]string{
	{"商談ID", "担当者", "取引先", "商品", "フェーズ", "金額", "作成日", "完了日"},
	{"J-1", "田中", "株式会社あおば", "基本プラン", "受注", "¥1,200,000", "2026-11-26", "2026/11/30"},
	{"J-2", "田中", "ひかり\n商事", "基本プラン", "受注", "￥1,200,000", "2026/1/5", "2026年11月26日"},
	{"J-3", "佐藤", "みどり工業", "上位プラン", "受注", "120万円", "2026.11.26", "46352"},
	{"J-4", "佐藤", "そら電機", "上位プラン", "受注", "1.2億", "2026-11-26T09:30:00+09:00", "20261127"},
	{"J-5", "鈴木", "うみ食品", "基本プラン", "失注", "1,200,000円", "2026/11/1", "2026/11/20"},
	{"J-6", "鈴木", "やま運輸", "基本プラン", "提案", "1200000", "2026/11/2", "2026/12/24"},
}

// wantJapanese is the export of japaneseRows: id, owner, account, product,
// stage, outcome, created, closed, amount, lost_reason, forecast.
var wantJapanese = []string{
	"J-1,田中,株式会社あおば,基本プラン,受注,won,2026-11-26,2026-11-30,1200000,,",
	"J-2,田中,\"ひかり\n商事\",基本プラン,受注,won,2026-01-05,2026-11-26,1200000,,",
	"J-3,佐藤,みどり工業,上位プラン,受注,won,2026-11-26,2026-11-26,1200000,,",
	"J-4,佐藤,そら電機,上位プラン,受注,won,2026-11-26,2026-11-27,120000000,,",
	"J-5,鈴木,うみ食品,基本プラン,失注,lost,2026-11-01,2026-11-20,1200000,,",
	"J-6,鈴木,やま運輸,基本プラン,提案,open,2026-11-02,2026-12-24,1200000,,", // an open deal keeps its expected close date
}

func csvText(rows [][]string, sep string) string {
	var b strings.Builder
	for _, r := range rows {
		for i, c := range r {
			if i > 0 {
				b.WriteString(sep)
			}
			if strings.ContainsAny(c, ",\"\n") {
				c = `"` + strings.ReplaceAll(c, `"`, `""`) + `"`
			}
			b.WriteString(c)
		}
		b.WriteString("\r\n")
	}
	return b.String()
}

func exportLines(t *testing.T, db, kind string) []string {
	t.Helper()
	code, out, errOut := runKpit(t, "export", kind, "--db", db, "--no-bom")
	if code != 0 {
		t.Fatalf("export %s: %d %s", kind, code, errOut)
	}
	// Split records, not lines: quoted cells hold newlines.
	var recs []string
	var cur strings.Builder
	quoted := false
	for _, r := range strings.TrimSuffix(out, "\n") {
		if r == '"' {
			quoted = !quoted
		}
		if r == '\n' && !quoted {
			recs = append(recs, cur.String())
			cur.Reset()
			continue
		}
		cur.WriteRune(r)
	}
	return append(recs, cur.String())[1:]
}

func TestImportCP932AndBOMWithJapaneseHeaders(t *testing.T) {
	text := csvText(japaneseRows, ",")
	// Shift_JIS has no half-width yen sign apart from 0x5C, which x/text
	// reads back as a backslash, so the CP932 fixture writes the full-width one.
	sjis, err := japanese.ShiftJIS.NewEncoder().String(strings.ReplaceAll(text, "¥", "￥"))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"cp932.csv": []byte(sjis),
		"bom.csv":   append([]byte{0xEF, 0xBB, 0xBF}, text...),
		"plain.tsv": []byte(csvText(japaneseRows, "\t")),
	} {
		t.Run(name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "k.db")
			code, out, errOut := runKpit(t, "import", "opportunities", writeTemp(t, name, data), "--db", db, "--won", "受注", "--lost", "失注")
			if code != 0 || !strings.HasPrefix(out, "inserted 6, updated 0, unchanged 0, skipped 0; reps created 3") {
				t.Fatalf("import: %d %q %q", code, out, errOut)
			}
			got := exportLines(t, db, "opportunities")
			if strings.Join(got, "\n") != strings.Join(wantJapanese, "\n") {
				t.Errorf("records:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantJapanese, "\n"))
			}
		})
	}
}

func TestImportXLSXJapaneseSheet(t *testing.T) {
	f := excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", "表紙")
	f.NewSheet("商談一覧")
	for i, r := range japaneseRows {
		vals := make([]any, len(r))
		for j, c := range r {
			vals[j] = c
		}
		if i == 1 {
			// Real Excel cells: a number and a date.
			vals[5] = 1200000
			vals[6] = time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("商談一覧", cell, &vals)
	}
	p := filepath.Join(t.TempDir(), "商談.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "k.db")
	code, out, errOut := runKpit(t, "import", "opportunities", p, "--sheet", "商談一覧", "--db", db, "--won", "受注", "--lost", "失注")
	if code != 0 || !strings.HasPrefix(out, "inserted 6, updated 0, unchanged 0, skipped 0; reps created 3") {
		t.Fatalf("import: %d %q %q", code, out, errOut)
	}
	if got := exportLines(t, db, "opportunities"); strings.Join(got, "\n") != strings.Join(wantJapanese, "\n") {
		t.Errorf("records:\n%s", strings.Join(got, "\n"))
	}
	// Without --sheet the cover page is read, and it has no id column.
	code, _, errOut = runKpit(t, "import", "opportunities", p, "--db", db)
	if code == 0 || !strings.Contains(errOut, "no column for the required field id") {
		t.Errorf("first sheet: %d %q", code, errOut)
	}
}

func TestBadRowLeavesDatabaseAsBefore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	good := writeTemp(t, "good.csv", []byte(csvText(japaneseRows, ",")))
	if code, out, errOut := runKpit(t, "import", "opportunities", good, "--db", db); code != 0 {
		t.Fatalf("seed: %q %q", out, errOut)
	}
	before := dumpDB(t, db)
	// New records first, a changed one, then the bad row on physical line 5
	// (the quoted cell of row 3 spans lines 3-4), then more.
	rows := [][]string{
		japaneseRows[0],
		{"N-1", "新人", "あおば", "", "提案", "", "2026/11/3", ""},
		{"J-1", "田中", "改名\n株式会社", "基本プラン", "受注", "¥1,300,000", "2026-11-26", "2026/11/30"},
		{"N-2", "田中", "いろは", "", "受注", "-5", "2026/11/3", "2026/11/4"},
		{"N-3", "田中", "いろは", "", "提案", "", "2026/11/3", ""},
	}
	bad := writeTemp(t, "bad.csv", []byte(csvText(rows, ",")))
	code, out, errOut := runKpit(t, "import", "opportunities", bad, "--db", db)
	want := bad + `:5: column 金額: "-5": an amount cannot be negative` + "\n"
	if code == 0 || errOut != want || out != "" {
		t.Fatalf("bad import: %d %q\nstderr %q\nwant   %q", code, out, errOut, want)
	}
	if after := dumpDB(t, db); after != before {
		t.Errorf("a failed import changed the database")
	}

	// The same file with --dry-run fails the same way; with --skip-invalid
	// it reports the row and imports the rest.
	code, _, errOut = runKpit(t, "import", "opportunities", bad, "--db", db, "--dry-run")
	if code == 0 || errOut != want {
		t.Errorf("dry run: %d %q", code, errOut)
	}
	code, out, errOut = runKpit(t, "import", "opportunities", bad, "--db", db, "--skip-invalid", "--dry-run")
	if code != 0 || !strings.HasPrefix(out, "inserted 2, updated 1, unchanged 0, skipped 1; reps created 1\n") || errOut != want {
		t.Fatalf("dry run, skip invalid: %d %q %q", code, out, errOut)
	}
	if after := dumpDB(t, db); after != before {
		t.Errorf("a dry run changed the database")
	}
	code, out, errOut = runKpit(t, "import", "opportunities", bad, "--db", db, "--skip-invalid")
	if code != 0 || !strings.HasPrefix(out, "inserted 2, updated 1, unchanged 0, skipped 1; reps created 1\n") || errOut != want {
		t.Fatalf("skip invalid: %d %q %q", code, out, errOut)
	}
	if n := query(t, db, `SELECT count(*) FROM opportunities`); n != 8 {
		t.Errorf("opportunities = %d; want 6 + 2", n)
	}
	if n := query(t, db, `SELECT amount_yen FROM opportunities WHERE external_id = 'J-1'`); n != 1300000 {
		t.Errorf("J-1 amount = %d; want the update", n)
	}
}

func TestSkipInvalidReportsEveryRow(t *testing.T) {
	text := "id,owner,stage,amount,closed,created\n" +
		"A,x,Won,100,2026-01-02,2026-01-01\n" +
		"B,y,Won,-5,2026-01-02,2026-01-01\n" +
		"C,y,Won,5,2026-02-30,2026-01-01\n" +
		"D,z,Won,,2026-01-02,2026-01-01\n" +
		"E,z\n" +
		",z,open,,,2026-01-01\n"
	file := writeTemp(t, "s.csv", []byte(text))
	db := filepath.Join(t.TempDir(), "k.db")
	code, out, errOut := runKpit(t, "import", "opportunities", file, "--db", db, "--skip-invalid")
	wantErr := file + `:3: column amount: "-5": an amount cannot be negative` + "\n" +
		file + `:4: column closed: "2026-02-30" is not a day of the calendar` + "\n" +
		file + `:5: column amount: empty, but a won deal needs an amount` + "\n" +
		file + `:6: column stage: missing: the row has 2 fields, the header has 6` + "\n" +
		file + `:7: column id: empty, but id is required` + "\n"
	if code != 0 || !strings.HasPrefix(out, "inserted 1, updated 0, unchanged 0, skipped 5; reps created 1") || errOut != wantErr {
		t.Fatalf("%d %q\n%s\nwant\n%s", code, out, errOut, wantErr)
	}
}

func TestImportProfiles(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	file := writeTemp(t, "p.csv", []byte(pipelineCSV))
	code, out, _ := runKpit(t, "import", "opportunities", file, "--db", db, "--map", pipelineMap, "--won", "Won", "--lost", "Lost", "--save-profile", "crm", "--dry-run")
	if code != 0 || strings.Contains(out, "saved") {
		t.Fatalf("a dry run saved a profile: %q", out)
	}
	if code, _, errOut := runKpit(t, "import", "--profile", "crm", file, "--db", db); code == 0 || !strings.Contains(errOut, "--profile crm: no such profile") {
		t.Fatalf("unknown profile: %q", errOut)
	}
	if code, out, _ := runKpit(t, "import", "opportunities", file, "--db", db, "--map", pipelineMap, "--won", "Won", "--lost", "Lost", "--save-profile", "crm"); code != 0 || !strings.Contains(out, "profile crm saved") {
		t.Fatalf("save: %q", out)
	}
	// A renamed column: the profile's mapping, one field overridden.
	renamed := strings.Replace(pipelineCSV, "close_value", "amount_jpy", 1)
	code, out, errOut := runKpit(t, "import", writeTemp(t, "p2.csv", []byte(renamed)), "--profile", "crm", "--map", "amount=amount_jpy", "--db", db)
	if code != 0 || !strings.HasPrefix(out, "inserted 0, updated 0, unchanged 10,") {
		t.Fatalf("profile import: %d %q %q", code, out, errOut)
	}
	// --won given explicitly wins over the profile: nothing is won now.
	code, out, _ = runKpit(t, "import", "opportunities", file, "--profile", "crm", "--won", "Nothing", "--db", db, "--dry-run")
	if code != 0 || !strings.HasPrefix(out, "inserted 0, updated 8, unchanged 2,") {
		t.Fatalf("override: %d %q", code, out)
	}
	if code, _, errOut := runKpit(t, "import", "leads", file, "--profile", "crm", "--db", db); code == 0 || !strings.Contains(errOut, "for opportunities, not leads") {
		t.Fatalf("kind mismatch: %q", errOut)
	}
}

func TestImportHelpShowsExamples(t *testing.T) {
	code, out, _ := runKpit(t, "help", "import")
	if code != 0 || !strings.Contains(out, "Salesforce-style") || !strings.Contains(out, "HubSpot-style") || !strings.Contains(out, "--save-profile") {
		t.Fatalf("help: %q", out)
	}
}

func TestImportRefusesBadInput(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	file := writeTemp(t, "p.csv", []byte(pipelineCSV))
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"widgets", file}, `unknown kind "widgets"`},
		{[]string{"opportunities"}, "want KIND FILE"},
		{[]string{"opportunities", file, "--map", "foo=bar"}, `opportunities have no field "foo"`},
		{[]string{"opportunities", file, "--map", "amount=nope"}, `--map amount=nope: the file has no column "nope"`},
		{[]string{"opportunities", file, "--encoding", "latin1"}, "--encoding latin1: unknown encoding"},
		{[]string{"opportunities", file, "--sheet", "x"}, "is not an .xlsx file"},
		{[]string{"opportunities", filepath.Join(t.TempDir(), "none.csv")}, "no such file"},
		{[]string{"leads", file}, "no column for the required field id"},
	} {
		code, _, errOut := runKpit(t, append(append([]string{"import"}, c.args...), "--db", db)...)
		if code == 0 || !strings.Contains(errOut, c.want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: %d %q; want one line with %q", c.args, code, errOut, c.want)
		}
	}
}

// The two examples of 'kpit import -h', on files shaped like those exports.
func TestImportHelpExamplesWork(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	sfdc := writeTemp(t, "sfdc-opps.csv", []byte("Opportunity ID,Opportunity Name,Account Name,Opportunity Owner,Stage,Amount,Created Date,Close Date\n"+
		"0065g00000AbCdE,Renewal,Acme KK,Yamada Taro,Closed Won,\"1,200,000\",2026/10/01,2026/11/20\n"+
		"0065g00000AbCdF,New deal,Beta KK,Yamada Taro,Closed Lost,,2026/10/02,2026/11/21\n"+
		"0065g00000AbCdG,Upsell,Gamma KK,Sato Hanako,Negotiation,500000,2026/10/03,2026/12/24\n"))
	code, out, errOut := runKpit(t, "import", "opportunities", sfdc, "--won", "Closed Won", "--lost", "Closed Lost", "--save-profile", "sfdc", "--db", db)
	if code != 0 || !strings.HasPrefix(out, "inserted 3, updated 0, unchanged 0, skipped 0; reps created 2") {
		t.Fatalf("salesforce: %d %q %q", code, out, errOut)
	}
	if code, out, _ := runKpit(t, "import", sfdc, "--profile", "sfdc", "--db", db); code != 0 || !strings.HasPrefix(out, "inserted 0, updated 0, unchanged 3,") {
		t.Fatalf("salesforce profile: %q", out)
	}
	hubspot := writeTemp(t, "hubspot-deals.csv", []byte("Record ID,Deal Name,Deal Stage,Amount,Create Date,Close Date,Deal owner,Associated Company\n"+
		"9001,Acme renewal,Closed won,1200000,2026-10-01 09:12,2026-11-20 17:00,Suzuki Ichiro,Acme KK\n"+
		"9002,Beta pilot,Appointment scheduled,,2026-10-05 10:00,,Suzuki Ichiro,Beta KK\n"))
	code, out, errOut = runKpit(t, "import", "opportunities", hubspot, "--map", "id=Record ID,owner=Deal owner,account=Associated Company",
		"--won", "Closed won", "--lost", "Closed lost", "--save-profile", "hubspot", "--db", db)
	if code != 0 || !strings.HasPrefix(out, "inserted 2, updated 0, unchanged 0, skipped 0; reps created 1") {
		t.Fatalf("hubspot: %d %q %q", code, out, errOut)
	}
	// Revenue: 1,200,000 from each export's won deal.
	if got := query(t, db, `SELECT sum(amount_yen) FROM opportunities WHERE outcome = 'won'`); got != 2_400_000 {
		t.Errorf("won amount = %d; want 2,400,000", got)
	}
	// Gamma's expected close (2026/12/24) is kept; HubSpot's Beta pilot has none.
	if got := query(t, db, `SELECT count(*) FROM opportunities WHERE outcome = 'open' AND closed IS NULL`); got != 1 {
		t.Errorf("open deals without a close date = %d; want 1", got)
	}
	if got := query(t, db, `SELECT count(*) FROM opportunities WHERE outcome = 'open' AND closed = '2026-12-24'`); got != 1 {
		t.Errorf("open deals expected to close 2026-12-24 = %d; want 1", got)
	}
}

// Excel in Japan saves ¥ as the byte 0x5C in a Shift_JIS (CP932) file, which
// decodes as a backslash: the amount must still read as yen.
func TestImportCP932YenSign(t *testing.T) {
	header, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte("商談ID,担当者,フェーズ,金額,作成日,完了日\r\nY-1,山田,受注,\""))
	if err != nil {
		t.Fatal(err)
	}
	file := append(header, []byte("\x5c1,200,000\",2026/11/02,2026/11/20\r\n")...)
	db := filepath.Join(t.TempDir(), "k.db")
	code, out, errOut := runKpit(t, "import", "opportunities", writeTemp(t, "sjis.csv", file), "--db", db)
	if code != 0 || !strings.HasPrefix(out, "inserted 1,") {
		t.Fatalf("import: %d %q %q", code, out, errOut)
	}
	if got := query(t, db, `SELECT amount_yen FROM opportunities WHERE external_id = 'Y-1'`); got != 1_200_000 {
		t.Errorf("amount = %d; want 1,200,000", got)
	}
}
