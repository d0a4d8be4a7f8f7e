package store

import (
	"errors"
	"path/filepath"
	"syscall"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/kpit-dev/kpit/model"
)

// ErrNotWritten is a write SQLite could not make: the disk is full, a
// file size limit stops the database or its -wal file growing, or the
// device failed. The transaction did not commit (SQLite writes a commit's
// last frame after all the others), so nothing of it was saved.
var ErrNotWritten = errors.New("could not be written")

// writeFailed is ErrNotWritten with what SQLite (or the system) said;
// writeWhy names why once the file is known (Store.named, Open).
type writeFailed struct {
	sqlite string // SQLite's words: "database or disk is full", "disk I/O error (778)"
}

func (e *writeFailed) Error() string {
	return "could not be written: a write failed (" + e.sqlite + "); nothing was saved"
}

func (e *writeFailed) Is(target error) bool { return target == ErrNotWritten }

// notWritten is the driver's error as a writeFailed when it is a failed
// write: SQLITE_FULL, or an I/O error of writing, syncing, truncating or
// growing the shared-memory file (the extended codes of SQLITE_IOERR).
func notWritten(se *sqlite.Error) error {
	switch se.Code() {
	case sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR_WRITE, sqlite3.SQLITE_IOERR_FSYNC, sqlite3.SQLITE_IOERR_DIR_FSYNC,
		sqlite3.SQLITE_IOERR_TRUNCATE, sqlite3.SQLITE_IOERR_SHMSIZE, sqlite3.SQLITE_IOERR_SHMMAP:
		return &writeFailed{sqlite: firstLine(se).Error()}
	}
	return nil
}

// osNotWritten is a write of a file outside SQLite (a backup's temporary
// file, a restore's kept copy) as a writeFailed when the system refused it
// for want of space: a full disk (ENOSPC), a file size limit (EFBIG), a
// quota (EDQUOT).
func osNotWritten(err error) error {
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EFBIG) || errors.Is(err, syscall.EDQUOT) {
		return &writeFailed{sqlite: firstLine(err).Error()}
	}
	return nil
}

// writeWhy says why a write to the file at path failed, as far as the
// system tells: a file size limit on this process, or a full disk; else
// SQLite's own words. It is a model refusal, so that the cockpit words it
// in Japanese too; being named, it is no longer ErrNotWritten (a second
// naming leaves it as it is).
func writeWhy(path string, err error) error {
	var wf *writeFailed
	if !errors.As(err, &wf) {
		return err
	}
	switch limit, free := fileSizeLimit(), freeBytes(filepath.Dir(path)); {
	case limit >= 0:
		return model.Refused(model.RefuseDBNotWrittenLimit, model.Count{N: limit, Noun: model.CountByte})
	case free >= 0 && free < fullBelow:
		dir, _ := filepath.Abs(filepath.Dir(path))
		return model.Refused(model.RefuseDBNotWrittenFull, model.Count{N: free, Noun: model.CountByte}, dir)
	}
	return model.Refused(model.RefuseDBNotWritten, wf.sqlite)
}

// fullBelow is the free space under which a failed write is put down to a
// full disk: SQLite writes pages of 4 KB, a transaction a few of them.
const fullBelow = 1 << 20
