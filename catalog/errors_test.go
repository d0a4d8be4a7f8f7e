package catalog

import (
	"errors"
	"fmt"
	"io/fs"
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
