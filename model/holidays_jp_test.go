package model

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"
)

// yearHolidays lists every holiday of year y as "M/D name", in date order.
func yearHolidays(y int) []string {
	var out []string
	for d := D(y, 1, 1); d.Year() == y; d = d.AddDate(0, 0, 1) {
		if name, ok := JapaneseHoliday(d); ok {
			out = append(out, fmt.Sprintf("%d/%d %s", int(d.Month()), d.Day(), name))
		}
	}
	return out
}

// The expected years are written out by hand from the law's rules; the
// weekday notes say why a day is where it is.
func TestJapaneseHolidayYears(t *testing.T) {
	want := map[int][]string{
		2026: {
			"1/1 元日", "1/12 成人の日", // Jan 1 is a Thursday: Mondays 5, 12
			"2/11 建国記念の日", "2/23 天皇誕生日",
			"3/20 春分の日", // floor(20.8431+0.242194*46)=31, minus floor(46/4)=11
			"4/29 昭和の日", "5/3 憲法記念日", "5/4 みどりの日", "5/5 こどもの日",
			"5/6 振替休日", // 5/3 is a Sunday; 5/4 and 5/5 are holidays
			"7/20 海の日", // July 1 is a Wednesday: Mondays 6, 13, 20
			"8/11 山の日",
			"9/21 敬老の日",  // Sept 1 is a Tuesday: Mondays 7, 14, 21
			"9/22 国民の休日", // Tuesday between 敬老の日 and 秋分の日
			"9/23 秋分の日",  // floor(23.2488+11.140924)=34, minus 11
			"10/12 スポーツの日", "11/3 文化の日", "11/23 勤労感謝の日",
		},
		2027: {
			"1/1 元日", "1/11 成人の日", // Jan 1 is a Friday: Mondays 4, 11
			"2/11 建国記念の日", "2/23 天皇誕生日",
			"3/21 春分の日", "3/22 振替休日", // floor(32.226)=32 minus 11 = 21, a Sunday
			"4/29 昭和の日", "5/3 憲法記念日", "5/4 みどりの日", "5/5 こどもの日",
			"7/19 海の日", // July 1 is a Thursday: Mondays 5, 12, 19
			"8/11 山の日",
			"9/20 敬老の日", // Sept 1 is a Wednesday: Mondays 6, 13, 20
			"9/23 秋分の日", // 9/21 and 9/22 are not between two holidays
			"10/11 スポーツの日", "11/3 文化の日", "11/23 勤労感謝の日",
		},
		2019: { // the enthronement year: no 天皇誕生日
			"1/1 元日", "1/14 成人の日", "2/11 建国記念の日", "3/21 春分の日",
			"4/29 昭和の日", "4/30 国民の休日", "5/1 即位の日", "5/2 国民の休日",
			"5/3 憲法記念日", "5/4 みどりの日", "5/5 こどもの日", "5/6 振替休日",
			"7/15 海の日", "8/11 山の日", "8/12 振替休日", "9/16 敬老の日", "9/23 秋分の日",
			"10/14 体育の日", "10/22 即位礼正殿の儀の行われる日", "11/3 文化の日", "11/4 振替休日",
			"11/23 勤労感謝の日",
		},
		2020: { // Olympic moves; no October holiday
			"1/1 元日", "1/13 成人の日", "2/11 建国記念の日", "2/23 天皇誕生日", "2/24 振替休日",
			"3/20 春分の日", "4/29 昭和の日", "5/3 憲法記念日", "5/4 みどりの日", "5/5 こどもの日",
			"5/6 振替休日", "7/23 海の日", "7/24 スポーツの日", "8/10 山の日",
			"9/21 敬老の日", "9/22 秋分の日", "11/3 文化の日", "11/23 勤労感謝の日",
		},
		2021: {
			"1/1 元日", "1/11 成人の日", "2/11 建国記念の日", "2/23 天皇誕生日", "3/20 春分の日",
			"4/29 昭和の日", "5/3 憲法記念日", "5/4 みどりの日", "5/5 こどもの日",
			"7/22 海の日", "7/23 スポーツの日", "8/8 山の日", "8/9 振替休日",
			"9/20 敬老の日", "9/23 秋分の日", "11/3 文化の日", "11/23 勤労感謝の日",
		},
		2018: { // the last 12/23 天皇誕生日, a Sunday
			"1/1 元日", "1/8 成人の日", "2/11 建国記念の日", "2/12 振替休日", "3/21 春分の日",
			"4/29 昭和の日", "4/30 振替休日", "5/3 憲法記念日", "5/4 みどりの日", "5/5 こどもの日",
			"7/16 海の日", "8/11 山の日", "9/17 敬老の日", "9/23 秋分の日", "9/24 振替休日",
			"10/8 体育の日", "11/3 文化の日", "11/23 勤労感謝の日", "12/23 天皇誕生日", "12/24 振替休日",
		},
	}
	years := make([]int, 0, len(want))
	for y := range want {
		years = append(years, y)
	}
	sort.Ints(years)
	for _, y := range years {
		got := yearHolidays(y)
		if strings.Join(got, ", ") != strings.Join(want[y], ", ") {
			t.Errorf("%d holidays:\n got  %s\n want %s", y, strings.Join(got, ", "), strings.Join(want[y], ", "))
		}
	}
}

