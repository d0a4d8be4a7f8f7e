package config

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/kpit-dev/kpit/catalog"
)

var testActions = []string{"quit", "help", "dashboard.set_kgi", "dashboard.down", "tree.what_if"}

func TestParseReadsEveryField(t *testing.T) {
	doc := `# kpit's config
db = "~/kpit/team.db"
lang = "JA"
me = "田中"
theme = "high-contrast"

[keys]
quit = "x"
help = ["?", "f1"]
dashboard.set_kgi = "G"

[keys.tree]
what_if = ["W", "ctrl+w"]
`
	c, err := Parse([]byte(doc), testActions)
	if err != nil {
		t.Fatal(err)
	}
	want := Config{DB: "~/kpit/team.db", Lang: "ja", Me: "田中", Theme: ThemeHighContrast, Keys: map[string][]string{
		"quit": {"x"}, "help": {"?", "f1"}, "dashboard.set_kgi": {"G"}, "tree.what_if": {"W", "ctrl+w"},
	}}
	if !reflect.DeepEqual(c, want) {
		t.Fatalf("got  %+v\nwant %+v", c, want)
	}
	if c, err := Parse(nil, testActions); err != nil || !reflect.DeepEqual(c, Config{}) {
		t.Fatalf("empty file: %+v, %v", c, err)
	}
}

// Each bad file is refused with the line the mistake is on (counted by hand
// in the documents below) and words that name it.
func TestBadFileNamesItsLine(t *testing.T) {
	tests := []struct {
		name, doc string
		line      int
		says      string
	}{
		{"syntax", "db = \"a.db\"\nlang = \"en\n", 2, "not valid TOML"},
		{"unknown key", "db = \"a.db\"\n\ncolour = \"red\"\n", 3, `unknown key "colour"`},
		{"wrong type", "me = \"田中\"\ntheme = 3\n", 2, "theme: want a string"},
		{"bad theme", "lang = \"en\"\n\n\ntheme = \"pink\"\n", 4, `theme "pink"`},
		{"bad lang", "lang = \"fr\"\n", 1, `lang "fr"`},
		{"unknown action", "[keys]\nquit = \"x\"\nfly = \"f\"\n", 3, "keys.fly: unknown action"},
		{"unknown screen action", "[keys.dashboard]\ndown = \"j\"\nzoom = \"z\"\n", 3, "keys.dashboard.zoom: unknown action"},
		{"key not a string", "[keys]\nquit = 3\n", 2, "keys.quit: want a key"},
		{"key with a blank", "[keys]\n\nhelp = [\"?\", \"a b\"]\n", 3, `key "a b"`},
		{"no keys", "[keys]\nquit = []\n", 2, "keys.quit: no keys"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Parse([]byte(tc.doc), testActions)
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("got %+v, %v; want a config error", c, err)
			}
			if ce.Line != tc.line {
				t.Errorf("line %d, want %d (%s)", ce.Line, tc.line, ce.Error())
			}
			if !strings.Contains(ce.Error(), tc.says) {
				t.Errorf("%q does not say %q", ce.Error(), tc.says)
			}
			if ja := ce.Text(catalog.LangJA); ja == ce.Error() {
				t.Errorf("no Japanese: %q", ja)
			}
			if !reflect.DeepEqual(c, Config{}) {
				t.Errorf("a bad file gave values: %+v", c)
			}
		})
	}
}

func TestPathFollowsXDG(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	tests := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"XDG_CONFIG_HOME": "/x/conf", "HOME": "/home/u"}, "/x/conf/kpit/config.toml"},
		{map[string]string{"XDG_CONFIG_HOME": "relative", "HOME": "/home/u"}, "/home/u/.config/kpit/config.toml"},
		{map[string]string{"HOME": "/home/u"}, "/home/u/.config/kpit/config.toml"},
	}
	for _, tc := range tests {
		if got, err := Path(env(tc.env)); err != nil || got != tc.want {
			t.Errorf("%v: %q, %v; want %q", tc.env, got, err, tc.want)
		}
	}
	if _, err := Path(env(nil)); err == nil {
		t.Error("no HOME and no XDG_CONFIG_HOME: no error")
	}
}

func TestLoadMissingAndBadFile(t *testing.T) {
	dir := t.TempDir()
	if c, err := Load(filepath.Join(dir, "none.toml"), nil); err != nil || !reflect.DeepEqual(c, Config{}) {
		t.Fatalf("missing file: %+v, %v", c, err)
	}
	path := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(path, []byte("theme = \"dark\"\nthem = \"light\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Load(path, nil)
	if err == nil || !strings.HasPrefix(err.Error(), path+":2: ") {
		t.Fatalf("bad file: %v; want it named with line 2", err)
	}
}

func TestEncodeReadsBack(t *testing.T) {
	c := Config{DB: "/d/k.db", Lang: "en", Me: "鈴木", Theme: ThemeLight, Keys: map[string][]string{"quit": {"x"}, "dashboard.set_kgi": {"G", "ctrl+g"}}}
	s, err := Encode(c)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Parse([]byte(s), testActions)
	if err != nil || !reflect.DeepEqual(back, c) {
		t.Fatalf("%s\nread back %+v, %v", s, back, err)
	}
}
