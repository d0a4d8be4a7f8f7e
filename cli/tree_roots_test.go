package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/kpitree"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// TestTreeWithAdoptedStyleTree: a second stored tree (the customer success
// template, rooted at LTV) no longer stops `kpit tree`; it reports the tree
// the KGI sits on.
func TestTreeWithAdoptedStyleTree(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	kgi := model.KGI{NameEN: "Revenue", Metric: model.MetricRevenue, Value: 1e9, Unit: model.UnitMoney, Per: model.FiscalYear,
		Deadline: time.Date(2027, 3, 31, 0, 0, 0, 0, time.UTC)}
	for _, err := range []error{
		st.ReplaceTree(ctx, kpitree.Template(model.StyleNewBusiness)),
		st.AdoptKPIs(ctx, nil, kpitree.Template(model.StyleCustomerSuccess)),
		st.SetKGI(ctx, kgi),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	code, out, errOut := kpitRun("tree", "--db", db, "--lang", "en", "--from", "2026-11-01", "--to", "2026-11-30")
	if code != 0 || !strings.Contains(out, "Revenue") || !strings.Contains(out, "Win rate") || strings.Contains(out, "LTV") {
		t.Fatalf("kpit tree: %d %q %q", code, out, errOut)
	}
}
