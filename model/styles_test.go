package model

import (
	"strings"
	"testing"
)

func TestStyles(t *testing.T) {
	// Names, main and supporting KPIs exactly as docs/styles.md.
	want := []struct {
		key              StyleKey
		ja, en           string
		main, supporting string
	}{
		{StyleNewBusiness, "新規開拓営業", "New business", "新規リード数 商談化率 新規受注件数", "訪問件数 提案件数 初回商談設定率"},
		{StyleRoute, "ルート営業", "Route sales", "既存顧客売上 アップセル率 リピート率", "訪問頻度 顧客満足度 クレーム発生率"},
		{StyleInsideSales, "インサイドセールス", "Inside sales", "MQL→SQL転換率 架電数 メール開封率", "アポイント獲得数 商談設定数 対応時間"},
		{StyleCustomerSuccess, "カスタマーサクセス", "Customer success", "解約率(チャーンレート) LTV NPS", "オンボーディング完了率 利用率 問い合わせ対応時間"},
	}
	styles := Styles()
	if len(styles) != len(want) {
		t.Fatalf("%d styles", len(styles))
	}
	names := func(es []KPIEntry) string {
		var out []string
		for _, e := range es {
			out = append(out, e.KPI.NameJA)
		}
		return strings.Join(out, " ")
	}
	for i, w := range want {
		s := styles[i]
		if s.Key != w.key || s.NameJA != w.ja || s.NameEN != w.en || s.FocusJA == "" || s.FocusEN == "" || !s.Key.Valid() {
			t.Errorf("style %d: %+v", i, s)
		}
		if got := names(s.Main); got != w.main {
			t.Errorf("%s main: %q, want %q", s.Key, got, w.main)
		}
		if got := names(s.Supporting); got != w.supporting {
			t.Errorf("%s supporting: %q, want %q", s.Key, got, w.supporting)
		}
		if len(s.Main) < 3 || len(s.Main) > 5 {
			t.Errorf("%s: %d main KPIs, keep 3-5", s.Key, len(s.Main))
		}
		for _, e := range s.Main {
			if !e.KPI.Main {
				t.Errorf("%s: main KPI %s not flagged Main", s.Key, e.KPI.Key)
			}
		}
		for _, e := range s.Supporting {
			if e.KPI.Main {
				t.Errorf("%s: supporting KPI %s flagged Main", s.Key, e.KPI.Key)
			}
		}
		// Inside sales also shows its connect rate (docs/success.md);
		// the other styles show their lists only.
		wantRelated := map[StyleKey]string{StyleInsideSales: "通話率"}[s.Key]
		if got := names(s.Related); got != wantRelated {
			t.Errorf("%s related: %q, want %q", s.Key, got, wantRelated)
		}
		if got, ok := StyleByKey(w.key); !ok || got.NameEN != w.en {
			t.Errorf("StyleByKey(%s)", w.key)
		}
	}
	if StyleKey("nope").Valid() {
		t.Error("unknown style valid")
	}
}

func TestKPICatalogue(t *testing.T) {
	lower := map[string]bool{"churn_rate": true, "revenue_churn_rate": true, "monthly_churn_rate": true, "complaint_rate": true, "response_time": true, "inquiry_response_time": true}
	seen := map[string]bool{}
	for _, e := range KPIDefinitions() {
		k := e.KPI
		if seen[k.Key] {
			t.Errorf("%s twice", k.Key)
		}
		seen[k.Key] = true
		if k.NameJA == "" || k.NameEN == "" || e.DefinitionJA == "" || e.DefinitionEN == "" || k.Formula == "" ||
			k.Definition != e.DefinitionJA || !k.Department.Valid() || !k.Style.Valid() {
			t.Errorf("%s incomplete: %+v", k.Key, e)
		}
		if (k.Direction == LowerIsBetter) != lower[k.Key] || (k.Direction != LowerIsBetter && k.Direction != HigherIsBetter) {
			t.Errorf("%s direction %s", k.Key, k.Direction)
		}
		switch k.Unit {
		case UnitCount, UnitMoney, UnitRatio, UnitScore, UnitHours:
		default:
			t.Errorf("%s unit %q", k.Key, k.Unit)
		}
		if e.Flow && k.Unit != UnitCount && k.Unit != UnitMoney {
			t.Errorf("%s: a flow in %s", k.Key, k.Unit)
		}
	}
	// The nine nodes of the new-business tree, named exactly.
	for key, names := range map[string][2]string{
		"revenue":                  {"売上", "Revenue"},
		"orders_won":               {"受注件数", "Orders won"},
		"avg_deal_size":            {"顧客単価", "Average deal size"},
		"opportunities":            {"商談数", "Opportunities"},
		"win_rate":                 {"受注率", "Win rate"},
		"leads":                    {"リード数", "Leads"},
		"lead_to_opportunity_rate": {"商談化率", "Lead→opportunity rate"},
		"visits":                   {"訪問数", "Visits"},
		"lead_capture_rate":        {"リード獲得率", "Lead capture rate"},
	} {
		e, ok := KPIDefinition(key)
		if !ok || e.KPI.NameJA != names[0] || e.KPI.NameEN != names[1] {
			t.Errorf("KPIDefinition(%s) = %+v, %v; want %v", key, e.KPI, ok, names)
		}
	}
	flows := map[string]bool{"revenue": true, "orders_won": true, "opportunities": true, "leads": true, "visits": true}
	for _, key := range []string{"revenue", "orders_won", "opportunities", "leads", "visits", "avg_deal_size", "win_rate", "ltv", "existing_accounts"} {
		if e, _ := KPIDefinition(key); e.Flow != flows[key] {
			t.Errorf("%s: flow %v", key, e.Flow)
		}
	}
	if _, ok := KPIDefinition("nope"); ok {
		t.Error("unknown key found")
	}
}
