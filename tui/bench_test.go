package tui

import (
	"fmt"
	"testing"
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
	b.Run("tree_whatif", func(b *testing.B) {
		a := newTestApp(b, LangJA, 120, 40)
		press(b, a, "2", "w", "+")
		for b.Loop() {
			_ = a.Render()
		}
	})
}
