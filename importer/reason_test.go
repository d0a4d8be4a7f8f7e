package importer

import (
	"reflect"
	"testing"

	"github.com/kpit-dev/kpit/model"
)

// A row error carries what is wrong in parts (problem, field, column,
// value, figures) besides its English line, which stays as it was.
func TestRowErrorCarriesItsReason(t *testing.T) {
	header := []string{"商談ID", "担当者", "金額", "完了日", "フェーズ"}
	cases := []struct {
		name    string
		cells   []string
		line    string
		problem Problem
		field   string
		value   string
		args    []any
		code    model.RefusalCode
	}{
		{"amount", []string{"D-1", "鈴木", "abc円", "", ""},
			`deals.csv:2: column 金額: "abc円" is not an amount of yen`, ProblemNotAmount, "amount", "abc円", nil, ""},
		{"negative amount", []string{"D-1", "鈴木", "-5", "", ""},
			`deals.csv:2: column 金額: "-5": an amount cannot be negative`, ProblemNegativeAmount, "amount", "-5", nil, ""},
		{"date", []string{"D-1", "鈴木", "", "来週", ""},
			`deals.csv:2: column 完了日: "来週" is not a date (want e.g. 2026-11-26, 2026/11/26, 2026年11月26日 or an Excel date)`, ProblemNotDate, "closed", "来週", nil, ""},
		{"year", []string{"D-1", "鈴木", "", "1800-01-01", ""},
			`deals.csv:2: column 完了日: "1800-01-01": year 1800 is out of range`, ProblemYearRange, "closed", "1800-01-01", []any{1800}, ""},
		{"required", []string{"D-1", "", "", "", ""},
			`deals.csv:2: column 担当者: empty, but owner is required`, ProblemRequired, "owner", "", nil, ""},
		{"won without amount", []string{"D-1", "鈴木", "", "2026-11-02", "受注"},
			`deals.csv:2: column 金額: empty, but a won deal needs an amount`, ProblemWonNeedsAmount, "amount", "", nil, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, re := convertRow(t, Opportunities, header, c.cells)
			if re == nil {
				t.Fatal("row accepted")
			}
			if re.Error() != c.line {
				t.Errorf("line %q, want %q", re.Error(), c.line)
			}
			if re.Problem != c.problem || re.Field != c.field || re.Value != c.value || !reflect.DeepEqual(re.Args, c.args) || re.Code != c.code {
				t.Errorf("reason %q field %q value %q args %v code %q, want %q %q %q %v %q",
					re.Problem, re.Field, re.Value, re.Args, re.Code, c.problem, c.field, c.value, c.args, c.code)
			}
		})
	}
	// A model refusal keeps the model's code and figures.
	_, re := convertRow(t, Activities, []string{"日付", "担当者", "種別", "件数"}, []string{"2026-11-02", "佐藤", "架電", "200000"})
	if re == nil || re.Problem != ProblemModel || re.Code != model.RefuseCountTooLarge || !reflect.DeepEqual(re.Args, []any{200000, model.MaxCount}) {
		t.Fatalf("model refusal: %+v", re)
	}
}
