package catalog

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"
	"testing"

	"github.com/kpit-dev/kpit/model"
)

// TestErrorLine: typed errors are worded in each language, a wrapper keeps
// its prefix with its cause worded, and an error the catalogue does not
// know is its own text in both.
func TestErrorLine(t *testing.T) {
	readOnly := model.Refused(model.RefuseDBNamed, "/data/kpit.db", model.Refused(model.RefuseDBReadOnly))
	for _, c := range []struct {
		err    error
		ja, en string
	}{
		{model.BadFlag("kind", model.RefuseUnknownKind, "foo", model.Choices{"visit", "call", "email"}),
			`--kind: 不明な種類 "foo" (visit、call、email のいずれか)`,
			`--kind: unknown kind "foo" (want visit, call or email)`},
		{model.BadFlag("rep", model.RefuseUnknownRep, "x", model.Names(nil)),
			`--rep: 担当者 "x" は登録されていません (登録済み: まだありません)`,
			`--rep: unknown rep "x" (known: none yet)`},
		{readOnly,
			"データベース /data/kpit.db: データベースファイルは読み取り専用です",
			"database /data/kpit.db: the database file is read-only"},
		{fmt.Errorf("save the goal: %w", readOnly),
			"save the goal: データベース /data/kpit.db: データベースファイルは読み取り専用です",
			"save the goal: database /data/kpit.db: the database file is read-only"},
		{&fs.PathError{Op: "open", Path: "/in/deals.csv", Err: syscall.ENOENT},
			"/in/deals.csv: ファイルがありません",
			"/in/deals.csv: no such file or directory"},
		{&fs.PathError{Op: "open", Path: "/in/deals.csv", Err: syscall.EACCES},
			"/in/deals.csv: アクセスする権限がありません",
			"/in/deals.csv: permission denied"},
		{&model.MoneyError{Problem: model.MoneyNotAmount, Value: "abc", Currency: model.JPY},
			`"abc" は金額 (円) ではありません`,
			`"abc" is not an amount of yen`},
		{errors.New("something else entirely"), "something else entirely", "something else entirely"},
	} {
		if got := ErrorLine(LangJA, c.err); got != c.ja {
			t.Errorf("ja: %q, want %q", got, c.ja)
		}
		if got := ErrorLine(LangEN, c.err); got != c.en {
			t.Errorf("en: %q, want %q", got, c.en)
		}
	}
	// Wrapped typed refusals are still found by errors.Is.
	if !errors.Is(readOnly, readOnly.Args[1].(error)) {
		t.Error("a named refusal hides its cause from errors.Is")
	}
}

// TestFailureWordsTheDatabaseInJapanese: the cockpit's error line names a
// busy database in Japanese rather than only saying that something failed.
func TestFailureWordsTheDatabaseInJapanese(t *testing.T) {
	err := fmt.Errorf("load: %w", model.Refused(model.RefuseDBBusy))
	if got, want := Failure(LangJA, err), "データベースは別の kpit が使用中です。しばらくしてからやり直してください"; got != want {
		t.Errorf("ja: %q, want %q", got, want)
	}
	if got := Failure(LangJA, errors.New("disk I/O error")); got != msgFailure.JA {
		t.Errorf("ja, untyped: %q", got)
	}
}

// TestWrappedCausesAreWorded: a line that names a file or a flag and then
// the cause words the cause in Japanese too (a file system's answer on its
// own, a failed write of JSON, a copy between databases); in English it
// is the error's own text.
func TestWrappedCausesAreWorded(t *testing.T) {
	for _, c := range []struct {
		err    error
		ja, en string
	}{
		{fmt.Errorf("--out %s: %w", "/x/report.csv", syscall.EACCES),
			"--out /x/report.csv: アクセスする権限がありません", "--out /x/report.csv: permission denied"},
		{fmt.Errorf("--out %s: %w", "/x/report.csv", syscall.ENOENT),
			"--out /x/report.csv: ファイルかディレクトリがありません", "--out /x/report.csv: no such file or directory"},
		{model.Refused(model.RefuseWriteJSON, syscall.ENOSPC),
			"JSON を書き出せません: ディスクに空きがありません", "write json: no space left on device"},
		{model.Refused(model.RefuseWriteFile, "/x/r.csv", &fs.PathError{Op: "write", Path: "/x/.r.csv.1.tmp", Err: syscall.ENOSPC}),
			"/x/r.csv に書き込めません: /x/.r.csv.1.tmp: ディスクに空きがありません", "write /x/r.csv: /x/.r.csv.1.tmp: no space left on device"},
		{model.Refused(model.RefuseMigrateCopy, "kpit.db", "postgres://kpit@db/team", model.Refused(model.RefuseDBBusy)),
			"kpit.db から postgres://kpit@db/team へ移せませんでした: データベースは別の kpit が使用中です。しばらくしてからやり直してください",
			"kpit.db → postgres://kpit@db/team: the database is busy with another kpit; try again"},
	} {
		if got := ErrorLine(LangJA, c.err); got != c.ja {
			t.Errorf("ja %q, want %q", got, c.ja)
		}
		if got := ErrorLine(LangEN, c.err); got != c.en {
			t.Errorf("en %q, want %q", got, c.en)
		}
		if run := EnglishRun(c.ja); run != "" {
			t.Errorf("English %q in %q", run, c.ja)
		}
	}
}

