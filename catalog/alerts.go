package catalog

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/kpit-dev/kpit/model"
)

// The wording of alerts, input rules and timeliness, shared by the alerts
// pane, the settings overlay and `kpit alerts` / `kpit rules` in text form.
var (
	SevWarning  = Text{JA: "注意(黄)", EN: "warning (yellow)"}
	SevCritical = Text{JA: "危険(赤)", EN: "critical (red)"}

	AlertLate    = Text{JA: "%[1]s #%[2]d (%[3]s): %[6]d日遅れて入力 (%[4]s の記録、期限 %[5]s)", EN: "%[1]s #%[2]d (%[3]s): entered %[6]d day(s) late (event %[4]s, due %[5]s)"}
	AlertStale   = Text{JA: "%[1]s: %[2]d日間入力がありません (最終 %[3]s)", EN: "%[1]s: no entry for %[2]d days (last %[3]s)"}
	AlertStalled = Text{JA: "商談 #%[1]d (%[2]s): %[3]d日間活動なし (最終 %[4]s)", EN: "opportunity #%[1]d (%[2]s): no activity for %[3]d days (since %[4]s)"}
	AlertHandoff = Text{JA: "%[1]s のリード %[2]d件が引き渡し期限超過 (最長 リード #%[3]d、%[4]d日超過)", EN: "%[2]d leads at %[1]s past their hand-off limit (longest: lead #%[3]d, %[4]d days over)"}
	AlertOverdue = Text{JA: "商談 #%[1]d (%[2]s): 完了予定日を%[4]d日過ぎても未完了 (予定 %[3]s)", EN: "opportunity #%[1]d (%[2]s): still open %[4]d day(s) after its expected close (%[3]s)"}

	RuleLate    = Text{JA: "入力遅れ", EN: "late entry"}
	RuleStale   = Text{JA: "入力途絶", EN: "no entries"}
	RuleStalled = Text{JA: "商談停滞", EN: "stalled deal"}
	RuleOverdue = Text{JA: "完了予定超過", EN: "close date passed"}
	RuleAction  = Text{JA: "アクション期限超過", EN: "action overdue"}

	AlertAction = Text{JA: "レビューのアクション「%[1]s」(%[2]s): 期限を%[4]d日過ぎても未完了 (期限 %[3]s)", EN: "review action \"%[1]s\" (%[2]s): still open %[4]d day(s) after its due day (%[3]s)"}
	RuleHandoff = Text{JA: "引き渡し遅れ", EN: "hand-off overdue"}

	DeadlineSameDay         = Text{JA: "当日中", EN: "the same day"}
	DeadlineNextBusinessDay = Text{JA: "翌営業日まで", EN: "by the next business day"}
	DeadlineDays            = Text{JA: "%d日以内", EN: "within %d days"}

	RuleDeadline   = Text{JA: "入力期限", EN: "Entry deadline"}
	RuleRequired   = Text{JA: "必須項目", EN: "Required fields"}
	RuleStaleLimit = Text{JA: "入力途絶の上限", EN: "Staleness limit"}
	RuleFuture     = Text{JA: "未来の日付", EN: "Future dates"}
	RuleAlerts     = Text{JA: "アラート", EN: "Alerts"}
	RuleDefault    = Text{JA: "(既定)", EN: "(default)"}
	RuleNone       = Text{JA: "なし", EN: "none"}
	RuleOn         = Text{JA: "オン", EN: "on"}
	RuleOff        = Text{JA: "オフ", EN: "off"}
	RuleStaleDays  = Text{JA: "%d日", EN: "%d days"}
	RuleFutureNone = Text{JA: "不可 (今日まで)", EN: "not allowed (up to today)"}
	RuleFutureDays = Text{JA: "%d日先まで可", EN: "up to %d days ahead"}
	RuleHolidays   = Text{JA: "営業日は土日と祝日 (振替休日を含む) を除きます", EN: "Business days skip Saturdays, Sundays and Japanese public holidays."}
	RuleYearEnd    = Text{JA: "年末年始休業", EN: "Year-end closure"}
	RuleYearEndOn  = Text{JA: "オン (12/29-1/3 は営業日に数えません)", EN: "on (12/29-1/3 are not business days)"}
	RuleFiscal     = Text{JA: "年度", EN: "Fiscal year"}
	RuleFiscalFrom = Text{JA: "%s始まり", EN: "starts in %s"}

	TimelySameDay    = Text{JA: "当日入力", EN: "same day"}
	TimelyOneDay     = Text{JA: "翌日までに入力", EN: "within one day"}
	TimelyTeam       = Text{JA: "チーム", EN: "team"}
	TimelyUnassigned = Text{JA: "(担当なし)", EN: "(no rep)"}
	TimelyReference  = Text{JA: "参考: SFA/CRMに即時入力 %[1]s、1日まとめて入力 %[2]s (%[3]s)", EN: "Reference: SFA/CRM input entered immediately %[1]s, in a daily batch %[2]s (%[3]s)"}
	// The survey the reference figures come from (model.RefEntrySource,
	// which JSON gives as it is), its month in the reader's language.
	timelySource = Text{JA: "PRIZMA, 2025年10月, n=1,034", EN: "PRIZMA, Oct 2025, n=1,034"}
)

