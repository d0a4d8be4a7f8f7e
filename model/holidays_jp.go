package model

import (
	"math"
	"sync"
	"time"
)

// Japanese public holidays (国民の祝日に関する法律) from 2000 on, computed
// from the law's rules rather than read from a list:
//
//   - fixed days: 元日 1/1, 建国記念の日 2/11, 天皇誕生日 12/23 until 2018
//     and 2/23 from 2020 (none in 2019), 昭和の日 4/29 (みどりの日 until
//     2006), 憲法記念日 5/3, みどりの日 5/4 from 2007, こどもの日 5/5,
//     山の日 8/11 from 2016, 文化の日 11/3, 勤労感謝の日 11/23;
//   - Happy Monday days: 成人の日 (2nd Monday of January), 海の日 (3rd
//     Monday of July from 2003, 7/20 before), 敬老の日 (3rd Monday of
//     September from 2003, 9/15 before), 体育の日/スポーツの日 (2nd Monday
//     of October; スポーツの日 from 2020);
//   - 春分の日 and 秋分の日 by the usual approximation, valid 1980–2099;
//   - 振替休日: a holiday on a Sunday moves to the next day that is not a
//     holiday (from 2007; before, only to the Monday);
//   - 国民の休日: a weekday between two holidays;
//   - the one-off days: 2019's enthronement (4/30, 5/1, 5/2, 10/22) and
//     the Olympic moves of 2020 and 2021.
//
// Years before 2000 are not known (no day is a holiday); the equinoxes
// are not known after 2099.

const firstHolidayYear = 2000

// JapaneseHoliday reports whether day (its calendar date; the time and
// location are ignored) is a Japanese public holiday, with its name.
func JapaneseHoliday(day time.Time) (name string, ok bool) {
	y, m, d := day.Date()
	if y < firstHolidayYear {
		return "", false
	}
	name, ok = holidaysOf(y)[monthDay{m, d}]
	return name, ok
}

type monthDay struct {
	m time.Month
	d int
}

var holidayYears sync.Map // year -> map[monthDay]string

// holidaysOf is the year's holidays, computed once per year.
func holidaysOf(y int) map[monthDay]string {
	if v, ok := holidayYears.Load(y); ok {
		return v.(map[monthDay]string)
	}
	h := computeHolidays(y)
	holidayYears.Store(y, h)
	return h
}

// nthMonday is the day of the month of the n-th Monday of month m in y.
func nthMonday(y int, m time.Month, n int) int {
	first := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC).Weekday()
	offset := (int(time.Monday) - int(first) + 7) % 7
	return 1 + offset + 7*(n-1)
}

// equinoxDay is the day in March (base 20.8431) or September (base
// 23.2488) of the equinox in y, for 1980–2099.
func equinoxDay(y int, base float64) int {
	n := float64(y - 1980)
	return int(math.Floor(base+0.242194*n)) - int(math.Floor(n/4))
}

func computeHolidays(y int) map[monthDay]string {
	h := map[monthDay]string{}
	add := func(m time.Month, d int, name string) { h[monthDay{m, d}] = name }

	add(time.January, 1, "元日")
	add(time.January, nthMonday(y, time.January, 2), "成人の日")
	add(time.February, 11, "建国記念の日")
	switch {
	case y <= 2018:
		add(time.December, 23, "天皇誕生日")
	case y >= 2020:
		add(time.February, 23, "天皇誕生日")
	}
	if y <= 2099 {
		add(time.March, equinoxDay(y, 20.8431), "春分の日")
		add(time.September, equinoxDay(y, 23.2488), "秋分の日")
	}
	if y >= 2007 {
		add(time.April, 29, "昭和の日")
		add(time.May, 4, "みどりの日")
	} else {
		add(time.April, 29, "みどりの日")
	}
	add(time.May, 3, "憲法記念日")
	add(time.May, 5, "こどもの日")

	switch {
	case y == 2020:
		add(time.July, 23, "海の日")
		add(time.July, 24, "スポーツの日")
		add(time.August, 10, "山の日")
	case y == 2021:
		add(time.July, 22, "海の日")
		add(time.July, 23, "スポーツの日")
		add(time.August, 8, "山の日")
	default:
		if y >= 2003 {
			add(time.July, nthMonday(y, time.July, 3), "海の日")
		} else {
			add(time.July, 20, "海の日")
		}
		if y >= 2016 {
			add(time.August, 11, "山の日")
		}
		sport := "体育の日"
		if y >= 2020 {
			sport = "スポーツの日"
		}
		add(time.October, nthMonday(y, time.October, 2), sport)
	}
	if y >= 2003 {
		add(time.September, nthMonday(y, time.September, 3), "敬老の日")
	} else {
		add(time.September, 15, "敬老の日")
	}
	add(time.November, 3, "文化の日")
	add(time.November, 23, "勤労感謝の日")
	if y == 2019 {
		add(time.April, 30, "国民の休日")
		add(time.May, 1, "即位の日")
		add(time.May, 2, "国民の休日")
		add(time.October, 22, "即位礼正殿の儀の行われる日")
	}

	// The named holidays are in; the two derived rules look only at them.
	named := make(map[monthDay]bool, len(h))
	for k := range h {
		named[k] = true
	}
	isNamed := func(t time.Time) bool {
		return t.Year() == y && named[monthDay{t.Month(), t.Day()}]
	}
	start := time.Date(y, time.January, 1, 0, 0, 0, 0, time.UTC)
	for t := start; t.Year() == y; t = t.AddDate(0, 0, 1) {
		md := monthDay{t.Month(), t.Day()}
		if named[md] && t.Weekday() == time.Sunday {
			// 振替休日: the next day that is not a holiday (before 2007 only
			// the Monday, and only when it is not a holiday itself).
			next := t.AddDate(0, 0, 1)
			if y >= 2007 {
				for isNamed(next) {
					next = next.AddDate(0, 0, 1)
				}
			}
			if next.Year() == y && !isNamed(next) {
				add(next.Month(), next.Day(), "振替休日")
			}
		}
		if !named[md] && t.Weekday() != time.Sunday && t.Weekday() != time.Saturday &&
			isNamed(t.AddDate(0, 0, -1)) && isNamed(t.AddDate(0, 0, 1)) {
			if _, taken := h[md]; !taken {
				add(md.m, md.d, "国民の休日")
			}
		}
	}
	return h
}

// YearEndClosed reports whether day falls in the usual Japanese year-end
// closure, 29 December to 3 January.
func YearEndClosed(day time.Time) bool {
	_, m, d := day.Date()
	return (m == time.December && d >= 29) || (m == time.January && d <= 3)
}

// IsBusinessDay reports whether day is a working day: not a Saturday or
// Sunday, not a Japanese public holiday and, with yearEndClosure, not in
// the 12/29–1/3 closure.
func IsBusinessDay(day time.Time, yearEndClosure bool) bool {
	if wd := day.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return false
	}
	if _, ok := JapaneseHoliday(day); ok {
		return false
	}
	return !(yearEndClosure && YearEndClosed(day))
}
