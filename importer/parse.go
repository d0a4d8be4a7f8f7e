package importer

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/width"

	"github.com/kpit-dev/kpit/model"
)

// Excel stores a date as days since 1899-12-30 (serial 61 is 1900-03-01;
// serials up to 60 sit around Lotus's phantom 1900-02-29 and are refused).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

const (
	minSerial = 61
	maxSerial = 2958465 // 9999-12-31
	minYear   = 1900
	maxYear   = 2999
)

// ParseDate reads a calendar day as SFA/CRM exports and Excel write it:
// 2026-11-26, 2026/11/26, 2026/1/5, 2026.11.26, 2026年11月26日, 令和8年11月26日,
// 2026/11/26(木), 20261126,
// an Excel serial (46352, 46352.5) or a timestamp (2026-11-26T09:30:00+09:00,
// 2026/11/26 9:30), whose day is taken as written. Full-width digits are
// read too. Impossible days (2026-02-30) are refused, never rolled over.
func ParseDate(s string) (time.Time, error) {
	in := strings.TrimSpace(narrow(s))
	if in == "" {
		return time.Time{}, fmt.Errorf("no date")
	}
	in = dropWeekday(in)
	if t, ok, err := parseSerialOrCompact(in); ok || err != nil {
		return t, err
	}
	day, clock := in, ""
	if i := strings.Index(in, "日"); i > 0 && strings.Contains(in, "年") {
		day, clock = strings.ReplaceAll(in[:i+len("日")], " ", ""), strings.TrimSpace(in[i+len("日"):])
	} else if i := strings.IndexAny(in, "T "); i > 0 {
		day, clock = in[:i], strings.TrimSpace(in[i+1:])
		if clock == "" {
			return time.Time{}, badDate(s)
		}
	}
	if clock != "" && !validClock(clock) {
		return time.Time{}, badDate(s)
	}
	var parts []string
	switch {
	case strings.HasSuffix(day, "日") && strings.Contains(day, "年") && strings.Contains(day, "月"):
		y, rest, _ := strings.Cut(strings.TrimSuffix(day, "日"), "年")
		m, d, _ := strings.Cut(rest, "月")
		y, ok := eraYear(strings.TrimSpace(y))
		if !ok {
			return time.Time{}, badDate(s)
		}
		parts = []string{y, strings.TrimSpace(m), strings.TrimSpace(d)}
	case strings.Count(day, "-") == 2:
		parts = strings.Split(day, "-")
	case strings.Count(day, "/") == 2:
		parts = strings.Split(day, "/")
	case strings.Count(day, ".") == 2:
		parts = strings.Split(day, ".")
	default:
		return time.Time{}, badDate(s)
	}
	if len(parts[0]) != 4 || len(parts[1]) < 1 || len(parts[1]) > 2 || len(parts[2]) < 1 || len(parts[2]) > 2 {
		return time.Time{}, badDate(s)
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 || strings.HasPrefix(p, "+") {
			return time.Time{}, badDate(s)
		}
		n[i] = v
	}
	return makeDate(s, n[0], n[1], n[2])
}

// narrow folds full-width digits, signs and spaces to ASCII. Most cells
// have none, and width's transformer allocates a buffer per call, which a
// million-row import feels.
func narrow(s string) string {
	for _, r := range s {
		if r == '\u3000' || (r >= 0xFF00 && r <= 0xFFEF) {
			return width.Narrow.String(s)
		}
	}
	return s
}

// Japanese eras still seen in sheets: 令和8年 is 2026, 平成30年 is 2018
// (元年 is the first year).
var eras = []struct {
	name string
	base int
}{{"令和", 2018}, {"平成", 1988}}

// eraYear turns an era year into a Western one; a plain year is kept.
func eraYear(y string) (string, bool) {
	for _, e := range eras {
		n, ok := strings.CutPrefix(y, e.name)
		if !ok {
			continue
		}
		if n == "元" {
			return strconv.Itoa(e.base + 1), true
		}
		v, err := strconv.Atoi(n)
		if err != nil || v < 1 || v > 99 || len(n) > 2 {
			return "", false
		}
		return strconv.Itoa(e.base + v), true
	}
	return y, true
}

// dropWeekday removes a weekday written in parentheses, as Japanese sheets
// do: 2026/11/26(木), 2026/11/26 (Thu) 10:00.
func dropWeekday(in string) string {
	open := strings.IndexByte(in, '(')
	if open < 0 {
		return in
	}
	shut := strings.IndexByte(in[open:], ')')
	if shut < 0 {
		return in
	}
	switch strings.ToLower(strings.TrimSpace(in[open+1 : open+shut])) {
	case "日", "月", "火", "水", "木", "金", "土",
		"sun", "mon", "tue", "wed", "thu", "fri", "sat":
		return strings.TrimSpace(strings.TrimSpace(in[:open]) + " " + strings.TrimSpace(in[open+shut+1:]))
	}
	return in
}

func badDate(s string) error {
	return valueErr(ProblemNotDate, s, nil, "%q is not a date (want e.g. 2026-11-26, 2026/11/26, 2026年11月26日 or an Excel date)", s)
}