// SeverityWord is an alert's band as a word with its SFA colour name, so
// the band reads without colour: "warning (yellow)", "注意(黄)".
func SeverityWord(l Lang, s model.Severity) string {
	if s == model.SeverityCritical {
		return l.T(SevCritical)
	}
	return l.T(SevWarning)
}

// AlertText is one alert as a sentence, without its severity. It is
// composed here from the alert's fields, so a late activity without an
// account is named by its kind in the user's language (架電 #12, call #12).
func AlertText(l Lang, a model.Alert) string {
	switch a.Kind {
	case model.AlertLateEntry:
		what := RecordKindWord(l, a.RecordKind)
		if a.RecordKind == model.RecordActivity && a.ActivityKind != "" {
			what = ActivityKindWord(l, a.ActivityKind)
		}
		return l.T(AlertLate, what, a.RecordID, alertWho(l, a.RepName, a.Subject),
			model.FormatDate(a.Day), model.FormatDate(a.Due), a.Days)
	case model.AlertStaleRep:
		return l.T(AlertStale, a.RepName, a.Days, model.FormatDate(a.Day))
	case model.AlertStalledDeal:
		return l.T(AlertStalled, a.RecordID, alertWho(l, a.RepName, a.Subject), a.Days, model.FormatDate(a.Day))
	case model.AlertOverdueClose:
		return l.T(AlertOverdue, a.RecordID, alertWho(l, a.RepName, a.Subject), model.FormatDate(a.Day), a.Days)
	case model.AlertOverdueAction:
		return l.T(AlertAction, a.Subject, alertWho(l, a.RepName, ""), model.FormatDate(a.Day), a.Days)
	case model.AlertHandoffOverdue:
		return l.T(AlertHandoff, StageWord(l, model.FunnelStage(a.Subject)), a.Count, a.RecordID, a.Days)
	}
	return string(a.Kind)
}

// alertWho is the parenthesis of an alert: the rep, then the account or
// company when the record has one ("林 和也, ACME", "林 和也").
func alertWho(l Lang, rep, subject string) string {
	if rep == "" {
		rep = l.T(TimelyUnassigned)
	}
	if subject == "" {
		return rep
	}
	return rep + ", " + subject
}

// AlertKindWord is the short name of an alert rule.
func AlertKindWord(l Lang, k model.AlertKind) string {
	switch k {
	case model.AlertLateEntry:
		return l.T(RuleLate)
	case model.AlertStaleRep:
		return l.T(RuleStale)
	case model.AlertStalledDeal:
		return l.T(RuleStalled)
	case model.AlertOverdueAction:
		return l.T(RuleAction)
	case model.AlertHandoffOverdue:
		return l.T(RuleHandoff)
	}
	return l.T(RuleOverdue)
}

// DeadlineWord describes an entry deadline.
func DeadlineWord(l Lang, d model.EntryDeadline) string {
	switch d.Kind {
	case model.DeadlineSameDay:
		return l.T(DeadlineSameDay)
	case model.DeadlineDays:
		return l.T(DeadlineDays, d.Days)
	}
	return l.T(DeadlineNextBusinessDay)
}

// RulesLines lists the input rules, one per line.
func RulesLines(l Lang, r model.InputRules) []string {
	def := model.DefaultInputRules()
	mark := func(isDefault bool) string {
		if isDefault {
			return " " + l.T(RuleDefault)
		}
		return ""
	}
	var req []string
	for _, k := range []model.RecordKind{model.RecordActivity, model.RecordOpportunity, model.RecordLead} {
		if fs := r.Required[k]; len(fs) > 0 {
			req = append(req, RecordKindWord(l, k)+": "+RequiredText(l, fs))
		}
	}
	reqText := l.T(RuleNone)
	if len(req) > 0 {
		reqText = strings.Join(req, "; ")
	}
	stale := l.T(RuleStaleDays, r.StaleDays)
	if r.StaleDays == 0 {
		stale = l.T(RuleOff)
	}
	var names []string
	for n := range r.StaleDaysByRep {
		names = append(names, n)
	}
	sort.Strings(names)
	var per []string
	for _, n := range names {
		if d := r.StaleDaysByRep[n]; d == 0 {
			per = append(per, n+" "+l.T(RuleOff))
		} else {
			per = append(per, n+" "+l.T(RuleStaleDays, d))
		}
	}
	if len(per) > 0 {
		stale += " (" + strings.Join(per, ", ") + ")"
	}
	future := l.T(RuleFutureNone)
	if r.FutureDays > 0 {
		future = l.T(RuleFutureDays, r.FutureDays)
	}
	alerts := l.T(RuleOn)
	if !r.AlertsOn {
		alerts = l.T(RuleOff)
	}
	yearEnd := l.T(RuleYearEndOn)
	if !r.YearEndClosure {
		yearEnd = l.T(RuleOff)
	}
	row := func(label Text, value string) string { return padRight(l.T(label), 16) + "  " + value }
	return []string{
		row(RuleDeadline, DeadlineWord(l, r.Deadline)+mark(r.Deadline == def.Deadline)),
		row(RuleRequired, reqText),
		row(RuleStaleLimit, stale+mark(r.StaleDays == def.StaleDays && len(per) == 0)),
		row(RuleFuture, future),
		row(RuleAlerts, alerts),
		row(RuleYearEnd, yearEnd+mark(r.YearEndClosure == def.YearEndClosure)),
		l.T(RuleHolidays),
	}
}

