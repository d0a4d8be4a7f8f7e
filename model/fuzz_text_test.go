package model

import (
	"strconv"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// FuzzParsePeriod: a period read from any text is a span of whole days,
// its Key reads back as the same period, and a refusal is never empty.
func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2026-11", "2026-Q3", "FY2026", "FY2026-Q1", "2026-W47", "2026-11-20", "fy2026-q4", "2026-W53", "2020-W53", " 2026-11 ", "FY-Q1", "２０２６-11"} {
		f.Add(s, uint8(4))
	}
	f.Fuzz(func(t *testing.T, s string, month uint8) {
		fs := time.Month(month%12 + 1)
		p, err := ParsePeriod(s, fs)
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("%q: empty error", s)
			}
			return
		}
		if !p.Start.Before(p.End) || !Date(p.Start).Equal(p.Start) || !Date(p.End).Equal(p.End) {
			t.Fatalf("%q: span %v..%v", s, p.Start, p.End)
		}
		back, err := ParsePeriod(p.Key(), fs)
		if err != nil || !back.Start.Equal(p.Start) || !back.End.Equal(p.End) || back.Kind != p.Kind {
			t.Fatalf("%q: Key %q reads back as %+v, %v; want %+v", s, p.Key(), back, err, p)
		}
	})
}

// FuzzParseDay: a day read from a flag is a calendar day at midnight that
// reads back from its printed form; ParseWhole never takes what Atoi of
// its narrowed form would not.
func FuzzParseDay(f *testing.F) {
	for _, s := range []string{"2026-03-02", "today", "yesterday", "２０２６－０３－０２", "2026-02-30", "0000-01-01", "9999-12-31", " 2026-3-2 ", "３"} {
		f.Add(s)
	}
	today := D(2026, time.November, 26)
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDay(s, today)
		if err == nil {
			if !Date(d).Equal(d) {
				t.Fatalf("%q: %v is not a day", s, d)
			}
			back, err := ParseDay(FormatDate(d), today)
			if err != nil || !back.Equal(d) {
				t.Fatalf("%q: %s reads back as %v, %v", s, FormatDate(d), back, err)
			}
		}
		if n, err := ParseWhole(s); err == nil {
			if _, err := ParseWhole(strconv.Itoa(n)); err != nil {
				t.Fatalf("%q: %d does not read back", s, n)
			}
		}
	})
}

// FuzzCheckText: TrimText is idempotent and leaves nothing invisible at
// either end; Blank is TrimText's emptiness; CheckText takes a value
// exactly when it holds no control character but tab, CR and LF and is
// within the limit, and a refusal names a position inside the value.
func FuzzCheckText(f *testing.F) {
	for _, s := range []string{"ACME", "AC\x00ME", "\u200b", "\ufeff株式会社\u00a0", "line\r\nline\tend", "\x1b[31m", "x\u0085", "\xff\xfe", ""} {
		f.Add(s, uint8(5))
	}
	f.Fuzz(func(t *testing.T, s string, limit uint8) {
		trimmed := TrimText(s)
		if TrimText(trimmed) != trimmed {
			t.Fatalf("TrimText(%q) = %q is not trimmed", s, trimmed)
		}
		if r, _ := utf8.DecodeRuneInString(trimmed); trimmed != "" && invisible(r) {
			t.Fatalf("TrimText(%q) = %q starts invisible", s, trimmed)
		}
		if Blank(s) != (trimmed == "") {
			t.Fatalf("Blank(%q) = %v, TrimText %q", s, Blank(s), trimmed)
		}
		max := int(limit)
		clean := true
		for _, r := range s {
			if unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r' {
				clean = false
			}
		}
		n := utf8.RuneCountInString(s)
		err := CheckText("f", s, max)
		want := clean && (max == 0 || n <= max)
		if (err == nil) != want {
			t.Fatalf("CheckText(%q, %d) = %v, want taken %v", s, max, err, want)
		}
		var fe *FieldError
		if err != nil && asFieldError(err, &fe) && fe.Code == RefuseControlChar {
			if pos := fe.Args[1].(int); pos < 1 || pos > n {
				t.Fatalf("CheckText(%q): position %d of %d", s, pos, n)
			}
		}
	})
}

func asFieldError(err error, fe **FieldError) bool {
	e, ok := err.(*FieldError)
	*fe = e
	return ok
}
