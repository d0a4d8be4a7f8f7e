package tui

import (
	"math"
	"testing"

	"github.com/kpit-dev/kpit/model"
)

// The shared number formats are tested in package catalog; these are the
// cockpit's own: ratios and shares in a tree cell, bars and padding.

func TestFormatTreeCells(t *testing.T) {
	t.Parallel()
	tests := []struct {
		got, want string
	}{
		{formatRatio(model.Some(0.36)), "36%"},
		{formatRatio(model.Some(0.996)), "99.6%"},
		{formatRatio(model.Some(1.008)), "101%"},
		{formatShare(model.Some(-1.774)), "-177%"},
		{formatShare(model.Some(0.655)), "66%"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("case %d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}

func TestProgressBar(t *testing.T) {
	t.Parallel()
	tests := []struct {
		ratio float64
		w     int
		want  string
	}{
		{0.5, 12, "[#####-----]"},
		{0, 6, "[----]"},
		{1.7, 6, "[####]"},
		{-1, 6, "[----]"},
		{math.NaN(), 6, "[----]"},
		{0.5, 2, ""},
	}
	for _, tt := range tests {
		if got := progressBar(tt.ratio, tt.w); got != tt.want {
			t.Errorf("progressBar(%v, %d) = %q, want %q", tt.ratio, tt.w, got, tt.want)
		}
	}
}

func TestPadKeepsWideCharactersWhole(t *testing.T) {
	t.Parallel()
	// 受注率 is 6 columns; cutting to 5 must drop the last character, not
	// split it, mark the cut, and pad back to 5.
	if got := padRight("受注率", 5); got != "受..." {
		t.Errorf("padRight = %q, want %q", got, "受...")
	}
	// Too narrow for "..." and a character: cut bare.
	if got := padRight("受注率", 3); got != "受 " {
		t.Errorf("padRight = %q, want %q", got, "受 ")
	}
	// Spaces past the width are dropped, not marked.
	if got := padRight("受注   ", 5); got != "受注 " {
		t.Errorf("padRight = %q, want %q", got, "受注 ")
	}
	if got := padLeft("商談", 6); got != "  商談" {
		t.Errorf("padLeft = %q, want %q", got, "  商談")
	}
}
