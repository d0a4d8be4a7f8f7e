package cli

import "time"

// clock is the commands' clock: the wall clock, a fixed one in the tests
// (cli's TestMain), so nothing a test checks moves with the day it runs.
var clock = time.Now

// clockOn is a clock that reads day at the present time of day, for a store
// whose checks against the future and entered/updated times should fall on
// --today (todayFlag).
func clockOn(day time.Time) func() time.Time {
	return func() time.Time {
		now := clock()
		y, m, d := day.Date()
		return time.Date(y, m, d, now.Hour(), now.Minute(), now.Second(), now.Nanosecond(), time.Local)
	}
}
