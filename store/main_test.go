package store

import (
	"testing"

	"github.com/kpit-dev/kpit/internal/pgtest"
)

// TestMain stops the package's PostgreSQL test server, if a test started one.
func TestMain(m *testing.M) { pgtest.Main(m) }
