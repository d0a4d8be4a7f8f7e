package catalog

import (
	"strconv"
	"strings"
	"testing"

	"github.com/kpit-dev/kpit/model"
)

// The English of a limit refusal is the model's, which the commands print;
// the Japanese names the same numbers and the same config key.
func TestLimitWordsTheModelsEnglish(t *testing.T) {
	for _, e := range []*model.LimitError{
		{Key: model.LimitTextChars, Got: 12000, Limit: 10000},
		{Key: model.LimitColumns, Got: 100000, Limit: 1000},
		{Key: model.LimitXLSXBytes, Limit: 1 << 29},
	} {
		if got, want := Limit(LangEN, e), e.Error(); got != want {
			t.Errorf("EN %q, model %q", got, want)
		}
		ja := Limit(LangJA, e)
		for _, part := range []string{e.Key, strconv.FormatInt(e.Limit, 10)} {
			if !strings.Contains(ja, part) {
				t.Errorf("JA %q does not name %s", ja, part)
			}
		}
	}
}
