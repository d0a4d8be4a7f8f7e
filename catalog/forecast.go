package catalog

import (
	"strconv"

	"github.com/kpit-dev/kpit/model"
)

// The pipeline forecast's (ヨミ) words, for kpit forecast, the entry form
// and the review's pipeline slide (docs/forecast.md).
var (
	ForecastCommit   = Text{JA: "確度A (コミット)", EN: "Commit (A)"}
	ForecastBestCase = Text{JA: "確度B (ベストケース)", EN: "Best case (B)"}
	ForecastPipeline = Text{JA: "確度C (パイプライン)", EN: "Pipeline (C)"}
	ForecastOmitted  = Text{JA: "対象外", EN: "Omitted"}
	ForecastUnrated  = Text{JA: "未評価", EN: "Unrated"}
	ForecastWon      = Text{JA: "受注済み", EN: "Won so far"}

	// kpit forecast's text.
	ForecastTitle       = Text{JA: "ヨミ (パイプライン予測) %[1]s: %[2]s〜%[3]s、今日 %[4]s", EN: "Pipeline forecast %[1]s: %[2]s to %[3]s, today %[4]s"}
	ForecastColCategory = Text{JA: "区分", EN: "Category"}
	ForecastColCount    = Text{JA: "件数", EN: "Deals"}
	ForecastColAmount   = Text{JA: "金額", EN: "Amount"}
	ForecastColWeight   = Text{JA: "重み", EN: "Weight"}
	ForecastOfUnrated   = Text{JA: "  うち未評価", EN: "  of which unrated"}
	ForecastLanding     = Text{JA: "着地見込み: %[1]s (受注済み + 確度A) 〜 %[2]s (+ 確度B)", EN: "Landing: %[1]s (won + commit) to %[2]s (+ best case)"}
	ForecastTarget      = Text{JA: "目標: %s", EN: "Target: %s"}
	ForecastNoTarget    = Text{JA: "目標: 売上の目標がありません", EN: "Target: no revenue target is set"}
	ForecastShort       = Text{JA: "%[1]sでは目標まで あと %[2]s", EN: "%[1]s: %[2]s short of the target"}
	ForecastAbove       = Text{JA: "%[1]sで目標を %[2]s 上回る", EN: "%[1]s: %[2]s above the target"}
	ForecastLowEnd      = Text{JA: "下限", EN: "Low end"}
	ForecastHighEnd     = Text{JA: "上限", EN: "High end"}
	ForecastWeighted    = Text{JA: "加重予測: %[1]s (重み A %[2]s / B %[3]s / C %[4]s / 対象外 %[5]s)", EN: "Weighted forecast: %[1]s (weights commit %[2]s / best case %[3]s / pipeline %[4]s / omitted %[5]s)"}
	ForecastNoClose     = Text{JA: "完了予定日のない商談: %[1]d件 %[2]s (どの期間にも入りません。完了予定日を入れてください)", EN: "Open deals without an expected close date: %[1]d, %[2]s (in no period; give them a date)"}
	ForecastMore        = Text{JA: "ほか %d件 (--format json ですべて)", EN: "and %d more (--format json lists them all)"}
	ForecastDeals       = Text{JA: "期間内に完了予定の商談", EN: "Open deals expected to close in the period"}
	ForecastNoDeals     = Text{JA: "期間内に完了予定の商談はありません", EN: "No open deal is expected to close in the period"}
	ForecastColID       = Text{JA: "ID", EN: "ID"}
	ForecastColGrade    = Text{JA: "確度", EN: "Cat."}
	ForecastColClose    = Text{JA: "完了予定日", EN: "Expected close"}
	ForecastColRep      = Text{JA: "担当者", EN: "Rep"}
	ForecastColAccount  = Text{JA: "取引先", EN: "Account"}
	ForecastChanged     = Text{JA: "%s 以降に動いた商談", EN: "Deals that moved since %s"}
	ForecastNoChanges   = Text{JA: "%s 以降に動いた商談はありません", EN: "No deal moved since %s"}
	ForecastChangeNew   = Text{JA: "新規", EN: "new"}
	ForecastColChange   = Text{JA: "変更", EN: "Change"}
	ForecastColWhen     = Text{JA: "日時", EN: "When"}
	ForecastNoDate      = Text{JA: "なし", EN: "none"}
	OutcomeWonWord      = Text{JA: "受注", EN: "won"}
	OutcomeLostWord     = Text{JA: "失注", EN: "lost"}
	OutcomeOpenWord     = Text{JA: "進行中", EN: "open"}

	// kpit rules: the forecast's thresholds and weights.
	ruleForecastThresholds     = Text{JA: "確度の閾値", EN: "Forecast cut-offs"}
	ruleForecastThresholdsForm = Text{JA: "確率 %[1]s%%以上でA、%[2]s%%以上でB、%[3]s%%以上でC、未満は対象外",
		EN: "probability at least %[1]s%% is commit, %[2]s%% best case, %[3]s%% pipeline, below omitted"}
	ruleForecastWeights     = Text{JA: "ヨミの重み", EN: "Forecast weights"}
	ruleForecastWeightsForm = Text{JA: "A %[1]s / B %[2]s / C %[3]s / 対象外 %[4]s", EN: "commit %[1]s / best case %[2]s / pipeline %[3]s / omitted %[4]s"}
)

// ForecastRuleLines are kpit rules' lines on the forecast's probability
// thresholds and weights, marked when they are the defaults.
func ForecastRuleLines(l Lang, t model.ForecastThresholds, w model.ForecastWeights) []string {
	n := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	th := padRight(l.T(ruleForecastThresholds), 16) + "  " + l.T(ruleForecastThresholdsForm, n(t.Commit), n(t.BestCase), n(t.Pipeline))
	if t == model.DefaultForecastThresholds {
		th += " " + l.T(RuleDefault)
	}
	wl := padRight(l.T(ruleForecastWeights), 16) + "  " + l.T(ruleForecastWeightsForm, n(w.Commit), n(w.BestCase), n(w.Pipeline), n(w.Omitted))
	if w == model.DefaultForecastWeights {
		wl += " " + l.T(RuleDefault)
	}
	return []string{th, wl}
}

// ForecastName is category c's name in l (unrated: 未評価 / Unrated).
func ForecastName(l Lang, c model.ForecastCategory) string {
	switch c {
	case model.ForecastCommit:
		return l.T(ForecastCommit)
	case model.ForecastBestCase:
		return l.T(ForecastBestCase)
	case model.ForecastPipeline:
		return l.T(ForecastPipeline)
	case model.ForecastOmitted:
		return l.T(ForecastOmitted)
	}
	return l.T(ForecastUnrated)
}

// OutcomeWord is outcome o in l.
func OutcomeWord(l Lang, o model.Outcome) string {
	switch o {
	case model.OutcomeWon:
		return l.T(OutcomeWonWord)
	case model.OutcomeLost:
		return l.T(OutcomeLostWord)
	}
	return l.T(OutcomeOpenWord)
}