func TestJapaneseHolidayEdges(t *testing.T) {
	tests := []struct {
		day  time.Time
		name string // "" = not a holiday
	}{
		{D(2026, 1, 2), ""},                         // 三が日 are not public holidays
		{D(2026, 12, 31), ""},                       // nor is New Year's Eve
		{D(2006, 4, 29), "みどりの日"},                   // before 昭和の日
		{D(2006, 5, 4), "国民の休日"},                    // before みどりの日 moved to 5/4
		{D(2002, 7, 20), "海の日"},                     // fixed before Happy Monday
		{D(2002, 9, 15), "敬老の日"},                    // fixed before Happy Monday
		{D(2015, 8, 11), ""},                        // before 山の日
		{D(2019, 12, 23), ""},                       // no 天皇誕生日 in 2019
		{D(2019, 2, 23), ""},                        // not yet moved
		{D(2020, 10, 12), ""},                       // スポーツの日 moved to July
		{D(2021, 8, 11), ""},                        // 山の日 moved to 8/8
		{D(1999, 1, 1), ""},                         // before the calendar's range
		{D(2099, 9, 23), "秋分の日"},                    // floor(23.2488+0.242194*119)=52 minus 29
		{D(2026, 5, 6).Add(15 * time.Hour), "振替休日"}, // the time of day does not matter
	}
	for _, tc := range tests {
		name, ok := JapaneseHoliday(tc.day)
		if ok != (tc.name != "") || name != tc.name {
			t.Errorf("%s: got %q %v, want %q", FormatDate(tc.day), name, ok, tc.name)
		}
	}
}

func TestIsBusinessDay(t *testing.T) {
	tests := []struct {
		day           time.Time
		open, closure bool // business day without / with the year-end closure
	}{
		{D(2026, 11, 26), true, true},   // Thursday
		{D(2026, 11, 28), false, false}, // Saturday
		{D(2026, 11, 23), false, false}, // 勤労感謝の日, a Monday
		{D(2026, 12, 28), true, true},   // Monday before the closure
		{D(2026, 12, 29), true, false},  // closure starts
		{D(2026, 12, 31), true, false},
		{D(2027, 1, 1), false, false}, // 元日
		{D(2027, 1, 4), true, true},   // Monday after the closure
		{D(2024, 1, 3), true, false},  // a Wednesday inside the closure
	}
	for _, tc := range tests {
		if got := IsBusinessDay(tc.day, false); got != tc.open {
			t.Errorf("%s without closure: %v, want %v", FormatDate(tc.day), got, tc.open)
		}
		if got := IsBusinessDay(tc.day, true); got != tc.closure {
			t.Errorf("%s with closure: %v, want %v", FormatDate(tc.day), got, tc.closure)
		}
	}
}

func TestDeadlineOverHolidays(t *testing.T) {
	nbd := DefaultInputRules() // next business day, closure on
	if !nbd.YearEndClosure {
		t.Fatal("the year-end closure is off by default, want on")
	}
	open := nbd
	open.YearEndClosure = false
	tests := []struct {
		rules InputRules
		event time.Time
		due   time.Time
	}{
		{nbd, D(2026, 4, 30), D(2026, 5, 1)},     // Thursday → Friday 5/1 (not a holiday)
		{nbd, D(2026, 5, 1), D(2026, 5, 7)},      // Friday → past the weekend and 5/3–5/6
		{nbd, D(2026, 12, 28), D(2027, 1, 4)},    // closure 12/29–1/3
		{open, D(2026, 12, 28), D(2026, 12, 29)}, // no closure: Tuesday
		{open, D(2026, 12, 31), D(2027, 1, 4)},   // 元日, then the weekend
		{nbd, D(2026, 9, 18), D(2026, 9, 24)},    // Friday → past the 2026 Silver Week
		{nbd, D(2027, 3, 19), D(2027, 3, 23)},    // Friday → past 春分 and its 振替
	}
	for _, tc := range tests {
		if got := tc.rules.Due(tc.event); !got.Equal(tc.due) {
			t.Errorf("event %s (closure %v): due %s, want %s", FormatDate(tc.event), tc.rules.YearEndClosure,
				FormatDate(got), FormatDate(tc.due))
		}
	}
}

// The late-entry alert on fixed clocks follows the holiday calendar.
func TestLateEntryOverHolidays(t *testing.T) {
	entry := func(event, entered time.Time) AlertInput {
		return AlertInput{Entries: []EntryFact{{Kind: RecordActivity, ID: 1, RepName: "田中", Event: event,
			EnteredAt: entered.Add(18 * time.Hour)}}}
	}
	rules := DefaultInputRules()
	// Friday 5/1 entered Thursday 5/7: on time; Friday 5/8: a day late.
	if got := alertsAt(D(2026, 5, 7), rules, entry(D(2026, 5, 1), D(2026, 5, 7))); len(got) != 0 {
		t.Errorf("entry on the next business day after Golden Week alerted: %+v", got)
	}
	got := alertsAt(D(2026, 5, 8), rules, entry(D(2026, 5, 1), D(2026, 5, 8)))
	if len(got) != 1 || got[0].Days != 1 || !got[0].Due.Equal(D(2026, 5, 7)) {
		t.Errorf("entry two business days after: %+v, want one alert due 2026-05-07, 1 day late", got)
	}
	// 12/28 entered on 1/4: on time with the closure, six days late without.
	if got := alertsAt(D(2027, 1, 4), rules, entry(D(2026, 12, 28), D(2027, 1, 4))); len(got) != 0 {
		t.Errorf("entry after the year-end closure alerted: %+v", got)
	}
	rules.YearEndClosure = false
	got = alertsAt(D(2027, 1, 4), rules, entry(D(2026, 12, 28), D(2027, 1, 4)))
	if len(got) != 1 || got[0].Days != 6 || !got[0].Due.Equal(D(2026, 12, 29)) {
		t.Errorf("without the closure: %+v, want one alert due 2026-12-29, 6 days late", got)
	}
}

func BenchmarkJapaneseHoliday(b *testing.B) {
	day := D(2026, 5, 6)
	for b.Loop() {
		JapaneseHoliday(day)
	}
}
