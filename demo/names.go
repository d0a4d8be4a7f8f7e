package demo

import "github.com/kpit-dev/kpit/model"

// The demo company's people: twenty reps across the four departments of the
// shared funnel. skill scales a rep's volume and conversion around the
// team's average. late is the chance a rep records something days after it
// happened, before the October review that asked for daily entry, and
// lateAfter the chance since: most of the team improved, 高橋 and 林 still
// enter late (the per-rep timeliness tells it). silentDays > 0 is a rep who
// has entered nothing for that many days (the stale-rep alert).
type repSpec struct {
	name       string
	dept       model.Department
	skill      float64
	late       float64
	lateAfter  float64
	silentDays int
}

var repSpecs = []repSpec{
	{name: "伊藤 真理子", dept: model.DeptMarketing, skill: 1.0, late: 0.02, lateAfter: 0.001},
	{name: "渡辺 拓也", dept: model.DeptMarketing, skill: 0.9, late: 0.03, lateAfter: 0.001, silentDays: 10},
	{name: "山本 彩", dept: model.DeptMarketing, skill: 1.1, late: 0.01, lateAfter: 0.001},

	{name: "中村 翔太", dept: model.DeptInsideSales, skill: 1.15, late: 0.01, lateAfter: 0.001},
	{name: "小林 美咲", dept: model.DeptInsideSales, skill: 1.0, late: 0.02, lateAfter: 0.001},
	{name: "加藤 大輔", dept: model.DeptInsideSales, skill: 0.85, late: 0.12, lateAfter: 0.01}, // improved after the review
	{name: "吉田 千尋", dept: model.DeptInsideSales, skill: 1.05, late: 0.02, lateAfter: 0.001},
	{name: "山田 健", dept: model.DeptInsideSales, skill: 0.95, late: 0.02, lateAfter: 0.001},

	{name: "佐藤 健太", dept: model.DeptFieldSales, skill: 1.25, late: 0.02, lateAfter: 0.001},
	{name: "鈴木 一郎", dept: model.DeptFieldSales, skill: 1.1, late: 0.02, lateAfter: 0.001},
	{name: "高橋 直樹", dept: model.DeptFieldSales, skill: 1.0, late: 0.30, lateAfter: 0.08}, // records days late, often
	{name: "田中 恵", dept: model.DeptFieldSales, skill: 1.05, late: 0.02, lateAfter: 0.001},
	{name: "松本 亮", dept: model.DeptFieldSales, skill: 0.8, late: 0.03, lateAfter: 0.001},
	{name: "井上 由美", dept: model.DeptFieldSales, skill: 0.95, late: 0.01, lateAfter: 0.001},
	{name: "木村 智也", dept: model.DeptFieldSales, skill: 0.9, late: 0.02, lateAfter: 0.001},
	{name: "林 和也", dept: model.DeptFieldSales, skill: 0.75, late: 0.15, lateAfter: 0.05},

	{name: "斎藤 葵", dept: model.DeptCustomerSuccess, skill: 1.0, late: 0.02, lateAfter: 0.001},
	{name: "清水 誠", dept: model.DeptCustomerSuccess, skill: 1.05, late: 0.02, lateAfter: 0.001},
	{name: "山口 奈々", dept: model.DeptCustomerSuccess, skill: 0.95, late: 0.01, lateAfter: 0.001},
	{name: "森 俊介", dept: model.DeptCustomerSuccess, skill: 1.0, late: 0.02, lateAfter: 0.001},
}

// Account names are built from a place or image word and an industry word,
// with 株式会社 in front or behind as Japanese companies write it.
var accountHeads = []string{
	"東都", "北斗", "みなと", "さくら", "青葉", "富士見", "大和", "朝日", "若葉", "光陽",
	"中央", "日本橋", "城南", "湘南", "関西", "九州", "東海", "北陸", "瀬戸内", "信州",
	"ひかり", "アクア", "グリーン", "ミライ", "ネクスト", "サンライズ", "ブルーオーシャン", "テクノ", "ユニバース", "フロンティア",
}

var accountTails = []string{
	"製作所", "物流", "商事", "システムズ", "ホールディングス", "工業", "不動産", "フーズ", "メディカル", "建設",
	"ソリューションズ", "エンジニアリング", "電機", "精工", "リテール", "ロジスティクス", "コンサルティング", "デザイン", "薬品", "観光",
}

// products are the demo company's SaaS offerings with their typical deal
// size in yen (amounts vary around it).
var products = []struct {
	name      string
	typicalJP int64
}{
	{"クラウド会計Pro", 1_800_000},
	{"勤怠管理クラウド", 1_200_000},
	{"SFAライト", 900_000},
	{"MAスイート", 2_600_000},
	{"データ連携ハブ", 3_200_000},
	{"導入支援パック", 700_000},
}

var openStages = []string{"初回訪問", "ヒアリング", "提案", "見積提示", "交渉"}

var lostReasons = []string{"価格", "競合他社に決定", "時期尚早", "予算なし", "要件不一致"}

var leadSources = []string{"Web問い合わせ", "展示会", "広告", "紹介", "セミナー", "資料ダウンロード"}

var contactNames = []string{"佐々木", "石井", "山下", "中島", "前田", "藤田", "後藤", "岡田", "長谷川", "村上",
	"近藤", "坂本", "遠藤", "青木", "西村", "福田", "太田", "三浦", "藤井", "岡本"}
