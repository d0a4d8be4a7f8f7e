package catalog

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/kpit-dev/kpit/model"
)

// verb matches a fmt verb of the refusals' formats.
var verb = regexp.MustCompile(`%(\[\d+\])?[a-z]`)

// sampleArgs makes values for the verbs of an English format: a number for
// %d, a word for %s and %q, so both wordings can be rendered.
func sampleArgs(format string) []any {
	var args []any
	for i, v := range verb.FindAllString(format, -1) {
		if strings.HasSuffix(v, "d") {
			args = append(args, 7+i)
		} else {
			args = append(args, "v"+string(rune('a'+i)))
		}
	}
	return args
}

// TestRefusalsWordEveryCode: every code the model can refuse with has a
// Japanese and an English wording; the English is the model's own (what
// kpit add and the importer print), and the Japanese names the same values.
func TestRefusalsWordEveryCode(t *testing.T) {
	codes := model.RefusalCodes()
	if len(codes) < 30 {
		t.Fatalf("only %d refusal codes", len(codes))
	}
	for _, code := range codes {
		text, ok := refusalText(code)
		if !ok {
			t.Errorf("%s: no wording in the catalogue", code)
			continue
		}
		args := sampleArgs(text.EN)
		english := code.English(args...)
		if got := Refusal(LangEN, code, args, ""); got != english {
			t.Errorf("%s: en %q, the model says %q", code, got, english)
		}
		ja := Refusal(LangJA, code, args, "")
		for _, a := range args {
			if !strings.Contains(ja, fmt.Sprint(a)) {
				t.Errorf("%s: ja %q does not name %v", code, ja, a)
			}
		}
		if strings.Contains(ja, "%!") || strings.Contains(english, "%!") {
			t.Errorf("%s: a value does not fit its verb: %q / %q", code, ja, english)
		}
	}
	known := map[model.RefusalCode]bool{}
	for _, code := range codes {
		known[code] = true
	}
	for code := range refusalTexts {
		if !known[code] {
			t.Errorf("%s: worded in the catalogue but unknown to the model", code)
		}
	}
	for code := range inputTexts {
		if !known[code] {
			t.Errorf("%s: worded in the catalogue but unknown to the model", code)
		}
	}
}

func TestRefusalWithoutCodeKeepsItsWords(t *testing.T) {
	if got := Refusal(LangJA, "", nil, "既に書かれた文"); got != "既に書かれた文" {
		t.Errorf("got %q", got)
	}
	fe := model.Refuse("count", model.RefuseCountTooLarge, 200000, model.MaxCount)
	if got := Refusal(LangJA, fe.Code, fe.Args, fe.Msg); got != "200000 は上限 100000 を超えています" {
		t.Errorf("ja: %q", got)
	}
	if fe.Error() != "count: 200000 is more than 100000" {
		t.Errorf("Error(): %q", fe.Error())
	}
}
