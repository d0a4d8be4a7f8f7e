package importer

import (
	"fmt"
	"hash/fnv"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// The customer-success records read from a survey tool's, a product's, a
// help desk's or a mailing tool's export (docs/success.md). A row without
// an id gets one derived from its content, as an activity does, so the
// same file imported again adds nothing. Each record is refused as kpit
// add refuses it (model.CheckNPSAnswer and the rest).

// autoID is the id of a row that has none: its day and a hash of its
// cells, numbered when the file repeats them.
func (c *converter) autoID(day time.Time, cells ...string) string {
	h := fnv.New64a()
	for _, s := range cells {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	key := fmt.Sprintf("auto-%s-%x", model.FormatDate(day), h.Sum64())
	c.autoIDs[key]++
	return fmt.Sprintf("%s-%d", key, c.autoIDs[key])
}

// whole reads a cell holding a whole number of 0 or more (wholeNumber).
func (r row) whole(field string) (int, *RowError) {
	v := r.get(field)
	n, ok := wholeNumber(v)
	if !ok {
		return 0, r.fail(field, ProblemNotWhole, "%q is not a whole number of 0 or more", v)
	}
	return n, nil
}

// moment reads a cell holding a time (ParseTime); an empty cell is none.
func (r row) moment(field string) (time.Time, *RowError) {
	v := r.get(field)
	if v == "" {
		return time.Time{}, nil
	}
	t, err := ParseTime(v, time.Local)
	if err != nil {
		return time.Time{}, r.failErr(field, err)
	}
	return t, nil
}

func (c *converter) npsAnswer(r row) (record, *RowError) {
	var a model.NPSAnswer
	var e *RowError
	a.ExternalID = r.get("id")
	if _, e = r.required("date"); e != nil {
		return record{}, e
	}
	if a.Date, e = r.date("date"); e != nil {
		return record{}, e
	}
	if _, e = r.required("score"); e != nil {
		return record{}, e
	}
	v := strings.TrimSuffix(strings.TrimSpace(narrow(r.get("score"))), "点")
	n, err := strconv.ParseFloat(v, 64)
	if err != nil || n != math.Trunc(n) || math.Abs(n) > 1e6 {
		return record{}, r.fail("score", ProblemNotScore, "%q is not a whole number from 0 to 10", r.get("score"))
	}
	a.Score = int(n)
	a.Account, a.Comment = r.get("customer"), r.get("comment")
	if e := r.check(model.CheckNPSAnswer(a)); e != nil {
		return record{}, e
	}
	if a.ExternalID == "" {
		a.ExternalID = c.autoID(a.Date, r.get("date"), r.get("score"), a.Account, a.Comment)
	}
	return record{line: r.line, key: a.ExternalID, nps: &a}, nil
}

func (c *converter) usage(r row) (record, *RowError) {
	var u model.Usage
	var e *RowError
	u.ExternalID = r.get("id")
	if u.Account, e = r.required("customer"); e != nil {
		return record{}, e
	}
	if _, e = r.required("date"); e != nil {
		return record{}, e
	}
	if u.Date, e = r.date("date"); e != nil {
		return record{}, e
	}
	v, e := r.required("active")
	if e != nil {
		return record{}, e
	}
	active, ok := model.UsageActiveWord(v)
	if !ok {
		return record{}, r.fail("active", ProblemNotYesNo, "%q is not yes or no", v)
	}
	u.Active = active
	if e := r.check(model.CheckUsage(u)); e != nil {
		return record{}, e
	}
	if u.ExternalID == "" {
		u.ExternalID = c.autoID(u.Date, u.Account, r.get("date"), v)
	}
	return record{line: r.line, key: u.ExternalID, usage: &u}, nil
}

func (c *converter) inquiry(r row) (record, *RowError) {
	var q model.Inquiry
	var e *RowError
	q.ExternalID = r.get("id")
	if _, e = r.required("opened"); e != nil {
		return record{}, e
	}
	if q.Opened, e = r.moment("opened"); e != nil {
		return record{}, e
	}
	if q.Answered, e = r.moment("answered"); e != nil {
		return record{}, e
	}
	q.Account = r.get("customer")
	if e := r.check(model.CheckInquiry(q)); e != nil {
		return record{}, e
	}
	if q.ExternalID == "" {
		q.ExternalID = c.autoID(q.Opened, r.get("opened"), q.Account)
	}
	return record{line: r.line, key: q.ExternalID, inquiry: &q}, nil
}

func (c *converter) campaign(r row) (record, *RowError) {
	var m model.Campaign
	var e *RowError
	m.ExternalID = r.get("id")
	if m.Name, e = r.required("name"); e != nil {
		return record{}, e
	}
	if _, e = r.required("date"); e != nil {
		return record{}, e
	}
	if m.Date, e = r.date("date"); e != nil {
		return record{}, e
	}
	for _, f := range []struct {
		name string
		to   *int
	}{{"sent", &m.Sent}, {"opened", &m.Opened}} {
		if _, e = r.required(f.name); e != nil {
			return record{}, e
		}
		if *f.to, e = r.whole(f.name); e != nil {
			return record{}, e
		}
	}
	if e := r.check(model.CheckCampaign(m)); e != nil {
		return record{}, e
	}
	if m.ExternalID == "" {
		m.ExternalID = c.autoID(m.Date, m.Name, r.get("date"))
	}
	return record{line: r.line, key: m.ExternalID, campaign: &m}, nil
}

// ParseTime reads a moment as help desks and Excel write it: RFC 3339
// (2026-11-20T10:30:00+09:00), a day and a time of day in loc
// (2026/11/20 10:30, 2026-11-20T10:30, 2026年11月20日 10:30), an Excel
// serial with its fraction of a day (46346.4375 is 10:30), or a day alone
// (its start in loc). Full-width digits are read too.
func ParseTime(s string, loc *time.Location) (time.Time, error) {
	in := strings.TrimSpace(narrow(s))
	bad := valueErr(ProblemNotDate, s, nil, "%q is not a time (want e.g. 2026-11-20 10:30, 2026/11/20 10:30 or an Excel date and time)", s)
	if t, err := time.Parse(time.RFC3339, in); err == nil {
		// Days are compared as text: only four-digit years (ParseDate's).
		if t.Year() < minYear || t.Year() > maxYear {
			return time.Time{}, valueErr(ProblemYearRange, s, []any{t.Year()}, "%q: year %d is out of range", s, t.Year())
		}
		return t, nil
	}
	if intPart, frac, ok := strings.Cut(in, "."); ok && allDigits(intPart) && allDigits(frac) {
		day, err := ParseDate(intPart)
		if err != nil {
			return time.Time{}, bad
		}
		f, _ := strconv.ParseFloat("0."+frac, 64)
		secs := int(math.Round(f * 86400))
		y, m, d := day.Date()
		return time.Date(y, m, d, 0, 0, secs, 0, loc), nil
	}
	day, clock := in, ""
	if i := strings.Index(in, "日"); i > 0 && strings.Contains(in, "年") {
		day, clock = in[:i+len("日")], strings.TrimSpace(in[i+len("日"):])
	} else if i := strings.IndexAny(in, "T "); i > 0 {
		day, clock = in[:i], strings.TrimSpace(in[i+1:])
	}
	d, err := ParseDate(day)
	if err != nil {
		return time.Time{}, bad
	}
	y, m, dd := d.Date()
	if clock == "" {
		return time.Date(y, m, dd, 0, 0, 0, 0, loc), nil
	}
	if !validClock(clock) {
		return time.Time{}, bad
	}
	for _, layout := range []string{"15:04:05Z07:00", "15:04Z07:00", "15:04:05", "15:04", "15:04:05.999999999Z07:00", "15:04:05.999999999"} {
		if c, err := time.ParseInLocation(layout, clock, loc); err == nil {
			return time.Date(y, m, dd, c.Hour(), c.Minute(), c.Second(), 0, c.Location()), nil
		}
	}
	return time.Time{}, bad
}
