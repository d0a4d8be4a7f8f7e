package kpitree

import "github.com/kpit-dev/kpit/model"

// Template is the starting tree for a sales style (docs/kpi-tree.md,
// docs/styles.md), as definitions to store or Build; nil for an unknown style. Users edit
// trees freely afterwards; these are only where they start.
//
// New business (新規開拓営業), exactly the standard tree of docs/kpi-tree.md:
//
//	revenue 売上 = orders_won 受注件数 × avg_deal_size 顧客単価
//	orders_won = opportunities 商談数 × win_rate 受注率
//	opportunities = leads リード数 × lead_to_opportunity_rate 商談化率
//	leads = visits 訪問数 × lead_capture_rate リード獲得率
//
// Route sales (ルート営業): revenue from accounts already won, split into
// reorders and upsells, each the share of accounts that did it times what
// such an account brings. The rates are over the KGI's period.
//
//	existing_revenue 既存顧客売上 = existing_accounts 既存顧客数 × revenue_per_account 顧客あたり売上
//	revenue_per_account = repeat_revenue_per_account + upsell_revenue_per_account
//	repeat_revenue_per_account = repeat_rate リピート率 × avg_repeat_revenue リピート平均売上
//	upsell_revenue_per_account = upsell_rate アップセル率 × avg_upsell_revenue アップセル平均売上
//
// Inside sales (インサイドセールス): the calling funnel that sets meetings
// for field sales. MQL→SQL conversion, email open rate and response time are
// tracked beside the tree (Styles lists them).
//
//	meetings 商談設定数 = appointments アポイント獲得数 × meeting_set_rate 商談設定率
//	appointments = calls 架電数 × appointment_rate アポイント獲得率
//
// Customer success (カスタマーサクセス): LTV as docs/success.md defines it, the
// average monthly contract value over the monthly churn rate (expected
// lifetime = 1 ÷ monthly churn). The monthly rate, not the period's, so
// that a quarter's or a year's tree reads the same lifetime as a month's.
//
//	ltv LTV = avg_mrr 平均月額契約額 ÷ monthly_churn_rate 月次解約率
func Template(style model.StyleKey) []model.TreeNodeDef {
	var rows [][3]string // key, parent, op
	switch style {
	case model.StyleNewBusiness:
		rows = [][3]string{
			{model.MetricRevenue, "", "*"},
			{model.MetricOrdersWon, model.MetricRevenue, "*"},
			{model.MetricOpportunities, model.MetricOrdersWon, "*"},
			{model.MetricLeads, model.MetricOpportunities, "*"},
			{model.MetricVisits, model.MetricLeads, "leaf"},
			{model.MetricLeadCaptureRate, model.MetricLeads, "leaf"},
			{model.MetricLeadToOppRate, model.MetricOpportunities, "leaf"},
			{model.MetricWinRate, model.MetricOrdersWon, "leaf"},
			{model.MetricAvgDealSize, model.MetricRevenue, "leaf"},
		}
	case model.StyleRoute:
		rows = [][3]string{
			{"existing_revenue", "", "*"},
			{"existing_accounts", "existing_revenue", "leaf"},
			{"revenue_per_account", "existing_revenue", "+"},
			{"repeat_revenue_per_account", "revenue_per_account", "*"},
			{"repeat_rate", "repeat_revenue_per_account", "leaf"},
			{"avg_repeat_revenue", "repeat_revenue_per_account", "leaf"},
			{"upsell_revenue_per_account", "revenue_per_account", "*"},
			{"upsell_rate", "upsell_revenue_per_account", "leaf"},
			{"avg_upsell_revenue", "upsell_revenue_per_account", "leaf"},
		}
	case model.StyleInsideSales:
		rows = [][3]string{
			{model.MetricMeetings, "", "*"},
			{model.MetricAppointments, model.MetricMeetings, "*"},
			{model.MetricCalls, model.MetricAppointments, "leaf"},
			{"appointment_rate", model.MetricAppointments, "leaf"},
			{"meeting_set_rate", model.MetricMeetings, "leaf"},
		}
	case model.StyleCustomerSuccess:
		rows = [][3]string{
			{"ltv", "", "/"},
			{"avg_mrr", "ltv", "leaf"},
			{"monthly_churn_rate", "ltv", "leaf"},
		}
	default:
		return nil
	}
	defs := make([]model.TreeNodeDef, len(rows))
	next := map[string]int{} // position among siblings
	for i, r := range rows {
		defs[i] = model.TreeNodeDef{Key: r[0], ParentKey: r[1], Op: model.Op(r[2]), Position: next[r[1]]}
		next[r[1]]++
	}
	return defs
}
