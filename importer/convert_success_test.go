package importer

import (
	"testing"
	"time"
)

// TestBindSuccessHeaders: the usual headers of survey, product, help-desk
// and mailing exports, in Japanese and English, bind without --map.
func TestBindSuccessHeaders(t *testing.T) {
	for _, c := range []struct {
		kind   Kind
		header []string
		want   string
	}{
		{NPSAnswers, []string{"回答ID", "回答日", "推奨度", "顧客名", "自由回答"}, "id=回答ID,date=回答日,score=推奨度,customer=顧客名,comment=自由回答"},
		{NPSAnswers, []string{"Response ID", "Submitted At", "NPS Score", "Company", "Feedback"},
			"id=Response ID,date=Submitted At,score=NPS Score,customer=Company,comment=Feedback"},
		{Usage, []string{"顧客名", "集計日", "利用状況"}, "customer=顧客名,date=集計日,active=利用状況"},
		{Usage, []string{"Account", "Week", "Status"}, "customer=Account,date=Week,active=Status"},
		{Inquiries, []string{"チケットID", "顧客名", "受付日時", "初回回答日時"}, "id=チケットID,customer=顧客名,opened=受付日時,answered=初回回答日時"},
		{Inquiries, []string{"Ticket ID", "Requester", "Created at", "First response at"},
			"id=Ticket ID,customer=Requester,opened=Created at,answered=First response at"},
		{Campaigns, []string{"配信ID", "配信名", "配信日", "配信数", "開封数"}, "id=配信ID,name=配信名,date=配信日,sent=配信数,opened=開封数"},
		{Campaigns, []string{"Campaign name", "Send date", "Emails sent", "Unique opens"},
			"name=Campaign name,date=Send date,sent=Emails sent,opened=Unique opens"},
	} {
		b, err := Bind(c.kind, c.header, nil)
		if err != nil || boundColumns(b) != c.want || b.Complete("f") != nil {
			t.Errorf("Bind(%s, %q) = %s, %v\nwant %s", c.kind, c.header, boundColumns(b), err, c.want)
		}
	}
}

// TestParseTime reads help-desk and Excel times in the zone given.
func TestParseTime(t *testing.T) {
	jst := time.FixedZone("JST", 9*3600)
	for _, c := range []struct {
		in   string
		want time.Time
	}{
		{"2026-11-20 10:30", time.Date(2026, 11, 20, 10, 30, 0, 0, jst)},
		{"2026/11/20 9:05:07", time.Date(2026, 11, 20, 9, 5, 7, 0, jst)},
		{"2026-11-20T10:30", time.Date(2026, 11, 20, 10, 30, 0, 0, jst)},
		{"２０２６/１１/２０ １０:３０", time.Date(2026, 11, 20, 10, 30, 0, 0, jst)},
		{"2026年11月20日 10:30", time.Date(2026, 11, 20, 10, 30, 0, 0, jst)},
		{"2026-11-20T01:30:00Z", time.Date(2026, 11, 20, 1, 30, 0, 0, time.UTC)},
		{"2026-11-20 10:30:00+09:00", time.Date(2026, 11, 20, 1, 30, 0, 0, time.UTC)},
		{"2026-11-20", time.Date(2026, 11, 20, 0, 0, 0, 0, jst)},
		// Excel: 46346 is 2026-11-20, and .4375 of a day is 10:30.
		{"46346.4375", time.Date(2026, 11, 20, 10, 30, 0, 0, jst)},
	} {
		got, err := ParseTime(c.in, jst)
		if err != nil || !got.Equal(c.want) {
			t.Errorf("ParseTime(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{"soon", "2026-11-20 25:00", "2026-02-30 10:00", "2026-11-20 10", "10:30"} {
		if got, err := ParseTime(bad, jst); err == nil {
			t.Errorf("ParseTime(%q) = %v, want a refusal", bad, got)
		}
	}
}

// FuzzParseTime: whatever a cell holds, ParseTime answers a time within
// kpit's years or a refusal, never a panic.
func FuzzParseTime(f *testing.F) {
	for _, s := range []string{"2026-11-20 10:30", "46346.4375", "2026年11月20日 9:00", "2026-11-20T01:30:00Z", "soon", "1.5", "2026/2/30 1:1",
		"9999999.9999999", "２０２６/１１/２０ １０:３０", "2026-11-20 10:30:00.5+09:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseTime(s, time.UTC)
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("%q: empty error", s)
			}
			return
		}
		if y := got.UTC().Year(); y < minYear-1 || y > maxYear+1 {
			t.Fatalf("%q: year %d", s, y)
		}
	})
}
