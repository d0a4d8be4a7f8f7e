package tui

import (
	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/model"
)

// Numbers, money and percentages are written by the catalogue, the same in
// the cockpit and in command output; these names keep the screens short.

// undefined is how a figure without a value reads (a rate over zero).
const undefined = catalog.Undefined

func groupThousands(n int64) string { return catalog.GroupThousands(n) }

func trimDecimal(v float64, prec int) string { return catalog.TrimDecimal(v, prec) }

// FormatYen writes an amount short enough for a table cell (catalog.FormatYen).
func FormatYen(l Lang, v model.Value) string { return catalog.FormatYen(l, v) }

// FormatYenFull writes an amount to the yen (catalog.FormatYenFull).
func FormatYenFull(v model.Value) string { return catalog.FormatYenFull(v) }

// FormatCount writes a count (catalog.FormatCount).
func FormatCount(v model.Value) string { return catalog.FormatCount(v) }

// FormatPercent writes a ratio as a percentage (catalog.FormatPercent).
func FormatPercent(v model.Value) string { return catalog.FormatPercent(v) }

// FormatChange writes a relative change with its sign (catalog.FormatChange).
func FormatChange(v model.Value) string { return catalog.FormatChange(v) }

// FormatUnit writes a figure according to its unit (catalog.FormatUnit).
func FormatUnit(l Lang, u model.Unit, v model.Value) string { return catalog.FormatUnit(l, u, v) }
