package model

import (
	"errors"
	"strings"
	"testing"
	"time"
)

var quickReps = []string{"田中", "鈴木", "佐藤", "Alice", "高橋 直樹", "山本 彩", "山本 健"}

func TestParseQuickAdd(t *testing.T) {
	today := D(2026, time.November, 26)
	tests := []struct {
		line string
		want QuickAdd
	}{
		{"visit 3 田中 2026-11-20", QuickAdd{Verb: QuickActivity, Kind: KindVisit, Count: 3, Date: D(2026, 11, 20), RepName: "田中"}},
		{"call 田中", QuickAdd{Verb: QuickActivity, Kind: KindCall, Count: 1, Date: today, RepName: "田中"}},
		{"架電 5件 鈴木 昨日", QuickAdd{Verb: QuickActivity, Kind: KindCall, Count: 5, Date: D(2026, 11, 25), RepName: "鈴木"}},
		{"電話 鈴木 今日", QuickAdd{Verb: QuickActivity, Kind: KindCall, Count: 1, Date: today, RepName: "鈴木"}},
		{"訪問　２　田中", QuickAdd{Verb: QuickActivity, Kind: KindVisit, Count: 2, Date: today, RepName: "田中"}},
		{"メール Alice yesterday", QuickAdd{Verb: QuickActivity, Kind: KindEmail, Count: 1, Date: D(2026, 11, 25), RepName: "Alice"}},
		{"提案 田中 2026/11/2", QuickAdd{Verb: QuickActivity, Kind: KindProposal, Count: 1, Date: D(2026, 11, 2), RepName: "田中"}},
		{"アポ 田中", QuickAdd{Verb: QuickActivity, Kind: KindAppointment, Count: 1, Date: today, RepName: "田中"}},
		{"商談 2 鈴木", QuickAdd{Verb: QuickActivity, Kind: KindMeeting, Count: 2, Date: today, RepName: "鈴木"}},
		{"MEETING 鈴木", QuickAdd{Verb: QuickActivity, Kind: KindMeeting, Count: 1, Date: today, RepName: "鈴木"}},
		{"won 1200万 ACME 鈴木", QuickAdd{Verb: QuickWon, Count: 1, Date: today, RepName: "鈴木", Account: "ACME", AmountMinor: 12_000_000, HasAmount: true}},
		{"受注 ACME 12,000,000円 鈴木 2026-11-01", QuickAdd{Verb: QuickWon, Count: 1, Date: D(2026, 11, 1), RepName: "鈴木", Account: "ACME", AmountMinor: 12_000_000, HasAmount: true}},
		{"won 1.2億 ACME 鈴木", QuickAdd{Verb: QuickWon, Count: 1, Date: today, RepName: "鈴木", Account: "ACME", AmountMinor: 120_000_000, HasAmount: true}},
		{"won ¥500000 ACME 鈴木", QuickAdd{Verb: QuickWon, Count: 1, Date: today, RepName: "鈴木", Account: "ACME", AmountMinor: 500_000, HasAmount: true}},
		{"lost ACME 鈴木 価格", QuickAdd{Verb: QuickLost, Count: 1, Date: today, RepName: "鈴木", Account: "ACME", LostReason: "価格"}},
		{"失注 ACME 鈴木 価格 が 高い", QuickAdd{Verb: QuickLost, Count: 1, Date: today, RepName: "鈴木", Account: "ACME", LostReason: "価格 が 高い"}},
		{"lost ACME 鈴木", QuickAdd{Verb: QuickLost, Count: 1, Date: today, RepName: "鈴木", Account: "ACME"}},
		{"lead 株式会社ABC 佐藤", QuickAdd{Verb: QuickLead, Count: 1, Date: today, RepName: "佐藤", Account: "株式会社ABC"}},
		{"リード 株式会社ABC 山本様", QuickAdd{Verb: QuickLead, Count: 1, Date: today, Account: "株式会社ABC", Contact: "山本様"}},
		{"lead 株式会社ABC 山本様 田中 2026-11-24", QuickAdd{Verb: QuickLead, Count: 1, Date: D(2026, 11, 24), RepName: "田中", Account: "株式会社ABC", Contact: "山本様"}},
		{"opp ACME 鈴木 500万", QuickAdd{Verb: QuickOpp, Count: 1, Date: today, RepName: "鈴木", Account: "ACME", AmountMinor: 5_000_000, HasAmount: true}},
		{"案件 ACME 鈴木", QuickAdd{Verb: QuickOpp, Count: 1, Date: today, RepName: "鈴木", Account: "ACME"}},
		// Names of two words, in full or by a family name only one rep has.
		{"visit 2 高橋 直樹", QuickAdd{Verb: QuickActivity, Kind: KindVisit, Count: 2, Date: today, RepName: "高橋 直樹"}},
		{"won 300万 ACME 高橋", QuickAdd{Verb: QuickWon, Count: 1, Date: today, RepName: "高橋 直樹", Account: "ACME", AmountMinor: 3_000_000, HasAmount: true}},
		{"lost ACME 山本 彩 価格", QuickAdd{Verb: QuickLost, Count: 1, Date: today, RepName: "山本 彩", Account: "ACME", LostReason: "価格"}},
	}
	for _, tc := range tests {
		got, err := ParseQuickAdd(tc.line, quickReps, today, JPY)
		if err != nil {
			t.Errorf("%q: %v", tc.line, err)
			continue
		}
		if got != tc.want {
			t.Errorf("%q:\n got %+v\nwant %+v", tc.line, got, tc.want)
		}
	}
}

