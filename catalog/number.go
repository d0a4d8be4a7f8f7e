package catalog

import (
	"math"
	"strconv"
	"strings"

	"github.com/kpit-dev/kpit/model"
)

// Undefined is how a figure without a value reads (a rate over zero).
const Undefined = "—"

// GroupThousands writes the integer n with commas: 1234567 -> 1,234,567
// (the model's rule, which its English refusals use too).
func GroupThousands(n int64) string { return model.GroupThousands(n) }

// TrimDecimal writes v with at most prec decimals, dropping trailing zeros,
// and thousands separators in the integer part: 1234.50 -> 1,234.5.
func TrimDecimal(v float64, prec int) string {
	s := strconv.FormatFloat(v, 'f', prec, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	frac = strings.TrimRight(frac, "0")
	n, _ := strconv.ParseInt(intPart, 10, 64)
	out := GroupThousands(n)
	if n == 0 && strings.HasPrefix(intPart, "-") {
		out = "-0"
	}
	if frac != "" {
		out += "." + frac
	}
	return out
}

// FormatYen writes an amount of money for language l, short enough for a
// table cell, with at least three significant digits, so two amounts a
// manager compares (¥1.97M beside a ¥2M target) never read the same when
// they differ by more than 1%. Japanese uses 万 and 億 the way sales teams
// write them: under ¥10,000 in full (¥9,800), up to ¥1億 in 万 (¥1.97万,
// ¥12.5万, ¥197万, ¥1,200万), from ¥1億 in 億 with up to two decimals
// (¥3.6億, ¥10億, ¥12.35億). English uses K, M and B above ¥10,000 with
// three significant digits (¥12.5K, ¥1.97M, ¥83.3M, ¥410M, ¥1.25B).
// Trailing zeros are dropped (¥2M, ¥3.6億). The full figure is FormatYenFull.
func FormatYen(l Lang, v model.Value) string {
	if !v.Valid || math.IsNaN(v.V) || math.IsInf(v.V, 0) {
		return Undefined
	}
	x := v.V
	sign := ""
	if x < 0 {
		sign, x = "-", -x
	}
	if math.Round(x) < 1e4 {
		return sign + "¥" + GroupThousands(int64(math.Round(x)))
	}
	if l == LangJA {
		if s, ok := threeDigits(x/1e4, 1e4); ok {
			return sign + "¥" + s + "万"
		}
		return sign + "¥" + TrimDecimal(x/1e8, 2) + "億"
	}
	for _, u := range []struct {
		scale  float64
		suffix string
	}{{1e3, "K"}, {1e6, "M"}} {
		if s, ok := threeDigits(x/u.scale, 1000); ok {
			return sign + "¥" + s + u.suffix
		}
	}
	s, _ := threeDigits(x/1e9, math.Inf(1))
	return sign + "¥" + s + "B"
}

// threeDigits writes v (at least 1) with three significant digits, or all
// its integer digits from 100 on, dropping trailing zeros: 1.97, 12.5,
// 197, 1,200. ok is false when v rounds to limit or more, so the caller
// moves to the next unit (¥999.6K is ¥1M, not ¥1,000K).
func threeDigits(v, limit float64) (string, bool) {
	prec := 0
	switch {
	case v < 9.995:
		prec = 2
	case v < 99.95:
		prec = 1
	}
	p := math.Pow(10, float64(prec))
	if math.Round(v*p)/p >= limit {
		return "", false
	}
	return TrimDecimal(v, prec), true
}

// FormatYenFull writes an amount to the yen: ¥360,000,000 (both languages).
func FormatYenFull(v model.Value) string {
	if !v.Valid || math.IsNaN(v.V) || math.IsInf(v.V, 0) {
		return Undefined
	}
	x := math.Round(v.V)
	if math.Abs(x) >= 1e18 {
		// Beyond int64 yen: only a what-if taken to absurd values gets here.
		return "¥" + strconv.FormatFloat(x, 'g', 4, 64)
	}
	if x < 0 {
		return "-¥" + GroupThousands(int64(-x))
	}
	return "¥" + GroupThousands(int64(x))
}

// FormatCount writes a count with thousands separators and at most one
// decimal: 1,234 or 138.9.
func FormatCount(v model.Value) string {
	if !v.Valid || math.IsNaN(v.V) || math.IsInf(v.V, 0) {
		return Undefined
	}
	return TrimDecimal(v.V, 1)
}

// FormatPercent writes a ratio (0.3) as a percentage with one decimal: 30.0%.
func FormatPercent(v model.Value) string {
	if !v.Valid || math.IsNaN(v.V) || math.IsInf(v.V, 0) {
		return Undefined
	}
	return strconv.FormatFloat(v.V*100, 'f', 1, 64) + "%"
}

// FormatChange writes a relative change (0.12) with its sign: +12.0%, -3.5%.
// Points is the unit of a change in a rate: percentage points.
var Points = Text{JA: "pt", EN: "pt"}

// FormatChangeOf writes a figure's change against the previous range: a
// relative change for a count or a sum (+9.1%), a difference in points for
// a rate (+1.4pt); "—" when undefined.
func FormatChangeOf(l Lang, u model.Unit, change model.Value) string {
	s := FormatChange(change)
	if u == model.UnitRatio && change.Valid && s != Undefined {
		return strings.TrimSuffix(s, "%") + l.T(Points)
	}
	return s
}

func FormatChange(v model.Value) string {
	if !v.Valid || math.IsNaN(v.V) || math.IsInf(v.V, 0) {
		return Undefined
	}
	s := strconv.FormatFloat(v.V*100, 'f', 1, 64) + "%"
	if v.V >= 0 && !strings.HasPrefix(s, "-") {
		s = "+" + s
	}
	if s == "-0.0%" {
		s = "+0.0%"
	}
	return s
}

// FormatUnit writes a figure according to its unit.
func FormatUnit(l Lang, u model.Unit, v model.Value) string {
	switch u {
	case model.UnitMoney:
		return FormatYen(l, v)
	case model.UnitRatio:
		return FormatPercent(v)
	case model.UnitHours:
		if !v.Valid {
			return FormatCount(v)
		}
		return l.T(msgHours, FormatCount(v))
	default:
		return FormatCount(v)
	}
}

// msgHours is a duration in hours (response times).
var msgHours = Text{JA: "%s時間", EN: "%sh"}
