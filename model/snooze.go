package model

import (
	"fmt"
	"time"
)

// AlertKey names the thing an alert is about, the same from one day to
// the next while the alert stays open (its days late or stalled change, its
// key does not): a snooze is kept against it.
func AlertKey(a Alert) string {
	if a.RecordID != 0 {
		return fmt.Sprintf("%s:%s:%d", a.Kind, a.RecordKind, a.RecordID)
	}
	return fmt.Sprintf("%s:rep:%s", a.Kind, a.RepName)
}

// Snooze hides an alert until a day, for a reason someone gave.
type Snooze struct {
	Key    string    // AlertKey of the alert
	Until  time.Time // the alert shows again from this day
	Reason string
	Author string
	At     time.Time // when it was snoozed
}

// Snoozed reports whether s hides its alert on day today.
func (s Snooze) Snoozed(today time.Time) bool { return Date(today).Before(s.Until) }
