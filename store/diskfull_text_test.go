package store

import (
	"errors"
	"strings"
	"testing"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/model"
)

// A write the disk did not take is one line naming the file, in English
// (the commands' words, unchanged) and in Japanese (the cockpit's footer);
// named once, a second naming (Store.Explain on a session's error) leaves it.
func TestNotWrittenInBothLanguages(t *testing.T) {
	path := t.TempDir() + "/k.db"
	err := model.Refused(model.RefuseDBNamed, path, writeWhy(path, &writeFailed{sqlite: "disk I/O error (778)"}))
	if !errors.Is(&writeFailed{}, ErrNotWritten) {
		t.Error("a failed write is not ErrNotWritten")
	}
	if again := (&Store{path: path}).named(err); again != err {
		t.Errorf("named twice: %v", again)
	}
	// No size limit on the test and a disk with room: SQLite's words.
	if want := "database " + path + ": could not be written: a write failed (disk I/O error (778)); nothing was saved"; err.Error() != want {
		t.Errorf("English %q, want %q", err.Error(), want)
	}
	if got := catalog.ErrorLine(catalog.LangEN, err); got != err.Error() {
		t.Errorf("EN line %q", got)
	}
	ja := catalog.ErrorLine(catalog.LangJA, err)
	if want := "データベース " + path + ": 書き込めませんでした: 書き込みが失敗しました (disk I/O error (778))。何も保存されていません"; ja != want {
		t.Errorf("JA line %q, want %q", ja, want)
	}
	full := model.Refused(model.RefuseDBNotWrittenFull, model.Count{N: 0, Noun: model.CountByte}, "/mnt/small")
	if got, want := catalog.ErrorLine(catalog.LangJA, full), "書き込めませんでした: ディスクがいっぱいです (/mnt/small の空きは 0バイト)。何も保存されていません"; got != want {
		t.Errorf("JA full %q, want %q", got, want)
	}
	if got, want := full.Error(), "could not be written: the disk is full (0 bytes free in /mnt/small); nothing was saved"; got != want || !strings.Contains(catalog.ErrorLine(catalog.LangEN, full), want) {
		t.Errorf("EN full %q, want %q", got, want)
	}
}