func TestParseQuickAddErrorsNameTheToken(t *testing.T) {
	today := D(2026, time.November, 26)
	tests := []struct {
		line, token, msgPart string
	}{
		{"", "", "empty"},
		{"jump 田中", "jump", "unknown kind"},
		{"visit 3 山田", "山田", "not a known rep"},
		{"visit 3", "", "rep missing"},
		{"visit abc 田中", "abc", "not a count"},
		{"visit -3 田中", "-3", "negative"},
		{"visit 0 田中", "0", "count must be"},
		{"visit 3 4 田中", "4", "second count"},
		{"visit 田中 2026-02-30", "2026-02-30", "not a calendar date"},
		{"visit 田中 2026-13-01", "2026-13-01", "not a calendar date"},
		{"visit 田中 today yesterday", "yesterday", "second date"},
		{"visit 田中 鈴木", "鈴木", "second rep"},
		{"won ACME 鈴木", "", "amount missing"},
		{"won abc万 ACME 鈴木", "abc万", "not an amount (write"},
		{"won 12,00万 ACME 鈴木", "12,00万", "not an amount"},
		{"won 100万 200万 ACME 鈴木", "200万", "second amount"},
		{"won 100万 ACME 山田", "山田", "not a known rep"},
		{"won 100万 鈴木", "", "account missing"},
		{"opp ACME 鈴木 extra", "extra", "not an amount"},
		{"lead", "", "company missing"},
		{"lead A B C", "C", "one word too many"},
		{"visit 山本", "山本", "more than one rep"},
		{"visit 高橋 直樹 田中", "田中", "second rep"},
	}
	for _, tc := range tests {
		_, err := ParseQuickAdd(tc.line, quickReps, today, JPY)
		var qe *QuickError
		if !errors.As(err, &qe) {
			t.Errorf("%q: got %v, want a QuickError", tc.line, err)
			continue
		}
		if qe.Token != tc.token || !strings.Contains(qe.Msg, tc.msgPart) {
			t.Errorf("%q: got token %q msg %q; want token %q and %q", tc.line, qe.Token, qe.Msg, tc.token, tc.msgPart)
		}
	}
}

// A deal's amount in dollars keeps its cents; the same token for a yen team
// is refused, and a dollar sign is not money for a yen team.
func TestParseQuickAddCurrency(t *testing.T) {
	today := D(2026, time.November, 26)
	usd, _ := CurrencyFor("USD")
	for line, want := range map[string]Minor{
		"won $1,234.56 ACME 鈴木": 123456,
		"won 1234.5 ACME 鈴木":    123450,
		"opp ACME 鈴木 1,500ドル":   150000,
	} {
		q, err := ParseQuickAdd(line, quickReps, today, usd)
		if err != nil || q.AmountMinor != want || q.Account != "ACME" {
			t.Errorf("USD %q = %+v, %v; want %d cents for ACME", line, q, err, want)
		}
	}
	for _, line := range []string{"won 1234.5 ACME 鈴木", "won $1,234 ACME 鈴木"} {
		if q, err := ParseQuickAdd(line, quickReps, today, JPY); err == nil {
			t.Errorf("JPY %q = %+v, want a refusal", line, q)
		}
	}
	if q, err := ParseQuickAdd("won 12.345 ACME 鈴木", quickReps, today, usd); err == nil {
		t.Errorf("USD 12.345 = %+v, want a refusal", q)
	}
}

func FuzzQuickAdd(f *testing.F) {
	for _, s := range []string{"visit 3 田中 2026-11-20", "won 1200万 ACME 鈴木", "lost ACME 鈴木 価格",
		"lead 株式会社ABC 佐藤", "opp ACME 鈴木 500万", "架電 ５件 田中 昨日", "won ¥ ACME 鈴木", "visit 9999999999999999999 田中",
		"won 1億2000万 A 鈴木", "visit 田中 0000-00-00", "won -5万 A 鈴木", "NPS 9 @ACME 11/29 早い", "推奨度 10点 29日", "nps -0 @ @",
		"NPS 999"} {
		f.Add(s)
	}
	today := D(2026, time.November, 26)
	f.Fuzz(func(t *testing.T, line string) {
		q, err := ParseQuickAdd(line, quickReps, today, JPY)
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("%q: empty error", line)
			}
			return
		}
		switch q.Verb {
		case QuickActivity:
			if q.Count <= 0 || q.RepName == "" || !q.Kind.Valid() {
				t.Fatalf("%q: accepted a bad activity %+v", line, q)
			}
		case QuickWon:
			if !q.HasAmount || q.AmountMinor <= 0 || q.Account == "" {
				t.Fatalf("%q: accepted a bad win %+v", line, q)
			}
		case QuickNPS:
			if err := CheckNPSAnswer(NPSAnswer{Score: q.Score, Date: q.Date}); !q.HasScore || err != nil || q.RepName != "" {
				t.Fatalf("%q: accepted a bad NPS answer %+v (%v)", line, q, err)
			}
		}
		if q.Date.IsZero() {
			t.Fatalf("%q: no date", line)
		}
	})
}

func BenchmarkParseQuickAdd(b *testing.B) {
	today := D(2026, time.November, 26)
	for i := 0; i < b.N; i++ {
		if _, err := ParseQuickAdd("won 1,200万 株式会社ACME 鈴木 2026-11-20", quickReps, today, JPY); err != nil {
			b.Fatal(err)
		}
	}
}
