package model

import (
	"testing"
	"time"
)

func TestParseDay(t *testing.T) {
	today := time.Date(2026, time.March, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		in   string
		want time.Time
	}{
		{"today", today},
		{" Today ", today},
		{"今日", today},
		{"yesterday", time.Date(2026, time.February, 28, 0, 0, 0, 0, time.UTC)},
		{"昨日", time.Date(2026, time.February, 28, 0, 0, 0, 0, time.UTC)},
		{"2026-11-20", time.Date(2026, time.November, 20, 0, 0, 0, 0, time.UTC)},
	} {
		got, err := ParseDay(tc.in, today)
		if err != nil || !got.Equal(tc.want) {
			t.Errorf("ParseDay(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"", "tomorrow", "2026-02-30", "明日"} {
		if _, err := ParseDay(bad, today); err == nil {
			t.Errorf("ParseDay(%q) accepted", bad)
		}
	}
}
