package tui

import (
	tea "charm.land/bubbletea/v2"
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// The required-fields rule reads in Japanese in the Japanese rules page and
// form (金額、取引先, not amount,account); a Japanese label typed in the
// form is stored as kpit's field name, and an unknown one is refused in
// Japanese.
func TestRequiredFieldsInJapanese(t *testing.T) {
	t.Parallel()
	st := entryStore(t)
	ctx := context.Background()
	if err := st.UpdateRules(ctx, store.RuleUpdate{Required: map[model.RecordKind][]string{
		model.RecordOpportunity: {"amount", "account"}, model.RecordActivity: {"opportunity"}}}); err != nil {
		t.Fatal(err)
	}
	a := entryApp(t, st, LangJA)
	press(t, a, "!", "t")
	if out := screen(a); !strings.Contains(out, "商談: 金額、取引先") || !strings.Contains(out, "活動: 商談") {
		t.Fatalf("rules page:\n%s", out)
	}
	press(t, a, "s")
	out := screen(a)
	if !strings.Contains(out, "金額、取引先") || strings.Contains(out, "amount") {
		t.Fatalf("rules form:\n%s", out)
	}
	for range 5 { // deadline, stale days, future days, alerts, activity: the opportunity's list
		press(t, a, "down")
	}
	arrow(t, a, tea.KeyEnd, 1) // the list comes selected: end adds to it
	typeText(t, a, "、商品")
	press(t, a, "enter")
	r, err := st.InputRules(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := r.Required[model.RecordOpportunity], []string{"amount", "account", "product"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("stored %v, want %v", got, want)
	}
	press(t, a, "s")
	for range 5 {
		press(t, a, "down")
	}
	arrow(t, a, tea.KeyEnd, 1) // the list comes selected: end adds to it
	typeText(t, a, "、予算")
	press(t, a, "enter")
	if out := screen(a); !strings.Contains(out, `"予算" は必須にできる項目ではありません`) {
		t.Fatalf("unknown field:\n%s", out)
	}
}
