package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// kpit users and --as, end to end through Run; what was written is read
// back from the file itself.
func TestUsersCommandAndAs(t *testing.T) {
	db := filepath.Join(t.TempDir(), "team.db")
	key := func(seed byte) string { return model.KeyText(serveKey(t, seed).PublicKey()) + " someone@laptop" }
	for _, args := range [][]string{
		{"add", "opportunity", "--db", db, "--create-rep", "--id", "A-1", "--rep", "Aoki", "--account", "AcmeA", "--created", "2026-10-01"},
		{"add", "opportunity", "--db", db, "--create-rep", "--id", "B-1", "--rep", "Baba", "--account", "BetaB", "--created", "2026-10-01"},
		{"users", "add", "aoki", "--db", db, "--key", key(seedRep), "--role", "rep", "--rep", "Aoki"},
		{"users", "add", "boss", "--db", db, "--key", key(seedLead), "--role", "lead", "--lang", "ja"},
	} {
		if code, _, errOut := runKpit(t, args...); code != 0 {
			t.Fatalf("kpit %s: %d %s", strings.Join(args, " "), code, errOut)
		}
	}
	refused := []struct {
		args []string
		line string // what the one line on stderr must say
	}{
		{[]string{"users", "add", "x", "--db", db, "--key", key(seedRep), "--role", "lead"}, "--key: this key is aoki's already"},
		{[]string{"users", "add", "aoki", "--db", db, "--key", key(3), "--role", "lead"}, "NAME: aoki is a user already"},
		{[]string{"users", "add", "y", "--db", db, "--key", "ssh-rsa AAAA", "--role", "lead"}, "--key: not an SSH public key"},
		{[]string{"users", "add", "y", "--db", db, "--key", key(4), "--role", "owner"}, `--role: unknown role "owner"`},
		{[]string{"users", "add", "y", "--db", db, "--key", key(4), "--role", "rep"}, "--rep: a rep's user needs --rep"},
		{[]string{"users", "add", "y", "--db", db, "--key", key(4), "--role", "admin", "--as", "boss"}, "boss (lead) may not change the users"},
		{[]string{"users", "remove", "nobody", "--db", db}, `NAME: no user "nobody"`},
		{[]string{"add", "opportunity", "--db", db, "--as", "aoki", "--id", "B-1", "--outcome", "lost", "--closed", "2026-11-20"}, "aoki (rep) may not change Baba's records"},
		{[]string{"add", "opportunity", "--db", db, "--as", "aoki", "--id", "A-2", "--rep", "Baba", "--account", "X", "--created", "2026-11-20"}, "aoki (rep) may not change Baba's records"},
		{[]string{"add", "opportunity", "--db", db, "--as", "nobody", "--id", "A-3", "--rep", "Aoki", "--account", "X"}, `--as "nobody": no such user`},
		{[]string{"rules", "--db", db, "--as", "boss", "--fiscal-start", "1"}, "boss (lead) may not change the rules and settings"},
	}
	for _, c := range refused {
		code, out, errOut := runKpit(t, c.args...)
		if code != exitUsage || out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, c.line) {
			t.Errorf("kpit %s: exit %d, stdout %q, stderr %q; want 2 and one line with %q", strings.Join(c.args, " "), code, out, errOut, c.line)
		}
	}
	for _, args := range [][]string{
		{"add", "opportunity", "--db", db, "--as", "aoki", "--id", "A-1", "--outcome", "lost", "--closed", "2026-11-20", "--lost-reason", "price"},
		{"add", "opportunity", "--db", db, "--as", "boss", "--id", "B-1", "--outcome", "lost", "--closed", "2026-11-20", "--lost-reason", "price"},
	} {
		if code, _, errOut := runKpit(t, args...); code != 0 {
			t.Errorf("kpit %s: %d %s", strings.Join(args, " "), code, errOut)
		}
	}

	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	users, err := st.Users(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(users) != 2 {
		t.Fatalf("users after the refused adds: %+v", users)
	}
	deals := map[string]model.Opportunity{}
	for _, ext := range []string{"A-1", "B-1", "A-2", "A-3"} {
		if o, ok, err := st.OpportunityByExternalID(ctx, ext); err != nil {
			t.Fatal(err)
		} else if ok {
			deals[ext] = o
		}
	}
	if len(deals) != 2 || deals["A-1"].Outcome != model.OutcomeLost || deals["B-1"].Outcome != model.OutcomeLost {
		t.Errorf("deals: %+v; want A-1 and B-1 only, both lost (by aoki and by boss)", deals)
	}

	code, out, _ := runKpit(t, "users", "list", "--db", db, "--lang", "en")
	if code != 0 || !strings.Contains(out, "aoki  rep   Aoki") || !strings.Contains(out, "boss  lead  -") ||
		!strings.Contains(out, "SHA256:") || strings.Contains(out, "AAAA") {
		t.Errorf("users list:\n%s", out)
	}
	if code, _, errOut := runKpit(t, "users", "remove", "aoki", "--db", db); code != 0 {
		t.Fatal(errOut)
	}
	if _, ok, _ := st.UserByName(ctx, "aoki"); ok {
		t.Error("aoki is still a user after kpit users remove")
	}
}
