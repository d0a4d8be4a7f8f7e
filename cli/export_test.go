package cli

import (
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A small company of every kind, in Japanese headers and words.
var roundTripFiles = []struct{ kind, name, text string }{
	{"reps", "reps.csv", "名前,部署,在籍\n山田,マーケティング,在籍\n伊藤,インサイドセールス,在籍\n田中,フィールドセールス,在籍\n佐藤,営業,退職\n高橋,カスタマーサクセス,在籍\n"},
	{"opportunities", "opps.csv", csvText(japaneseRows, ",")},
	{"activities", "acts.csv", "日付,担当者,種別,件数,通話数,取引先,商談ID,メモ\n" +
		"2026/11/2,田中,訪問,2,,株式会社あおば,J-1,初回\n" +
		"2026/11/2,田中,訪問,2,,株式会社あおば,J-1,初回\n" + // the same visit twice: two records
		"2026/11/3,伊藤,架電,15,4,,,\n" + // 4 of the 15 calls connected
		"2026/11/4,佐藤,提案,1,,みどり工業,J-3,\"見積\n再提出\"\n"},
	{"leads", "leads.csv", "リードID,会社名,氏名,流入元,担当者,作成日,ステータス,MQL日,SQL日,商談化日,受注日\n" +
		"L-1,あおば,青葉 一郎,展示会,伊藤,2026/10/1,,2026/10/5,,,\n" +
		"L-2,ひかり,光 花子,広告,,2026/10/2,,2026/10/6,2026/10/9,,\n" +
		"L-3,そら,空 太郎,Web,伊藤,2026/10/3,失格,,,,\n" +
		"L-4,みどり,緑 次郎,紹介,伊藤,2026/10/4,,2026/10/5,2026/10/7,2026/10/12,2026/10/30\n"},
	{"customers", "custs.csv", "顧客ID,顧客名,担当者,契約開始日,解約日,月額\n" +
		"C-1,株式会社あおば,高橋,2026/4/1,,\"¥50,000\"\n" +
		"C-2,うみ食品,高橋,2025/4/1,2026/9/30,3万円\n"},
	// The customer-success records, after the customers usage checks name.
	{"nps", "nps.csv", "回答ID,回答日,スコア,会社名,コメント\n" +
		"N-1,2026/11/2,10,株式会社あおば,\"早い, 丁寧\"\n" +
		",2026/11/3,３点,うみ食品,\n"}, // no id: one is derived; a full-width score
	{"usage", "usage.csv", "顧客名,確認日,利用状況\n株式会社あおば,2026/11/20,利用中\n株式会社あおば,2026/11/25,未利用\n"},
	{"inquiries", "inquiries.csv", "問い合わせID,顧客名,受付日時,初回回答日時\n" +
		"Q-1,株式会社あおば,2026-11-20T10:30:00+09:00,2026-11-20T11:15:00+09:00\n" +
		"Q-2,,2026-11-24T09:00:00+09:00,\n"},
	{"campaigns", "campaigns.csv", "配信ID,配信名,配信日,送信数,開封数\nM-1,11月号,2026/11/10,\"1,200\",480\nM-2,ウェビナー案内,2026/11/17,800,0\n"},
}

func importAll(t *testing.T, db string, files map[string]string) {
	t.Helper()
	for _, f := range roundTripFiles {
		code, out, errOut := runKpit(t, "import", f.kind, files[f.kind], "--db", db)
		if code != 0 {
			t.Fatalf("import %s: %q %q", f.kind, out, errOut)
		}
	}
}

func TestExportRoundTrip(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "k.db")
	files := map[string]string{}
	for _, f := range roundTripFiles {
		files[f.kind] = writeTemp(t, f.name, []byte(f.text))
	}
	importAll(t, db, files)

	// What the Japanese words became, checked by hand.
	reps := strings.Join(exportLines(t, db, "reps"), "\n")
	// By department then name; 鈴木 was created by the opportunities.
	wantReps := "高橋,customer_success,yes\n佐藤,field_sales,no\n田中,field_sales,yes\n鈴木,field_sales,yes\n伊藤,inside_sales,yes\n山田,marketing,yes"
	if reps != wantReps {
		t.Errorf("reps:\n%s\nwant\n%s", reps, wantReps)
	}
	if got := query(t, db, `SELECT sum(value) FROM rollup_daily WHERE metric = 'visits'`); got != 4 {
		t.Errorf("visits = %d; want 2+2", got)
	}
	if got := query(t, db, `SELECT sum(value) FROM rollup_daily WHERE metric = 'calls'`); got != 15 {
		t.Errorf("calls = %d; want 15", got)
	}
	if got := query(t, db, `SELECT sum(value) FROM rollup_daily WHERE metric = 'connects'`); got != 4 {
		t.Errorf("connected calls = %d; want 4", got)
	}
	leads := strings.Join(exportLines(t, db, "leads"), "\n")
	wantLeads := "L-1,あおば,青葉 一郎,展示会,伊藤,2026-10-01,mql,2026-10-05,,,,\n" +
		"L-2,ひかり,光 花子,広告,,2026-10-02,sql,2026-10-06,2026-10-09,,,\n" +
		"L-3,そら,空 太郎,Web,伊藤,2026-10-03,disqualified,,,,,\n" +
		"L-4,みどり,緑 次郎,紹介,伊藤,2026-10-04,converted,2026-10-05,2026-10-07,2026-10-12,,2026-10-30"
	if leads != wantLeads {
		t.Errorf("leads:\n%s\nwant\n%s", leads, wantLeads)
	}
	custs := strings.Join(exportLines(t, db, "customers"), "\n")
	if want := "C-1,株式会社あおば,高橋,2026-04-01,,50000\nC-2,うみ食品,高橋,2025-04-01,2026-09-30,30000"; custs != want {
		t.Errorf("customers:\n%s\nwant\n%s", custs, want)
	}
	// The customer-success records as the files above give them, in the
	// export's columns (import fields, in order) and words.
	if got, want := exportLines(t, db, "nps"), []string{"N-1,2026-11-02,10,株式会社あおば,\"早い, 丁寧\"", ",2026-11-03,3,うみ食品,"}; len(got) != 2 ||
		got[0] != want[0] || !strings.HasPrefix(got[1], "auto-2026-11-03-") || !strings.HasSuffix(got[1], want[1]) {
		t.Errorf("nps:\n%s\nwant\n%s (the second with a derived id)", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	usage := exportLines(t, db, "usage")
	if len(usage) != 2 || !strings.HasSuffix(usage[0], ",株式会社あおば,2026-11-20,yes") || !strings.HasSuffix(usage[1], ",株式会社あおば,2026-11-25,no") {
		t.Errorf("usage:\n%s", strings.Join(usage, "\n"))
	}
	inquiries := exportLines(t, db, "inquiries")
	instant := func(cell string, want string) bool {
		a, errA := time.Parse(time.RFC3339, cell)
		b, _ := time.Parse(time.RFC3339, want)
		return errA == nil && a.Equal(b)
	}
	if len(inquiries) != 2 {
		t.Errorf("inquiries:\n%s", strings.Join(inquiries, "\n"))
	} else if q1, q2 := strings.Split(inquiries[0], ","), strings.Split(inquiries[1], ","); q1[0] != "Q-1" || q1[1] != "株式会社あおば" ||
		!instant(q1[2], "2026-11-20T10:30:00+09:00") || !instant(q1[3], "2026-11-20T11:15:00+09:00") ||
		q2[0] != "Q-2" || q2[1] != "" || !instant(q2[2], "2026-11-24T09:00:00+09:00") || q2[3] != "" {
		t.Errorf("inquiries (the same instants in any zone):\n%s", strings.Join(inquiries, "\n"))
	}
	if got, want := strings.Join(exportLines(t, db, "campaigns"), "\n"), "M-1,11月号,2026-11-10,1200,480\nM-2,ウェビナー案内,2026-11-17,800,0"; got != want {
		t.Errorf("campaigns:\n%s\nwant\n%s", got, want)
	}
	acts := exportLines(t, db, "activities")
	if len(acts) != 4 || !strings.HasSuffix(acts[3], ",proposal,1,0,みどり工業,J-3,\"見積\n再提出\"") {
		t.Errorf("activities:\n%s", strings.Join(acts, "\n"))
	}

	// Export every kind as CSV (with BOM) and as xlsx, import each into a
	// fresh database without any mapping, and compare.
	for _, format := range []string{"csv", "xlsx"} {
		fresh := filepath.Join(t.TempDir(), "fresh.db")
		exported := map[string]string{}
		for _, f := range roundTripFiles {
			out := filepath.Join(t.TempDir(), f.kind+"."+format)
			if code, _, errOut := runKpit(t, "export", f.kind, "--format", format, "--out", out, "--db", db); code != 0 {
				t.Fatalf("export %s %s: %s", format, f.kind, errOut)
			}
			exported[f.kind] = out
		}
		importAll(t, fresh, exported)
		for _, f := range roundTripFiles {
			a, b := exportLines(t, db, f.kind), exportLines(t, fresh, f.kind)
			if strings.Join(a, "\n") != strings.Join(b, "\n") {
				t.Errorf("%s round trip of %s:\n%s\nbecame\n%s", format, f.kind, strings.Join(a, "\n"), strings.Join(b, "\n"))
			}
		}
		if a, b := query(t, db, `SELECT sum(value) FROM rollup_daily`), query(t, fresh, `SELECT sum(value) FROM rollup_daily`); a != b {
			t.Errorf("%s round trip: roll-up total %d became %d", format, a, b)
		}
	}

	// JSON: one object per record, numbers as numbers, empty as null.
	code, out, _ := runKpit(t, "export", "opportunities", "--format", "json", "--db", db)
	var objs []map[string]any
	if err := json.Unmarshal([]byte(out), &objs); code != 0 || err != nil || len(objs) != 6 {
		t.Fatalf("json: %d %v %d", code, err, len(objs))
	}
	if objs[3]["amount"] != float64(120000000) || objs[5]["closed"] != "2026-12-24" || objs[1]["account"] != "ひかり\n商事" {
		t.Errorf("json objects: %v", objs)
	}

	// An inquiry's opened is a moment (a string), a campaign's a count.
	code, out, _ = runKpit(t, "export", "inquiries", "--format", "json", "--db", db)
	objs = nil
	if err := json.Unmarshal([]byte(out), &objs); code != 0 || err != nil || len(objs) != 2 || objs[1]["answered"] != nil {
		t.Fatalf("inquiries json: %d %v %v", code, err, objs)
	}
	if opened, ok := objs[0]["opened"].(string); !ok || !instant(opened, "2026-11-20T10:30:00+09:00") {
		t.Errorf("inquiry opened in json = %#v", objs[0]["opened"])
	}
	code, out, _ = runKpit(t, "export", "campaigns", "--format", "json", "--db", db)
	objs = nil
	if err := json.Unmarshal([]byte(out), &objs); code != 0 || err != nil || len(objs) != 2 || objs[0]["opened"] != float64(480) ||
		objs[0]["sent"] != float64(1200) {
		t.Fatalf("campaigns json: %d %v %v", code, err, objs)
	}

	// CSV starts with a BOM unless --no-bom.
	_, withBOM, _ := runKpit(t, "export", "reps", "--db", db)
	if !strings.HasPrefix(withBOM, "\ufeffname,department,active\n") {
		t.Errorf("csv header: %q", withBOM[:30])
	}
}

func TestExportRefusesBadInput(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	runKpit(t, "import", "reps", writeTemp(t, "r.csv", []byte("name\n田中\n")), "--db", db)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"widgets"}, `unknown kind "widgets"`},
		{[]string{"reps", "--format", "pdf"}, `--format "pdf": want csv, xlsx or json`},
		{[]string{"reps", "--out", filepath.Join(t.TempDir(), "no", "such", "dir.csv")}, "--out"},
		{[]string{}, "want one KIND"},
	} {
		code, _, errOut := runKpit(t, append(append([]string{"export"}, c.args...), "--db", db)...)
		if code == 0 || !strings.Contains(errOut, c.want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: %d %q; want one line with %q", c.args, code, errOut, c.want)
		}
	}
	if code, _, errOut := runKpit(t, "export", "reps", "--db", filepath.Join(t.TempDir(), "none.db")); code == 0 || !strings.Contains(errOut, "does not exist") {
		t.Errorf("missing database: %q", errOut)
	}
}

