package store

import (
	"strings"
	"testing"

	"github.com/kpit-dev/kpit/internal/testlong"
)

// The conformance suite: the tests that call onBoth run once on a SQLite
// file and once on a PostgreSQL database (internal/pgtest), and check the
// same figures against the same hand-worked or recounted numbers on both.
// Inside them openTemp and openClocked open the store of the half they
// run in.
//
// A PostgreSQL database costs a second or two to make on a loaded
// machine, so the plain go test runs the postgres half only of the tests
// that call onBothAlways (the writes, edits and undo against a recount);
// make test-long and CI run every postgres half.
func onBoth(t *testing.T, test func(t *testing.T)) {
	t.Run("sqlite", test)
	t.Run("postgres", func(t *testing.T) {
		testlong.Skip(t)
		test(t)
	})
}

// onBothAlways is onBoth with the postgres half in the plain go test too.
func onBothAlways(t *testing.T, test func(t *testing.T)) {
	t.Run("sqlite", test)
	t.Run("postgres", test)
}

// onPostgres reports whether t runs in the postgres half of onBoth.
func onPostgres(t *testing.T) bool { return strings.Contains(t.Name()+"/", "/postgres/") }
