package demo

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// The scale company is the same from the same seed and day, whatever
// machine builds it, and another seed gives another company.
func TestSeedScaleIsDeterministic(t *testing.T) {
	now := time.Date(2026, 11, 26, 18, 0, 0, 0, time.UTC)
	build := func(seed int64) []model.Opportunity {
		st, err := store.Open(filepath.Join(t.TempDir(), "scale.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		ctx := context.Background()
		if err := SeedScale(ctx, st, seed, now, 300); err != nil {
			t.Fatal(err)
		}
		var out []model.Opportunity
		if err := st.ExportOpportunities(ctx, func(o model.Opportunity) error {
			out = append(out, o)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return out
	}
	a, b, other := build(1), build(1), build(2)
	if len(a) != 300 || !reflect.DeepEqual(a, b) {
		t.Fatalf("two builds of seed 1 differ (%d and %d deals)", len(a), len(b))
	}
	if reflect.DeepEqual(a, other) {
		t.Fatal("seeds 1 and 2 built the same company")
	}
	for _, o := range a {
		if o.EnteredAt.After(now) || o.UpdatedAt.After(now) || o.Created.After(model.Date(now)) {
			t.Fatalf("deal %d is from after %v: %+v", o.ID, now, o)
		}
	}
}
