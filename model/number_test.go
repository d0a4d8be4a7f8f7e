package model

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

func TestParseQuantity(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want float64
		pct  bool
		per  PeriodKind
	}{
		{"30%", 0.3, true, FiscalYear},
		{"30 %", 0.3, true, FiscalYear},
		{"８３．５％", 0.835, true, FiscalYear}, // full-width
		{"0.3", 0.3, false, FiscalYear},
		{"2000000", 2e6, false, FiscalYear},
		{"2,000,000", 2e6, false, FiscalYear},
		{"1,234.5", 1234.5, false, FiscalYear},
		{"200万", 2e6, false, FiscalYear},
		{"10億", 1e9, false, FiscalYear},
		{"1.2億円", 1.2e8, false, FiscalYear},
		{"1億2000万", 1.2e8, false, FiscalYear},
		{"1億2,000万円", 1.2e8, false, FiscalYear},
		{"1千万", 1e7, false, FiscalYear},
		{"3千", 3000, false, FiscalYear},
		{"1千500", 1500, false, FiscalYear},
		{"¥1,200,000", 1.2e6, false, FiscalYear},
		{"￥１,２００,０００", 1.2e6, false, FiscalYear},
		{"１２０万円", 1.2e6, false, FiscalYear},
		{"-5", -5, false, FiscalYear},
		{"-¥500", -500, false, FiscalYear},
		{".5", 0.5, false, FiscalYear},
		{"50/month", 50, false, Month},
		{" 50 / Month ", 50, false, Month},
		{"50/月", 50, false, Month},
		{"1億/quarter", 1e8, false, Quarter},
		{"10/week", 10, false, Week},
		{"10/w", 10, false, Week},
		{"3/day", 3, false, Day},
		{"10億/year", 1e9, false, FiscalYear},
		{"0", 0, false, FiscalYear},
	} {
		q, err := ParseQuantity(tc.in)
		if err != nil || math.Abs(q.Value-tc.want) > 1e-9*math.Max(1, tc.want) || q.Percent != tc.pct || q.Per != tc.per ||
			q.HasPer != strings.Contains(tc.in, "/") {
			t.Errorf("ParseQuantity(%q) = %+v, %v; want %v (pct %v, per %s)", tc.in, q, err, tc.want, tc.pct, tc.per)
		}
	}
	for _, bad := range []string{"", " ", "abc", "2,00", "1,0000", ",100", "1,000.5,5", "1.2.3", "1e9", "NaN", "Inf",
		"--5", "1億-2000万", "万", "億円", "%", "¥", "5%%", "/month", "5/", "5/fortnight", "5 6", "0x10", "1_000",
		"2000万1億", "１２三"} {
		if q, err := ParseQuantity(bad); err == nil {
			t.Errorf("ParseQuantity(%q) = %+v, want an error", bad, q)
		} else if strings.Count(err.Error(), strconv.Quote(bad)) > 1 || strings.Contains(err.Error(), "\n") {
			t.Errorf("ParseQuantity(%q): error %q repeats the input", bad, err)
		}
	}
}

// FuzzParseQuantity: ParseQuantity never panics, never returns a value that
// is not finite, and a value it reads, written back plainly, reads back the
// same.
func FuzzParseQuantity(f *testing.F) {
	for _, s := range []string{"30%", "0.3", "2,000,000", "200万", "10億", "1億2000万/month", "￥1,200,000", "1千万",
		"-5", "abc", "2,00", "1.5円", "50/week", "", "%", "億万千"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseQuantity(s)
		if err != nil {
			return
		}
		if math.IsNaN(q.Value) || math.IsInf(q.Value, 0) {
			t.Fatalf("%q: not finite: %v", s, q.Value)
		}
		if q.HasPer && !q.Per.Valid() {
			t.Fatalf("%q: period %q", s, q.Per)
		}
		back := strconv.FormatFloat(q.Value, 'f', -1, 64)
		if q.HasPer {
			back += "/" + string(q.Per)
		}
		r, err := ParseQuantity(back)
		if err != nil || r.Value != q.Value || r.Per != q.Per || r.HasPer != q.HasPer {
			t.Fatalf("%q read as %+v, written back as %q, read again as %+v, %v", s, q, back, r, err)
		}
	})
}

func TestParseQuantityRefusesAbsurdFigures(t *testing.T) {
	for _, in := range []string{"99999999999999999999999999999", "1e308", "10000兆", "1,000,000,000,000,001", "2000000000000000/month"} {
		if q, err := ParseQuantity(in); err == nil {
			t.Errorf("ParseQuantity(%q) = %v; want an error", in, q.Value)
		}
	}
	if q, err := ParseQuantity("1000000000000000"); err != nil || q.Value != 1e15 {
		t.Errorf("ParseQuantity(10^15) = %v, %v; want 1e15", q.Value, err)
	}
}
