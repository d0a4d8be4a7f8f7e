//go:build unix

package store

import (
	"errors"
	"os"
	"syscall"
)

// importLock is the right to have a pending import (store/import_pending.go):
// an exclusive flock on a file beside the database, which the kernel lets
// go of when the process ends however it ends, so a range found by the
// lock's next holder is known to be a stopped import's. The file is left
// in place: removing it could let two processes lock two different files
// of one name.
type importLock struct{ f *os.File }

// importLockPath is the lock file of the database at dbPath.
func importLockPath(dbPath string) string { return dbPath + "-import" }

// tryImportLock takes the lock without waiting: nil when another process
// holds it.
func tryImportLock(dbPath string) (*importLock, error) {
	f, err := os.OpenFile(importLockPath(dbPath), os.O_RDONLY|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, nil
		}
		return nil, err
	}
	return &importLock{f: f}, nil
}

// release lets the lock go (closing the file ends the flock).
func (l *importLock) release() {
	if l != nil {
		l.f.Close()
	}
}
