package cli

import "time"

// clockOn is a clock that reads day at the present time of day, for a store
// whose checks against the future and entered/updated times should fall on
// --today (todayFlag).
func clockOn(day time.Time) func() time.Time {
	return func() time.Time {
		now := time.Now()
		y, m, d := day.Date()
		return time.Date(y, m, d, now.Hour(), now.Minute(), now.Second(), now.Nanosecond(), time.Local)
	}
}
