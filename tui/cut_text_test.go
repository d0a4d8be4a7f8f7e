package tui

import (
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
)

// cutStates are the screens the cut-text test opens: every tab, pane and
// overlay, and the states the desk's users met cut text in (a refusal
// listing the known reps, the rules form refusing a field, the entry form
// on an open deal). A step "type:TEXT" types TEXT.
var cutStates = []struct {
	name  string
	steps []string
}{
	{"dashboard", nil},
	{"kgi_prompt", []string{"g"}},
	{"tree", []string{"2"}},
	{"tree_detail", []string{"2", "down", "enter"}},
	{"tree_whatif", []string{"2", "w", "+"}},
	{"styles", []string{"3"}},
	{"checklist", []string{"4"}},
	{"checklist_gaps", []string{"4", "pgdown", "pgdown", "pgdown", "pgdown"}},
	{"records", []string{"5"}},
	{"records_deals", []string{"5", "right"}},
	{"records_leads", []string{"5", "right", "right"}},
	{"records_filter", []string{"5", "/", "type:工業"}},
	{"reps", []string{"6"}},
	{"review", []string{"7"}},
	{"funnel", []string{"8"}},
	{"funnel_leads", []string{"8", "down", "enter", "G"}},
	{"funnel_leads_filter", []string{"8", "down", "enter", "/", "type:web"}},
	// A move back to Lead without a recycle, refused: the refusal wraps.
	{"funnel_move_refused", []string{"8", "down", "down", "enter", "m", "left", "left", "left", "left", "left", "enter"}},
	{"help", []string{"?"}},
	{"entry", []string{"a"}},
	{"entry_deal", []string{"a", "up", "right"}},
	{"entry_update", []string{"a", "up", "right", "right", "down", "right", "right"}},
	{"entry_lead", []string{"a", "up", "left"}},
	{"quick_add", []string{":"}},
	{"quick_add_unknown_rep", []string{":", "type:visit 3 Nobody", "enter"}},
	{"quick_add_unknown_kind", []string{":", "type:visitt 3", "enter"}},
	{"alerts", []string{"!"}},
	{"alerts_end", []string{"!", "pgdown", "pgdown"}},
	{"alerts_timeliness", []string{"!", "t"}},
	{"rules_form", []string{"!", "t", "s"}},
	{"rules_form_refusal", []string{"!", "t", "s", "down", "down", "down", "down", "type:budget", "enter"}},
	{"import", []string{"i"}},
}

// TestNoCutText renders every tab, pane and overlay at 80x24 and 120x40 in
// both languages on the demo data and fails on any line that ends in a word
// it knows cut short without "...": a word of the catalogue (a status, a
// label, a key's help), a rep's or an account's name anywhere on the line,
// or a figure whose catalogue entry gives it a unit (件, 円, 日, %) shown
// without it. A Japanese word may wrap onto the next line (Japanese breaks
// between any two characters); a name may not.
func TestNoCutText(t *testing.T) {
	t.Parallel()
	known := cutWords(t)
	for _, lang := range []Lang{LangJA, LangEN} {
		for _, st := range cutStates {
			t.Run(string(lang)+"_"+st.name, func(t *testing.T) {
				t.Parallel()
				a := newTestApp(t, lang, goldenSizes[0][0], goldenSizes[0][1])
				for _, s := range st.steps {
					if text, ok := strings.CutPrefix(s, "type:"); ok {
						typeText(t, a, text)
						continue
					}
					press(t, a, s)
				}
				for _, sz := range goldenSizes {
					// One cockpit, resized: the same state at each size.
					a.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
					out := screen(a)
					checkFits(t, out, sz[0], sz[1])
					for _, problem := range known.check(out) {
						t.Errorf("%dx%d: %s\n%s", sz[0], sz[1], problem, out)
					}
				}
			})
		}
	}
}

