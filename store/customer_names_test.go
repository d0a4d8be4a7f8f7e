package store

import (
	"context"
	"testing"

	"github.com/kpit-dev/kpit/model"
)

// CustomerNames lists the live customers by name, a name two share once
// with the newer one's rep (the customer a usage check of that name is
// recorded on), a deleted customer not at all.
func TestCustomerNames(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openClocked(t)
		reps := addReps(t, s, "田中", "鈴木")
		var gone int64
		for _, c := range []model.Customer{{Name: "Beta", RepName: "田中"}, {Name: "ACME", RepName: "田中"}, {Name: "Beta", RepName: "鈴木"},
			{Name: "Zeta"}, {Name: "Gone", RepName: "田中"}} {
			c.Started = model.D(2026, 1, 1)
			id, err := s.AddCustomer(ctx, c)
			if err != nil {
				t.Fatal(err)
			}
			gone = id // the last one
		}
		if err := s.Delete(ctx, model.RecordCustomer, gone); err != nil {
			t.Fatal(err)
		}
		got, err := s.CustomerNames(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want := []struct {
			name string
			rep  int64
		}{{"ACME", reps["田中"]}, {"Beta", reps["鈴木"]}, {"Zeta", 0}}
		if len(got) != len(want) {
			t.Fatalf("customers %+v; want %v", got, want)
		}
		for i, w := range want {
			if got[i].Name != w.name || got[i].RepID != w.rep {
				t.Errorf("customer %d = %s of rep %d; want %s of rep %d", i, got[i].Name, got[i].RepID, w.name, w.rep)
			}
		}
	})
}
