// Package config reads the user's config file, $XDG_CONFIG_HOME/kpit/config.toml
// (else ~/.config/kpit/config.toml): the default database, the language, the
// user's own rep, the theme, key rebindings, input limits and how long a
// write waits behind another writer. It only reads and checks the
// file; which value wins over a flag or the environment is decided by the
// command line (cli), which also prints a bad file's one-line warning.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
	"golang.org/x/text/width"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/model"
)

// Themes the cockpit can be drawn in. "" leaves the choice between dark and
// light to the terminal's background.
const (
	ThemeAuto         = ""
	ThemeDark         = "dark"
	ThemeLight        = "light"
	ThemeHighContrast = "high-contrast"
)

// Themes lists the theme names a user can write, in the order help shows them.
var Themes = []string{ThemeDark, ThemeLight, ThemeHighContrast}

// ValidTheme reports whether name is a theme (or "" for the terminal's choice).
func ValidTheme(name string) bool {
	if name == ThemeAuto {
		return true
	}
	for _, t := range Themes {
		if t == name {
			return true
		}
	}
	return false
}

// Config is what the file says; a zero Config is no file.
type Config struct {
	DB    string `toml:"db,omitempty"`    // default database path ("~/" is the home directory)
	Lang  string `toml:"lang,omitempty"`  // "ja" or "en"
	Me    string `toml:"me,omitempty"`    // the user's own rep: the default rep of the entry form and quick-add
	Theme string `toml:"theme,omitempty"` // dark, light or high-contrast; "" from the terminal
	// Keys maps an action to the keys that replace its default keys: "quit"
	// for a frame key, "dashboard.set_kgi" for a screen's own (kpit config
	// keys lists them).
	Keys map[string][]string `toml:"keys,omitempty"`
	// Limits are the bounds [limits] raises or lowers (model.Limits; the
	// config keys are model.LimitKeys); a bound the file does not set is 0,
	// the default's.
	Limits model.Limits `toml:"-"`
	// BusyWait is how long a write waits for another writer (an import)
	// before it is refused; 0 is the store's default (store.Options).
	BusyWait time.Duration `toml:"-"`
}

// file is the document as decoded: [keys] is checked by hand so that a
// table of screens and a string or a list of keys are both accepted.
type file struct {
	DB    string         `toml:"db"`
	Lang  string         `toml:"lang"`
	Me    string         `toml:"me"`
	Theme string         `toml:"theme"`
	Keys  map[string]any `toml:"keys"`
	// Limits is [limits] as decoded; a value other than a whole number is
	// refused by the decoder (ConfigWrongType).
	Limits map[string]int64 `toml:"limits"`
	// BusyWait is a TOML integer (seconds) or a string ("30s"); parseWait
	// reads either.
	BusyWait any `toml:"busy_wait"`
}

// maxFileBytes bounds the config file: a few lines of settings, read whole.
const maxFileBytes = 1 << 20

// Path is where the config file is read from: $XDG_CONFIG_HOME/kpit/config.toml
// when XDG_CONFIG_HOME is an absolute path (the XDG base directory rule),
// else $HOME/.config/kpit/config.toml.
func Path(getenv func(string) string) (string, error) {
	if x := getenv("XDG_CONFIG_HOME"); x != "" && filepath.IsAbs(x) {
		return filepath.Join(x, "kpit", "config.toml"), nil
	}
	home := getenv("HOME")
	if home == "" {
		return "", errors.New("neither XDG_CONFIG_HOME nor HOME is set")
	}
	return filepath.Join(home, ".config", "kpit", "config.toml"), nil
}

// Error is a bad config file: where, and what is wrong, in both languages.
type Error struct {
	Path string
	Line int // 1-based; 0 when the file could not be read at all
	msg  catalog.Text
	args []any
}

// Text is the error in l: "PATH:LINE: what is wrong".
func (e *Error) Text(l catalog.Lang) string {
	where := e.Path
	if e.Line > 0 {
		where = fmt.Sprintf("%s:%d", e.Path, e.Line)
	}
	return where + ": " + l.T(e.msg, e.args...)
}

func (e *Error) Error() string { return e.Text(catalog.LangEN) }

// Load reads the config file at path. A missing file is no config (zero
// Config, nil). actions lists the key actions [keys] may name; nil accepts
// any name.
func Load(path string, actions []string) (Config, error) {
	if st, err := os.Stat(path); err == nil && st.Size() > maxFileBytes {
		return Config{}, &Error{Path: path, msg: catalog.ConfigTooLarge, args: []any{st.Size(), maxFileBytes}}
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return Config{}, nil
	}
	if err != nil {
		return Config{}, &Error{Path: path, msg: catalog.ConfigUnreadable, args: []any{firstLine(err)}}
	}
	c, err := Parse(data, actions)
	var ce *Error
	if errors.As(err, &ce) {
		ce.Path = path
	}
	return c, err
}