// knownWords are what the cut-text test recognises.
type knownWords struct {
	words    map[string]bool   // every word of the catalogue, whole
	prefixes map[string]string // a strict prefix of a catalogue word -> the word
	names    []string          // reps and accounts of the demo, whole
	units    []unitLabel       // figures shown with a unit
}

// unitLabel is a catalogue label followed by a figure with a unit
// ("SQL到達 %s件"): a line ending in the label and a bare figure lost it.
type unitLabel struct {
	re   *regexp.Regexp
	unit string
}

// cutWords reads the catalogue's entries from the source (every string
// given to a field named ...JA or ...EN in catalog, model and tui) and the
// demo's names from its database.
func cutWords(t *testing.T) knownWords {
	t.Helper()
	k := knownWords{words: map[string]bool{}, prefixes: map[string]string{}}
	var texts []string
	for _, dir := range []string{".", "../catalog", "../model"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		fset := token.NewFileSet()
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			file, err := parser.ParseFile(fset, f, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(file, func(n ast.Node) bool {
				kv, ok := n.(*ast.KeyValueExpr)
				if !ok {
					return true
				}
				id, ok := kv.Key.(*ast.Ident)
				lit, isLit := kv.Value.(*ast.BasicLit)
				if !ok || !isLit || lit.Kind != token.STRING || !(strings.HasSuffix(id.Name, "JA") || strings.HasSuffix(id.Name, "EN")) {
					return true
				}
				if s, err := strconv.Unquote(lit.Value); err == nil {
					texts = append(texts, s)
				}
				return true
			})
		}
	}
	if len(texts) < 1000 {
		t.Fatalf("read %d catalogue texts from the source, want over 1,000", len(texts))
	}
	verbs := regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z]`)
	unitRe := regexp.MustCompile(`(\p{L}+ ?)%[-+0-9.]*[sdvf](件|円|日|人|%%)`)
	for _, s := range texts {
		for _, m := range unitRe.FindAllStringSubmatch(s, -1) {
			k.units = append(k.units, unitLabel{
				re:   regexp.MustCompile(regexp.QuoteMeta(m[1]) + `[0-9][0-9,.]*$`),
				unit: strings.ReplaceAll(m[2], "%%", "%"),
			})
		}
		for _, w := range wordsOf(verbs.ReplaceAllString(s, " ")) {
			k.words[w] = true
		}
	}
	for w := range k.words {
		r := []rune(w)
		for n := minCutRunes(w); n < len(r); n++ {
			if p := string(r[:n]); !k.words[p] {
				k.prefixes[p] = w
			}
		}
	}
	st := openDemo(t)
	reps, err := st.RepNames(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	accounts, err := st.AccountNames(context.Background(), 5000)
	if err != nil {
		t.Fatal(err)
	}
	k.names = append(reps, accounts...)
	return k
}

// minCutRunes is the shortest piece of w taken as w cut short: three
// letters of Latin text, two characters of Japanese.
func minCutRunes(w string) int {
	if r, _ := utf8.DecodeRuneInString(w); r < 0x80 {
		return 3
	}
	return 2
}

// wordsOf splits text into words: runs of letters (kana, kanji and the
// long-vowel mark are letters too).
func wordsOf(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
}

// bodyOf is a line without a pane's border and the spaces around it.
func bodyOf(line string) string {
	s := strings.TrimSpace(line)
	s = strings.TrimSuffix(strings.TrimPrefix(s, "│"), "│")
	return strings.TrimSpace(s)
}

// check lists the cut words of a screen.
func (k knownWords) check(screen string) []string {
	lines := strings.Split(screen, "\n")
	var problems []string
	for i, line := range lines {
		body := bodyOf(line)
		if body == "" || strings.HasSuffix(body, "...") {
			continue
		}
		next := ""
		if i+1 < len(lines) {
			next = bodyOf(lines[i+1])
		}
		if ws := wordsOf(body); len(ws) > 0 && strings.HasSuffix(body, ws[len(ws)-1]) {
			last := ws[len(ws)-1]
			if w, ok := k.prefixes[last]; ok {
				rest := strings.TrimPrefix(w, last)
				wrapped := last[0] >= 0x80 && strings.HasPrefix(next, rest[:utf8RuneLen(rest)])
				if !wrapped {
					problems = append(problems, fmt.Sprintf("line %d ends in %q, %q cut short", i+1, last, w))
				}
			}
		}
		for _, u := range k.units {
			if u.re.MatchString(body) {
				problems = append(problems, fmt.Sprintf("line %d ends in %q without its unit %s", i+1, u.re.FindString(body), u.unit))
			}
		}
		problems = append(problems, k.cutNames(i+1, line)...)
	}
	return problems
}

func utf8RuneLen(s string) int {
	_, n := utf8.DecodeRuneInString(s)
	return n
}

// cutNames lists the names on line cut short without "...": a piece of a
// name ending inside one of its words with no letter after it, or ending
// between its words at the end of the line (a name wrapped in two).
func (k knownWords) cutNames(n int, line string) []string {
	var problems []string
	body := bodyOf(line)
	for _, name := range k.names {
		r := []rune(name)
		for cut := len(r) - 1; cut >= 2; cut-- {
			piece := string(r[:cut])
			if r[cut-1] == ' ' {
				continue
			}
			between := r[cut] == ' '
			for from := 0; ; {
				at := strings.Index(body[from:], piece)
				if at < 0 {
					break
				}
				at += from
				from = at + len(piece)
				if before, _ := utf8.DecodeLastRuneInString(body[:at]); at > 0 && unicode.IsLetter(before) {
					continue // inside another word
				}
				after := body[at+len(piece):]
				if strings.HasPrefix(body[at:], name) || strings.HasPrefix(after, "...") || k.isName(piece) {
					continue
				}
				if next, _ := utf8.DecodeRuneInString(after); after != "" && unicode.IsLetter(next) {
					continue // another name sharing the start
				}
				if between && after != "" {
					continue // a family name alone ("鈴木" in an example)
				}
				problems = append(problems, fmt.Sprintf("line %d: %q cut to %q", n, name, piece))
			}
		}
	}
	return problems
}

func (k knownWords) isName(s string) bool {
	for _, n := range k.names {
		if n == s {
			return true
		}
	}
	return k.words[s]
}

// TestCutCheckerCatchesTheCutsUsersMet: the checker itself finds the cuts
// the desk's users reported, and passes the same lines whole.
func TestCutCheckerCatchesTheCutsUsersMet(t *testing.T) {
	t.Parallel()
	k := cutWords(t)
	for _, tt := range []struct {
		screen string
		cut    bool
	}{
		{"   8 [Partly?] Set the entry deadline and the required fields  -> Input rul", true},
		{"   8 [Partly?] Set the entry deadline and the required fields  -> Input rules", false},
		{"   8 [Partly?] Set the entry deadline and the required...  -> Input rules", false},
		{"MQL定義 あり、SQL定義 なし、MQL到達 2,183件、SQL到達 1,816", true},
		{"MQL定義 あり、SQL定義 なし、MQL到達 2,183件、SQL到達 1,816件", false},
		{"│ 担当者: 中村 翔太, 山田 │\n│ 健, 佐藤 健太 │", true},
		{"│ 担当者: 中村 翔太,     │\n│ 山田 健, 佐藤 健太 │", false},
		{"│ 10 株式会社ブルーオーシャ 2026-11-26 │", true},
		{"│ 10 株式会社ブルーオー... 2026-11-26 │", false},
		{"  > Average deal size   ¥1.97M  On tra", true},
	} {
		if got := len(k.check(tt.screen)) > 0; got != tt.cut {
			t.Errorf("check(%q) found a cut: %v, want %v (%q)", tt.screen, got, tt.cut, k.check(tt.screen))
		}
	}
}
