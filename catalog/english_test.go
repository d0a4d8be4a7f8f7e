package catalog

import "testing"

func TestEnglishRun(t *testing.T) {
	tests := []struct {
		line, want string
	}{
		// Leaks: English in a Japanese line.
		{`値を読めません: "-5" is negative`, "is negative"},
		{"保存できませんでした: database is locked", "database is"},
		{"商談数: a won opportunity needs an amount", "a won"},
		{"Window too small (need at least 40x12)", "Window too"},
		{"kpit tree: no KPI tree is stored yet", "tree no"},
		// Japanese output with the tokens it may show.
		{"KPIツリー 2026-04-01 - 2026-11-26", ""},
		{"売上 (x)              ¥4.09億  ¥6.58億   62.2%", ""},
		{"MQL SQL KPI KGI CSV", ""},
		{"? または esc で閉じる  ctrl+s 保存  tab 次の項目", ""},
		{"ファイル: deals.csv (列 Amount)", ""},
		{"'kpit demo --db demo.db' で作成してください", ""},
		{"ID D-1 ACME 商談", ""},
		{"[危険(赤)] 商談 #1045 (木村 智也, 株式会社光陽)", ""},
	}
	for _, tt := range tests {
		if got := EnglishRun(tt.line); got != tt.want {
			t.Errorf("EnglishRun(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}