// worstTimelinessFirst orders the reps of perRep by their share entered on
// the event day, lowest first (the ones to talk to), ties by name; reps
// without records, then records without a rep (""), come last.
func worstTimelinessFirst(perRep map[string]model.Timeliness) []string {
	names := make([]string, 0, len(perRep))
	for n := range perRep {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		a, b := names[i], names[j]
		if (a == "") != (b == "") {
			return b == ""
		}
		sa, sb := perRep[a].SameDayShare(), perRep[b].SameDayShare()
		if sa.Valid != sb.Valid {
			return sa.Valid
		}
		if sa.Valid && sa.V != sb.V {
			return sa.V < sb.V
		}
		return a < b
	})
	return names
}

// TimelinessLines shows the team's and each rep's share of records entered
// on the event day and within a day, beside the reference figures; the
// reps worst first.
func TimelinessLines(l Lang, team model.Timeliness, perRep map[string]model.Timeliness) []string {
	cell := func(n, total int, share model.Value) string {
		return fmt.Sprintf("%6s (%d/%d)", FormatPercent(share), n, total)
	}
	line := func(name string, t model.Timeliness) string {
		return padRight(name, 12) + "  " + padRight(cell(t.SameDay, t.Total, t.SameDayShare()), 20) + "  " +
			cell(t.WithinOneDay, t.Total, t.WithinOneDayShare())
	}
	out := []string{
		padRight("", 12) + "  " + padRight(l.T(TimelySameDay), 20) + "  " + l.T(TimelyOneDay),
		line(l.T(TimelyTeam), team),
		l.T(TimelyReference, FormatPercent(model.Some(model.RefEnteredImmediately)),
			FormatPercent(model.Some(model.RefEnteredDailyBatch)), l.T(timelySource)),
	}
	for _, n := range worstTimelinessFirst(perRep) {
		name := n
		if name == "" {
			name = l.T(TimelyUnassigned)
		}
		out = append(out, line(name, perRep[n]))
	}
	return out
}

// RequiredFieldLabel names a requirable field in language l: in Japanese
// the form's label (金額、取引先), in English the field name kpit rules
// --require takes (amount, account).
func RequiredFieldLabel(l Lang, field string) string {
	if l != LangJA {
		return field
	}
	switch field {
	case "opportunity":
		return l.T(FieldDeal)
	case "product":
		return l.T(FieldProduct)
	case "rep":
		return l.T(FieldOwner)
	}
	return FieldLabel(l, field)
}

// RequiredText lists the required fields of one kind of record.
func RequiredText(l Lang, fields []string) string {
	labels := make([]string, len(fields))
	for i, f := range fields {
		labels[i] = RequiredFieldLabel(l, f)
	}
	sep := ", "
	if l == LangJA {
		sep = "、"
	}
	return strings.Join(labels, sep)
}

// MonthWord names a month: "April", "4月".
func MonthWord(l Lang, m time.Month) string {
	if l == LangJA {
		return fmt.Sprintf("%d月", int(m))
	}
	return m.String()
}

// FiscalStartLine is the line `kpit rules` and the settings print for the
// month the fiscal year starts in, laid out like RulesLines.
func FiscalStartLine(l Lang, m time.Month) string {
	s := padRight(l.T(RuleFiscal), 16) + "  " + l.T(RuleFiscalFrom, MonthWord(l, m))
	if m == model.DefaultFiscalStart {
		s += " " + l.T(RuleDefault)
	}
	return s
}

// padRight left-aligns s in w display columns (a Japanese character takes
// two), cutting it when too wide.
func padRight(s string, w int) string {
	if sw := ansi.StringWidth(s); sw > w {
		s = ansi.Truncate(s, w, "")
	}
	return s + strings.Repeat(" ", w-ansi.StringWidth(s))
}

var (
	ruleCurrency     = Text{JA: "通貨", EN: "Currency"}
	ruleCurrencyForm = Text{JA: "%s (%s, 小数%d桁)", EN: "%s (%s, %d decimals)"}
)

// CurrencyLine is the line `kpit rules` prints for the team's currency,
// laid out like RulesLines.
func CurrencyLine(l Lang, c model.Currency) string {
	s := padRight(l.T(ruleCurrency), 16) + "  " + l.T(ruleCurrencyForm, c.Code, c.Symbol, c.Decimals)
	if c.Code == model.JPY.Code {
		s += " " + l.T(RuleDefault)
	}
	return s
}
