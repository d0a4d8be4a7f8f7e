package catalog

import (
	"math"
	"strconv"

	"github.com/kpit-dev/kpit/model"
)

// Money writes amounts of the team's currency in one language. A screen or
// a command makes one from its language and the currency (the store's, or
// the figures engine's Figures.Currency) and writes every amount with it.
//
// JPY reads as it always has: ¥1,200万 / ¥12M for figures (FormatYen),
// ¥360,000,000 in full. Other currencies use their symbol with K, M and B
// in both languages ($12.5K, $1.97M; 万 and 億 are for yen only) and their
// decimals in full ($1,234.56).
type Money struct {
	Lang     Lang
	Currency model.Currency
}

func (m Money) yen() bool { return m.Currency.Code == "" || m.Currency.Code == model.JPY.Code }

// Short writes a figure short enough for a table cell, with at least three
// significant digits: under 10,000 in full ($9,800, $12.50), above that
// with K, M or B ($12.5K, $1.97M, $83.3M, $1.25B).
func (m Money) Short(v model.Value) string {
	if m.yen() {
		return FormatYen(m.Lang, v)
	}
	if !v.Valid || math.IsNaN(v.V) || math.IsInf(v.V, 0) {
		return Undefined
	}
	x, sign := v.V, ""
	if x < 0 {
		sign, x = "-", -x
	}
	sym := m.Currency.Symbol
	if x < 1e4 {
		minor := math.Round(x * m.Currency.PerMajor())
		if math.Mod(minor, m.Currency.PerMajor()) == 0 {
			return sign + sym + GroupThousands(int64(minor)/int64(m.Currency.PerMajor())) // whole: no .00 in a cell
		}
		return sign + sym + m.fixed(minor)
	}
	for _, u := range []struct {
		scale  float64
		suffix string
	}{{1e3, "K"}, {1e6, "M"}} {
		if s, ok := threeDigits(x/u.scale, 1000); ok {
			return sign + sym + s + u.suffix
		}
	}
	s, _ := threeDigits(x/1e9, math.Inf(1))
	return sign + sym + s + "B"
}

// Full writes a figure to the minor unit: ¥360,000,000, $1,234,567.89.
func (m Money) Full(v model.Value) string {
	if m.yen() {
		return FormatYenFull(v)
	}
	if !v.Valid || math.IsNaN(v.V) || math.IsInf(v.V, 0) {
		return Undefined
	}
	minor := math.Round(v.V * m.Currency.PerMajor())
	if math.Abs(minor) >= 1e18 {
		return m.Currency.Symbol + strconv.FormatFloat(v.V, 'g', 4, 64)
	}
	if minor < 0 {
		return "-" + m.Currency.Symbol + m.fixed(-minor)
	}
	return m.Currency.Symbol + m.fixed(minor)
}

// Amount writes one record's amount (stored in minor units): for JPY as
// the record lists always wrote it (Short), otherwise exactly, $1,234.56.
func (m Money) Amount(a model.Minor) string {
	if m.yen() {
		return FormatYen(m.Lang, model.Some(float64(a)))
	}
	return m.Full(model.Some(m.Currency.Major(a)))
}

// Unit writes a figure according to its unit, money in this currency.
func (m Money) Unit(u model.Unit, v model.Value) string {
	if u == model.UnitMoney {
		return m.Short(v)
	}
	return FormatUnit(m.Lang, u, v)
}

// Pace writes a projection (the run rate to a range's end): counts as
// whole numbers, since 107.3 deals promises a precision a run rate does
// not have; anything else as Unit does.
func (m Money) Pace(u model.Unit, v model.Value) string {
	if u == model.UnitCount && v.Valid {
		v.V = math.Round(v.V)
	}
	return m.Unit(u, v)
}

// fixed writes a non-negative whole number of minor units as major units
// with the currency's decimals and thousands commas: 123456 → 1,234.56.
func (m Money) fixed(minor float64) string {
	per := int64(m.Currency.PerMajor())
	n := int64(minor)
	s := GroupThousands(n / per)
	if m.Currency.Decimals > 0 {
		s += "." + leftPad(strconv.FormatInt(n%per, 10), m.Currency.Decimals)
	}
	return s
}

func leftPad(s string, n int) string {
	for len(s) < n {
		s = "0" + s
	}
	return s
}
