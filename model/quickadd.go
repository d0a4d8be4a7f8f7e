package model

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/width"
)

// QuickVerb is what a quick-add line does.
type QuickVerb string

const (
	QuickActivity QuickVerb = "activity"
	QuickOpp      QuickVerb = "opportunity" // a new open deal
	QuickWon      QuickVerb = "won"
	QuickLost     QuickVerb = "lost"
	QuickLead     QuickVerb = "lead"
	QuickNPS      QuickVerb = "nps"   // an answer to the NPS question (docs/success.md)
	QuickUsage    QuickVerb = "usage" // a usage check of a customer (docs/success.md)
)

// QuickAdd is one parsed quick-add line. The fields that apply to Verb are
// filled in; RepName is always one of the known reps (empty for a lead
// without one).
type QuickAdd struct {
	Verb        QuickVerb
	Kind        ActivityKind // for QuickActivity
	Count       int          // for QuickActivity, 1 unless given
	Date        time.Time    // event day: activity day, creation or close day
	RepName     string
	Account     string // deal or activity account (@ACME), or lead company
	DealRef     string // #D-001 or #42: the deal an activity is on, or the deal won/lost
	Contact     string // lead contact
	AmountMinor Minor
	HasAmount   bool
	LostReason  string
	// A new deal's forecast category and expected close date (opp only).
	Forecast      ForecastCategory
	ExpectedClose time.Time
	// An NPS answer's score (0–10) and the words written after it. Its
	// customer is Account, given as @ACME.
	Score    int
	HasScore bool
	Comment  string
	// A usage check's answer: whether its customer (Account) was using
	// the product on Date.
	Active bool
}

// quickVerbs maps the first word of a line, in English and Japanese.
var quickVerbs = map[string]struct {
	verb QuickVerb
	kind ActivityKind
}{
	"visit": {QuickActivity, KindVisit}, "訪問": {QuickActivity, KindVisit},
	"call": {QuickActivity, KindCall}, "架電": {QuickActivity, KindCall}, "電話": {QuickActivity, KindCall},
	"email": {QuickActivity, KindEmail}, "mail": {QuickActivity, KindEmail}, "メール": {QuickActivity, KindEmail},
	"proposal": {QuickActivity, KindProposal}, "提案": {QuickActivity, KindProposal},
	"appointment": {QuickActivity, KindAppointment}, "appo": {QuickActivity, KindAppointment}, "アポ": {QuickActivity, KindAppointment},
	"meeting": {QuickActivity, KindMeeting}, "商談": {QuickActivity, KindMeeting},
	"opp": {QuickOpp, ""}, "opportunity": {QuickOpp, ""}, "deal": {QuickOpp, ""}, "案件": {QuickOpp, ""},
	"won": {QuickWon, ""}, "受注": {QuickWon, ""},
	"lost": {QuickLost, ""}, "失注": {QuickLost, ""},
	"lead": {QuickLead, ""}, "リード": {QuickLead, ""},
	"nps": {QuickNPS, ""}, "推奨度": {QuickNPS, ""},
	"usage": {QuickUsage, ""}, "active": {QuickUsage, ""}, "inactive": {QuickUsage, ""},
	"利用": {QuickUsage, ""}, "利用中": {QuickUsage, ""}, "未利用": {QuickUsage, ""},
}

// ActivityKindWord reads an activity kind written in English or Japanese
// (visit, 訪問, call, 架電, 電話, ...).
func ActivityKindWord(s string) (ActivityKind, bool) {
	v, ok := quickVerbs[strings.ToLower(width.Fold.String(strings.TrimSpace(s)))]
	if !ok || v.verb != QuickActivity {
		return "", false
	}
	return v.kind, true
}

// QuickError is a quick-add line that could not be read. Token is the part
// of the line at fault ("" when something is missing rather than wrong);
// Code is the rule that refused it and Args the values the rule names.
type QuickError struct {
	Token string
	Msg   string
	Code  RefusalCode
	Args  []any
}

func quickErr(token string, code RefusalCode, args ...any) *QuickError {
	return &QuickError{Token: token, Msg: code.English(args...), Code: code, Args: args}
}