func makeDate(s string, y, m, d int) (time.Time, error) {
	if y < minYear || y > maxYear {
		return time.Time{}, valueErr(ProblemYearRange, s, []any{y}, "%q: year %d is out of range", s, y)
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return time.Time{}, valueErr(ProblemNotCalendarDay, s, nil, "%q is not a day of the calendar", s)
	}
	return t, nil
}

// parseSerialOrCompact reads an Excel serial or a YYYYMMDD number. ok is
// false when in is not all digits (with at most one decimal point).
func parseSerialOrCompact(in string) (time.Time, bool, error) {
	intPart, frac, hasDot := strings.Cut(in, ".")
	if !allDigits(intPart) || (hasDot && !allDigits(frac)) {
		return time.Time{}, false, nil
	}
	if len(intPart) == 8 && !hasDot {
		y, _ := strconv.Atoi(intPart[:4])
		m, _ := strconv.Atoi(intPart[4:6])
		d, _ := strconv.Atoi(intPart[6:])
		t, err := makeDate(in, y, m, d)
		return t, true, err
	}
	if len(intPart) > 7 {
		return time.Time{}, true, badDate(in)
	}
	n, _ := strconv.Atoi(intPart)
	if n < minSerial || n > maxSerial {
		return time.Time{}, true, valueErr(ProblemExcelRange, in, nil, "%q is out of the range of Excel dates", in)
	}
	t := excelEpoch.AddDate(0, 0, n)
	if t.Year() < minYear || t.Year() > maxYear {
		return time.Time{}, true, valueErr(ProblemYearRange, in, []any{t.Year()}, "%q: year %d is out of range", in, t.Year())
	}
	return t, true, nil
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// validClock accepts a time of day with an optional zone: 9:30, 09:30:00,
// 09:30:00.123Z, 09:30:00+09:00, 09:30:00+0900.
func validClock(c string) bool {
	if c == "" {
		return false
	}
	body := c
	if strings.HasSuffix(body, "Z") {
		body = strings.TrimSuffix(body, "Z")
	} else if i := strings.LastIndexAny(body, "+-"); i > 0 {
		zone := strings.ReplaceAll(body[i+1:], ":", "")
		if len(zone) != 4 || !allDigits(zone) {
			return false
		}
		body = body[:i]
	}
	if sec, frac, ok := strings.Cut(body, "."); ok {
		if !allDigits(frac) {
			return false
		}
		body = sec
	}
	fields := strings.Split(body, ":")
	if len(fields) < 2 || len(fields) > 3 {
		return false
	}
	limits := []int{23, 59, 60}
	for i, f := range fields {
		if len(f) < 1 || len(f) > 2 || !allDigits(f) {
			return false
		}
		if v, _ := strconv.Atoi(f); v > limits[i] {
			return false
		}
	}
	return true
}

// ParseAmount reads an amount in the team's currency c as an export writes
// it, in minor units: for JPY 1200000, 1,200,000, ¥1,200,000, ￥1,200,000,
// ￥1,200,000-, 1,200,000円, 120万円, 1.2億, JPY 1,200,000; for USD 1234.56,
// $1,234.56, USD 1,234.5; and the exponent numbers Excel stores (1.2E+7).
// Negative amounts and more decimals than c has are refused. Reading the
// number is model.ParseMoney's; this adds what exports write around it.
func ParseAmount(s string, c model.Currency) (model.Minor, error) {
	in := strings.TrimSpace(narrow(s))
	if in == "" {
		return 0, fmt.Errorf("no amount")
	}
	if strings.HasPrefix(in, "-") || strings.HasPrefix(in, "−") || strings.HasPrefix(in, "▲") ||
		strings.HasPrefix(in, "△") || (strings.HasPrefix(in, "(") && strings.HasSuffix(in, ")")) {
		return 0, valueErr(ProblemNegativeAmount, s, nil, "%q: an amount cannot be negative", s)
	}
	// 1,200,000- : a Japanese way of writing "exactly", not a sign.
	if len(in) > 1 && strings.HasSuffix(in, "-") && in[len(in)-2] >= '0' && in[len(in)-2] <= '9' {
		in = in[:len(in)-1]
	}
	m, err := model.ParseMoney(in, c)
	var me *model.MoneyError
	if errors.As(err, &me) {
		me.Value = s // name the cell as written
		switch {
		case me.Problem == model.MoneyFraction && c.Code == model.JPY.Code:
			return 0, valueErr(ProblemYenFraction, s, nil, "%s", me)
		case me.Problem == model.MoneyFraction:
			return 0, valueErr(ProblemTooManyDecimals, s, []any{c.Decimals, c.Code}, "%s", me)
		case c.Code == model.JPY.Code:
			return 0, valueErr(ProblemNotAmount, s, nil, "%q is not an amount of yen", s)
		}
		return 0, valueErr(ProblemNotAmountIn, s, []any{c.Code}, "%q is not an amount of %s", s, c.Code)
	}
	if err != nil {
		return 0, err
	}
	if m < 0 {
		return 0, valueErr(ProblemNegativeAmount, s, nil, "%q: an amount cannot be negative", s)
	}
	return m, nil
}
