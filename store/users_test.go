package store

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"database/sql"
	"errors"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"

	"github.com/kpit-dev/kpit/model"
)

// testKey is the public key line of an ed25519 key made from seed, with
// a comment, as ~/.ssh/id_ed25519.pub holds it.
func testKey(t *testing.T, seed byte, comment string) string {
	t.Helper()
	priv := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{seed}, ed25519.SeedSize))
	pk, err := ssh.NewPublicKey(priv.Public())
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(ssh.MarshalAuthorizedKey(pk))) + " " + comment
}

// onBothEngines runs test on a new SQLite file and a new PostgreSQL
// database (skipped, with pgtest's line, where PostgreSQL is not
// installed), each clocked at testNow.
func onBothEngines(t *testing.T, test func(t *testing.T, s *Store)) {
	onBothAlways(t, func(t *testing.T) { test(t, openClocked(t)) })
}

func TestUsersAddListRemove(t *testing.T) { onBothEngines(t, testUsersAddListRemove) }

func testUsersAddListRemove(t *testing.T, s *Store) {
	ctx := context.Background()
	addReps(t, s, "佐藤 花子", "鈴木 一郎")
	testKeySato, testKeySuzuki := testKey(t, 1, "sato@laptop"), testKey(t, 2, "suzuki@laptop")
	if err := s.AddUser(ctx, model.User{Name: "sato", Role: model.RoleRep, RepName: "佐藤", Key: testKeySato}); err != nil {
		t.Fatal(err)
	}
	if err := s.AddUser(ctx, model.User{Name: "boss", Role: model.RoleLead, Key: testKeySuzuki}); err != nil {
		t.Fatal(err)
	}
	refused := []struct {
		name string
		u    model.User
		code model.RefusalCode
	}{
		{"same name", model.User{Name: "sato", Role: model.RoleLead, Key: testKeySuzuki}, model.RefuseUserExists},
		{"same key, another comment", model.User{Name: "other", Role: model.RoleLead, Key: testKeySato[:len(testKeySato)-11] + "x"}, model.RefuseKeyTaken},
		{"a rep without --rep", model.User{Name: "x", Role: model.RoleRep, Key: testKeySato}, model.RefuseRepRequired},
		{"a name with a space", model.User{Name: "a b", Role: model.RoleLead, Key: testKeySato}, model.RefuseUserName},
		{"not a key", model.User{Name: "y", Role: model.RoleLead, Key: "ssh-ed25519 notbase64"}, model.RefuseKeyNotSSH},
		{"a private key", model.User{Name: "y", Role: model.RoleLead, Key: "-----BEGIN OPENSSH PRIVATE KEY-----"}, model.RefuseKeyPrivate},
		{"unknown role", model.User{Name: "y", Role: "boss", Key: testKeySato}, model.RefuseUnknownRole},
	}
	for _, c := range refused {
		var fe *model.FieldError
		if err := s.AddUser(ctx, c.u); !errors.As(err, &fe) || fe.Code != c.code {
			t.Errorf("%s: got %v, want refusal %s", c.name, err, c.code)
		}
	}
	var ue *UnknownRepError
	if err := s.AddUser(ctx, model.User{Name: "z", Role: model.RoleRep, RepName: "田中", Key: testKeySato}); !errors.As(err, &ue) {
		t.Errorf("unknown rep: got %v", err)
	}
	users, err := s.Users(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(users) != 2 || users[0].Name != "boss" || users[1].Name != "sato" || users[1].RepName != "佐藤 花子" {
		t.Fatalf("users: %+v", users)
	}
	// The key a client offers has no comment: it is found all the same.
	u, ok, err := s.UserByKey(ctx, testKeySato[:len(testKeySato)-len(" sato@laptop")])
	if err != nil || !ok || u.Name != "sato" || u.Role != model.RoleRep {
		t.Fatalf("by key: %+v %v %v", u, ok, err)
	}
	if err := s.RemoveUser(ctx, "sato"); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.UserByKey(ctx, testKeySato); ok {
		t.Error("a removed user's key still opens")
	}
	var fe *model.FieldError
	if err := s.RemoveUser(ctx, "sato"); !errors.As(err, &fe) || fe.Code != model.RefuseNoUser {
		t.Errorf("removing twice: %v", err)
	}
}

// The rights are counted here from the journal and the rows themselves,
// not from what the store answers.
func TestRightsOfEachRole(t *testing.T) { onBothEngines(t, testRightsOfEachRole) }

func testRightsOfEachRole(t *testing.T, s *Store) {
	ctx := context.Background()
	reps := addReps(t, s, "佐藤 花子", "鈴木 一郎")
	day := testNow.AddDate(0, 0, -3)
	mine, err := s.AddOpportunity(ctx, model.Opportunity{RepID: reps["佐藤 花子"], Account: "ACME", Created: day, Outcome: model.OutcomeOpen})
	if err != nil {
		t.Fatal(err)
	}
	theirs, err := s.AddOpportunity(ctx, model.Opportunity{RepID: reps["鈴木 一郎"], Account: "Initech", Created: day, Outcome: model.OutcomeOpen})
	if err != nil {
		t.Fatal(err)
	}
	rep := s.As(model.User{Name: "sato", Role: model.RoleRep, RepID: reps["佐藤 花子"]})
	lead := s.As(model.User{Name: "boss", Role: model.RoleLead})

	won := func(id, repID int64, account string) model.Opportunity {
		return model.Opportunity{ID: id, RepID: repID, Account: account, Created: day, Closed: testNow,
			Outcome: model.OutcomeWon, AmountMinor: 1_000_000, HasAmount: true}
	}
	journal := func() int {
		var n int
		if err := s.db.QueryRow(`SELECT count(*) FROM changes`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	outcome := func(id int64) string {
		var o string
		if err := s.db.QueryRow(`SELECT outcome FROM opportunities WHERE id = ?`, id).Scan(&o); err != nil {
			t.Fatal(err)
		}
		return o
	}
	before := journal()

	var re *model.RightsError
	// A rep: another rep's deal, a deal moved to another rep, a deal
	// added for another rep, a target: refused, nothing written.
	if err := rep.UpdateOpportunity(ctx, won(theirs, reps["鈴木 一郎"], "Initech")); !errors.As(err, &re) || re.Rep != "鈴木 一郎" {
		t.Errorf("rep edits another's deal: %v", err)
	}
	if err := rep.UpdateOpportunity(ctx, won(mine, reps["鈴木 一郎"], "ACME")); !errors.As(err, &re) {
		t.Errorf("rep hands their deal to another: %v", err)
	}
	if _, err := rep.AddOpportunity(ctx, model.Opportunity{RepID: reps["鈴木 一郎"], Account: "X", Created: day, Outcome: model.OutcomeOpen}); !errors.As(err, &re) {
		t.Errorf("rep adds a deal for another: %v", err)
	}
	if err := rep.Delete(ctx, model.RecordOpportunity, theirs); !errors.As(err, &re) {
		t.Errorf("rep deletes another's deal: %v", err)
	}
	if err := rep.SetFiscalStart(ctx, 1); !errors.As(err, &re) || re.Area != model.AreaRules {
		t.Errorf("rep sets the fiscal year: %v", err)
	}
	if _, err := rep.SaveReview(ctx, model.ReviewDraft{HeldAt: testNow, Period: model.PeriodOf(model.Month, testNow, time.April)}); !errors.As(err, &re) || re.Area != model.AreaReviews {
		t.Errorf("rep saves a review: %v", err)
	}
	if got := journal(); got != before {
		t.Fatalf("refused writes left %d changes in the journal", got-before)
	}
	if outcome(theirs) != "open" || outcome(mine) != "open" {
		t.Fatal("a refused write changed a deal")
	}
	var n int
	s.db.QueryRow(`SELECT count(*) FROM opportunities`).Scan(&n)
	if n != 2 {
		t.Fatalf("%d deals after refused adds, want 2", n)
	}

	// A rep's own deal; a lead's edit of anyone's; the journal names them.
	if err := rep.UpdateOpportunity(ctx, won(mine, reps["佐藤 花子"], "ACME")); err != nil {
		t.Fatalf("rep edits their own deal: %v", err)
	}
	if err := lead.UpdateOpportunity(ctx, won(theirs, reps["鈴木 一郎"], "Initech")); err != nil {
		t.Fatalf("lead edits a rep's deal: %v", err)
	}
	if err := lead.SetFiscalStart(ctx, 1); !errors.As(err, &re) || re.Area != model.AreaRules {
		t.Errorf("a lead sets the rules: %v", err)
	}
	if outcome(theirs) != "won" || outcome(mine) != "won" {
		t.Fatal("allowed writes did not land")
	}
	authors := map[int64]string{}
	rows, err := s.db.Query(`SELECT row_id, author FROM changes WHERE table_name = 'opportunities' AND action = 'update'`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		var a string
		rows.Scan(&id, &a)
		authors[id] = a
	}
	rows.Close()
	if authors[mine] != "sato" || authors[theirs] != "boss" {
		t.Errorf("journal authors %v, want sato on %d and boss on %d", authors, mine, theirs)
	}

	// Undo as the rep reverts the rep's own change, never the lead's.
	if _, err := rep.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if outcome(mine) != "open" || outcome(theirs) != "won" {
		t.Errorf("rep's undo: mine %s, theirs %s; want open, won", outcome(mine), outcome(theirs))
	}
	if _, err := rep.Undo(ctx); !errors.Is(err, ErrNothingToUndo) {
		t.Errorf("rep's second undo: %v, want nothing to undo", err)
	}
}

func TestCloseWaitsForWritesInFlight(t *testing.T) {
	ctx := context.Background()
	s := openClocked(t)
	started, release := make(chan struct{}), make(chan struct{})
	done := make(chan error, 1)
	go func() {
		done <- s.tx(ctx, model.AreaRules, func(tx *sql.Tx) error {
			close(started)
			<-release
			_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ('k', 'v')`)
			return err
		})
	}()
	<-started
	closed := make(chan struct{})
	go func() { s.Close(); close(closed) }()
	select {
	case <-closed:
		t.Fatal("Close returned while a write was in flight")
	default:
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatalf("the write in flight: %v", err)
	}
	<-closed
	if err := s.SetSetting(ctx, "k2", "v"); !errors.Is(err, ErrClosed) {
		t.Errorf("a write after Close: %v", err)
	}
}
