package cli

import "time"

// testNow is the clock of every command the tests run in this process
// (TestMain sets clock to it): Thursday 26 November 2026, 10:00 in Tokyo, as
// in the tui tests.
var testNow = time.Date(2026, time.November, 26, 1, 0, 0, 0, time.UTC)
