package model

import (
	"math"
	"strconv"
	"strings"

	"golang.org/x/text/width"
)

// Quantity is a number read from user text, with the period it is for.
type Quantity struct {
	Value   float64
	Percent bool       // written with %: Value is already divided by 100
	Per     PeriodKind // FiscalYear when no /period suffix was given
	HasPer  bool       // a /period suffix was given
}

// ParseWhole reads a whole number typed into a flag or a field: ASCII or
// full-width digits (３), surrounding spaces ignored.
func ParseWhole(s string) (int, error) {
	return strconv.Atoi(strings.TrimSpace(width.Narrow.String(s)))
}

// MaxQuantity bounds every figure read from user text. No sales figure
// comes near it, and products of a few such figures stay far inside what
// float64 and int64 yen represent exactly enough to print.
const MaxQuantity = 1e15

// ParseQuantity reads figures as people write them: 30%, 0.3, 2000000,
// 2,000,000, 200万, 10億, 1.2億円, ¥1,200,000, ￥1,200,000 (full-width digits
// too), with an optional /year, /quarter, /month, /week or /day suffix.
func ParseQuantity(s string) (Quantity, error) {
	q := Quantity{Per: FiscalYear}
	in := strings.TrimSpace(width.Narrow.String(s))
	if i := strings.LastIndex(in, "/"); i >= 0 {
		per, err := parsePer(in[i+1:])
		if err != nil {
			return q, Refused(RefuseQuantity, s, err)
		}
		q.Per, q.HasPer = per, true
		in = strings.TrimSpace(in[:i])
	}
	v, pct, err := parseNumber(in)
	if err != nil {
		return q, Refused(RefuseQuantity, s, err)
	}
	if math.Abs(v) > MaxQuantity {
		return q, Refused(RefuseQuantityTooLarge, s)
	}
	q.Value, q.Percent = v, pct
	return q, nil
}

func parsePer(s string) (PeriodKind, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "year", "y", "yr", "年":
		return FiscalYear, nil
	case "quarter", "q", "四半期":
		return Quarter, nil
	case "month", "m", "mo", "月":
		return Month, nil
	case "week", "w", "週":
		return Week, nil
	case "day", "d", "日":
		return Day, nil
	}
	return "", Refused(RefuseUnknownPer, s)
}

// parseNumber reads one number with an optional minus, yen sign, thousands
// commas, 億/万 multipliers (each with an optional 千 inside: 1千万 is
// 10,000,000), a trailing 円 or a trailing %.
func parseNumber(in string) (float64, bool, error) {
	s := strings.TrimSpace(in)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	// A yen sign: ¥, or a backslash, which is what ¥ becomes when a Shift_JIS
	// (CP932) file is decoded, since both share the byte 0x5C there.
	s = strings.TrimPrefix(strings.TrimPrefix(s, "¥"), "\\")
	s = strings.TrimSuffix(s, "円")
	pct := false
	if strings.HasSuffix(s, "%") {
		pct, s = true, strings.TrimSuffix(s, "%")
	}
	if strings.TrimSpace(s) == "" {
		return 0, false, Refused(RefuseNoNumber)
	}
	// Take the big units from the left so 1億2000万 reads as 120,000,000.
	total, rest := 0.0, s
	for _, u := range []struct {
		sym string
		f   float64
	}{{"億", 1e8}, {"万", 1e4}} {
		if i := strings.Index(rest, u.sym); i >= 0 {
			v, err := thousands(rest[:i])
			if err != nil {
				return 0, false, err
			}
			total += v * u.f
			rest = rest[i+len(u.sym):]
		}
	}
	if rest != "" {
		v, err := thousands(rest)
		if err != nil {
			return 0, false, err
		}
		total += v
	}
	if neg {
		total = -total
	}
	if pct {
		total /= 100
	}
	if math.IsNaN(total) || math.IsInf(total, 0) {
		return 0, false, Refused(RefuseNotFinite)
	}
	return total, pct, nil
}

// thousands reads a number with an optional 千 (1千 = 1,000, 1千500 = 1,500).
func thousands(s string) (float64, error) {
	head, tail, ok := strings.Cut(s, "千")
	if !ok {
		return plainNumber(s)
	}
	v, err := plainNumber(head)
	if err != nil {
		return 0, err
	}
	v *= 1e3
	if strings.TrimSpace(tail) != "" {
		t, err := plainNumber(tail)
		if err != nil {
			return 0, err
		}
		v += t
	}
	return v, nil
}

// plainNumber reads digits with an optional decimal point and thousands
// commas in groups of three before it: 2,000,000 yes, 2,00 no.
func plainNumber(s string) (float64, error) {
	body := strings.TrimSpace(s)
	if body == "" {
		return 0, Refused(RefuseNoNumber)
	}
	if strings.Contains(body, ",") {
		intPart, frac, _ := strings.Cut(body, ".")
		if strings.Contains(frac, ",") {
			return 0, Refused(RefuseThousands)
		}
		groups := strings.Split(intPart, ",")
		for i, g := range groups {
			if (i == 0 && (len(g) < 1 || len(g) > 3)) || (i > 0 && len(g) != 3) {
				return 0, Refused(RefuseThousands)
			}
		}
		body = strings.ReplaceAll(body, ",", "")
	}
	for _, r := range body {
		if (r < '0' || r > '9') && r != '.' {
			return 0, Refused(RefuseNotNumber)
		}
	}
	v, err := strconv.ParseFloat(body, 64)
	if err != nil {
		return 0, Refused(RefuseNotNumber)
	}
	return v, nil
}
