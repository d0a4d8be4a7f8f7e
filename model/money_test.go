package model

import (
	"strings"
	"testing"
)

func TestParseMoney(t *testing.T) {
	usd, _ := CurrencyFor("usd")
	eur, _ := CurrencyFor("EUR")
	for _, c := range []struct {
		in   string
		cur  Currency
		want Minor
	}{
		// JPY: whole yen, as kpit always read them.
		{"12,000,000円", JPY, 12_000_000},
		{"1.2億", JPY, 120_000_000},
		{"¥1,200,000", JPY, 1_200_000},
		{"￥1,200,000", JPY, 1_200_000},
		{`\1,200,000`, JPY, 1_200_000}, // ¥ from a CP932 file decodes as a backslash
		{"120万円", JPY, 1_200_000},
		{"1億2000万", JPY, 120_000_000},
		{"1千万", JPY, 10_000_000},
		{"1.5万", JPY, 15_000},
		{"JPY 1,200,000", JPY, 1_200_000},
		{"１２００", JPY, 1200},
		{"1.2E+7", JPY, 12_000_000},
		{"1200.00", JPY, 1200}, // zero decimals are no fraction
		{"0", JPY, 0},
		{"-3,000", JPY, -3000},
		// USD: cents.
		{"1,234.56", usd, 123456},
		{"$1,234.56", usd, 123456},
		{"1234.5", usd, 123450},
		{"1234", usd, 123400},
		{"0.05", usd, 5},
		{".5", usd, 50},
		{"USD 99.99", usd, 9999},
		{"99.99 usd", usd, 9999},
		{"1,500ドル", usd, 150000},
		{"1.5万ドル", usd, 1_500_000},
		{"1.2345E+3", usd, 123450},
		{"-$12.30", usd, -1230},
		{"€1,234.56", eur, 123456},
		{"1234.56 €", eur, 123456},
	} {
		if got, err := ParseMoney(c.in, c.cur); err != nil || got != c.want {
			t.Errorf("ParseMoney(%q, %s) = %d, %v; want %d", c.in, c.cur.Code, got, err, c.want)
		}
	}
	for _, c := range []struct {
		in      string
		cur     Currency
		problem MoneyProblem
		msg     string
	}{
		{"1.5円", JPY, MoneyFraction, `"1.5円" has a fraction of a yen`},
		{"1234.56", JPY, MoneyFraction, `"1234.56" has a fraction of a yen`},
		{"12.345", usd, MoneyFraction, `"12.345" has more than 2 decimals for USD`},
		{"$0.001", usd, MoneyFraction, `"$0.001" has more than 2 decimals for USD`},
		{"$1,200", JPY, MoneyNotAmount, `"$1,200" is not an amount of yen`},
		{"¥1,200", usd, MoneyNotAmount, `"¥1,200" is not an amount of USD`},
		{"1.234,56", eur, MoneyNotAmount, `"1.234,56" is not an amount of EUR`},
		{"30%", usd, MoneyNotAmount, ""},
		{"5/month", JPY, MoneyNotAmount, ""},
		{"abc", JPY, MoneyNotAmount, ""},
		{"2,00", JPY, MoneyNotAmount, ""},
		{"1,2.5", usd, MoneyNotAmount, ""},
		{"", usd, MoneyNotAmount, ""},
		{"$", usd, MoneyNotAmount, ""},
		{".", usd, MoneyNotAmount, ""},
		{"E5", usd, MoneyNotAmount, ""},
		{"1E999999999", usd, MoneyNotAmount, ""},
		{"1/2", usd, MoneyNotAmount, ""},
		{"0x10", JPY, MoneyNotAmount, ""},
		{"100000000億", JPY, MoneyTooLarge, ""},
		{"90,000,000,000,000.01", usd, MoneyTooLarge, ""},
	} {
		got, err := ParseMoney(c.in, c.cur)
		me, ok := err.(*MoneyError)
		if !ok || me.Problem != c.problem {
			t.Errorf("ParseMoney(%q, %s) = %d, %v; want problem %s", c.in, c.cur.Code, got, err, c.problem)
			continue
		}
		if c.msg != "" && err.Error() != c.msg {
			t.Errorf("ParseMoney(%q, %s): error %q, want %q", c.in, c.cur.Code, err, c.msg)
		}
	}
}

func TestCurrencyFor(t *testing.T) {
	for code, want := range map[string]Currency{"JPY": JPY, " usd ": {Code: "USD", Decimals: 2, Symbol: "$", wordJA: "ドル"}} {
		if got, err := CurrencyFor(code); err != nil || got != want {
			t.Errorf("CurrencyFor(%q) = %+v, %v", code, got, err)
		}
	}
	_, err := CurrencyFor("XYZ")
	if err == nil || !strings.Contains(err.Error(), `"XYZ"`) || strings.Contains(err.Error(), "\n") {
		t.Errorf("CurrencyFor(XYZ): %v, want one line naming XYZ", err)
	}
}

func TestCurrencyPlainAndMajor(t *testing.T) {
	usd, _ := CurrencyFor("USD")
	for _, c := range []struct {
		cur   Currency
		m     Minor
		plain string
		major float64
	}{
		{usd, 123456, "1234.56", 1234.56},
		{usd, 5, "0.05", 0.05},
		{usd, -1230, "-12.30", -12.3},
		{usd, 0, "0.00", 0},
		{JPY, 1_200_000, "1200000", 1_200_000},
		{JPY, -5, "-5", -5},
	} {
		if got := c.cur.Plain(c.m); got != c.plain {
			t.Errorf("%s Plain(%d) = %q, want %q", c.cur.Code, c.m, got, c.plain)
		}
		if got := c.cur.Major(c.m); got != c.major {
			t.Errorf("%s Major(%d) = %v, want %v", c.cur.Code, c.m, got, c.major)
		}
	}
}

// FuzzParseMoney: ParseMoney never panics, stays within MaxMinor, and an
// amount it reads, written plainly in major units, reads back the same.
func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"1,234.56", "$1,234.56", "1234.5", "12.345", "1.2億", "120万円", "¥1,200,000", "1.2E+7",
		"-5", "abc", "2,00", "1.5円", "", "億万千", "USD 1", "1e99", ".5", "5."} {
		f.Add(s, "USD")
		f.Add(s, "JPY")
	}
	f.Fuzz(func(t *testing.T, s, code string) {
		c, err := CurrencyFor(code)
		if err != nil {
			return
		}
		m, err := ParseMoney(s, c)
		if err != nil {
			return
		}
		if m > MaxMinor || m < -MaxMinor {
			t.Fatalf("%q: %d is beyond MaxMinor", s, m)
		}
		back, err := ParseMoney(c.Plain(m), c)
		if err != nil || back != m {
			t.Fatalf("%q → %d → %q → %d, %v", s, m, c.Plain(m), back, err)
		}
	})
}
