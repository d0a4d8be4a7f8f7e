package store

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"sync"

	"github.com/kpit-dev/kpit/model"
)

// changes tells cheaply whether the file changed, and keeps the sums of the
// ranges read since it last did.
//
// SQLite's PRAGMA data_version changes on a connection whenever another
// connection, in this process or any other, has committed a write since
// that connection last asked (sqlite.org/pragma.html#pragma_data_version).
// It never changes for the connection's own writes, so the store keeps one
// connection that only ever asks: every commit, ours or another kpit's, is
// one it sees. Asking costs a few microseconds: no table is read.
//
// PostgreSQL has no such number; there the store's listener counts the
// commits the server tells it of (postgres.go).
type changes struct {
	listen  *listener // on PostgreSQL only
	mu      sync.Mutex
	conn    *sql.Conn // taken from the pool on first use, held until Close
	version int64     // the data_version the cached sums were read at
	sums    map[string]any
}

// maxCachedRanges bounds the cache: a cockpit steps through a few dozen
// ranges; past this the oldest reads are simply read again.
const maxCachedRanges = 512

// DataVersion is a number that changes whenever a write has been committed
// to the file since it was last asked, by this process or another. A store
// opened by OpenScratch has no such number and always answers 0.
func (s *Store) DataVersion(ctx context.Context) (int64, error) {
	if s.changes == nil {
		return 0, nil
	}
	c := s.changes
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.dataVersion(ctx, s.db)
}

// dataVersion asks the watching connection; c.mu is held.
func (c *changes) dataVersion(ctx context.Context, db *sql.DB) (int64, error) {
	if c.listen != nil {
		return c.listen.current(), nil
	}
	if c.conn == nil {
		conn, err := db.Conn(ctx)
		if err != nil {
			return 0, fmt.Errorf("watch the database for changes: %w", describe(err))
		}
		c.conn = conn
	}
	var v int64
	if err := c.conn.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("watch the database for changes: %w", describe(err))
	}
	return v, nil
}

// ForgetSums drops the sums kept so far, so the next reads go to the
// file (benchmarks time the reads themselves this way).
func (s *Store) ForgetSums() {
	if s.changes == nil {
		return
	}
	s.changes.mu.Lock()
	s.changes.sums = nil
	s.changes.mu.Unlock()
}

func (c *changes) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.listen != nil {
		c.listen.close()
	}
	if c.conn != nil {
		c.conn.Close()
		c.conn = nil
	}
}

// cached answers read from the sums kept under key while the file has not
// changed since they were read, and reads (and keeps) them otherwise. The
// version is asked before reading, so a write committed during the read
// makes the next call read again. clone copies a kept answer so a caller
// can change what it gets.
func cached[T any](ctx context.Context, s *Store, key string, clone func(T) T, read func() (T, error)) (T, error) {
	c := s.changes
	if c == nil {
		return read()
	}
	c.mu.Lock()
	v, err := c.dataVersion(ctx, s.db)
	if err != nil {
		c.mu.Unlock()
		return read()
	}
	if v != c.version || c.sums == nil || len(c.sums) >= maxCachedRanges {
		c.version, c.sums = v, map[string]any{}
	}
	if got, ok := c.sums[key].(T); ok {
		c.mu.Unlock()
		return clone(got), nil
	}
	c.mu.Unlock()
	got, err := read()
	if err != nil {
		return got, err
	}
	c.mu.Lock()
	if c.version == v {
		c.sums[key] = clone(got)
	}
	c.mu.Unlock()
	return got, nil
}

func (f Filter) cacheKey(what string) string {
	return fmt.Sprintf("%s|%s|%s|%d|%s", what, f.From.Format("2006-01-02"), f.To.Format("2006-01-02"), f.RepID, f.Department)
}

func cloneCountsByRep[K comparable](m map[K]model.Counts) map[K]model.Counts {
	out := make(map[K]model.Counts, len(m))
	for k, c := range m {
		out[k] = maps.Clone(c)
	}
	return out
}
