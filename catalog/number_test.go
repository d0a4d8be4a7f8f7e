package catalog

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/kpit-dev/kpit/model"
)

func TestFormatYen(t *testing.T) {
	tests := []struct {
		yen    float64
		ja, en string
	}{
		{0, "¥0", "¥0"},
		{9800, "¥9,800", "¥9,800"},
		{9999.6, "¥1万", "¥10K"}, // rounds to ¥10,000 first
		{19_700, "¥1.97万", "¥19.7K"},
		{20_000, "¥2万", "¥20K"},
		{125000, "¥12.5万", "¥125K"},
		{999_449, "¥99.9万", "¥999K"},
		{999_949, "¥100万", "¥1M"}, // ¥999.9K has three digits no more: the next unit
		{1_000_000, "¥100万", "¥1M"},
		{1_234_000, "¥123万", "¥1.23M"},
		// The sales manager's case: ¥1.97M actual beside a ¥2M target.
		{1_970_000, "¥197万", "¥1.97M"},
		{2_000_000, "¥200万", "¥2M"},
		{12_000_000, "¥1,200万", "¥12M"},
		{83_333_333, "¥8,333万", "¥83.3M"},
		{99_994_999, "¥9,999万", "¥100M"},
		{99_995_000, "¥1億", "¥100M"},
		{360_000_000, "¥3.6億", "¥360M"},
		{410_000_000, "¥4.1億", "¥410M"},
		{1_000_000_000, "¥10億", "¥1B"},
		{1_234_500_000, "¥12.35億", "¥1.23B"},
		{12_345_678_901, "¥123.46億", "¥12.3B"},
		{1_234_567_890_123, "¥12,345.68億", "¥1,235B"},
		{-2_500_000, "-¥250万", "-¥2.5M"},
		{-1_970_000, "-¥197万", "-¥1.97M"},
	}
	for _, tt := range tests {
		if got := FormatYen(LangJA, model.Some(tt.yen)); got != tt.ja {
			t.Errorf("FormatYen(ja, %v) = %q, want %q", tt.yen, got, tt.ja)
		}
		if got := FormatYen(LangEN, model.Some(tt.yen)); got != tt.en {
			t.Errorf("FormatYen(en, %v) = %q, want %q", tt.yen, got, tt.en)
		}
	}
	for _, l := range []Lang{LangJA, LangEN} {
		if got := FormatYen(l, model.None); got != "—" {
			t.Errorf("FormatYen(%s, undefined) = %q, want —", l, got)
		}
		if got := FormatYen(l, model.Some(math.Inf(1))); got != "—" {
			t.Errorf("FormatYen(%s, +Inf) = %q, want —", l, got)
		}
	}
}

// TestFormatYenTellsAmountsApart sweeps amounts from ¥10,000 to ¥100B:
// two amounts more than 1% apart never print the same, and each printed
// form, read back by a parser written here, is within 0.5% of the amount.
func TestFormatYenTellsAmountsApart(t *testing.T) {
	unit := map[string]float64{"K": 1e3, "M": 1e6, "B": 1e9, "万": 1e4, "億": 1e8}
	readBack := func(s string) float64 {
		s = strings.TrimPrefix(s, "¥")
		f := 1.0
		for suffix, u := range unit {
			if strings.HasSuffix(s, suffix) {
				s, f = strings.TrimSuffix(s, suffix), u
			}
		}
		v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
		if err != nil {
			t.Fatalf("cannot read %q back", s)
		}
		return v * f
	}
	for _, l := range []Lang{LangJA, LangEN} {
		for v := 1e4; v < 1e11; v *= 1.0037 {
			a, b := FormatYen(l, model.Some(v)), FormatYen(l, model.Some(v*1.0101))
			if a == b {
				t.Fatalf("%s: %.0f and %.0f both print %q", l, v, v*1.0101, a)
			}
			if back := readBack(a); math.Abs(back-v) > 0.005*v {
				t.Fatalf("%s: %.0f prints %q, which reads %.0f", l, v, a, back)
			}
		}
	}
}

func TestFormatFigures(t *testing.T) {
	tests := []struct {
		got, want string
	}{
		{FormatYenFull(model.Some(360_000_000)), "¥360,000,000"},
		{FormatYenFull(model.Some(-1234.4)), "-¥1,234"},
		{FormatCount(model.Some(1234567)), "1,234,567"},
		{FormatCount(model.Some(138.888)), "138.9"},
		{FormatCount(model.Some(140)), "140"},
		{FormatCount(model.None), "—"},
		{FormatPercent(model.Some(0.3)), "30.0%"},
		{FormatPercent(model.Some(1.348)), "134.8%"},
		{FormatPercent(model.Ratio(3, 0)), "—"},
		{FormatPercent(model.Some(math.NaN())), "—"},
		{FormatChange(model.Some(0.173)), "+17.3%"},
		{FormatChange(model.Some(-0.042)), "-4.2%"},
		{FormatChange(model.Some(-0.0001)), "+0.0%"},
		{FormatUnit(LangJA, model.UnitMoney, model.Some(2_000_000)), "¥200万"},
		{FormatUnit(LangEN, model.UnitRatio, model.Some(0.404)), "40.4%"},
		{GroupThousands(-1234567), "-1,234,567"},
		{GroupThousands(999), "999"},
		{TrimDecimal(1234.50, 2), "1,234.5"},
		{TrimDecimal(2, 2), "2"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("case %d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}

// The move's progress line: the count grouped in Japanese as the reading
// line's is, and the share of the new records in.
func TestImportMovingLine(t *testing.T) {
	for _, c := range []struct {
		l           Lang
		done, total int64
		want        string
	}{
		{LangJA, 350000, 1000000, "書き込み中: 350,000 / 1,000,000件 (35%)"},
		{LangEN, 350000, 1000000, "writing 350000 of 1000000 records (35%)"},
		{LangEN, 0, 0, "writing 0 of 0 records (100%)"},
	} {
		if got := ImportMovingLine(c.l, c.done, c.total); got != c.want {
			t.Errorf("ImportMovingLine(%v, %d, %d) = %q, want %q", c.l, c.done, c.total, got, c.want)
		}
	}
}

// The row counts of backup, restore and migrate are grouped in Japanese and
// plain in English, as the import's counts are.
func TestSafetyLinesGroupTheirRows(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{LangJA.T(BackupWritten, "b.db", CountIn(LangJA, int64(93254)), "16 MB"), "バックアップを b.db に書き出しました: 93,254 行, 16 MB, integrity_check ok"},
		{LangEN.T(BackupWritten, "b.db", CountIn(LangEN, int64(93254)), "16 MB"), "backup written to b.db: 93254 rows, 16 MB, integrity_check ok"},
		{LangJA.T(RestoreDone, "b.db", CountIn(LangJA, int64(1234567)), "k.db.replaced"), "b.db を戻しました (1,234,567 行)。置き換えたデータベースは k.db.replaced に残しています"},
		{LangJA.T(MigrateDone, "a.db", "b.db", 40, CountIn(LangJA, int64(94646))), "a.db から b.db へ移しました: 40 表, 94,646 行 (記録, 履歴, レビュー, 設定をすべて)"},
		{LangEN.T(MigrateDone, "a.db", "b.db", 40, CountIn(LangEN, int64(94646))), "moved a.db to b.db: 40 tables, 94646 rows (every record, revision, review and setting)"},
	} {
		if c.got != c.want {
			t.Errorf("got  %q\nwant %q", c.got, c.want)
		}
	}
}
