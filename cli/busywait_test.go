package cli

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The config file's busy_wait is the wait of every command's writes: with
// "200ms", kpit add behind another writer's lock fails within a second with
// one line naming the wait and busy_wait, in English and Japanese, and
// writes nothing; kpit config show prints the wait in force.
func TestConfigBusyWaitReachesTheStore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	writeConfig(t, "db = \""+db+"\"\nme = \"田中\"\nbusy_wait = \"２００ms\"\n")
	t.Setenv("KPIT_DB", "")
	if code, out, errOut := kpitRun("add", "activity", "--kind", "call", "--create-rep", "--today", "2026-11-02"); code != 0 {
		t.Fatalf("first add: %d %q %q", code, out, errOut)
	}
	if _, out, _ := kpitRun("config", "show"); !strings.Contains(out, "busy_wait = '200ms'") {
		t.Errorf("config show lacks the wait:\n%s", out)
	}
	raw, err := sql.Open("sqlite", "file:"+db)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	raw.SetMaxOpenConns(1)
	if _, err := raw.Exec("BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string]string{
		"en": "kpit add activity: the database was busy with another kpit for longer than the wait of 200ms; try again, or raise busy_wait in the config file\n",
		"ja": "待ち時間 200ms を超えて使用中です。やり直すか、設定ファイルの busy_wait を延ばしてください\n",
	} {
		start := time.Now()
		code, _, errOut := kpitRun("add", "activity", "--kind", "call", "--today", "2026-11-02", "--lang", lang)
		if code == 0 || !strings.HasSuffix(errOut, want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%s: exit %d, stderr %q; want one line ending %q", lang, code, errOut, want)
		}
		if waited := time.Since(start); waited > 5*time.Second {
			t.Errorf("%s: waited %v, not the config's 200ms", lang, waited)
		}
	}
	if _, err := raw.Exec("ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := raw.QueryRow("SELECT count(*) FROM activities").Scan(&n); err != nil || n != 1 {
		t.Errorf("%d activities, %v; want the first add's one only", n, err)
	}
}
