package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeConfig puts doc where kpit reads its config file, for this test.
func writeConfig(t *testing.T, doc string) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	path := filepath.Join(dir, "kpit", "config.toml")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestConfigPathFollowsXDG(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	code, out, errOut := kpitRun("config", "path")
	if want := filepath.Join(dir, "kpit", "config.toml") + "\n"; code != 0 || out != want || errOut != "" {
		t.Fatalf("exit %d: %q %q; want %q", code, out, errOut, want)
	}
}

// --db beats $KPIT_DB, which beats the config file's db, which beats the
// default; --lang beats the config file's lang, which beats the locale.
func TestConfigPrecedence(t *testing.T) {
	fromConfig := filepath.Join(t.TempDir(), "config.db")
	writeConfig(t, "db = \""+fromConfig+"\"\nlang = \"ja\"\nme = \"田中\"\ntheme = \"high-contrast\"\n")
	t.Setenv("KPIT_DB", "")
	t.Setenv("LANG", "en_US.UTF-8")
	t.Setenv("LC_ALL", "")
	e := env{config: loadConfig(os.Stderr)}
	if e.config.Me != "田中" || e.config.Theme != "high-contrast" {
		t.Fatalf("config read as %+v", e.config)
	}
	if p, _ := e.dbPath(""); p != fromConfig {
		t.Errorf("no flag, no KPIT_DB: %q, want the config's %q", p, fromConfig)
	}
	if p, _ := e.dbPath("/flag.db"); p != "/flag.db" {
		t.Errorf("--db: %q", p)
	}
	t.Setenv("KPIT_DB", "/env.db")
	if p, _ := e.dbPath(""); p != "/env.db" {
		t.Errorf("KPIT_DB set: %q, want it over the config", p)
	}
	if l, _ := e.lang(""); l != "ja" {
		t.Errorf("lang %q, want the config's ja over LANG=en_US", l)
	}
	if l, _ := e.lang("en"); l != "en" {
		t.Errorf("--lang en: %q", l)
	}
	if th, _ := e.theme(""); th != "high-contrast" {
		t.Errorf("theme %q, want the config's", th)
	}
	if th, _ := e.theme("light"); th != "light" {
		t.Errorf("--theme light: %q", th)
	}

	// The same, end to end: kpit config show prints what is in force.
	t.Setenv("KPIT_DB", "")
	code, out, _ := kpitRun("config", "show")
	for _, want := range []string{"db = '" + fromConfig + "'", "lang = 'ja'", "me = '田中'", "theme = 'high-contrast'"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("config show lacks %q:\n%s", want, out)
		}
	}
	// A command reads its database from the config file.
	if code, out, errOut := kpitRun("add", "activity", "--kind", "call", "--create-rep"); code != 0 {
		t.Fatalf("kpit add with the config's db and me: %d %q %q", code, out, errOut)
	}
	if _, err := os.Stat(fromConfig); err != nil {
		t.Fatalf("kpit add did not write the config's database: %v", err)
	}
}

// A bad file is named with its line in one warning, ignored as a whole, and
// the command goes on.
func TestBadConfigIsIgnoredWithOneLine(t *testing.T) {
	path := writeConfig(t, "lang = \"ja\"\n\ntheme = \"pink\"\n")
	t.Setenv("LANG", "C")
	t.Setenv("LC_ALL", "")
	code, out, errOut := kpitRun("config", "show")
	if code != 0 {
		t.Fatalf("exit %d: %q", code, errOut)
	}
	if want := "kpit: config file ignored: " + path + ":3: theme \"pink\""; !strings.HasPrefix(errOut, want) || strings.Count(errOut, "\n") != 1 {
		t.Errorf("warning %q, want one line starting %q", errOut, want)
	}
	if strings.Contains(out, "lang = 'ja'") || strings.Contains(out, "pink") {
		t.Errorf("the bad file's values were used:\n%s", out)
	}
	// An action the cockpit does not have is as bad as an unknown key.
	writeConfig(t, "[keys]\nquit = \"x\"\nteleport = \"t\"\n")
	if _, _, errOut := kpitRun("config", "path"); !strings.Contains(errOut, ":3: keys.teleport: unknown action") {
		t.Errorf("unknown action: %q", errOut)
	}
}

func TestConfigKeysListsRebindings(t *testing.T) {
	writeConfig(t, "[keys.dashboard]\nset_kgi = [\"G\", \"ctrl+g\"]\n")
	code, out, errOut := kpitRun("config", "keys")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d: %q", code, errOut)
	}
	lines := map[string]string{}
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		f := strings.Fields(l)
		lines[f[0]] = strings.Join(f[1:], " ")
	}
	if lines["dashboard.set_kgi"] != "G ctrl+g" || lines["quit"] != "q ctrl+c" || lines["quick_add"] != ":" {
		t.Errorf("keys: set_kgi %q, quit %q, quick_add %q\n%s", lines["dashboard.set_kgi"], lines["quit"], lines["quick_add"], out)
	}
}

func TestThemeFlag(t *testing.T) {
	if code, _, errOut := kpitRun("--theme", "pink"); code != 2 || !strings.Contains(errOut, `--theme "pink": want dark, light or high-contrast`) {
		t.Errorf("bad --theme: %d %q", code, errOut)
	}
	// A good theme gets as far as the terminal check (the tests have none).
	if code, _, errOut := kpitRun("--demo", "--theme", "high-contrast"); code != 2 || !strings.Contains(errOut, "needs a terminal") {
		t.Errorf("--theme high-contrast: %d %q", code, errOut)
	}
	if code, _, errOut := kpitRun("review", "--demo", "--theme", "pink"); code != 2 || !strings.Contains(errOut, "--theme") {
		t.Errorf("review --theme pink: %d %q", code, errOut)
	}
}

// kpit add activity without --rep records the config file's me.
func TestAddActivityDefaultsToMe(t *testing.T) {
	db := newEntryDB(t)
	if code, _, errOut := kpitRun("add", "activity", "--kind", "call", "--db", db); code != 2 || !strings.Contains(errOut, "--rep: required") {
		t.Fatalf("no me, no --rep: %d %q", code, errOut)
	}
	writeConfig(t, "me = \"鈴木\"\n")
	if code, out, errOut := kpitRun("add", "activity", "--kind", "call", "--db", db); code != 0 || !strings.Contains(out, "鈴木") {
		t.Fatalf("me = 鈴木: %d %q %q", code, out, errOut)
	}
	if code, out, errOut := kpitRun("add", "activity", "--kind", "call", "--rep", "田中", "--db", db); code != 0 || !strings.Contains(out, "田中") {
		t.Fatalf("--rep beats me: %d %q %q", code, out, errOut)
	}
}