func TestExportLeavesOutDeletedRecordsAndWritesWhole(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "k.db")
	if code, out, errOut := runKpit(t, "import", "opportunities", writeTemp(t, "p.csv", []byte(pipelineCSV)), "--db", db); code != 0 {
		t.Fatalf("import: %q %q", out, errOut)
	}
	conn, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(`UPDATE opportunities SET deleted_at = '2026-11-26T00:00:00Z' WHERE external_id IN ('Z063OYW0', 'HAXMC4IX')`); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	outDir := t.TempDir()
	out := filepath.Join(outDir, "opps.csv")
	if code, _, errOut := runKpit(t, "export", "opportunities", "--out", out, "--db", db); code != 0 {
		t.Fatalf("export: %s", errOut)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	if n := strings.Count(text, "\n"); n != 1+8 || strings.Contains(text, "Z063OYW0") || strings.Contains(text, "HAXMC4IX") {
		t.Errorf("export has %d lines (want header + 8), deleted ids present: %v", n, strings.Contains(text, "Z063OYW0"))
	}
	// Only the finished file is left: the temporary file was renamed.
	entries, _ := os.ReadDir(outDir)
	if len(entries) != 1 || entries[0].Name() != "opps.csv" {
		t.Errorf("files beside the export: %v", entries)
	}
}
