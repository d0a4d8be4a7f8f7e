package figures_test

import (
	"context"
	"testing"

	"github.com/kpit-dev/kpit/figures"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// BenchmarkCompute is one screen's figures on the demo company (1,219
// deals, 27,571 activities): a month, the fiscal year, the styles tab's
// month with every style figure, and the 12-month trend with each month's
// targets in force.
func BenchmarkCompute(b *testing.B) {
	st, err := store.Open(demoPath)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	month := model.PeriodOf(model.Month, today, model.DefaultFiscalStart)
	fy := model.PeriodOf(model.FiscalYear, today, model.DefaultFiscalStart)
	run := func(name string, fn func() error) {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if err := fn(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	run("Month", func() error {
		_, err := figures.Compute(ctx, st, figures.PeriodRange(month), today)
		return err
	})
	run("FiscalYear", func() error {
		_, err := figures.Compute(ctx, st, figures.PeriodRange(fy), today)
		return err
	})
	run("MonthWithStyleFigures", func() error {
		_, err := figures.ComputeWith(ctx, st, figures.PeriodRange(month), today, figures.Options{Keys: store.StyleFigureKeys})
		return err
	})
	run("Trend12Months", func() error {
		_, err := figures.Trend(ctx, st, month, 12, today)
		return err
	})
}
