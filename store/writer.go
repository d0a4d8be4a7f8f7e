package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"syscall"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// settingWriter names the long write in progress (an import), committed
// before it takes the write lock and removed in its own last transaction,
// so that a writer that waited past its busy wait can say whose work it
// waited for instead of only "busy".
const settingWriter = "writer.work"

// writerWork is what settingWriter holds.
type writerWork struct {
	What  string    `json:"what"` // "kpit import", for a person reading the table
	Rows  int       `json:"rows"` // the records the work writes`
	PID   int       `json:"pid"`
	Since time.Time `json:"since"`
}

// announceWork records that this process is about to hold the write lock
// for long doing what (writing rows records), through conn (the work's own connection: a scratch
// store has no other). It is a label only: when it cannot be written (the
// lock is taken), the work goes on without it.
func (s *Store) announceWork(ctx context.Context, conn *sql.Conn, what string, rows int) {
	b, _ := json.Marshal(writerWork{What: what, Rows: rows, PID: os.Getpid(), Since: s.now().UTC()})
	conn.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
		settingWriter, string(b))
}

// endWorkSQL removes the label, in the work's own last transaction.
const endWorkSQL = `DELETE FROM settings WHERE key = '` + settingWriter + `'`

// busyWith turns ErrBusy into a line naming the work that held the lock,
// when a live kpit process announced it (a label left by a killed process
// is ignored), and the wait that ran out with how to raise it. The
// refusals carry ErrBusy last, unprinted, so errors.Is still finds it.
func (s *Store) busyWith(err error) error {
	limit := s.BusyWait().String()
	v, ok, rerr := s.Setting(context.Background(), settingWriter)
	if rerr != nil || !ok {
		return model.Refused(model.RefuseDBBusyFor, limit, err)
	}
	var w writerWork
	if json.Unmarshal([]byte(v), &w) != nil || w.PID <= 0 || !processAlive(w.PID) {
		return model.Refused(model.RefuseDBBusyFor, limit, err)
	}
	return model.Refused(model.RefuseDBBusyImport, model.Count{N: int64(w.Rows), Noun: model.CountRecord}, w.PID, w.Since.Format("15:04:05"), limit, err)
}

// processAlive reports whether a process with this id runs on this machine
// (WAL needs every process on one machine).
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	return p.Signal(syscall.Signal(0)) == nil
}

// endWork removes the label after work that did not commit, through the
// work's own connection.
func endWork(conn *sql.Conn) {
	conn.ExecContext(context.Background(), endWorkSQL)
}
