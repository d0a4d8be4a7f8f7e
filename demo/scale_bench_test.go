package demo

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/store"
)

// BenchmarkSeedScale writes the scale company of 20,000 opportunities into a
// new file (in bulk, Store.BulkBuild): the cost of `kpit demo --scale` per
// deal, its 5 activities and its share of leads and customers.
func BenchmarkSeedScale(b *testing.B) {
	now := time.Date(2026, 11, 26, 18, 0, 0, 0, time.UTC)
	for i := 0; i < b.N; i++ {
		st, err := store.Open(filepath.Join(b.TempDir(), "scale.db"))
		if err != nil {
			b.Fatal(err)
		}
		if err := SeedScale(context.Background(), st, DefaultSeed, now, scaleChunk); err != nil {
			b.Fatal(err)
		}
		st.Close()
	}
	b.ReportMetric(float64(b.Elapsed().Seconds())/float64(b.N)/scaleChunk*1e6, "µs/deal")
}