// Parse checks and reads a config document: a syntax error, an unknown key,
// a value of the wrong type, an unknown theme, language or key action is an
// *Error naming its line.
func Parse(data []byte, actions []string) (Config, error) {
	var f file
	dec := toml.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return Config{}, decodeError(err)
	}
	c := Config{DB: strings.TrimSpace(f.DB), Lang: strings.TrimSpace(f.Lang), Me: strings.TrimSpace(f.Me), Theme: strings.TrimSpace(f.Theme)}
	if c.Lang != "" {
		l, err := catalog.ParseLang(c.Lang)
		if err != nil {
			return Config{}, &Error{Line: lineOf(data, "lang"), msg: catalog.ConfigBadLang, args: []any{c.Lang}}
		}
		c.Lang = string(l)
	}
	if !ValidTheme(c.Theme) {
		return Config{}, &Error{Line: lineOf(data, "theme"), msg: catalog.ConfigBadTheme, args: []any{c.Theme, strings.Join(Themes, ", ")}}
	}
	if err := model.CheckText("me", c.Me, model.DefaultLimits().TextChars); err != nil {
		return Config{}, &Error{Line: lineOf(data, "me"), msg: catalog.ConfigBadText, args: []any{"me"}}
	}
	for _, key := range slices.Sorted(maps.Keys(f.Limits)) {
		n := f.Limits[key]
		if !c.Limits.Set(key, n) {
			return Config{}, &Error{Line: lineOf(data, "limits", key), msg: catalog.ConfigUnknownLimit, args: []any{key, strings.Join(model.LimitKeys(), ", ")}}
		}
		if n <= 0 || n > maxLimit {
			return Config{}, &Error{Line: lineOf(data, "limits", key), msg: catalog.ConfigBadLimit, args: []any{key, n, int64(maxLimit)}}
		}
	}
	if f.BusyWait != nil {
		d, ok := parseWait(f.BusyWait)
		if !ok {
			return Config{}, &Error{Line: lineOf(data, "busy_wait"), msg: catalog.ConfigBadWait, args: []any{waitText(f.BusyWait), minWait.String(), maxWait.String()}}
		}
		c.BusyWait = d
	}
	keys, err := flattenKeys(data, "", f.Keys, actions)
	if err != nil {
		return Config{}, err
	}
	if len(keys) > 0 {
		c.Keys = keys
	}
	return c, nil
}

// maxLimit is the highest value a limit may be set to: every limit is
// held in an int, and 2^31-1 of anything is past what one input holds.
const maxLimit = 1<<31 - 1

// The bounds of busy_wait: a wait shorter than a millisecond is SQLite's
// "never wait"; a day is past any import a write should queue behind.
const (
	minWait = time.Millisecond
	maxWait = 24 * time.Hour
)

// parseWait reads busy_wait: a whole number of seconds (a TOML integer, or
// a string of ASCII or full-width digits, as model.ParseWhole reads them)
// or a duration such as "30s", "2m", "1m30s" or "500ms".
func parseWait(v any) (time.Duration, bool) {
	var d time.Duration
	switch v := v.(type) {
	case int64:
		if v < 0 || v > int64(maxWait/time.Second) {
			return 0, false
		}
		d = time.Duration(v) * time.Second
	case string:
		text := strings.TrimSpace(width.Narrow.String(v))
		if n, err := model.ParseWhole(text); err == nil {
			if n < 0 || n > int(maxWait/time.Second) {
				return 0, false
			}
			d = time.Duration(n) * time.Second
		} else if d, err = time.ParseDuration(text); err != nil {
			return 0, false
		}
	default:
		return 0, false
	}
	return d, d >= minWait && d <= maxWait
}

// waitText is a busy_wait value as the file wrote it, for its refusal.
func waitText(v any) string {
	if s, ok := v.(string); ok {
		return strconv.Quote(s)
	}
	return fmt.Sprint(v)
}

