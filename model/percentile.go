package model

import (
	"math"
	"math/bits"
	"slices"
)

// Percentiles is Percentile of values at each of ps without sorting them
// all: the one or two values around each rank are found by selection, in
// time linear in len(values), and interpolated as Percentile does, so the
// figures are the same. values is reordered.
//
// A fiscal year of 500,000 leads has over half a million stage-to-stage
// times; sorting them was an eighth of the funnel's time (BENCHMARKS.md).
func Percentiles(values []float64, ps ...float64) []Value {
	out := make([]Value, len(ps))
	n := len(values)
	for i, p := range ps {
		if n == 0 {
			continue // None
		}
		h := float64(n-1) * p
		lo := int(math.Floor(h))
		if lo >= n-1 {
			selectRank(values, n-1)
			out[i] = Some(values[n-1])
			continue
		}
		selectRank(values, lo)
		// Everything after lo is at least values[lo]: the next rank is
		// their least.
		next := slices.Min(values[lo+1:])
		out[i] = Some(values[lo] + (h-float64(lo))*(next-values[lo]))
	}
	return out
}

// selectRank reorders xs so that xs[k] is the value a sort would put
// there, with none greater before it and none less after it: quickselect
// on the median of three, falling back to a sort of what is left when the
// partitions keep coming out lopsided, so it never goes quadratic.
func selectRank(xs []float64, k int) {
	lo, hi := 0, len(xs)-1
	budget := 2 * bits.Len(uint(len(xs)))
	for hi > lo {
		if budget == 0 {
			slices.Sort(xs[lo : hi+1])
			return
		}
		budget--
		mid := lo + (hi-lo)/2
		// The median of three to xs[mid].
		if xs[mid] < xs[lo] {
			xs[mid], xs[lo] = xs[lo], xs[mid]
		}
		if xs[hi] < xs[lo] {
			xs[hi], xs[lo] = xs[lo], xs[hi]
		}
		if xs[hi] < xs[mid] {
			xs[hi], xs[mid] = xs[mid], xs[hi]
		}
		pivot := xs[mid]
		i, j := lo, hi
		for i <= j {
			for xs[i] < pivot {
				i++
			}
			for xs[j] > pivot {
				j--
			}
			if i <= j {
				xs[i], xs[j] = xs[j], xs[i]
				i++
				j--
			}
		}
		// Now xs[lo..j] ≤ pivot ≤ xs[i..hi], and xs[j+1..i-1] = pivot.
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return
		}
	}
}
