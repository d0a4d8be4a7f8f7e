package cli

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/importer"
	"github.com/kpit-dev/kpit/store"
)

// BenchmarkImport1M imports a 1,000,000-row opportunity CSV (Japanese
// headers, yen amounts, slash dates, 50 owners) into a fresh database in
// one transaction, as kpit import does. It reports the heap in use after
// 100k rows and at the end (after a GC each): equal figures show memory
// does not grow with the file. KPIT_BENCH_ROWS changes the size.
func BenchmarkImport1M(b *testing.B) {
	n := 1_000_000
	if v, err := strconv.Atoi(os.Getenv("KPIT_BENCH_ROWS")); err == nil && v > 0 {
		n = v
	}
	dir := b.TempDir()
	file := writeBigOpportunities(b, dir, n)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st, err := store.Open(filepath.Join(dir, "bench"+strconv.Itoa(i)+".db"))
		if err != nil {
			b.Fatal(err)
		}
		src, err := importer.Open(file, importer.OpenOptions{})
		if err != nil {
			b.Fatal(err)
		}
		bind, err := importer.Bind(importer.Opportunities, src.Header(), nil)
		if err != nil {
			b.Fatal(err)
		}
		var heapAt100k, heapEnd uint64
		sample := func() uint64 {
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			return ms.HeapInuse
		}
		opt := importer.Options{File: file, Today: time.Now(), ProgressEvery: 100_000, OnProgress: func(rows int, _ float64) {
			if rows == 100_000 {
				b.StopTimer()
				heapAt100k = sample()
				b.StartTimer()
			}
		}}
		restoreGC := lessGC() // as kpit import does
		cpu0 := cpuSeconds()
		b.StartTimer()
		sum, _, err := importer.Import(context.Background(), src, bind,
			func(ctx context.Context) (importer.Session, error) { return st.BeginImport(ctx) }, opt, importer.Write)
		b.StopTimer()
		b.ReportMetric(cpuSeconds()-cpu0, "cpu-s")
		restoreGC()
		if err != nil || sum.Inserted != n {
			b.Fatalf("import: %v, %+v", err, sum)
		}
		heapEnd = sample()
		src.Close()
		st.Close()
		b.ReportMetric(float64(heapAt100k)/(1<<20), "MB-heap@100k")
		b.ReportMetric(float64(heapEnd)/(1<<20), "MB-heap@end")
		b.ReportMetric(peakRSSMB(), "MB-peak-RSS")
		b.StartTimer()
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// cpuSeconds is the user and system CPU time the process has used: on a
// shared machine it says more than the wall time.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// peakRSSMB is the process's peak resident set (VmHWM), 0 where /proc is
// missing.
func peakRSSMB() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")))
			return float64(kb) / 1024
		}
	}
	return 0
}
