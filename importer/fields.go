package importer

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/kpit-dev/kpit/model"
	"golang.org/x/text/width"
)

// Kind is what a file holds.
type Kind string

const (
	Opportunities Kind = "opportunities"
	Activities    Kind = "activities"
	Leads         Kind = "leads"
	Customers     Kind = "customers"
	Reps          Kind = "reps"
	// The customer-success records (docs/success.md).
	NPSAnswers Kind = "nps"
	Usage      Kind = "usage"
	Inquiries  Kind = "inquiries"
	Campaigns  Kind = "campaigns"
)

// ImportKinds lists every kind that can be imported and exported, in the
// order the cockpit's import offers them: the one list `kpit import`,
// `kpit export` and the cockpit read.
func ImportKinds() []Kind {
	return []Kind{Opportunities, Activities, Leads, Customers, Reps, NPSAnswers, Usage, Inquiries, Campaigns}
}

// kindChoices are kinds as a refusal lists them.
func kindChoices(kinds []Kind) model.Choices {
	var c model.Choices
	for _, k := range kinds {
		c = append(c, string(k))
	}
	return c
}

// ParseImportKind reads the name of a kind that can be imported and exported.
func ParseImportKind(s string) (Kind, error) {
	for _, k := range ImportKinds() {
		if strings.EqualFold(s, string(k)) {
			return k, nil
		}
	}
	return "", model.Refused(model.RefuseUnknownImportKind, s, kindChoices(ImportKinds()))
}

// Field is one value a record takes from a column.
type Field struct {
	Name     string
	Required bool     // the column must exist and the cell be non-empty
	Aliases  []string // header names recognised without a mapping
}

