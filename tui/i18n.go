package tui

import (
	"fmt"
	"os"
	"strings"
)

// Lang is the language of the cockpit: every user-facing string exists in
// Japanese and English.
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
	return "", fmt.Errorf("--lang %q: want ja or en", s)
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
// The catalogue is the set of Text values declared in the tui package, one
// file per screen (i18n.go for the frame, i18n_dashboard.go, i18n_entry.go,
// ...). Declare them as package-level values that are never changed:
//
//	var msgSaved = Text{JA: "保存しました", EN: "Saved"}
//
// and show them with c.T(msgSaved) or c.T(msgN, n) (fmt verbs; use indexed
// verbs such as %[2]s when the word order differs). A test parses every file
// of the package and fails on a Text whose JA or EN is empty, so a missing
// translation cannot ship.
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

// The frame's own strings: tab titles, help, sizes and status words.
var (
	msgTabDashboard = Text{JA: "ダッシュボード", EN: "Dashboard"}
	msgTabTree      = Text{JA: "KPIツリー", EN: "KPI Tree"}
	msgTabStyles    = Text{JA: "スタイル別KPI", EN: "Styles"}
	msgTabChecklist = Text{JA: "チェックリスト", EN: "Checklist"}

	msgTooSmall = Text{JA: "ウィンドウが小さすぎます (%dx%d 以上にしてください)", EN: "Window too small (need at least %dx%d)"}
	msgLoading  = Text{JA: "読み込み中...", EN: "Loading..."}
	msgLoadErr  = Text{JA: "読み込みに失敗しました: %s", EN: "Could not load: %s"}
	msgReloaded = Text{JA: "再読み込みしました", EN: "Reloaded"}
	msgNoData   = Text{JA: "データがありません", EN: "No data"}

	msgStatusOnTrack  = Text{JA: "順調", EN: "On track"}
	msgStatusAtRisk   = Text{JA: "注意", EN: "At risk"}
	msgStatusOffTrack = Text{JA: "未達", EN: "Off track"}
	msgStatusUnknown  = Text{JA: "—", EN: "—"}

	msgPeriodWeek    = Text{JA: "週", EN: "Week"}
	msgPeriodMonth   = Text{JA: "月", EN: "Month"}
	msgPeriodQuarter = Text{JA: "四半期", EN: "Quarter"}
	msgPeriodYear    = Text{JA: "年度", EN: "Fiscal year"}
	msgPeriodDay     = Text{JA: "日", EN: "Day"}

	// Global key help.
	msgKeyTabs      = Text{JA: "画面切替", EN: "switch tab"}
	msgKeyNextTab   = Text{JA: "次の画面", EN: "next tab"}
	msgKeyPrevTab   = Text{JA: "前の画面", EN: "previous tab"}
	msgKeyHelp      = Text{JA: "ヘルプ", EN: "help"}
	msgKeyQuit      = Text{JA: "終了", EN: "quit"}
	msgKeyBack      = Text{JA: "戻る", EN: "back"}
	msgKeyReload    = Text{JA: "再読み込み", EN: "reload"}
	msgKeyUp        = Text{JA: "上へ", EN: "up"}
	msgKeyDown      = Text{JA: "下へ", EN: "down"}
	msgKeyOpen      = Text{JA: "開く", EN: "open"}
	msgHelpGlobal   = Text{JA: "全体", EN: "Global"}
	msgHelpScreen   = Text{JA: "この画面", EN: "This screen"}
	msgHelpCloseTip = Text{JA: "? または esc で閉じる", EN: "? or esc to close"}
)
