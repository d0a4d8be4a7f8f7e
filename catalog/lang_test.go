package catalog

import (
	"strings"
	"testing"

	"github.com/kpit-dev/kpit/model"
)

func TestDetectLang(t *testing.T) {
	env := func(kv map[string]string) func(string) string { return func(k string) string { return kv[k] } }
	tests := []struct {
		flag string
		env  map[string]string
		want Lang
	}{
		{"ja", map[string]string{"LANG": "en_US.UTF-8"}, LangJA},
		{"en", map[string]string{"LANG": "ja_JP.UTF-8"}, LangEN},
		{"", map[string]string{"LANG": "ja_JP.UTF-8"}, LangJA},
		{"", map[string]string{"LC_ALL": "ja_JP.UTF-8", "LANG": "C"}, LangJA},
		{"", map[string]string{"LC_ALL": "C", "LANG": "ja_JP.UTF-8"}, LangEN},
		{"", map[string]string{"LC_MESSAGES": "ja_JP", "LANG": "en_GB"}, LangJA},
		{"", map[string]string{}, LangEN},
	}
	for _, tt := range tests {
		got, err := DetectLang(tt.flag, env(tt.env))
		if err != nil || got != tt.want {
			t.Errorf("DetectLang(%q, %v) = %v, %v; want %v", tt.flag, tt.env, got, err, tt.want)
		}
	}
	if _, err := DetectLang("fr", env(nil)); err == nil || !strings.Contains(err.Error(), "--lang") {
		t.Errorf("DetectLang(fr) error = %v, want one naming --lang", err)
	}
}

func TestTextAndPick(t *testing.T) {
	msg := Text{JA: "%[2]s の %[1]d 件", EN: "%d of %s"}
	if got := LangJA.T(msg, 3, "商談"); got != "商談 の 3 件" {
		t.Errorf("ja: %q", got)
	}
	if got := LangEN.T(msg, 3, "deals"); got != "3 of deals" {
		t.Errorf("en: %q", got)
	}
	tests := []struct {
		l      Lang
		ja, en string
		want   string
	}{
		{LangJA, "訪問", "Visits", "訪問"},
		{LangEN, "訪問", "Visits", "Visits"},
		{LangJA, "", "Visits", "Visits"},
		{LangEN, "訪問", "", "訪問"},
	}
	for _, tt := range tests {
		if got := tt.l.Pick(tt.ja, tt.en); got != tt.want {
			t.Errorf("%s.Pick(%q, %q) = %q, want %q", tt.l, tt.ja, tt.en, got, tt.want)
		}
	}
}

// TestStatusWord pins the status vocabulary: `kpit tree` text output and
// every screen print these words.
func TestStatusWord(t *testing.T) {
	tests := []struct {
		st     model.Status
		ja, en string
	}{
		{model.StatusOnTrack, "順調", "On track"},
		{model.StatusAtRisk, "注意", "At risk"},
		{model.StatusOffTrack, "未達", "Off track"},
		{model.StatusUnknown, "—", "—"},
	}
	for _, tt := range tests {
		if got := StatusWord(LangJA, tt.st); got != tt.ja {
			t.Errorf("ja %v: %q, want %q", tt.st, got, tt.ja)
		}
		if got := StatusWord(LangEN, tt.st); got != tt.en {
			t.Errorf("en %v: %q, want %q", tt.st, got, tt.en)
		}
	}
}
