package importer

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
)

func TestParseDate(t *testing.T) {
	want := model.D(2026, 11, 26)
	for _, s := range []string{
		"2026-11-26", "2026/11/26", "2026年11月26日", "2026 年 11 月 26 日", "2026.11.26", "20261126",
		"46352", "46352.75", "2026-11-26T09:30:00Z", "2026-11-26T23:59:59+09:00", "2026-11-26T00:10:00.123-05:00",
		"2026-11-26 10:00", "2026/11/26 9:05:00", "２０２６／１１／２６", " 2026-11-26 ",
		"2026/11/26(木)", "2026/11/26（木）", "2026/11/26 (Thu) 10:00", "令和8年11月26日", "令和８年１１月２６日(木)",
	} {
		got, err := ParseDate(s)
		if err != nil || !got.Equal(want) {
			t.Errorf("ParseDate(%q) = %v, %v; want 2026-11-26", s, got, err)
		}
	}
	if got, err := ParseDate("2026/1/5"); err != nil || !got.Equal(model.D(2026, 1, 5)) {
		t.Errorf("ParseDate(2026/1/5) = %v, %v", got, err)
	}
	// Excel serial 45658 is 2025-01-01 (counted by hand from 1899-12-30).
	if got, err := ParseDate("45658"); err != nil || !got.Equal(model.D(2025, 1, 1)) {
		t.Errorf("ParseDate(45658) = %v, %v", got, err)
	}
	if got, err := ParseDate("令和元年5月1日"); err != nil || !got.Equal(model.D(2019, 5, 1)) {
		t.Errorf("ParseDate(令和元年5月1日) = %v, %v", got, err)
	}
	if got, err := ParseDate("平成30年4月1日"); err != nil || !got.Equal(model.D(2018, 4, 1)) {
		t.Errorf("ParseDate(平成30年4月1日) = %v, %v", got, err)
	}
	if got, err := ParseDate("2024-02-29"); err != nil || !got.Equal(model.D(2024, 2, 29)) {
		t.Errorf("leap day: %v, %v", got, err)
	}
	for _, s := range []string{
		"", "2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "26-11-26", "11/26/2026", "2026-11", "hello",
		"2026-11-26T25:00", "2026-11-26 xyz", "2026年13月1日", "60", "0", "-46352", "99999999", "2026-11-26T10:00+9",
		"3000-01-01", "1899-12-31", "2026-+1-05", "2026/11/26(x)", "令和0年1月1日", "令和1000年1月1日", "昭和1年1月1日",
	} {
		if got, err := ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q) = %v; want an error", s, got)
		}
	}
}

func TestParseAmount(t *testing.T) {
	for s, want := range map[string]model.Minor{
		"1200000": 1200000, "1,200,000": 1200000, "¥1,200,000": 1200000, "￥1,200,000": 1200000,
		"1,200,000円": 1200000, "120万円": 1200000, "120万": 1200000, "1.2億": 120000000, "1億2000万円": 120000000,
		"JPY 1,200,000": 1200000, "1200000.00": 1200000, "1.2E+7": 12000000, "0": 0, "１２０万円": 1200000,
		"¥ 980": 980, "￥1,200,000-": 1200000, "1200000-": 1200000,
	} {
		got, err := ParseAmount(s, model.JPY)
		if err != nil || got != want {
			t.Errorf("ParseAmount(%q) = %d, %v; want %d", s, got, err, want)
		}
	}
	for _, s := range []string{"", "-5", "-1,200,000", "▲1000", "(1,000)", "1.5", "1,20,000", "abc", "¥", "万", "NaN", "Inf", "1e400", "12%", "100/month"} {
		if got, err := ParseAmount(s, model.JPY); err == nil {
			t.Errorf("ParseAmount(%q) = %d; want an error", s, got)
		}
	}
}

// In a two-decimal currency cents are read exactly, and every refusal is
// one line naming the value and what is wrong with it.
func TestParseAmountUSD(t *testing.T) {
	usd, _ := model.CurrencyFor("USD")
	for s, want := range map[string]model.Minor{
		"1,234.56": 123456, "$1,234.56": 123456, "1234.5": 123450, "1234": 123400, "USD 1,234.56": 123456,
		"$0.99": 99, "1.2E+3": 120000, "$1,234.56-": 123456, "＄１，２３４．５６": 123456,
	} {
		if got, err := ParseAmount(s, usd); err != nil || got != want {
			t.Errorf("ParseAmount(%q, USD) = %d, %v; want %d cents", s, got, err, want)
		}
	}
	for s, want := range map[string]struct {
		p   Problem
		msg string
	}{
		"12.345":    {ProblemTooManyDecimals, `"12.345" has more than 2 decimals for USD`},
		"¥1,200":    {ProblemNotAmountIn, `"¥1,200" is not an amount of USD`},
		"-$5.00":    {ProblemNegativeAmount, `"-$5.00": an amount cannot be negative`},
		"(1,234.5)": {ProblemNegativeAmount, `"(1,234.5)": an amount cannot be negative`},
	} {
		_, err := ParseAmount(s, usd)
		var ve *ValueError
		if !errors.As(err, &ve) || ve.Problem != want.p || err.Error() != want.msg {
			t.Errorf("ParseAmount(%q, USD): %v; want %s %q", s, err, want.p, want.msg)
		}
	}
	_, err := ParseAmount("1234.56", model.JPY)
	if err == nil || err.Error() != `"1234.56" has a fraction of a yen` {
		t.Errorf("cents for JPY: %v, want the fraction-of-a-yen refusal", err)
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-11-26", "2026/1/5", "2026年11月26日", "46352.5", "2026-11-26T09:30:00+09:00", "20261126", "2026.11.26"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		if d.Hour() != 0 || d.Location() != time.UTC || d.Year() < minYear || d.Year() > maxYear {
			t.Fatalf("ParseDate(%q) = %v: not a UTC calendar day in range", s, d)
		}
		// A day it accepts, written the canonical way, reads back the same.
		if again, err := ParseDate(model.FormatDate(d)); err != nil || !again.Equal(d) {
			t.Fatalf("ParseDate(%q) = %v, but its canonical form reads as %v, %v", s, d, again, err)
		}
	})
}

func FuzzParseAmount(f *testing.F) {
	usd, _ := model.CurrencyFor("USD")
	for _, s := range []string{"¥1,200,000", "￥1,200,000", "120万円", "1.2億", "1,200,000円", "1200000", "1.2E+7", "-5",
		"$1,234.56", "1234.5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, c := range []model.Currency{model.JPY, usd} {
			y, err := ParseAmount(s, c)
			if err == nil && y < 0 {
				t.Fatalf("ParseAmount(%q, %s) = %d: negative", s, c.Code, y)
			}
			if err != nil && (err.Error() == "" || strings.Contains(err.Error(), "\n")) {
				t.Fatalf("ParseAmount(%q, %s): error %q is not one line", s, c.Code, err)
			}
		}
	})
}
