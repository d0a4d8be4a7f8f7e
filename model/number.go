package model

import (
	"fmt"
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

// ParseQuantity reads figures as people write them: 30%, 0.3, 2000000,
// 2,000,000, 200万, 10億, 1.2億円, ¥1,200,000, ￥1,200,000 (full-width digits
// too), with an optional /year, /quarter, /month, /week or /day suffix.
func ParseQuantity(s string) (Quantity, error) {
	q := Quantity{Per: FiscalYear}
	in := strings.TrimSpace(width.Narrow.String(s))
	if i := strings.LastIndex(in, "/"); i >= 0 {
		per, err := parsePer(in[i+1:])
		if err != nil {
			return q, fmt.Errorf("%q: %w", s, err)
		}
		q.Per, q.HasPer = per, true
		in = strings.TrimSpace(in[:i])
	}
	v, pct, err := parseNumber(in)
	if err != nil {
		return q, fmt.Errorf("%q: %w", s, err)
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
	return "", fmt.Errorf("unknown period %q (want year, quarter, month, week or day)", s)
}

// parseNumber reads one number with an optional yen sign, thousands commas,
// 万/億/千 multipliers, a trailing 円 or a trailing %.
func parseNumber(in string) (float64, bool, error) {
	s := strings.TrimSpace(in)
	if s == "" {
		return 0, false, fmt.Errorf("no number")
	}
	s = strings.TrimPrefix(s, "¥")
	s = strings.TrimSuffix(s, "円")
	pct := false
	if strings.HasSuffix(s, "%") {
		pct, s = true, strings.TrimSuffix(s, "%")
	}
	mult := 1.0
	// Walk multipliers from the right so 1億2000万 reads as 120,000,000.
	total, rest := 0.0, s
	for _, u := range []struct {
		sym string
		f   float64
	}{{"億", 1e8}, {"万", 1e4}, {"千", 1e3}} {
		if i := strings.Index(rest, u.sym); i >= 0 {
			head := rest[:i]
			v, err := plainNumber(head)
			if err != nil {
				return 0, false, err
			}
			total += v * u.f
			rest = rest[i+len(u.sym):]
			mult = 1
		}
	}
	if rest != "" {
		v, err := plainNumber(rest)
		if err != nil {
			return 0, false, err
		}
		total += v * mult
	} else if total == 0 && s == rest {
		return 0, false, fmt.Errorf("no number")
	}
	if pct {
		total /= 100
	}
	if math.IsNaN(total) || math.IsInf(total, 0) {
		return 0, false, fmt.Errorf("not a finite number")
	}
	return total, pct, nil
}

func plainNumber(s string) (float64, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, fmt.Errorf("no number")
	}
	neg := strings.HasPrefix(t, "-")
	body := strings.TrimPrefix(t, "-")
	if strings.Contains(body, ",") {
		// Thousands separators must sit in groups of three: 2,000,000 yes, 2,00 no.
		intPart := body
		if i := strings.Index(body, "."); i >= 0 {
			intPart = body[:i]
		}
		groups := strings.Split(intPart, ",")
		for i, g := range groups {
			if (i == 0 && (len(g) < 1 || len(g) > 3)) || (i > 0 && len(g) != 3) {
				return 0, fmt.Errorf("%q: misplaced thousands separator", s)
			}
		}
		body = strings.ReplaceAll(body, ",", "")
	}
	for _, r := range body {
		if (r < '0' || r > '9') && r != '.' {
			return 0, fmt.Errorf("%q is not a number", s)
		}
	}
	v, err := strconv.ParseFloat(body, 64)
	if err != nil {
		return 0, fmt.Errorf("%q is not a number", s)
	}
	if neg {
		v = -v
	}
	return v, nil
}

// ParseYen reads an amount of money (12,000,000円, 1.2億, ¥1,200,000,
// ￥1,200,000, 120万円) as whole yen. Fractions of a yen are refused.
func ParseYen(s string) (Yen, error) {
	q, err := ParseQuantity(s)
	if err != nil {
		return 0, err
	}
	if q.Percent || q.HasPer {
		return 0, fmt.Errorf("%q is not an amount of money", s)
	}
	if math.Abs(q.Value) > 9e15 {
		return 0, fmt.Errorf("%q is too large", s)
	}
	r := math.Round(q.Value)
	if math.Abs(q.Value-r) > 1e-6 {
		return 0, fmt.Errorf("%q has a fraction of a yen", s)
	}
	return Yen(r), nil
}
