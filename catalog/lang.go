// Package catalog is kpit's one catalogue of words: the languages, the
// Japanese and English text of every message the cockpit and the commands
// share, and the way numbers, money and statuses are written. Both cli and
// tui use it, so a command never reaches into the cockpit for a word.
package catalog

import (
	"fmt"
	"os"
	"strings"

	"github.com/kpit-dev/kpit/model"
)

// Lang is the language of the cockpit and of command output: every
// user-facing string exists in Japanese and English.
type Lang string

const (
	LangJA Lang = "ja"
	LangEN Lang = "en"
)

// ParseLang reads a --lang value.
func ParseLang(s string) (Lang, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "ja", "jp", "japanese", "日本語":
		return LangJA, nil
	case "en", "english":
		return LangEN, nil
	}
	return "", model.Refused(model.RefuseFlagWant, "lang", s, model.Choices{"ja", "en"})
}

// DetectLang picks the language from the flag when given, else from
// LC_ALL, LC_MESSAGES and LANG (a ja_* locale is Japanese), else English.
func DetectLang(flagValue string, getenv func(string) string) (Lang, error) {
	if flagValue != "" {
		return ParseLang(flagValue)
	}
	if getenv == nil {
		getenv = os.Getenv
	}
	// POSIX precedence: the first of these that is set wins.
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(name); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "ja") {
				return LangJA, nil
			}
			return LangEN, nil
		}
	}
	return LangEN, nil
}

// Text is one entry of the catalogue: the same message in both languages.
//
// The entries both the cockpit and the commands show live in this package,
// one file per topic; the cockpit's own screen entries live beside their
// screens in package tui (i18n_*.go). Declare them as package-level values
// that are never changed:
//
//	var msgSaved = Text{JA: "保存しました", EN: "Saved"}
//
// and show them with l.T(msgSaved) or l.T(msgN, n) (fmt verbs; use indexed
// verbs such as %[2]s when the word order differs). A test
// (tui.TestCatalogueComplete) parses every file of catalog, tui and cli and
// fails on a Text whose JA or EN is empty, so a missing translation cannot
// ship; the commands' words are never written in cli itself (l.Pick is for
// names that come from data).
type Text struct {
	JA string
	EN string
}

// T renders a catalogue entry in language l, formatting args into it when given.
func (l Lang) T(t Text, args ...any) string {
	s := t.EN
	if l == LangJA {
		s = t.JA
	}
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}

// Pick chooses between a Japanese and an English string that come from data
// (a KPI's NameJA and NameEN), falling back to the other when one is empty.
func (l Lang) Pick(ja, en string) string {
	if l == LangJA && ja != "" || en == "" {
		return ja
	}
	return en
}
