package catalog

import (
	"slices"
	"strings"
	"testing"

	"github.com/kpit-dev/kpit/model"
)

// TestTimelinessWorstFirst: the reps with the lowest same-day share come
// first, ties by name, a rep without records and the unassigned row last.
func TestTimelinessWorstFirst(t *testing.T) {
	per := map[string]model.Timeliness{
		"鈴木": {Total: 10, SameDay: 9, WithinOneDay: 10},
		"田中": {Total: 4, SameDay: 1, WithinOneDay: 2}, // 25%
		"佐藤": {Total: 8, SameDay: 2, WithinOneDay: 8}, // 25%, ties 田中; 佐藤 (U+4F50) sorts before 田中 (U+7530)
		"林":  {Total: 0},
		"":   {Total: 3, SameDay: 0, WithinOneDay: 0},
		"井上": {Total: 10, SameDay: 5, WithinOneDay: 9},
	}
	// 25% (佐藤, 田中 by name), 50%, 90%, no records, no rep.
	want := []string{"佐藤", "田中", "井上", "鈴木", "林", ""}
	if got := worstTimelinessFirst(per); !slices.Equal(got, want) {
		t.Errorf("order %q, want %q", got, want)
	}
	lines := TimelinessLines(LangEN, model.Timeliness{}, per)
	if !strings.HasPrefix(lines[3], "佐藤") || !strings.HasPrefix(lines[len(lines)-1], LangEN.T(TimelyUnassigned)) {
		t.Errorf("lines %q", lines)
	}
}

// TestTimelySourceIsTheModels: the English text names the survey as the
// JSON does; the Japanese gives its month in Japanese.
func TestTimelySourceIsTheModels(t *testing.T) {
	if got := LangEN.T(timelySource); got != model.RefEntrySource {
		t.Errorf("en %q, model %q", got, model.RefEntrySource)
	}
	if got := LangJA.T(timelySource); EnglishRun(got) != "" {
		t.Errorf("ja %q reads in English", got)
	}
}
