package cli

import (
	"bufio"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/internal/testlong"
)

// writeBigOpportunities writes n opportunity rows shaped like an SFA
// export: ids and created days in the order the deals were made, spread
// over a year from 2025-04-01; 50 owners in turn; every third deal won
// 30 days after it was created, the rest open.
func writeBigOpportunities(t testing.TB, dir string, n int) string {
	t.Helper()
	p := filepath.Join(dir, "big.csv")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fmt.Fprintln(w, "商談ID,担当者,取引先,商品,フェーズ,金額,作成日,完了日")
	start := time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		created := start.AddDate(0, 0, i*365/n)
		if i%3 == 0 {
			fmt.Fprintf(w, "B-%07d,担当%02d,取引先%d,基本プラン,受注,\"¥%d\",%s,%s\n", i, i%50, i%997, 100000+i%1000*1000,
				created.Format("2006/1/2"), created.AddDate(0, 0, 30).Format("2006/1/2"))
		} else {
			fmt.Fprintf(w, "B-%07d,担当%02d,取引先%d,基本プラン,提案,,%s,\n", i, i%50, i%997, created.Format("2006/1/2"))
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return p
}

// TestKilledImportLeavesDatabaseAsBefore starts the built binary on a big
// file, kills it with SIGKILL while it moves its rows in batches, and
// checks that the rows it left are hidden and that the next kpit to open
// the file removes them: the database holds exactly what it held before
// and passes integrity_check.
func TestKilledImportLeavesDatabaseAsBefore(t *testing.T) {
	testlong.Skip(t)
	dir := t.TempDir()
	bin := filepath.Join(dir, "kpit")
	build := exec.Command("go", "build", "-o", bin, "..")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		t.Fatalf("build: %v", err)
	}
	db := filepath.Join(dir, "k.db")
	if code, out, errOut := runKpit(t, "import", "opportunities", writeTemp(t, "p.csv", []byte(pipelineCSV)), "--db", db); code != 0 {
		t.Fatalf("seed: %q %q", out, errOut)
	}
	before := dumpDB(t, db)
	big := writeBigOpportunities(t, dir, 400_000)

	cmd := exec.Command(bin, "import", "opportunities", big, "--db", db)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until the import has moved a few MB of rows in batches, so the
	// kill lands between or inside them, not before they began.
	watch, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer watch.Close()
	deadline := time.Now().Add(60 * time.Second)
	for {
		var pending int
		watch.QueryRow(`SELECT count(*) FROM import_pending`).Scan(&pending)
		if st, err := os.Stat(db + "-wal"); err == nil && st.Size() > 4<<20 && pending > 0 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the import never started writing")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err == nil {
		t.Fatal("the import finished before it was killed; use a bigger file")
	}

	// The rows it moved are in the file, hidden, until a kpit opens it.
	if n := query(t, db, `SELECT count(*) FROM opportunities`); n <= 10 {
		t.Errorf("opportunities = %d right after the kill; the kill did not land during the batches", n)
	}
	if code, out, errOut := runKpit(t, "doctor", "--db", db); code != 0 {
		t.Errorf("kpit doctor after the kill: %d %q %q", code, out, errOut)
	}
	// The one row a killed import may leave is the label of its work
	// (settings writer.work, committed before the import's transaction so
	// a waiting writer can name it); it names a process that is gone, and
	// the import after the kill below shows it is ignored.
	var kept []string
	for _, row := range strings.Split(dumpDB(t, db), "\n") {
		if !strings.HasPrefix(row, "settings: writer.work") {
			kept = append(kept, row)
		}
	}
	if after := strings.Join(kept, "\n"); after != before {
		t.Errorf("the killed import left changes behind: %s", rowsDiff(before, after))
	}
	if n := query(t, db, `SELECT count(*) FROM opportunities`); n != 10 {
		t.Errorf("opportunities = %d; want the 10 from before", n)
	}
	conn, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var check string
	if err := conn.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity_check = %q, %v", check, err)
	}
	// The file still takes a normal import afterwards.
	if code, out, _ := runKpit(t, "import", "opportunities", writeTemp(t, "p.csv", []byte(pipelineCSV)), "--db", db); code != 0 || out[:len("inserted 0, updated 0, unchanged 10")] != "inserted 0, updated 0, unchanged 10" {
		t.Errorf("import after the kill: %q", out)
	}
}

// rowsDiff names the rows of dumpDB's dump that only one side has.
func rowsDiff(before, after string) string {
	count := map[string]int{}
	for _, r := range strings.Split(before, "\n") {
		count[r]--
	}
	for _, r := range strings.Split(after, "\n") {
		count[r]++
	}
	var out []string
	for r, n := range count {
		switch {
		case n > 0:
			out = append(out, "+ "+r)
		case n < 0:
			out = append(out, "- "+r)
		}
	}
	sort.Strings(out)
	return strings.Join(out, "; ")
}
