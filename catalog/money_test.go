package catalog

import (
	"testing"

	"github.com/kpit-dev/kpit/model"
)

func TestMoney(t *testing.T) {
	usd, _ := model.CurrencyFor("USD")
	eur, _ := model.CurrencyFor("EUR")
	for _, c := range []struct {
		m           Money
		v           float64
		short, full string
	}{
		{Money{LangEN, usd}, 1234.56, "$1,234.56", "$1,234.56"},
		{Money{LangJA, usd}, 1234.56, "$1,234.56", "$1,234.56"},
		{Money{LangEN, usd}, 9800, "$9,800", "$9,800.00"},
		{Money{LangEN, usd}, 12.5, "$12.50", "$12.50"},
		{Money{LangEN, usd}, 0.05, "$0.05", "$0.05"},
		{Money{LangEN, usd}, 12500, "$12.5K", "$12,500.00"},
		{Money{LangJA, usd}, 1_970_000, "$1.97M", "$1,970,000.00"},
		{Money{LangEN, usd}, 83_333_333.33, "$83.3M", "$83,333,333.33"},
		{Money{LangEN, usd}, 1_250_000_000, "$1.25B", "$1,250,000,000.00"},
		{Money{LangEN, usd}, 999_600, "$1M", "$999,600.00"},
		{Money{LangEN, usd}, -12.3, "-$12.30", "-$12.30"},
		{Money{LangEN, eur}, 1234.5, "€1,234.50", "€1,234.50"},
		// JPY: exactly what FormatYen and FormatYenFull wrote before.
		{Money{LangJA, model.JPY}, 12_000_000, "¥1,200万", "¥12,000,000"},
		{Money{LangEN, model.JPY}, 12_000_000, "¥12M", "¥12,000,000"},
		{Money{LangJA, model.Currency{}}, 9800, "¥9,800", "¥9,800"},
	} {
		if got := c.m.Short(model.Some(c.v)); got != c.short {
			t.Errorf("%s %s Short(%v) = %q, want %q", c.m.Lang, c.m.Currency.Code, c.v, got, c.short)
		}
		if got := c.m.Full(model.Some(c.v)); got != c.full {
			t.Errorf("%s %s Full(%v) = %q, want %q", c.m.Lang, c.m.Currency.Code, c.v, got, c.full)
		}
	}
	if got := (Money{LangEN, usd}).Short(model.None); got != Undefined {
		t.Errorf("none: %q", got)
	}
	for _, c := range []struct {
		m    Money
		a    model.Minor
		want string
	}{
		{Money{LangEN, usd}, 123456, "$1,234.56"},
		{Money{LangJA, usd}, 5, "$0.05"},
		{Money{LangEN, usd}, 1_000_000_00, "$1,000,000.00"},
		{Money{LangJA, model.JPY}, 12_000_000, "¥1,200万"},
	} {
		if got := c.m.Amount(c.a); got != c.want {
			t.Errorf("%s Amount(%d) = %q, want %q", c.m.Currency.Code, c.a, got, c.want)
		}
	}
	if got := (Money{LangEN, usd}).Unit(model.UnitRatio, model.Some(0.3)); got != "30.0%" {
		t.Errorf("a ratio: %q", got)
	}
	if got := (Money{LangEN, usd}).Unit(model.UnitMoney, model.Some(2_000_000)); got != "$2M" {
		t.Errorf("money unit: %q", got)
	}
}