// Fields lists a kind's fields in the order exports write them. Field
// names are also the export headers, so an export re-imports unmapped.
func Fields(k Kind) []Field {
	switch k {
	case Opportunities:
		return []Field{
			{"id", true, []string{"opportunity id", "deal id", "record id", "商談ID", "案件ID", "商談番号", "案件番号", "商談コード"}},
			{"owner", true, []string{"opportunity owner", "deal owner", "sales agent", "sales rep", "rep", "担当者", "担当", "営業担当", "担当営業", "営業担当者", "所有者", "商談所有者", "商談担当者"}},
			{"account", false, []string{"account name", "company", "company name", "associated company", "customer", "取引先", "取引先名", "会社名", "顧客", "顧客名", "企業名"}},
			{"product", false, []string{"product name", "商品", "商品名", "製品", "製品名"}},
			{"stage", false, []string{"deal stage", "phase", "pipeline stage", "フェーズ", "ステージ", "商談フェーズ", "商談ステージ"}},
			{"outcome", false, []string{"result", "結果", "受注結果"}},
			{"created", false, []string{"created date", "create date", "created on", "engage date", "作成日", "登録日", "商談作成日", "発生日"}},
			{"closed", false, []string{"close date", "closed date", "closed on", "expected close", "expected close date", "完了日", "完了予定日",
				"成約日", "受注日", "クローズ日", "受注予定日", "成約予定日", "クローズ予定日"}},
			{"amount", false, []string{"close value", "deal amount", "value", "金額", "受注金額", "商談金額", "見込金額"}},
			{"lost_reason", false, []string{"closed lost reason", "loss reason", "失注理由"}},
			// The forecast category (docs/forecast.md); a number there is read
			// as a probability, as Japanese exports write 確度 either way.
			{"forecast", false, []string{"forecast category", "forecast_category", "確度", "ヨミ", "ヨミ区分", "確度ランク", "見込み度"}},
			{"probability", false, []string{"probability (%)", "win probability", "probability %", "受注確度", "受注確率", "確度(%)", "確率"}},
			{"department", false, []string{"部署", "部門", "所属"}},
		}
	case Activities:
		return []Field{
			{"id", false, []string{"activity id", "record id", "活動ID", "行動ID", "活動番号"}},
			{"date", true, []string{"activity date", "day", "日付", "活動日", "実施日", "訪問日"}},
			{"owner", true, []string{"assigned to", "rep", "sales rep", "担当者", "担当", "営業担当", "実施者", "所有者"}},
			{"kind", true, []string{"type", "activity type", "種別", "活動種別", "区分", "活動区分", "種類"}},
			{"count", false, []string{"number", "件数", "回数", "数"}},
			{"connected", false, []string{"connected calls", "connects", "通話数", "接続数", "通話件数"}},
			{"account", false, []string{"account name", "company", "取引先", "取引先名", "会社名", "顧客名"}},
			{"opportunity", false, []string{"opportunity id", "deal id", "商談ID", "案件ID"}},
			{"note", false, []string{"notes", "subject", "memo", "comment", "メモ", "備考", "件名", "内容"}},
			{"department", false, []string{"部署", "部門", "所属"}},
		}
	case Leads:
		return []Field{
			{"id", true, []string{"lead id", "record id", "リードID", "見込み客ID", "リード番号"}},
			{"company", false, []string{"company name", "company / account", "account", "会社名", "企業名", "取引先名"}},
			{"contact", false, []string{"name", "contact name", "full name", "氏名", "担当者名", "名前", "お名前"}},
			{"source", false, []string{"lead source", "original source", "流入元", "リードソース", "獲得経路", "流入経路"}},
			{"owner", false, []string{"lead owner", "contact owner", "rep", "担当者", "担当", "営業担当", "所有者", "リード所有者"}},
			{"created", false, []string{"created date", "create date", "created on", "作成日", "登録日", "獲得日"}},
			{"status", false, []string{"lead status", "lifecycle stage", "ステータス", "状態", "リードステータス"}},
			{"mql", false, []string{"mql date", "became a marketing qualified lead date", "hs_lifecyclestage_marketingqualifiedlead_date", "mql日", "mql化日"}},
			{"sql", false, []string{"sql date", "became a sales qualified lead date", "hs_lifecyclestage_salesqualifiedlead_date", "sql日", "sql化日"}},
			// The day it became an opportunity: Salesforce's converted date,
			// HubSpot's opportunity lifecycle date; IsConverted says
			// converted without a day; the day it became a customer.
			{"converted", false, []string{"converted date", "convertedDate", "became an opportunity date", "hs_lifecyclestage_opportunity_date", "opportunity date", "商談化日", "コンバート日"}},
			{"is_converted", false, []string{"isConverted", "converted flag"}},
			{"won", false, []string{"became a customer date", "hs_lifecyclestage_customer_date", "customer date", "won date", "受注日", "顧客化日"}},
			{"department", false, []string{"部署", "部門", "所属"}},
		}
	case Customers:
		return []Field{
			{"id", true, []string{"customer id", "account id", "record id", "顧客ID", "取引先ID", "顧客番号"}},
			{"name", true, []string{"customer name", "account name", "company", "company name", "顧客名", "取引先名", "会社名", "企業名"}},
			{"owner", false, []string{"account owner", "csm", "rep", "担当者", "担当", "担当CS", "所有者"}},
			{"started", false, []string{"start date", "contract start", "契約開始日", "開始日", "導入日"}},
			{"churned", false, []string{"churn date", "end date", "contract end", "解約日", "終了日"}},
			{"mrr", false, []string{"monthly recurring revenue", "monthly fee", "月額", "月額料金", "月額費用", "月額契約金額"}},
			{"department", false, []string{"部署", "部門", "所属"}},
		}
	case NPSAnswers:
		return []Field{
			{"id", false, []string{"response id", "answer id", "record id", "回答ID", "回答番号"}},
			{"date", true, []string{"day", "response date", "submitted", "submitted at", "answered at", "回答日", "回答日時", "日付"}},
			{"score", true, []string{"nps", "nps score", "rating", "スコア", "点数", "推奨度", "評価", "NPS点数"}},
			{"customer", false, []string{"account", "account name", "company", "company name", "顧客", "顧客名", "会社名", "取引先", "取引先名", "企業名"}},
			{"comment", false, []string{"comments", "feedback", "reason", "コメント", "自由回答", "理由", "備考"}},
		}
	case Usage:
		return []Field{
			{"id", false, []string{"record id", "利用ID"}},
			{"customer", true, []string{"account", "account name", "company", "company name", "顧客", "顧客名", "会社名", "取引先", "取引先名", "企業名"}},
			{"date", true, []string{"day", "checked", "checked on", "week", "month", "確認日", "集計日", "日付"}},
			{"active", true, []string{"status", "usage", "in use", "利用", "利用状況", "利用有無", "アクティブ"}},
		}
	case Inquiries:
		return []Field{
			{"id", false, []string{"ticket id", "inquiry id", "case id", "record id", "チケットID", "問い合わせID", "問合せID", "問い合わせ番号"}},
			{"customer", false, []string{"account", "account name", "company", "company name", "requester", "顧客", "顧客名", "会社名", "取引先", "取引先名", "企業名"}},
			{"opened", true, []string{"received", "received at", "created", "created at", "opened at", "受付日時", "受付日", "問い合わせ日時", "問合せ日時", "作成日時"}},
			{"answered", false, []string{"first response", "first response at", "first reply", "first reply at", "answered at",
				"初回回答日時", "初回回答", "回答日時", "初回返信日時"}},
		}
	case Campaigns:
		return []Field{
			{"id", false, []string{"campaign id", "record id", "キャンペーンID", "配信ID"}},
			{"name", true, []string{"campaign", "campaign name", "subject", "email name", "キャンペーン", "キャンペーン名", "配信名", "メール名", "件名"}},
			{"date", true, []string{"day", "send date", "sent date", "sent at", "send time", "配信日", "送信日", "配信日時", "送信日時"}},
			{"sent", true, []string{"sends", "emails sent", "recipients", "送信数", "配信数", "送信件数", "配信件数"}},
			{"opened", true, []string{"opens", "unique opens", "opened count", "開封数", "開封", "開封件数"}},
		}
	case Reps:
		return []Field{
			{"name", true, []string{"rep", "rep name", "full name", "sales agent", "氏名", "名前", "担当者", "担当者名", "社員名"}},
			{"department", false, []string{"team", "部署", "部門", "所属", "チーム"}},
			{"active", false, []string{"status", "在籍", "有効", "状態"}},
		}
	}
	return nil
}

