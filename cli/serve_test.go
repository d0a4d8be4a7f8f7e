package cli

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// These tests connect to kpit serve with a real SSH client
// (golang.org/x/crypto/ssh) over TCP on 127.0.0.1, in this process, and
// check what each person's screen shows against the database read
// directly.

// serveKey is an ed25519 key made from a one-byte seed.
func serveKey(t *testing.T, seed byte) gossh.Signer {
	t.Helper()
	signer, err := gossh.NewSignerFromKey(ed25519.NewKeyFromSeed(bytes.Repeat([]byte{seed}, ed25519.SeedSize)))
	if err != nil {
		t.Fatal(err)
	}
	return signer
}

const (
	seedRep      = 1 // Aoki, a rep
	seedLead     = 2 // a lead
	seedStranger = 9 // nobody's
)

// team is a served database: two reps with a deal each, a rep user for
// Aoki and a lead.
type team struct {
	st       *store.Store
	sv       *server
	addr     string
	log      *syncBuffer
	aokiDeal int64
	babaDeal int64
}

func serveTeam(t *testing.T, idle time.Duration) *team {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	st, err := store.Open(filepath.Join(dir, "team.db"))
	if err != nil {
		t.Fatal(err)
	}
	st.SetClock(clock)
	tm := &team{st: st, log: &syncBuffer{}}
	for _, name := range []string{"Aoki", "Baba"} {
		if _, err := st.AddRep(ctx, model.Rep{Name: name, Department: model.DeptFieldSales}); err != nil {
			t.Fatal(err)
		}
	}
	created := testNow.AddDate(0, -2, 0)
	if tm.aokiDeal, err = st.AddOpportunity(ctx, model.Opportunity{RepName: "Aoki", Account: "AcmeA", Created: created, Outcome: model.OutcomeOpen}); err != nil {
		t.Fatal(err)
	}
	if tm.babaDeal, err = st.AddOpportunity(ctx, model.Opportunity{RepName: "Baba", Account: "BetaB", Created: created, Outcome: model.OutcomeOpen}); err != nil {
		t.Fatal(err)
	}
	keyLine := func(seed byte) string { return model.KeyText(serveKey(t, seed).PublicKey()) + " test" }
	if err := st.AddUser(ctx, model.User{Name: "aoki", Role: model.RoleRep, RepName: "Aoki", Key: keyLine(seedRep)}); err != nil {
		t.Fatal(err)
	}
	if err := st.AddUser(ctx, model.User{Name: "boss", Role: model.RoleLead, Key: keyLine(seedLead)}); err != nil {
		t.Fatal(err)
	}
	tm.sv, err = newServer(st, serverConfig{listen: "127.0.0.1:0", hostKey: filepath.Join(dir, "keys", "host"), idle: idle,
		lang: catalog.LangEN, log: tm.log})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	tm.addr = ln.Addr().String()
	go tm.sv.srv.Serve(ln)
	t.Cleanup(func() { tm.sv.stop() })
	return tm
}

// syncBuffer is a bytes.Buffer several goroutines write.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// client is one person's ssh session with a terminal.
type client struct {
	t      *testing.T
	conn   *gossh.Client
	sess   *gossh.Session
	stdin  io.WriteCloser
	out    *syncBuffer // what the terminal received
	errOut *syncBuffer
	done   chan error // the session's end (its exit status)
}

func connect(t *testing.T, addr string, seed byte, lang string) *client {
	t.Helper()
	conn, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User: "anyone",
		Auth: []gossh.AuthMethod{
			gossh.PublicKeys(serveKey(t, seed)),
			gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return nil, nil }),
		},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), // the test's own server, made a moment ago
		Timeout:         5 * time.Second,
	})
	if err != nil {
		t.Fatalf("ssh dial: %v", err)
	}
	sess, err := conn.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	c := &client{t: t, conn: conn, sess: sess, out: &syncBuffer{}, errOut: &syncBuffer{}, done: make(chan error, 1)}
	sess.Stdout, sess.Stderr = c.out, c.errOut
	if c.stdin, err = sess.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if err := sess.Setenv("LANG", lang); err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm-256color", 40, 120, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	go func() { c.done <- sess.Wait() }()
	t.Cleanup(func() { conn.Close() })
	return c
}

