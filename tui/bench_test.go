package tui

import (
	"context"
	"fmt"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/model"
)

// BenchmarkView renders each screen at 120x40 on the demo data (the frame
// included: tab bar, body, footer). Target: under 5 ms each.
func BenchmarkView(b *testing.B) {
	for i, tab := range tabDefs() {
		b.Run(string(tab.ID), func(b *testing.B) {
			a := newTestApp(b, LangJA, 120, 40)
			press(b, a, fmt.Sprint(i+1))
			for b.Loop() {
				_ = a.Render()
			}
		})
	}
	b.Run("dashboard_colour", func(b *testing.B) {
		a := New(Options{Store: openDemo(b), Lang: LangJA, Now: func() time.Time { return fixedNow }})
		run(b, a, a.Init())
		a.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		for b.Loop() {
			_ = a.Render()
		}
	})
	b.Run("tree_whatif", func(b *testing.B) {
		a := newTestApp(b, LangJA, 120, 40)
		press(b, a, "2", "w", "+")
		for b.Loop() {
			_ = a.Render()
		}
	})
}

// BenchmarkLoad is the work of one period change or ctrl+r (in a tea.Cmd,
// off the Update loop) on the demo data.
func BenchmarkLoad(b *testing.B) {
	st := openDemo(b)
	p := model.PeriodOf(model.Month, fixedNow, time.April)
	b.Run("dashboard", func(b *testing.B) {
		for b.Loop() {
			if _, err := loadDashboard(context.Background(), st, p, fixedNow, time.April); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("tree", func(b *testing.B) {
		for b.Loop() {
			if _, err := loadTree(context.Background(), st, p, fixedNow); err != nil {
				b.Fatal(err)
			}
		}
	})
}