// Mapping binds field names to column names, as --map FIELD=COLUMN,... says.
type Mapping map[string]string

// ParseMapping reads "id=opportunity_id,owner=sales_agent" for a kind,
// refusing unknown fields.
func ParseMapping(k Kind, s string) (Mapping, error) {
	m := Mapping{}
	if strings.TrimSpace(s) == "" {
		return m, nil
	}
	for _, pair := range strings.Split(s, ",") {
		field, col, ok := strings.Cut(pair, "=")
		field, col = strings.TrimSpace(field), strings.TrimSpace(col)
		if !ok || field == "" || col == "" {
			return nil, model.Refused(model.RefuseMapForm, pair)
		}
		if fieldIndex(k, field) < 0 {
			return nil, model.Refused(model.RefuseMapNoField, field, col, model.Noun(k), field, model.Names(FieldNames(k)))
		}
		m[field] = col
	}
	return m, nil
}

// String writes the mapping back as FIELD=COLUMN,... in field order.
func (m Mapping) String() string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + "=" + m[k]
	}
	return strings.Join(parts, ",")
}

// FieldNames lists a kind's field names.
func FieldNames(k Kind) []string {
	fs := Fields(k)
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.Name
	}
	return names
}

func fieldIndex(k Kind, name string) int {
	for i, f := range Fields(k) {
		if f.Name == name {
			return i
		}
	}
	return -1
}

// Binding says which column (index into the header, -1 for none) feeds
// each of a kind's fields.
type Binding struct {
	Kind    Kind
	Fields  []Field
	Columns []int
	Header  []string
}

// Column is the index of the column bound to a field, -1 when none.
func (b Binding) Column(field string) int {
	for i, f := range b.Fields {
		if f.Name == field {
			return b.Columns[i]
		}
	}
	return -1
}

