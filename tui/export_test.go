package tui

import (
	"testing"
)

// Test-only doors for the tests of package tui_test, which also run the
// kpit command (package cli imports tui, so they cannot live in package tui).

// DemoPathForTest is the demo database the tests share, seeded by TestMain
// with demo.DefaultSeed for FixedNowForTest.
func DemoPathForTest() string { return demoPath }

// FixedNowForTest is the clock of every test.
var FixedNowForTest = fixedNow

// CopyDemoForTest copies the demo database for a test that writes to it.
func CopyDemoForTest(t *testing.T) string { return copyDemo(t) }
