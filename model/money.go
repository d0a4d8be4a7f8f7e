package model

import (
	"fmt"
	"math/big"
	"strings"

	"golang.org/x/text/width"
)

// Currency is the team's currency: its ISO 4217 code, how many decimals its
// minor unit has (amounts are stored as whole minor units, see Minor) and
// the symbol money is shown with.
type Currency struct {
	Code     string
	Decimals int
	Symbol   string
	wordJA   string // how the amount may end in Japanese text: 円, ドル
}

// JPY is the currency of a file that never set one: whole yen, as before
// kpit knew currencies, so such files need no rewrite.
var JPY = Currency{Code: "JPY", Decimals: 0, Symbol: "¥", wordJA: "円"}

// currencies are the codes kpit knows. A code outside the list is refused
// rather than guessed, since its decimals decide how every amount is stored.
var currencies = []Currency{
	JPY,
	{Code: "USD", Decimals: 2, Symbol: "$", wordJA: "ドル"},
	{Code: "EUR", Decimals: 2, Symbol: "€", wordJA: "ユーロ"},
	{Code: "GBP", Decimals: 2, Symbol: "£", wordJA: "ポンド"},
	{Code: "AUD", Decimals: 2, Symbol: "A$", wordJA: "豪ドル"},
	{Code: "CAD", Decimals: 2, Symbol: "CA$", wordJA: "カナダドル"},
	{Code: "SGD", Decimals: 2, Symbol: "S$", wordJA: "シンガポールドル"},
	{Code: "KRW", Decimals: 0, Symbol: "₩", wordJA: "ウォン"},
}

// CurrencyCodes lists the known codes in the order of the table.
func CurrencyCodes() []string {
	codes := make([]string, len(currencies))
	for i, c := range currencies {
		codes[i] = c.Code
	}
	return codes
}

// CurrencyFor finds a known currency by its ISO 4217 code, in any case.
func CurrencyFor(code string) (Currency, error) {
	want := strings.ToUpper(strings.TrimSpace(code))
	for _, c := range currencies {
		if c.Code == want {
			return c, nil
		}
	}
	return Currency{}, Refused(RefuseUnknownCurrency, code, Names(CurrencyCodes()))
}

// Major is an amount in major units (dollars, yen): how a typed amount is
// kept as a target or a manual value, which are in major units.
func (c Currency) Major(m Minor) float64 {
	return float64(m) / c.PerMajor()
}

// PerMajor is how many minor units make one major unit: 100 for USD, 1 for
// JPY. The figures engine divides the store's sums by it.
func (c Currency) PerMajor() float64 { return float64(c.scale()) }

// Plain writes an amount in major units with exactly the currency's
// decimals and no grouping or symbol: 1234.56, 0.05, -12.30, 1200000 for
// JPY. It is what an export writes, so ParseMoney reads it back exactly.
func (c Currency) Plain(m Minor) string {
	if c.Decimals == 0 {
		return fmt.Sprintf("%d", int64(m))
	}
	sign, v := "", uint64(m)
	if m < 0 {
		sign, v = "-", uint64(-m)
	}
	s := uint64(c.scale())
	return fmt.Sprintf("%s%d.%0*d", sign, v/s, c.Decimals, v%s)
}

func (c Currency) scale() int64 {
	s := int64(1)
	for range c.Decimals {
		s *= 10
	}
	return s
}

// noun is how an English message names the currency's major unit.
func (c Currency) noun() Noun {
	if c.Code == JPY.Code {
		return "yen"
	}
	return Noun(c.Code)
}

// MaxMinor bounds a stored amount: below 2^53, so every amount and every
// sum of a few of them is exact as a float too.
const MaxMinor = 9e15

// MoneyProblem says why ParseMoney refused a value.
type MoneyProblem string

const (
	MoneyNotAmount MoneyProblem = "not_amount" // not a number, or another currency's sign
	MoneyFraction  MoneyProblem = "fraction"   // more decimals than the currency has
	MoneyTooLarge  MoneyProblem = "too_large"  // beyond MaxMinor minor units
)

// MoneyError is an amount ParseMoney refused: what is wrong, the value as
// written and the currency it was read in.
type MoneyError struct {
	Problem  MoneyProblem
	Value    string
	Currency Currency
}

func (e *MoneyError) Error() string { return e.Refusal().Error() }

// Refusal is the refusal's code and values, for a door that words it in
// the user's language (catalog.ErrorLine).
func (e *MoneyError) Refusal() *Refusal {
	switch e.Problem {
	case MoneyFraction:
		if e.Currency.Decimals == 0 {
			return Refused(RefuseMoneyFraction, e.Value, e.Currency.noun())
		}
		return Refused(RefuseMoneyDecimals, e.Value, e.Currency.Decimals, e.Currency.Code)
	case MoneyTooLarge:
		return Refused(RefuseMoneyTooLarge, e.Value)
	}
	return Refused(RefuseMoneyNotAmount, e.Value, e.Currency.noun())
}