// TestCountsAreGroupedAndCounted: a count a refusal names is grouped in
// both languages, its English noun singular for one and plural otherwise,
// its Japanese with the counter (no plural); Error() is the English line.
func TestCountsAreGroupedAndCounted(t *testing.T) {
	busy := errors.New("busy")
	for _, c := range []struct {
		n      int64
		en, ja string
	}{
		{0, "an import of 0 records (process 42,", "別の kpit が 0件を取り込んでいて (プロセス 42、"},
		{1, "an import of 1 record (process 42,", "別の kpit が 1件を取り込んでいて (プロセス 42、"},
		{2, "an import of 2 records (process 42,", "別の kpit が 2件を取り込んでいて (プロセス 42、"},
		{999, "an import of 999 records (process 42,", "別の kpit が 999件を取り込んでいて"},
		{1000, "an import of 1,000 records (process 42,", "別の kpit が 1,000件を取り込んでいて"},
		{200000, "an import of 200,000 records (process 42,", "別の kpit が 200,000件を取り込んでいて"},
		{1234567, "an import of 1,234,567 records (process 42,", "別の kpit が 1,234,567件を取り込んでいて"},
	} {
		err := model.Refused(model.RefuseDBBusyImport, model.Count{N: c.n, Noun: model.CountRecord}, 42, "04:05:06", "200ms", busy)
		if en := ErrorLine(LangEN, err); !strings.Contains(en, c.en) || en != err.Error() {
			t.Errorf("%d en: %q (Error %q); want %q in it", c.n, en, err.Error(), c.en)
		}
		if ja := ErrorLine(LangJA, err); !strings.Contains(ja, c.ja) {
			t.Errorf("%d ja: %q; want %q in it", c.n, ja, c.ja)
		}
	}
	full := model.Refused(model.RefuseDBNotWrittenFull, model.Count{N: 1048576, Noun: model.CountByte}, "/mnt/small")
	if got, want := ErrorLine(LangEN, full), "could not be written: the disk is full (1,048,576 bytes free in /mnt/small); nothing was saved"; got != want {
		t.Errorf("en full %q, want %q", got, want)
	}
	if got, want := ErrorLine(LangJA, full), "書き込めませんでした: ディスクがいっぱいです (/mnt/small の空きは 1,048,576バイト)。何も保存されていません"; got != want {
		t.Errorf("ja full %q, want %q", got, want)
	}
	long := model.Refuse("note", model.RefuseTooLong, model.Count{N: 12000, Noun: model.CountCharacter}, model.Count{N: 10000, Noun: model.CountNumber}, model.LimitTextChars)
	if got, want := ErrorLine(LangEN, long), "note: 12,000 characters is more than the limit of 10,000 (raise text_chars under [limits] in the config file)"; got != want {
		t.Errorf("en too long %q, want %q", got, want)
	}
	if got, want := ErrorLine(LangJA, long), "メモ: 12,000文字は上限 10,000文字を超えています (設定ファイルの [limits] の text_chars で上げられます)"; got != want {
		t.Errorf("ja too long %q, want %q", got, want)
	}
	one := model.Refused(model.RefuseDBNotWrittenLimit, model.Count{N: 1, Noun: model.CountByte})
	if got, want := ErrorLine(LangEN, one), "could not be written: a file size limit of 1 byte (ulimit -f) stops it or its -wal file growing; nothing was saved"; got != want {
		t.Errorf("en limit %q, want %q", got, want)
	}
}
