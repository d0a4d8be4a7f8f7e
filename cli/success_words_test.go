package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/kpit-dev/kpit/catalog"
)

// successRuns are the commands that record or import something, run on a
// copy of the demo, each with the Japanese and the English lines that must
// be on its output (the English as the commands have always printed it,
// which scripts read; figures worked out from what the command was given).
func successRuns(t *testing.T) []struct {
	args   []string
	ja, en []string
} {
	db := demoCopy(t)
	dir := t.TempDir()
	deals := filepath.Join(dir, "deals.csv")
	csv := "id,owner,stage,created,closed,amount\n" +
		"S-1,田中 恵,Closed-Won,,2026-11-10,100\n" +
		"S-2,田中 恵,交渉,2026-11-01,,\n" +
		"S-3,田中 恵,交渉,2026-11-02,,\n" +
		"S-4,田中 恵,,2026-11-03,,\n"
	if err := os.WriteFile(deals, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	won := filepath.Join(dir, "won.csv")
	if err := os.WriteFile(won, []byte("id,owner,stage,created,closed,amount\nW-1,田中 恵,受注,2026-11-01,2026-11-10,100\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fresh := filepath.Join(dir, "demo.db")
	return []struct {
		args   []string
		ja, en []string
	}{
		{[]string{"add", "activity", "--db", db, "--kind", "call", "--rep", "田中 恵", "--count", "3", "--today", "2026-11-26"},
			[]string{"を記録しました: 架電 3件、田中 恵、2026-11-26"}, []string{": call 3, 田中 恵, 2026-11-26"}},
		{[]string{"add", "opportunity", "--db", db, "--id", "X1", "--rep", "田中 恵", "--account", "ACME", "--amount", "120万", "--forecast", "A", "--today", "2026-11-26"},
			[]string{"商談 X1 を登録しました: ACME、田中 恵、進行中、¥1,200,000、確度A (コミット)"},
			[]string{"added opportunity X1: ACME, 田中 恵, open, 1200000 yen, forecast commit"}},
		{[]string{"add", "opportunity", "--db", db, "--id", "X1", "--outcome", "lost", "--today", "2026-11-26"},
			[]string{"商談 X1 を更新しました: ACME、田中 恵、失注、¥1,200,000、確度A (コミット)"},
			[]string{"updated opportunity X1: ACME, 田中 恵, lost, 1200000 yen, forecast commit"}},
		{[]string{"add", "lead", "--db", db, "--company", "株式会社ABC", "--contact", "山田", "--today", "2026-11-26"},
			[]string{"を登録しました: 株式会社ABC 山田"}, []string{": 株式会社ABC 山田"}},
		{[]string{"add", "nps", "--db", db, "--score", "9", "--today", "2026-11-26"},
			[]string{"を記録しました: 9点、-、2026-11-26"}, []string{": score 9, -, 2026-11-26"}},
		{[]string{"add", "campaign", "--db", db, "--name", "秋の案内", "--sent", "1000", "--opened", "200", "--date", "2026-11-20", "--today", "2026-11-26"},
			[]string{"を記録しました: 秋の案内、2026-11-20、送信 1000通、開封 200通"}, []string{": 秋の案内, 2026-11-20, 1000 sent, 200 opened"}},
		// Four deals: S-1 won (its created date from its close date), two
		// in 交渉 and one without a stage read as open.
		{[]string{"import", "opportunities", deals, "--db", db, "--today", "2026-11-26", "--dry-run"},
			[]string{"追加 4件、更新 0件、変更なし 0件、スキップ 0件、担当者の新規作成 0人", "作成日を完了日で補った商談: 1件",
				"進行中として読んだフェーズ: 交渉 2件、(フェーズなし) 1件 (", "--dry-run のため何も書き込んでいません"},
			[]string{"inserted 4, updated 0, unchanged 0, skipped 0; reps created 0\ncreated date taken from the close date: 1\n" +
				"read as open: 交渉 2, (no stage) 1 (a won or lost stage here needs --won or --lost)\ndry run: nothing was written\n"}},
		{[]string{"import", "opportunities", deals, "--db", db, "--today", "2026-11-26", "--save-profile", "週次"},
			[]string{"追加 4件、", "プロファイル 週次 を保存しました (次回から: kpit import --profile 週次 ファイル)"},
			[]string{"profile 週次 saved (use: kpit import --profile 週次 FILE)\n"}},
		// No deal read as open: the line says so, without the hint.
		{[]string{"import", "opportunities", won, "--db", db, "--today", "2026-11-26", "--dry-run"},
			[]string{"追加 1件、", "作成日を完了日で補った商談: 0件\n進行中として読んだフェーズ: なし\n"},
			[]string{"inserted 1, updated 0, unchanged 0, skipped 0; reps created 0\ncreated date taken from the close date: 0\nread as open: none\ndry run: nothing was written\n"}},
		{[]string{"demo", "--db", fresh, "--today", "2026-11-26"},
			[]string{"デモのデータベースを " + fresh + " に作成しました (シード 1、履歴は 2026-11-26 まで)", "デモ会社: 担当者 ", "開くには: kpit --db " + fresh},
			[]string{"demo database written to " + fresh + " (seed 1, history to 2026-11-26)\ndemo company: ", "\nopen it with: kpit --db " + fresh + "\n"}},
	}
}

// TestSuccessLinesAreWordedInJapanese: what kpit add, import and demo say
// they did is Japanese under --lang ja (no English left once the paths and
// the values typed are taken out), and under --lang en the lines scripts
// read, as they were. The English runs second, on the records the
// Japanese run wrote: the opportunity is updated again, the import finds
// what the first one wrote, so each English run gets its own database.
func TestSuccessLinesAreWordedInJapanese(t *testing.T) {
	paths := regexp.MustCompile(`/\S+`)
	for _, c := range successRuns(t) {
		cmd := strings.Join(c.args, " ")
		code, out, errOut := kpitRun(append(c.args, "--lang", "ja")...)
		if code != exitOK {
			t.Errorf("kpit %s --lang ja: exit %d, %q", cmd, code, errOut)
			continue
		}
		for _, w := range c.ja {
			if !strings.Contains(out, w) {
				t.Errorf("kpit %s --lang ja: %q is not in\n%s", cmd, w, out)
			}
		}
		for _, line := range strings.Split(out, "\n") {
			if run := catalog.EnglishRun(paths.ReplaceAllString(line, "＿")); run != "" {
				t.Errorf("kpit %s --lang ja: English %q in %q", cmd, run, line)
			}
		}
	}
	for _, c := range successRuns(t) {
		cmd := strings.Join(c.args, " ")
		code, out, errOut := kpitRun(append(c.args, "--lang", "en")...)
		if code != exitOK {
			t.Errorf("kpit %s --lang en: exit %d, %q", cmd, code, errOut)
			continue
		}
		for _, w := range c.en {
			if !strings.Contains(out, w) {
				t.Errorf("kpit %s --lang en: %q is not in\n%s", cmd, w, out)
			}
		}
	}
}

// TestImportRowErrorsAreWordedInJapanese: kpit import's refusals of rows
// (each on its line of stderr, the file and line first) are Japanese under
// --lang ja, naming the field by its Japanese label where the file has no
// column of that name, and under --lang en the lines they always were.
func TestImportRowErrorsAreWordedInJapanese(t *testing.T) {
	db := demoCopy(t)
	file := filepath.Join(t.TempDir(), "rows.csv")
	text := "id,owner,amount,closed,stage\n" +
		"D-1,田中 恵,abc円,,\n" + // line 2: not an amount
		"D-2,,100,,\n" + // line 3: no owner
		"D-3,田中 恵,100,2026-02-30,won\n" + // line 4: no such day
		"D-4,田中 恵,100\n" // line 5: two fields short
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"import", "opportunities", file, "--db", db, "--today", "2026-11-26", "--dry-run", "--skip-invalid"}
	for _, c := range []struct {
		lang  string
		lines []string
	}{
		{"ja", []string{
			file + `:2行目: 列「金額」: "abc円" は金額として読めません`,
			file + `:3行目: 列「担当者」: 空です (担当者 は必須です)`,
			file + `:4行目: 列「完了日」: "2026-02-30" は暦にない日付です`,
			file + `:5行目: 列「closed」: 足りません: この行は3列、見出しは5列です`,
		}},
		{"en", []string{
			file + `:2: column amount: "abc円" is not an amount of yen`,
			file + `:3: column owner: empty, but owner is required`,
			file + `:4: column closed: "2026-02-30" is not a day of the calendar`,
			file + `:5: column closed: missing: the row has 3 fields, the header has 5`,
		}},
	} {
		code, _, errOut := kpitRun(append(args, "--lang", c.lang)...)
		if code != exitOK {
			t.Errorf("--lang %s: exit %d, %q", c.lang, code, errOut)
		}
		if want := strings.Join(c.lines, "\n") + "\n"; errOut != want {
			t.Errorf("--lang %s:\n got %q\nwant %q", c.lang, errOut, want)
		}
		if c.lang == "ja" {
			for _, line := range c.lines {
				if run := catalog.EnglishRun(strings.TrimPrefix(line, file)); run != "" {
					t.Errorf("English %q in %q", run, line)
				}
			}
		}
	}
	// Without --skip-invalid the first refusal ends the import, exit 1.
	code, _, errOut := kpitRun("import", "opportunities", file, "--db", db, "--today", "2026-11-26", "--lang", "ja")
	if want := file + `:2行目: 列「金額」: "abc円" は金額として読めません` + "\n"; code != exitFail || errOut != want {
		t.Errorf("exit %d, %q; want exit %d, %q", code, errOut, exitFail, want)
	}
}

// helpCommands are the commands and subcommands whose -h lists flags.
var helpCommands = [][]string{{"plan"}, {"tree"}, {"forecast"}, {"report"}, {"demo"}, {"add", "activity"},
	{"add", "opportunity"}, {"add", "lead"}, {"add", "nps"}, {"add", "usage"}, {"add", "inquiry"}, {"add", "campaign"},
	{"rules"}, {"alerts"}, {"import"}, {"export"}, {"review"}, {"lead", "move"}, {"funnel"}, {"kpi", "list"},
	{"kpi", "set"}, {"kpi", "history"}, {"backup"}, {"restore"}, {"migrate"}, {"doctor"}, {"users", "add"},
	{"users", "list"}, {"users", "remove"}, {"serve"}, {}}

// TestHelpIsWordedInJapanese: kpit help and every command's -h describe
// the commands and flags in Japanese under --lang ja (no English once the
// quoted values are taken out), listing the same flags with the same value
// names as the English, whose text is the flag package's own.
func TestHelpIsWordedInJapanese(t *testing.T) {
	quoted := regexp.MustCompile(`"(?:[^"\\]|\\.)*"|'[^']*'`)
	command := regexp.MustCompile(`^  [a-z]+ +`) // a command's name, then what it does
	code, out, _ := kpitRun("help", "--lang", "ja")
	if code != exitOK {
		t.Fatalf("kpit help --lang ja: exit %d", code)
	}
	for _, line := range strings.Split(out, "\n") {
		if run := catalog.EnglishRun(quoted.ReplaceAllString(command.ReplaceAllString(line, ""), "＿")); run != "" {
			t.Errorf("kpit help: English %q in %q", run, line)
		}
	}
	for _, cmd := range helpCommands {
		args := append(append([]string{}, cmd...), "-h")
		_, jaOut, jaErr := kpitRun(append(args, "--lang", "ja")...)
		_, enOut, enErr := kpitRun(append(args, "--lang", "en")...)
		ja, en := jaOut+jaErr, enOut+enErr
		// What the command does, between its synopsis and its flags
		// (examples, which are commands to type, aside).
		head, _, _ := strings.Cut(ja, "\nフラグ:\n")
		if _, about, ok := strings.Cut(head, "\n\n"); ok {
			for _, line := range strings.Split(about, "\n") {
				if strings.HasPrefix(line, "  kpit ") {
					continue
				}
				if run := catalog.EnglishRun(quoted.ReplaceAllString(line, "＿")); run != "" {
					t.Errorf("kpit %s: English %q in %q", strings.Join(args, " "), run, line)
				}
			}
		}
		var jaFlags, enFlags []string
		for _, line := range strings.Split(ja, "\n") {
			switch {
			case strings.HasPrefix(line, "  -"):
				jaFlags = append(jaFlags, line)
			case strings.HasPrefix(line, "    \t"):
				if run := catalog.EnglishRun(quoted.ReplaceAllString(line, "＿")); run != "" {
					t.Errorf("kpit %s: English %q in %q", strings.Join(args, " "), run, line)
				}
			}
		}
		for _, line := range strings.Split(en, "\n") {
			if strings.HasPrefix(line, "  -") {
				enFlags = append(enFlags, line)
			}
		}
		if len(jaFlags) == 0 || strings.Join(jaFlags, "\n") != strings.Join(enFlags, "\n") {
			t.Errorf("kpit %s: flags\n%s\nin Japanese, in English\n%s", strings.Join(args, " "), strings.Join(jaFlags, "\n"), strings.Join(enFlags, "\n"))
		}
		if !strings.Contains(en, "\nFlags:\n") {
			t.Errorf("kpit %s --lang en: no Flags: heading in\n%s", strings.Join(args, " "), en)
		}
	}
}