// flattenKeys turns [keys] (with tables for screens) into action → keys.
func flattenKeys(data []byte, prefix string, table map[string]any, actions []string) (map[string][]string, error) {
	out := map[string][]string{}
	names := make([]string, 0, len(table))
	for name := range table {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		action := prefix + name
		line := lineOf(data, append([]string{"keys"}, strings.Split(action, ".")...)...)
		switch v := table[name].(type) {
		case map[string]any:
			sub, err := flattenKeys(data, action+".", v, actions)
			if err != nil {
				return nil, err
			}
			for a, k := range sub {
				out[a] = k
			}
			continue
		case string:
			out[action] = []string{v}
		case []any:
			for _, k := range v {
				s, ok := k.(string)
				if !ok {
					return nil, &Error{Line: line, msg: catalog.ConfigKeyNotString, args: []any{action}}
				}
				out[action] = append(out[action], s)
			}
		default:
			return nil, &Error{Line: line, msg: catalog.ConfigKeyNotString, args: []any{action}}
		}
		if actions != nil && !contains(actions, action) {
			return nil, &Error{Line: line, msg: catalog.ConfigUnknownAction, args: []any{action}}
		}
		if len(out[action]) == 0 {
			return nil, &Error{Line: line, msg: catalog.ConfigNoKeys, args: []any{action}}
		}
		for _, k := range out[action] {
			if k == "" || strings.ContainsAny(k, " \t\n") {
				return nil, &Error{Line: line, msg: catalog.ConfigBadKey, args: []any{k, action}}
			}
		}
	}
	return out, nil
}

// decodeError is the library's error with its line: a syntax error, a value
// of the wrong type, or (strict decoding) a key kpit does not know.
func decodeError(err error) error {
	var strict *toml.StrictMissingError
	if errors.As(err, &strict) && len(strict.Errors) > 0 {
		first := strict.Errors[0]
		line, _ := first.Position()
		return &Error{Line: line, msg: catalog.ConfigUnknownKey, args: []any{strings.Join(first.Key(), ".")}}
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		line, _ := de.Position()
		msg := strings.TrimPrefix(de.Error(), "toml: ")
		if strings.HasPrefix(msg, "cannot decode") && len(de.Key()) > 0 {
			// The library names Go types; the user wrote a TOML value.
			if de.Key()[0] == "limits" {
				return &Error{Line: line, msg: catalog.ConfigLimitNotNumber, args: []any{strings.Join(de.Key(), ".")}}
			}
			return &Error{Line: line, msg: catalog.ConfigWrongType, args: []any{strings.Join(de.Key(), ".")}}
		}
		return &Error{Line: line, msg: catalog.ConfigSyntax, args: []any{msg}}
	}
	return &Error{msg: catalog.ConfigSyntax, args: []any{firstLine(err)}}
}

// lineOf is the line where the key path is set (a key = value line, or the
// [table] header that opens it), 0 when it is not found. The decoder has
// already accepted the document, so the parse cannot fail here.
func lineOf(data []byte, path ...string) int {
	var p unstable.Parser
	p.Reset(data)
	var table []string
	best := 0
	for p.NextExpression() {
		e := p.Expression()
		var keyPath []string
		var first *unstable.Node
		it := e.Key()
		for it.Next() {
			n := it.Node()
			if first == nil {
				first = n
			}
			keyPath = append(keyPath, string(n.Data))
		}
		if first == nil {
			continue
		}
		full := keyPath
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			table = keyPath
		case unstable.KeyValue:
			full = append(append([]string(nil), table...), keyPath...)
		default:
			continue
		}
		line := p.Shape(p.Range(first.Data)).Start.Line
		switch {
		case equal(full, path):
			return line
		case best == 0 && isPrefix(full, path):
			best = line // a [keys.dashboard] header or a dotted table that holds it
		}
	}
	return best
}

func equal(a, b []string) bool {
	return len(a) == len(b) && isPrefix(a, b)
}

func isPrefix(prefix, path []string) bool {
	if len(prefix) > len(path) {
		return false
	}
	for i := range prefix {
		if prefix[i] != path[i] {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func firstLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}

// Encode writes c as a config file would hold it (kpit config show), the
// limits it sets under [limits].
func Encode(c Config) (string, error) {
	b, err := toml.Marshal(c)
	if err != nil {
		return "", err
	}
	if c.BusyWait > 0 {
		// A top-level key goes before the first [table] the library wrote.
		line := fmt.Sprintf("busy_wait = '%s'\n", c.BusyWait)
		at := bytes.Index(b, []byte("\n[")) + 1
		switch {
		case bytes.HasPrefix(b, []byte("[")):
			at = 0
		case at == 0:
			at = len(b)
		}
		b = slices.Concat(b[:at], []byte(line), b[at:])
	}
	if c.Limits == (model.Limits{}) {
		return string(b), nil
	}
	var out strings.Builder
	out.Write(b)
	out.WriteString("\n[limits]\n")
	for _, k := range model.LimitKeys() {
		if n := c.Limits.Value(k); n > 0 {
			fmt.Fprintf(&out, "%s = %d\n", k, n)
		}
	}
	return out.String(), nil
}