// cursorForward is the renderer's move over cells that did not change.
var cursorForward = regexp.MustCompile(`\x1b\[(\d*)C`)

// screenText is what the terminal was sent, without escape sequences or
// white space: the renderer redraws only the cells that change, so the
// spaces between words may arrive as cursor moves.
func screenText(raw string) string {
	raw = cursorForward.ReplaceAllStringFunc(raw, func(m string) string {
		n, _ := strconv.Atoi(cursorForward.FindStringSubmatch(m)[1])
		return strings.Repeat(" ", max(n, 1))
	})
	return strings.Join(strings.Fields(ansi.Strip(raw)), "")
}

// waitFor waits until text has been drawn since mark (a length of out).
func (c *client) waitFor(text string, mark int, within time.Duration) bool {
	c.t.Helper()
	want := strings.Join(strings.Fields(text), "")
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		if out := c.out.String(); len(out) >= mark && strings.Contains(screenText(out[mark:]), want) {
			return true
		}
		time.Sleep(20 * time.Millisecond)
	}
	return false
}

func (c *client) mark() int { return len(c.out.String()) }

func (c *client) send(s string) {
	c.t.Helper()
	if _, err := io.WriteString(c.stdin, s); err != nil {
		c.t.Fatalf("send %q: %v", s, err)
	}
}

// quickAdd types a quick-add line as a person does: ':' opens it, the
// line, Enter saves.
func (c *client) quickAdd(line string) {
	c.send(":")
	time.Sleep(150 * time.Millisecond)
	c.send(line)
	time.Sleep(100 * time.Millisecond)
	c.send("\r")
}

