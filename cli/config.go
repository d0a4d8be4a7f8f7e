package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/config"
	"github.com/kpit-dev/kpit/model"
)

const configUsage = `config path | show | keys

  path   where the config file is read from ($XDG_CONFIG_HOME/kpit/config.toml,
         else ~/.config/kpit/config.toml), whether or not it exists
  show   the settings in force, as a config file would hold them: the
         database and language after --db, $KPIT_DB and the locale
  keys   every action [keys] can rebind, with the keys it has now`

// loadConfig reads the user's config file. A bad one is named with its line
// in one warning on stderr and ignored as a whole: the command goes on with
// flags, the environment and the defaults.
func loadConfig(stderr io.Writer) config.Config {
	path, err := config.Path(os.Getenv)
	if err != nil {
		return config.Config{} // no home directory: no config file to read
	}
	names, _ := keyActions()
	c, err := config.Load(path, names)
	if err != nil {
		l, _ := catalog.DetectLang("", os.Getenv)
		text := err.Error()
		var ce *config.Error
		if errors.As(err, &ce) {
			text = ce.Text(l)
		}
		fmt.Fprintln(stderr, l.T(catalog.ConfigIgnored, text))
		return config.Config{}
	}
	return c
}

// expandHome reads a leading ~/ in a path from the config file as the home
// directory, as a shell would.
func expandHome(path string) (string, error) {
	rest, ok := strings.CutPrefix(path, "~/")
	if !ok {
		return path, nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("config db %q: %w", path, err)
	}
	return filepath.Join(home, rest), nil
}

// themeFlag declares --theme.
func themeFlag(fs *flag.FlagSet) *string {
	return fs.String("theme", "", "`THEME` of the cockpit: "+strings.Join(config.Themes, ", ")+" (default the config file's theme, else dark or light from the terminal)")
}

// theme is the cockpit's theme: --theme, else the config file's.
func (e env) theme(flagValue string) (string, error) {
	if flagValue == "" {
		return e.config.Theme, nil
	}
	if !config.ValidTheme(flagValue) {
		return "", model.Refused(model.RefuseFlagWant, "theme", flagValue, model.Choices(config.Themes))
	}
	return flagValue, nil
}

// runConfig is kpit config: it prints where the config file is, what is in
// force, and the key actions; it never writes the file.
func runConfig(e env) int {
	fs := newFlagSet(e, "config", configUsage)
	if code, stop := parseFlags(e, fs, e.args); stop {
		return code
	}
	if fs.NArg() != 1 {
		return fail(e, "config", model.Refused(model.RefuseConfigWhat))
	}
	path, err := config.Path(os.Getenv)
	if err != nil {
		return fail(e, "config", err)
	}
	switch fs.Arg(0) {
	case "path":
		fmt.Fprintln(e.stdout, path)
	case "show":
		return showConfig(e, path)
	case "keys":
		names, defaults := keyActions()
		width := 0
		for _, n := range names {
			width = max(width, len(n))
		}
		for _, n := range names {
			keys := defaults[n]
			if k, ok := e.config.Keys[n]; ok {
				keys = k
			}
			fmt.Fprintf(e.stdout, "%-*s  %s\n", width, n, strings.Join(keys, " "))
		}
	default:
		return fail(e, "config", model.Refused(model.RefuseConfigVerb, fs.Arg(0)))
	}
	return exitOK
}

// showConfig prints the settings in force as a config file.
func showConfig(e env, path string) int {
	c := e.config
	db, err := e.dbPath("")
	if err != nil {
		return fail(e, "config", err)
	}
	lang, err := e.lang("")
	if err != nil {
		return fail(e, "config", err)
	}
	c.DB, c.Lang = db, string(lang)
	c.Limits = c.Limits.Or(model.DefaultLimits()) // every limit in force, set or not
	text, err := config.Encode(c)
	if err != nil {
		return fail(e, "config", err)
	}
	if _, statErr := os.Stat(path); statErr == nil {
		fmt.Fprintf(e.stdout, "# %s\n", path)
	} else {
		fmt.Fprintln(e.stdout, lang.T(catalog.ConfigNone, path))
	}
	fmt.Fprint(e.stdout, text)
	return exitOK
}
