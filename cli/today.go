package cli

import (
	"flag"
	"fmt"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// Every command that reads the clock takes --today, so that what it does
// (a default date, a check against the future, the day an import fills in)
// can be reproduced.

const todayUsage = "the `DAY` (YYYY-MM-DD) the command takes as today (default: the system clock's day)"

// todayFlag declares --today.
func todayFlag(fs *flag.FlagSet) *string { return fs.String("today", "", todayUsage) }

// todayFrom is the day --today names, or the clock's day when it is empty.
func todayFrom(flagValue string) (time.Time, error) {
	if flagValue == "" {
		return model.Date(time.Now()), nil
	}
	d, err := model.ParseDate(flagValue)
	if err != nil {
		return d, fmt.Errorf("--today: %q is not a calendar date (want YYYY-MM-DD)", flagValue)
	}
	return d, nil
}

// clockOn is a clock that reads day at the present time of day, for a store
// whose entered/updated times should fall on --today.
func clockOn(day time.Time) func() time.Time {
	return func() time.Time {
		now := time.Now()
		y, m, d := day.Date()
		return time.Date(y, m, d, now.Hour(), now.Minute(), now.Second(), now.Nanosecond(), time.Local)
	}
}