func outcomeOf(t *testing.T, st *store.Store, id int64) model.Outcome {
	t.Helper()
	o, err := st.Opportunity(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return o.Outcome
}

func TestServeRefusesAnUnknownKeyWithOneLine(t *testing.T) {
	tm := serveTeam(t, 0)
	c := connect(t, tm.addr, seedStranger, "en_US.UTF-8")
	select {
	case err := <-c.done:
		var exit *gossh.ExitError
		if !errors.As(err, &exit) || exit.ExitStatus() != 1 {
			t.Errorf("exit: %v, want status 1", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the session of an unknown key stayed open")
	}
	fingerprint := gossh.FingerprintSHA256(serveKey(t, seedStranger).PublicKey())
	want := catalog.LangEN.T(catalog.ServeUnknownKey, fingerprint)
	if got := strings.TrimRight(c.errOut.String(), "\r\n"); got != want {
		t.Errorf("the refusal:\n got %q\nwant %q", got, want)
	}
	if c.out.String() != "" {
		t.Errorf("an unknown key was shown something: %q", c.out.String())
	}
	if log := tm.log.String(); !strings.Contains(log, fingerprint) || strings.Contains(log, "AcmeA") || strings.Contains(log, "Aoki") {
		t.Errorf("the log should name the key and nothing of the data:\n%s", log)
	}
}

func TestServeRepIsRefusedAnotherRepsDealAndTheLeadIsNot(t *testing.T) {
	tm := serveTeam(t, 0)
	var journal int
	count := func() int {
		recs, err := tm.st.Recent(context.Background(), model.RecordOpportunity, 100)
		if err != nil {
			t.Fatal(err)
		}
		return len(recs)
	}
	journal = count()

	rep := connect(t, tm.addr, seedRep, "en_US.UTF-8")
	if !rep.waitFor("Dashboard", 0, 30*time.Second) {
		t.Fatalf("the rep's cockpit did not open:\n%s", screenText(rep.out.String()))
	}
	mark := rep.mark()
	rep.quickAdd("won #" + strconv.FormatInt(tm.babaDeal, 10) + " 300万")
	refusal := catalog.Rights(catalog.LangEN, &model.RightsError{User: "aoki", Role: model.RoleRep, Area: model.AreaRecords, Rep: "Baba"})
	if !rep.waitFor(refusal, mark, 20*time.Second) {
		t.Fatalf("no refusal on the rep's screen; it shows:\n%s", screenText(rep.out.String()[mark:]))
	}
	if got := outcomeOf(t, tm.st, tm.babaDeal); got != model.OutcomeOpen {
		t.Errorf("Baba's deal is %s after the refused edit, want open", got)
	}
	if count() != journal {
		t.Error("the refused edit added a deal")
	}

	// Their own deal they may close.
	mark = rep.mark()
	rep.send("\x1b") // leave the quick-add line
	time.Sleep(150 * time.Millisecond)
	rep.quickAdd("won #" + strconv.FormatInt(tm.aokiDeal, 10) + " 300万")
	deadline := time.Now().Add(20 * time.Second)
	for outcomeOf(t, tm.st, tm.aokiDeal) != model.OutcomeWon && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if got := outcomeOf(t, tm.st, tm.aokiDeal); got != model.OutcomeWon {
		t.Errorf("Aoki's own deal is %s, want won; the screen shows:\n%s", got, screenText(rep.out.String()[mark:]))
	}

	lead := connect(t, tm.addr, seedLead, "ja_JP.UTF-8")
	if !lead.waitFor("ダッシュボード", 0, 30*time.Second) {
		t.Fatalf("the lead's cockpit did not open in Japanese:\n%s", screenText(lead.out.String()))
	}
	mark = lead.mark()
	lead.quickAdd("受注 #" + strconv.FormatInt(tm.babaDeal, 10) + " 300万 Baba")
	deadline = time.Now().Add(20 * time.Second)
	for outcomeOf(t, tm.st, tm.babaDeal) != model.OutcomeWon && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if got := outcomeOf(t, tm.st, tm.babaDeal); got != model.OutcomeWon {
		t.Fatalf("the lead's edit of Baba's deal: %s, want won; the screen shows:\n%s", got, screenText(lead.out.String()[mark:]))
	}
}

// Each session sees the other's write within 2 seconds: the Records tab's
// deals of one show an account the other has just entered.
func TestServeSessionsSeeEachOthersWrites(t *testing.T) {
	tm := serveTeam(t, 0)
	rep := connect(t, tm.addr, seedRep, "en_US.UTF-8")
	lead := connect(t, tm.addr, seedLead, "en_US.UTF-8")
	for _, c := range []*client{rep, lead} {
		if !c.waitFor("Dashboard", 0, 30*time.Second) {
			t.Fatalf("a cockpit did not open:\n%s", screenText(c.out.String()))
		}
		c.send("5") // Records
		time.Sleep(150 * time.Millisecond)
		c.send("\x1b[C") // right: the deals
	}
	for _, c := range []*client{rep, lead} {
		if !c.waitFor("BetaB", 0, 20*time.Second) {
			t.Fatalf("the Records tab shows no deals:\n%s", screenText(c.out.String()))
		}
	}
	for _, w := range []struct {
		name           string
		writer, reader *client
		account        string
	}{
		{"the lead's write on the rep's screen", lead, rep, "ZebraLead"},
		{"the rep's write on the lead's screen", rep, lead, "YakRep"},
	} {
		mark := w.reader.mark()
		w.writer.quickAdd("opp " + w.account + " Aoki 500万")
		// The 2 s run from the moment the write is in the database.
		deadline := time.Now().Add(30 * time.Second)
		for {
			_, ok, err := tm.st.OpenOpportunityFor(context.Background(), w.account, "Aoki")
			if err != nil {
				t.Fatal(err)
			}
			if ok {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: the write never reached the database; the writer was sent:\n%s", w.name, screenText(w.writer.out.String()))
			}
			time.Sleep(10 * time.Millisecond)
		}
		start := time.Now()
		if !w.reader.waitFor(w.account, mark, 2*time.Second) {
			t.Errorf("%s: not within 2 s; the reader was sent:\n%s", w.name, screenText(w.reader.out.String()[mark:]))
			continue
		}
		t.Logf("%s: %v after the commit", w.name, time.Since(start).Round(10*time.Millisecond))
		w.writer.send("\x1b")
		time.Sleep(150 * time.Millisecond)
	}
}

func TestServeEndsAnIdleSession(t *testing.T) {
	tm := serveTeam(t, 300*time.Millisecond)
	c := connect(t, tm.addr, seedRep, "en_US.UTF-8")
	select {
	case <-c.done:
	case <-time.After(5 * time.Second):
		t.Fatal("an idle session stayed open")
	}
	if want := catalog.LangEN.T(catalog.ServeIdleEnded, 300*time.Millisecond); !strings.Contains(c.errOut.String(), want) {
		t.Errorf("the idle end says %q, want %q", c.errOut.String(), want)
	}
}

// panicky is a cockpit that panics on the first key.
type panicky struct{}

func (panicky) Init() tea.Cmd { return nil }
func (p panicky) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.KeyPressMsg); ok {
		panic("a test's panic")
	}
	return p, nil
}
func (panicky) View() tea.View { return tea.NewView("panicky ready") }

func TestServeKeepsServingWhenASessionPanics(t *testing.T) {
	tm := serveTeam(t, 0)
	tm.sv.cockpit = func(*store.Store, catalog.Lang, cockpitOptions) (tea.Model, error) { return panicky{}, nil }
	c := connect(t, tm.addr, seedRep, "en_US.UTF-8")
	if !c.waitFor("panicky ready", 0, 5*time.Second) {
		t.Fatal("the test's cockpit did not open")
	}
	c.send("x")
	select {
	case <-c.done:
	case <-time.After(5 * time.Second):
		t.Fatal("the session that panicked stayed open")
	}
	if want := catalog.LangEN.T(catalog.ServeFailed); !strings.Contains(c.errOut.String(), want) {
		t.Errorf("the panicked session says %q, want %q", c.errOut.String(), want)
	}
	if !strings.Contains(tm.log.String(), "internal error") {
		t.Errorf("the panic is not in the server's log:\n%s", tm.log.String())
	}
	tm.sv.cockpit = newCockpit
	next := connect(t, tm.addr, seedLead, "en_US.UTF-8")
	if !next.waitFor("Dashboard", 0, 30*time.Second) {
		t.Fatal("the server stopped serving after a session panicked")
	}
}

func TestServeStopTellsTheSessions(t *testing.T) {
	tm := serveTeam(t, 0)
	c := connect(t, tm.addr, seedLead, "en_US.UTF-8")
	if !c.waitFor("Dashboard", 0, 30*time.Second) {
		t.Fatal("the cockpit did not open")
	}
	tm.sv.stop()
	select {
	case err := <-c.done:
		if err != nil {
			t.Errorf("exit on stop: %v, want 0", err)
		}
	case <-time.After(stopGrace + 2*time.Second):
		t.Fatal("the session stayed open after the server stopped")
	}
	if want := catalog.LangEN.T(catalog.ServeStopping); !strings.Contains(c.errOut.String(), want) {
		t.Errorf("the stopped session says %q, want %q", c.errOut.String(), want)
	}
}

// A postgres:// database has no directory to hold the host key: serve asks
// for --host-key before it makes anything, rather than directories named
// after the URL's parts.
func TestServeWantsAHostKeyPathForAPostgresURL(t *testing.T) {
	t.Chdir(t.TempDir())
	code, out, errOut := runKpit(t, "serve", "--db", "postgres://kpit:secret@127.0.0.1:1/team")
	if code != exitUsage || out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "--host-key") || strings.Contains(errOut, "secret") {
		t.Errorf("exit %d, stdout %q, stderr %q; want 2 and one line asking for --host-key", code, out, errOut)
	}
	if made, _ := os.ReadDir("."); len(made) != 0 {
		t.Errorf("serve made %v in the working directory", made)
	}
}
