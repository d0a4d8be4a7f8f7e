package demo

import "github.com/kpit-dev/kpit/model"

// The demo company's people: twenty reps across the four departments of the
// shared funnel. skill scales a rep's volume and conversion around the
// team's average; lateEntry is the chance they record an activity days
// after it happened (one habitual latecomer gives the alerts a story).
type repSpec struct {
	name      string
	dept      model.Department
	skill     float64
	lateEntry float64
}

var repSpecs = []repSpec{
	{"伊藤 真理子", model.DeptMarketing, 1.0, 0.04},
	{"渡辺 拓也", model.DeptMarketing, 0.9, 0.06},
	{"山本 彩", model.DeptMarketing, 1.1, 0.03},

	{"中村 翔太", model.DeptInsideSales, 1.15, 0.03},
	{"小林 美咲", model.DeptInsideSales, 1.0, 0.05},
	{"加藤 大輔", model.DeptInsideSales, 0.85, 0.08},
	{"吉田 千尋", model.DeptInsideSales, 1.05, 0.04},
	{"山田 健", model.DeptInsideSales, 0.95, 0.06},

	{"佐藤 健太", model.DeptFieldSales, 1.25, 0.04},
	{"鈴木 一郎", model.DeptFieldSales, 1.1, 0.05},
	{"高橋 直樹", model.DeptFieldSales, 1.0, 0.35}, // records days late, often
	{"田中 恵", model.DeptFieldSales, 1.05, 0.05},
	{"松本 亮", model.DeptFieldSales, 0.8, 0.10},
	{"井上 由美", model.DeptFieldSales, 0.95, 0.04},
	{"木村 智也", model.DeptFieldSales, 0.9, 0.07},
	{"林 和也", model.DeptFieldSales, 0.75, 0.12},

	{"斎藤 葵", model.DeptCustomerSuccess, 1.0, 0.04},
	{"清水 誠", model.DeptCustomerSuccess, 1.05, 0.05},
	{"山口 奈々", model.DeptCustomerSuccess, 0.95, 0.03},
	{"森 俊介", model.DeptCustomerSuccess, 1.0, 0.06},
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
