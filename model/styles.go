package model

// StyleKey names one of the four sales styles (docs/styles.md).
type StyleKey string

const (
	StyleNewBusiness     StyleKey = "new_business"
	StyleRoute           StyleKey = "route"
	StyleInsideSales     StyleKey = "inside_sales"
	StyleCustomerSuccess StyleKey = "customer_success"
)

// Valid reports whether k is one of the four styles.
func (k StyleKey) Valid() bool {
	_, ok := StyleByKey(k)
	return ok
}

// KPIEntry is a catalogue KPI: its definition, written out in both languages
// (checklist item 5), and how it behaves over time.
type KPIEntry struct {
	// KPI carries the key, names, unit, direction, main flag, department and
	// style. Its Definition and Formula are the Japanese definition and
	// the English formula, ready to store; Target is unset.
	KPI          KPI
	DefinitionJA string
	DefinitionEN string
	// FormulaJA and FormulaEN say how the figure is computed and from
	// which records, in words a manager reads (受注 ÷ (受注 + 失注)、期間内に
	// 決着した商談). FormulaEN is the stored KPI.Formula.
	FormulaJA string
	FormulaEN string
	// Flow is true for a count or a sum over time, which grows with the
	// period (50 a month is 600 a year); false for a rate, an average or a
	// stock, which does not.
	Flow bool
}

// Style is one sales style (営業スタイル) with its KPIs.
type Style struct {
	Key        StyleKey
	NameJA     string
	NameEN     string
	FocusJA    string
	FocusEN    string
	Main       []KPIEntry // 3 each: keep main KPIs to 3–5 (docs/styles.md)
	Supporting []KPIEntry
	// Related are figures the style's records give beside its list (inside
	// sales' connect rate, docs/success.md): shown in its table, not
	// brought in when the style is adopted.
	Related []KPIEntry
}

// Styles lists the four sales styles in the order of docs/styles.md.
func Styles() []Style {
	out := make([]Style, len(styleDefs))
	for i, d := range styleDefs {
		s := d.style
		for _, k := range d.main {
			s.Main = append(s.Main, styleEntry(k, d.names))
		}
		for _, k := range d.supporting {
			s.Supporting = append(s.Supporting, styleEntry(k, d.names))
		}
		for _, k := range d.related {
			s.Related = append(s.Related, styleEntry(k, d.names))
		}
		out[i] = s
	}
	return out
}

// Rows are the style's table in order: main, supporting, related.
func (s Style) Rows() []KPIEntry {
	return append(append(append([]KPIEntry(nil), s.Main...), s.Supporting...), s.Related...)
}

// StyleByKey returns the style with key k.
func StyleByKey(k StyleKey) (Style, bool) {
	for _, s := range Styles() {
		if s.Key == k {
			return s, true
		}
	}
	return Style{}, false
}

// KPIDefinition returns the catalogue entry for a KPI or tree node key:
// every KPI of the four styles and every node of the style templates
// (revenue 売上, orders_won 受注件数, …). The names are the tree's wording;
// a style's list may word the same KPI as its source table does (visits is
// 訪問数 in the tree, 訪問件数 in the new-business table).
func KPIDefinition(key string) (KPIEntry, bool) {
	for _, e := range catalogue {
		if e.KPI.Key == key {
			return e, true
		}
	}
	return KPIEntry{}, false
}

// KPIDefinitions lists every catalogue entry.
func KPIDefinitions() []KPIEntry { return append([]KPIEntry(nil), catalogue...) }

func styleEntry(key string, names map[string][2]string) KPIEntry {
	e, ok := KPIDefinition(key)
	if !ok {
		panic("model: style lists unknown KPI " + key) // a typo in the tables below
	}
	if n, ok := names[key]; ok {
		e.KPI.NameJA, e.KPI.NameEN = n[0], n[1]
	}
	return e
}

type styleDef struct {
	style            Style
	main, supporting []string
	related          []string
	names            map[string][2]string // the style table's wording, where it differs
}

var styleDefs = []styleDef{
	{
		style: Style{Key: StyleNewBusiness, NameJA: "新規開拓営業", NameEN: "New business",
			FocusJA: "活動量と転換率の両方を見る",
			FocusEN: "Watch both activity volume and conversion rates"},
		main:       []string{"new_leads", MetricLeadToOppRate, "new_orders_won"},
		supporting: []string{MetricVisits, MetricProposals, "first_meeting_rate"},
		names:      map[string][2]string{MetricVisits: {"訪問件数", "Visits"}},
	},
	{
		style: Style{Key: StyleRoute, NameJA: "ルート営業", NameEN: "Route sales",
			FocusJA: "既存顧客を維持し、取引を広げる",
			FocusEN: "Keep existing customers and grow what they buy"},
		main:       []string{"existing_revenue", "upsell_rate", "repeat_rate"},
		supporting: []string{"visit_frequency", "customer_satisfaction", "complaint_rate"},
	},
	{
		style: Style{Key: StyleInsideSales, NameJA: "インサイドセールス", NameEN: "Inside sales",
			FocusJA: "デジタル指標と効率を見る",
			FocusEN: "Watch the digital metrics and efficiency"},
		main:       []string{"mql_to_sql_rate", MetricCalls, "email_open_rate"},
		supporting: []string{MetricAppointments, MetricMeetings, "response_time"},
		related:    []string{MetricConnectRate},
	},
	{
		style: Style{Key: StyleCustomerSuccess, NameJA: "カスタマーサクセス", NameEN: "Customer success",
			FocusJA: "継続利用と顧客満足を高める",
			FocusEN: "Keep customers using the product and satisfied"},
		main:       []string{"churn_rate", "ltv", "nps"},
		supporting: []string{"onboarding_completion_rate", "usage_rate", "inquiry_response_time"},
	},
}