// ColumnName names the column bound to a field, or the field itself.
func (b Binding) ColumnName(field string) string {
	if c := b.Column(field); c >= 0 {
		return b.Header[c]
	}
	return field
}

// Mapping is the binding written as an explicit mapping (for profiles and
// the import screen).
func (b Binding) Mapping() Mapping {
	m := Mapping{}
	for i, f := range b.Fields {
		if c := b.Columns[i]; c >= 0 {
			m[f.Name] = b.Header[c]
		}
	}
	return m
}

// Missing lists required fields that have no column.
func (b Binding) Missing() []string {
	var out []string
	for i, f := range b.Fields {
		if f.Required && b.Columns[i] < 0 {
			out = append(out, f.Name)
		}
	}
	return out
}

// Complete refuses a binding that leaves a required field without a
// column, naming the field and the file's columns.
func (b Binding) Complete(file string) error {
	if missing := b.Missing(); len(missing) > 0 {
		f := missing[0]
		return model.Refused(model.RefuseImportNoColumn, file, f, model.Names(b.Header), f)
	}
	return nil
}

// Bind proposes a column for each field: the explicit mapping first, then
// a column named like the field, then a recognised Japanese or English
// header name. Each column feeds at most one field.
func Bind(k Kind, header []string, explicit Mapping) (Binding, error) {
	fs := Fields(k)
	b := Binding{Kind: k, Fields: fs, Columns: make([]int, len(fs)), Header: header}
	used := make([]bool, len(header))
	for i := range b.Columns {
		b.Columns[i] = -1
	}
	if err := duplicateHeader(header); err != nil {
		return b, err // no column bound: the import cannot start
	}
	for i, f := range fs {
		col, ok := explicit[f.Name]
		if !ok {
			continue
		}
		c := findColumn(header, col)
		if c < 0 {
			return b, model.Refused(model.RefuseMapNoColumn, f.Name, col, col, model.Names(header))
		}
		b.Columns[i], used[c] = c, true
	}
	for pass := 0; pass < 2; pass++ {
		for i, f := range fs {
			if b.Columns[i] >= 0 {
				continue
			}
			names := []string{f.Name}
			if pass == 1 {
				names = f.Aliases
			}
			for _, n := range names {
				if c := findColumn(header, n); c >= 0 && !used[c] {
					b.Columns[i], used[c] = c, true
					break
				}
			}
		}
	}
	return b, nil
}

// DuplicateHeaderError is a header with two columns of one name (as
// findColumn compares them): which of them feeds a field would be a guess.
type DuplicateHeaderError struct {
	Name          string
	First, Second int // 1-based column positions
}

func (e *DuplicateHeaderError) Error() string {
	return fmt.Sprintf("columns %d and %d are both named %q (rename one; kpit would not know which to read)", e.First, e.Second, e.Name)
}

// duplicateHeader refuses a header with two non-empty columns of one name,
// under normalize (so "Amount" and "amount" are one); empty header cells,
// as Excel leaves past the last column, may repeat.
func duplicateHeader(header []string) error {
	seen := make(map[string]int, len(header))
	for i, h := range header {
		n := normalize(h)
		if n == "" {
			n = h // a header of only punctuation is compared as written
		}
		if strings.TrimSpace(n) == "" {
			continue
		}
		if j, ok := seen[n]; ok {
			return &DuplicateHeaderError{Name: h, First: j + 1, Second: i + 1}
		}
		seen[n] = i
	}
	return nil
}

// findColumn finds a header by exact name, else by normalised name.
func findColumn(header []string, name string) int {
	for i, h := range header {
		if h == name {
			return i
		}
	}
	n := normalize(name)
	for i, h := range header {
		if normalize(h) == n {
			return i
		}
	}
	return -1
}

// normalize folds width and case and drops everything but letters and
// digits, so "Opportunity ID", "opportunity_id" and "ＯｐｐｏｒｔｕｎｉｔｙＩＤ"
// compare equal.
func normalize(s string) string {
	s = strings.ToLower(width.Fold.String(s))
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