func (e *QuickError) Error() string {
	if e.Token == "" {
		return e.Msg
	}
	return fmt.Sprintf("%q: %s", e.Token, e.Msg)
}

var (
	dateLike      = regexp.MustCompile(`^\d{4}[-/]\d{1,2}[-/]\d{1,2}$`)
	monthSlashDay = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})$`) // 11/29: this year's, or last year's when that is still to come
	dayOnly       = regexp.MustCompile(`^(\d{1,2})日$`)          // 29日: this month's, or last month's when that is still to come
	countLike     = regexp.MustCompile(`^\d+(件|回|x)?$`)
	moneyLike     = regexp.MustCompile(`^[\d,.]+(億|万|千)`)
	scoreLike     = regexp.MustCompile(`^-?\d{1,3}点?$`) // an NPS score: 9, 9点 (-1 and 11 are read to be refused)
)

// ParseQuickAdd reads one line such as `visit 3 田中 2026-11-20`,
// `call 田中`, `won 1200万 ACME 鈴木`, `lost ACME 鈴木 価格`,
// `lead 株式会社ABC 佐藤`, `opp ACME 鈴木 500万 確度A 完了予定:2026-12-20` or
// `NPS 9 @ACME 11/29 対応が早い` (an NPS answer: its score, its customer after
// @, its day, and the words left as its comment; no rep), or
// `未利用 @ACME 11/29` (a usage check: the first word says whether the
// customer was using the product, model.UsageActiveWord's words; its
// customer after @ and its day; no rep).
// The first word is the verb; the rest may come in any order: a date
// (YYYY-MM-DD, today, yesterday, 今日, 昨日), a known rep, a count
// (activities) or an amount (deals), for a new deal its forecast category
// (quickForecast) and expected close date (close:DATE, 完了予定:DATE), and
// free words (account, lost reason, lead company and contact).
// today is the default date; reps are the known rep names; amounts are read
// in the team's currency cur.
func ParseQuickAdd(line string, reps []string, today time.Time, cur Currency) (QuickAdd, error) {
	toks := strings.Fields(line)
	if len(toks) == 0 {
		return QuickAdd{}, quickErr("", RefuseQuickEmpty)
	}
	head := strings.ToLower(width.Fold.String(toks[0]))
	v, ok := quickVerbs[head]
	if !ok {
		return QuickAdd{}, quickErr(toks[0], RefuseQuickUnknownVerb)
	}
	q := QuickAdd{Verb: v.verb, Kind: v.kind, Count: 1, Date: Date(today)}
	if q.Verb == QuickUsage {
		// usage and 利用 are a check that found the customer active.
		q.Active, _ = UsageActiveWord(head)
		q.Active = q.Active || head == "usage"
	}
	var free []string
	haveDate, haveCount, haveForecast := false, false, false
	for i := 1; i < len(toks); i++ {
		raw := toks[i]
		tok := width.Fold.String(raw)
		low := strings.ToLower(tok)
		if q.Verb == QuickUsage {
			// A check has no rep: a date and @customer, nothing else.
			if done, err := quickDateOrAccount(&q, raw, tok, low, today, &haveDate); err != nil {
				return q, err
			} else if !done {
				return q, quickErr(raw, RefuseQuickUsageWord)
			}
			continue
		}
		if q.Verb == QuickNPS {
			// An answer has no rep: a date, @customer, the score, and the
			// rest is what the customer said (a second number too).
			if done, err := quickDateOrAccount(&q, raw, tok, low, today, &haveDate); err != nil {
				return q, err
			} else if done {
				continue
			}
			if !scoreLike.MatchString(tok) || q.HasScore {
				free = append(free, raw)
				continue
			}
			n, err := strconv.Atoi(strings.TrimSuffix(tok, "点"))
			if err != nil || n < NPSMin || n > NPSMax {
				return q, quickErr(raw, RefuseNPSRange, n)
			}
			q.Score, q.HasScore = n, true
			continue
		}
		rep, words, ambiguous := matchRep(toks[i:], reps)
		if len(ambiguous) > 1 {
			return q, quickErr(raw, RefuseQuickAmbiguousRep, strings.Join(ambiguous, ", "))
		}
		if rep != "" {
			if q.RepName != "" {
				return q, quickErr(raw, RefuseQuickSecondRep, q.RepName)
			}
			q.RepName = rep
			i += words - 1
			continue
		}
		if q.Verb == QuickOpp {
			if day, ok := closeToken(tok); ok {
				if !q.ExpectedClose.IsZero() {
					return q, quickErr(raw, RefuseQuickSecondDate)
				}
				d, err := parseLooseDate(day)
				if err != nil {
					return q, quickErr(raw, RefuseQuickBadDate)
				}
				q.ExpectedClose = d
				continue
			}
			if c, ok := quickForecast(tok); ok {
				if haveForecast {
					return q, quickErr(raw, RefuseQuickSecondForecast)
				}
				q.Forecast, haveForecast = c, true
				continue
			}
		}
		switch {
		case strings.HasPrefix(tok, "@") && len(tok) > 1:
			if q.Account != "" {
				return q, quickErr(raw, RefuseQuickNotDealWord)
			}
			q.Account = strings.TrimPrefix(raw, "@")
			if strings.HasPrefix(q.Account, "＠") {
				q.Account = strings.TrimPrefix(q.Account, "＠")
			}
		case strings.HasPrefix(tok, "#") && len(tok) > 1:
			if q.DealRef != "" || q.Verb == QuickLead {
				return q, quickErr(raw, RefuseQuickNotDealWord)
			}
			q.DealRef = tok[1:]
		case monthSlashDay.MatchString(tok) || dayOnly.MatchString(tok):
			if haveDate {
				return q, quickErr(raw, RefuseQuickSecondDate)
			}
			d, err := shortDate(tok, Date(today))
			if err != nil {
				return q, quickErr(raw, RefuseQuickBadDate)
			}
			q.Date, haveDate = d, true
		case low == "today" || tok == "今日" || tok == "本日":
			if haveDate {
				return q, quickErr(raw, RefuseQuickSecondDate)
			}
			q.Date, haveDate = Date(today), true
		case low == "yesterday" || tok == "昨日":
			if haveDate {
				return q, quickErr(raw, RefuseQuickSecondDate)
			}
			q.Date, haveDate = Date(today).AddDate(0, 0, -1), true
		case dateLike.MatchString(tok):
			if haveDate {
				return q, quickErr(raw, RefuseQuickSecondDate)
			}
			d, err := parseLooseDate(tok)
			if err != nil {
				return q, quickErr(raw, RefuseQuickBadDate)
			}
			q.Date, haveDate = d, true
		case q.Verb == QuickActivity && countLike.MatchString(tok):
			if haveCount {
				return q, quickErr(raw, RefuseQuickSecondCount)
			}
			n, err := strconv.Atoi(strings.TrimRight(tok, "件回x"))
			if err != nil || n <= 0 || n > MaxCount {
				return q, quickErr(raw, RefuseQuickCountRange, MaxCount)
			}
			q.Count, haveCount = n, true
		case strings.HasPrefix(tok, "-") && len(tok) > 1 && tok[1] >= '0' && tok[1] <= '9':
			return q, quickErr(raw, RefuseQuickNegative)
		case q.Verb != QuickActivity && q.Verb != QuickLead && looksLikeAmount(tok, cur):
			if q.HasAmount {
				return q, quickErr(raw, RefuseQuickSecondAmount)
			}
			y, err := ParseMoney(tok, cur)
			if err != nil || y <= 0 {
				return q, quickErr(raw, RefuseQuickBadAmount)
			}
			q.AmountMinor, q.HasAmount = y, true
		default:
			free = append(free, raw)
		}
	}
	return finishQuick(q, free, reps)
}

// finishQuick gives the free words their meaning for the verb and checks
// what each verb needs.
func finishQuick(q QuickAdd, free []string, reps []string) (QuickAdd, error) {
	missingRep := func() error {
		if len(free) > 0 {
			return quickErr(free[0], RefuseQuickUnknownRep, knownList(reps))
		}
		return quickErr("", RefuseQuickRepMissing, knownList(reps))
	}
	switch q.Verb {
	case QuickActivity:
		if q.RepName == "" {
			return q, missingRep()
		}
		if len(free) > 0 {
			return q, quickErr(free[0], RefuseQuickNotActivityWord)
		}
	case QuickOpp, QuickWon, QuickLost:
		if q.RepName == "" && len(free) >= 2 {
			// Account then rep is the usual order: name the word in the rep's place.
			return q, quickErr(free[len(free)-1], RefuseQuickUnknownRep, knownList(reps))
		}
		if q.RepName == "" {
			return q, quickErr("", RefuseQuickRepMissing, knownList(reps))
		}
		if q.Account == "" && len(free) > 0 {
			q.Account, free = free[0], free[1:]
		} else if q.Account == "" && q.DealRef == "" {
			return q, quickErr("", RefuseQuickAccountMissing, string(q.Verb), q.RepName)
		}
		switch q.Verb {
		case QuickLost:
			q.LostReason = strings.Join(free, " ")
		default:
			if len(free) > 0 {
				return q, quickErr(free[0], RefuseQuickNotDealWord)
			}
		}
		if q.Verb == QuickWon && !q.HasAmount {
			return q, quickErr("", RefuseQuickAmountMissing, q.Account, q.RepName)
		}
	case QuickNPS:
		if !q.HasScore {
			return q, quickErr("", RefuseQuickScoreMissing)
		}
		q.Comment = strings.Join(free, " ")
	case QuickUsage:
		if q.Account == "" {
			return q, quickErr("", RefuseQuickCustomerMissing)
		}
	case QuickLead:
		if len(free) == 0 {
			return q, quickErr("", RefuseQuickCompanyMissing)
		}
		q.Account = free[0]
		if len(free) > 1 {
			q.Contact = free[1]
		}
		if len(free) > 2 {
			return q, quickErr(free[2], RefuseQuickLeadTooMany)
		}
	}
	return q, nil
}

// quickForecast reads a forecast category in a quick-add line: 確度A,
// ヨミB, commit, best_case, pipeline, omitted (ParseForecast's words), but
// a single letter only as a capital A, B or C, so that a one-letter word
// stays an account.
func quickForecast(tok string) (ForecastCategory, bool) {
	if len([]rune(tok)) == 1 && !strings.ContainsAny(tok, "ABC") {
		return ForecastUnrated, false
	}
	return ForecastWord(tok)
}

// closeToken reads an expected close date token, close:DATE, close=DATE,
// 完了予定:DATE or 予定:DATE (width-folded, so ：works), and returns its date.
func closeToken(tok string) (string, bool) {
	for _, prefix := range []string{"close:", "close=", "完了予定:", "完了予定=", "予定:", "予定="} {
		if len(tok) > len(prefix) && strings.EqualFold(tok[:len(prefix)], prefix) {
			return tok[len(prefix):], true
		}
	}
	return "", false
}

// matchRep reads a rep at the start of toks: a whole name, which may span
// words ("鈴木 一郎"), or a family name alone when it belongs to one rep only
// (鈴木 for 鈴木 一郎). It returns the rep and how many words it took; two or
// more reps sharing the family name come back as ambiguous.
func matchRep(toks []string, reps []string) (rep string, words int, ambiguous []string) {
	for _, r := range reps {
		parts := strings.Fields(r)
		if len(parts) == 0 || len(parts) > len(toks) || len(parts) <= words {
			continue
		}
		if slices.Equal(parts, toks[:len(parts)]) {
			rep, words = r, len(parts)
		}
	}
	if rep != "" {
		return rep, words, nil
	}
	for _, r := range reps {
		if parts := strings.Fields(r); len(parts) > 1 && parts[0] == toks[0] {
			ambiguous = append(ambiguous, r)
		}
	}
	if len(ambiguous) == 1 {
		return ambiguous[0], 1, nil
	}
	return "", 0, ambiguous
}

func knownList(reps []string) string {
	if len(reps) == 0 {
		return "none yet"
	}
	return strings.Join(reps, ", ")
}

// looksLikeAmount is true for a token written as money in cur: ending in
// 万, 億 or the currency's Japanese word (円, ドル), digits with 千, the
// currency's symbol, or a plain number. Such a token that does not parse is
// refused as an amount rather than taken as an account.
func looksLikeAmount(tok string, cur Currency) bool {
	t := strings.TrimPrefix(tok, cur.Symbol)
	if t == "" {
		return false
	}
	if moneyLike.MatchString(t) || strings.HasSuffix(t, "万") || strings.HasSuffix(t, "億") || strings.HasSuffix(t, cur.wordJA) {
		return true
	}
	for _, r := range t {
		if (r < '0' || r > '9') && r != ',' && r != '.' {
			return strings.HasPrefix(tok, cur.Symbol)
		}
	}
	return true
}

// parseLooseDate reads 2026-11-20, 2026-1-5 or 2026/11/20, refusing days
// that do not exist.
// shortDate reads 11/29 (month/day) or 29日 (day of the month) as the
// latest such day not after today: this year's or month's, else the one
// before (an entry is for a day that has been).
func shortDate(s string, today time.Time) (time.Time, error) {
	if m := dayOnly.FindStringSubmatch(s); m != nil {
		d, _ := strconv.Atoi(m[1])
		for back := 0; back < 2; back++ {
			first := D(today.Year(), today.Month(), 1).AddDate(0, -back, 0)
			t := D(first.Year(), first.Month(), d)
			if d >= 1 && t.Month() == first.Month() && !t.After(today) {
				return t, nil
			}
		}
		return time.Time{}, fmt.Errorf("not a date")
	}
	m := monthSlashDay.FindStringSubmatch(s)
	mo, _ := strconv.Atoi(m[1])
	d, _ := strconv.Atoi(m[2])
	for _, y := range []int{today.Year(), today.Year() - 1} {
		t, err := parseLooseDate(fmt.Sprintf("%d-%d-%d", y, mo, d))
		if err != nil {
			return t, err
		}
		if !t.After(today) {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("not a date")
}

func parseLooseDate(s string) (time.Time, error) {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '/' })
	if len(parts) != 3 {
		return time.Time{}, fmt.Errorf("not a date")
	}
	y, e1 := strconv.Atoi(parts[0])
	m, e2 := strconv.Atoi(parts[1])
	d, e3 := strconv.Atoi(parts[2])
	if e1 != nil || e2 != nil || e3 != nil || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, fmt.Errorf("not a date")
	}
	t := D(y, time.Month(m), d)
	if t.Day() != d || int(t.Month()) != m {
		return time.Time{}, fmt.Errorf("not a date")
	}
	return t, nil
}

// QuickVerbWords are the words a quick-add line may start with, sorted,
// for completing a verb as it is typed.
func QuickVerbWords() []string {
	words := make([]string, 0, len(quickVerbs))
	for w := range quickVerbs {
		words = append(words, w)
	}
	sort.Strings(words)
	return words
}

// quickDateOrAccount reads a token of an NPS or usage line that is a date or an
// @customer, as the other lines read them; done is false for any other
// token.
func quickDateOrAccount(q *QuickAdd, raw, tok, low string, today time.Time, haveDate *bool) (done bool, err error) {
	var day time.Time
	switch {
	case strings.HasPrefix(tok, "@") && len(tok) > 1:
		if q.Account != "" {
			return true, quickErr(raw, RefuseQuickSecondCustomer, q.Account)
		}
		q.Account = strings.TrimPrefix(strings.TrimPrefix(raw, "@"), "＠")
		return true, nil
	case monthSlashDay.MatchString(tok) || dayOnly.MatchString(tok):
		d, perr := shortDate(tok, Date(today))
		if perr != nil {
			return true, quickErr(raw, RefuseQuickBadDate)
		}
		day = d
	case low == "today" || tok == "今日" || tok == "本日":
		day = Date(today)
	case low == "yesterday" || tok == "昨日":
		day = Date(today).AddDate(0, 0, -1)
	case dateLike.MatchString(tok):
		d, perr := parseLooseDate(tok)
		if perr != nil {
			return true, quickErr(raw, RefuseQuickBadDate)
		}
		day = d
	default:
		return false, nil
	}
	if *haveDate {
		return true, quickErr(raw, RefuseQuickSecondDate)
	}
	q.Date, *haveDate = day, true
	return true, nil
}