// ParseMoney reads an amount of money in currency c as people write it and
// returns it in minor units, exactly (no float on the way). Every entry path
// (the importer, `kpit add --amount`, the entry form, quick-add) reads
// amounts through it.
//
// It takes thousands commas, a decimal point, the currency's code before or
// after (USD 1,234.56), its symbol before or after ($1,234.56, 1234.56 €; for
// JPY also ￥ and the backslash a CP932 file decodes ¥ to), its Japanese word
// after (12,000,000円, 1,500ドル), 億/万/千 multipliers (1.2億, 120万円, 1千万),
// full-width digits, a leading minus, and the exponent numbers Excel stores
// (1.2E+7). More decimals than the currency has are refused: "1234.5" is
// 123450 cents for USD, "1234.5" is refused for JPY, "12.345" for USD.
func ParseMoney(s string, c Currency) (Minor, error) {
	bad := func(p MoneyProblem) (Minor, error) { return 0, &MoneyError{Problem: p, Value: s, Currency: c} }
	in := strings.TrimSpace(width.Narrow.String(s))
	in = strings.TrimSpace(trimFold(in, c.Code))
	neg := strings.HasPrefix(in, "-")
	in = strings.TrimSpace(strings.TrimPrefix(in, "-"))
	for _, sym := range c.signs() {
		if strings.HasPrefix(in, sym) {
			in = strings.TrimSpace(strings.TrimPrefix(in, sym))
			break
		}
		if strings.HasSuffix(in, sym) {
			in = strings.TrimSpace(strings.TrimSuffix(in, sym))
			break
		}
	}
	if in == "" {
		return bad(MoneyNotAmount)
	}
	v, ok := decimalWithUnits(in)
	if !ok {
		return bad(MoneyNotAmount)
	}
	v.Mul(v, new(big.Rat).SetInt64(c.scale()))
	if !v.IsInt() {
		return bad(MoneyFraction)
	}
	n := v.Num()
	if n.CmpAbs(big.NewInt(int64(MaxMinor))) > 0 {
		return bad(MoneyTooLarge)
	}
	m := Minor(n.Int64())
	if neg {
		m = -m
	}
	return m, nil
}

// signs are the ways an amount in c may be marked: symbol and word (its
// katakana narrowed as ParseMoney narrows the input).
func (c Currency) signs() []string {
	out := []string{c.Symbol, width.Narrow.String(c.wordJA)}
	if c.Code == JPY.Code {
		out = append(out, "\\")
	}
	return out
}

// trimFold removes code from the start or end of s, in any case.
func trimFold(s, code string) string {
	if len(s) >= len(code) && strings.EqualFold(s[:len(code)], code) {
		return s[len(code):]
	}
	if len(s) >= len(code) && strings.EqualFold(s[len(s)-len(code):], code) {
		return s[:len(s)-len(code)]
	}
	return s
}

// decimalWithUnits reads a non-negative number with 億/万 (each with an
// optional 千 inside) exactly: 1億2000万, 1.2億, 1千万, 1,234.56, 1.2E+7.
func decimalWithUnits(s string) (*big.Rat, bool) {
	total, rest := new(big.Rat), s
	for _, u := range []struct {
		sym string
		f   int64
	}{{"億", 1e8}, {"万", 1e4}} {
		if i := strings.Index(rest, u.sym); i >= 0 {
			v, ok := decimalThousands(rest[:i])
			if !ok {
				return nil, false
			}
			total.Add(total, v.Mul(v, new(big.Rat).SetInt64(u.f)))
			rest = rest[i+len(u.sym):]
		}
	}
	if rest != "" {
		v, ok := decimalThousands(rest)
		if !ok {
			return nil, false
		}
		total.Add(total, v)
	}
	return total, true
}

// decimalThousands reads a number with an optional 千 (1千 = 1,000, 1千500 = 1,500).
func decimalThousands(s string) (*big.Rat, bool) {
	head, tail, ok := strings.Cut(s, "千")
	if !ok {
		return decimal(s)
	}
	v, ok := decimal(head)
	if !ok {
		return nil, false
	}
	v.Mul(v, big.NewRat(1000, 1))
	if strings.TrimSpace(tail) != "" {
		t, ok := decimal(tail)
		if !ok {
			return nil, false
		}
		v.Add(v, t)
	}
	return v, true
}

// decimal reads digits with an optional decimal point and thousands commas
// in groups of three before it (2,000,000 yes, 2,00 no), or a plain number
// with a short exponent as Excel writes it (1.2E+7).
func decimal(s string) (*big.Rat, bool) {
	body := strings.TrimSpace(s)
	mant, exp, hasExp := strings.Cut(strings.ToUpper(body), "E")
	if hasExp {
		exp = strings.TrimPrefix(strings.TrimPrefix(exp, "+"), "-")
		// A short exponent only: 1E999999999 would be a huge number to build.
		if len(exp) == 0 || len(exp) > 2 || !digitsOnly(exp) || strings.Contains(mant, ",") {
			return nil, false
		}
	}
	if strings.Contains(mant, ",") {
		intPart, frac, _ := strings.Cut(mant, ".")
		if strings.Contains(frac, ",") {
			return nil, false
		}
		for i, g := range strings.Split(intPart, ",") {
			if (i == 0 && (len(g) < 1 || len(g) > 3)) || (i > 0 && len(g) != 3) {
				return nil, false
			}
		}
		body = strings.ReplaceAll(body, ",", "")
		mant = strings.ReplaceAll(mant, ",", "")
	}
	intPart, frac, _ := strings.Cut(mant, ".")
	if intPart+frac == "" || !digitsOnly(intPart) || !digitsOnly(frac) {
		return nil, false
	}
	v, ok := new(big.Rat).SetString(body)
	return v, ok
}

func digitsOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
