package catalog

import (
	"strings"
	"testing"

	"github.com/kpit-dev/kpit/model"
)

// The English of a limit refusal is the model's, which the commands print;
// the Japanese names the same numbers and the same config key.
func TestLimitWordsTheModelsEnglish(t *testing.T) {
	// Each limit with its figures as the line writes them, grouped.
	for _, c := range []struct {
		e      *model.LimitError
		figure string
	}{
		{&model.LimitError{Key: model.LimitTextChars, Got: 12000, Limit: 10000}, "12,000 characters is more than the limit of 10,000"},
		{&model.LimitError{Key: model.LimitColumns, Got: 100000, Limit: 1000}, "100,000 columns is more than the limit of 1,000"},
		{&model.LimitError{Key: model.LimitXLSXBytes, Limit: 1 << 29}, "more than the limit of 536,870,912 bytes"},
	} {
		e := c.e
		if got, want := Limit(LangEN, e), e.Error(); got != want || !strings.HasPrefix(got, c.figure) {
			t.Errorf("EN %q, model %q; want it to start %q", got, want, c.figure)
		}
		ja := Limit(LangJA, e)
		for _, part := range []string{e.Key, GroupThousands(e.Limit)} {
			if !strings.Contains(ja, part) {
				t.Errorf("JA %q does not name %s", ja, part)
			}
		}
	}
}
