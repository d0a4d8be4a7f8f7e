//go:build !unix

package store

import "errors"

// importLock has no portable flock here: imports move in one transaction
// (store/import_pending.go), and a pending range can only be a stopped
// import's from another system.
type importLock struct{}

func importLockPath(dbPath string) string { return dbPath + "-import" }

func tryImportLock(string) (*importLock, error) {
	return nil, errors.New("no import lock on this system")
}

func (l *importLock) release() {}
