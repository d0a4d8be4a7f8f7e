package tui

import (
	"math"
	"strconv"
	"strings"

	"github.com/guptarohit/asciigraph"

	"github.com/kpit-dev/kpit/model"
)

// asciiChars draws the series in plain ASCII: asciigraph's default box
// glyphs are ambiguous-width and take two columns on many Japanese terminals.
var asciiChars = asciigraph.CharSet{
	Horizontal: "-", VerticalLine: "|",
	ArcDownRight: ".", ArcDownLeft: ".", ArcUpRight: "'", ArcUpLeft: "'",
	EndCap: "-", StartCap: "-", UpRight: "+", DownHorizontal: "+",
}

// axisGlyphs maps the axis glyphs asciigraph draws whatever the char set.
var axisGlyphs = strings.NewReplacer("┤", "|", "┼", "+", "┬", "+", "└", "+", "─", "-", "│", "|",
	"╭", ".", "╮", ".", "╰", "'", "╯", "'", "╴", "-", "╶", "-")

// axisScale chooses how the y axis of a figure in unit u reads: a divisor
// and the unit to name in the caption (万円, ¥M, %), so the axis labels stay
// ASCII and asciigraph, which measures labels in bytes, aligns them.
func axisScale(l Lang, u model.Unit, maxAbs float64) (div float64, unit string, prec uint) {
	switch u {
	case model.UnitRatio:
		return 0.01, "%", 1
	case model.UnitMoney:
		if l == LangJA {
			switch {
			case maxAbs >= 1e8:
				return 1e8, "億円", 2
			case maxAbs >= 1e4:
				return 1e4, "万円", 0
			}
			return 1, "円", 0
		}
		switch {
		case maxAbs >= 1e9:
			return 1e9, "¥B", 2
		case maxAbs >= 1e6:
			return 1e6, "¥M", 1
		case maxAbs >= 1e3:
			return 1e3, "¥K", 0
		}
		return 1, "¥", 0
	}
	if maxAbs < 10 {
		return 1, "", 1
	}
	return 1, "", 0
}

// trendChart plots values (NaN for a period without a value) in at most
// width×height columns and lines, axis labels included, and returns the
// lines and the unit the axis is in. ok is false when there is nothing to
// plot (no defined value).
func trendChart(l Lang, u model.Unit, values []float64, width, height int) (lines []string, unit string, ok bool) {
	maxAbs, defined := 0.0, 0
	for _, v := range values {
		if !math.IsNaN(v) {
			maxAbs = math.Max(maxAbs, math.Abs(v))
			defined++
		}
	}
	if defined == 0 || width < 12 || height < 2 {
		return nil, "", false
	}
	div, unit, prec := axisScale(l, u, maxAbs)
	scaled := make([]float64, len(values))
	for i, v := range values {
		scaled[i] = v / div
	}
	// Enough decimals that neighbouring axis labels differ.
	if lo, hi := minMax(scaled); hi > lo {
		step := (hi - lo) / float64(max(height-2, 1))
		if need := math.Ceil(-math.Log10(step / 2)); need > float64(prec) {
			prec = uint(min(need, 3))
		}
	}
	if defined == 1 {
		// asciigraph needs two points to draw a line; repeat the value.
		for i, v := range scaled {
			if !math.IsNaN(v) && i+1 < len(scaled) && math.IsNaN(scaled[i+1]) {
				scaled[i+1] = v
				break
			}
		}
	}
	format := func(v float64) string {
		s := strconv.FormatFloat(v, 'f', int(prec), 64)
		if prec == 0 {
			if n, err := strconv.ParseInt(s, 10, 64); err == nil {
				s = groupThousands(n)
			}
		}
		return s
	}
	labelW := 0
	lo, hi := minMax(scaled)
	for _, v := range []float64{lo, hi} {
		labelW = max(labelW, len(format(v)))
	}
	plotW := width - labelW - 3
	if plotW < 4 {
		return nil, "", false
	}
	opts := []asciigraph.Option{
		asciigraph.Height(height - 1), asciigraph.Width(plotW),
		asciigraph.SeriesChars(asciiChars),
		asciigraph.YAxisValueFormatter(format),
	}
	if lo == hi {
		// A flat series: give the axis some room so the line sits mid-chart.
		pad := math.Max(math.Abs(lo)*0.1, 1)
		opts = append(opts, asciigraph.LowerBound(lo-pad), asciigraph.UpperBound(hi+pad))
	}
	out := axisGlyphs.Replace(asciigraph.Plot(scaled, opts...))
	return strings.Split(out, "\n"), unit, true
}

// minMax is the smallest and largest value that is not NaN.
func minMax(xs []float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range xs {
		if !math.IsNaN(v) {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	return lo, hi
}
