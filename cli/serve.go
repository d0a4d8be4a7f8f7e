package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"charm.land/wish/v2/bubbletea"
	gossh "golang.org/x/crypto/ssh"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

const serveUsage = `serve [--db PATH] [--listen ADDR] [--host-key PATH] [--idle 30m] [--lang ja|en]

Serves the cockpit over SSH (docs/teams.md): everyone whose public key was
added with kpit users add connects with ssh -p 23234 HOST and gets their
own cockpit on the shared database, in their language (the user's --lang,
else their session's LANG), with their rights. A key that is not
registered gets one line and no screen. Listens on 127.0.0.1:23234 unless
--listen names another address (":23234" is every interface). The host key
is made once, readable by its owner only. A session ends after --idle
without a key pressed; SIGTERM or ctrl+c stops the server once the writes
in progress are finished.`

// defaultListen is localhost: serving beyond this machine is a choice.
const defaultListen = "127.0.0.1:23234"

// stopGrace is how long a stopping server waits for its sessions to end
// before it closes their connections.
const stopGrace = 10 * time.Second

func runServe(e env) int {
	fs := newFlagSet(e, "serve", serveUsage)
	db := dbFlag(fs)
	listen := fs.String("listen", defaultListen, "the `ADDR` to listen on, host:port (\":23234\" is every interface)")
	hostKey := fs.String("host-key", "", "the server's private host key `PATH`, made when missing (default: kpit_host_ed25519 beside the database)")
	idle := fs.Duration("idle", 30*time.Minute, "end a session after this long without a key pressed (0: never)")
	langArg := langFlag(fs)
	if code, stop := parseOnlyFlags(e, fs, e.args); stop {
		return code
	}
	l, err := e.lang(*langArg)
	if err != nil {
		return fail(e, "serve", err)
	}
	if *idle < 0 {
		return fail(e, "serve", model.Refused(model.RefuseServeIdle, *idle))
	}
	if _, _, err := net.SplitHostPort(*listen); err != nil {
		return fail(e, "serve", model.Refused(model.RefuseServeListen, *listen))
	}
	path, err := e.dbPath(*db)
	if err != nil {
		return fail(e, "serve", err)
	}
	if *hostKey == "" {
		if store.IsPostgres(path) {
			// There is no file to put it beside: the URL's parts would
			// become directories, one of them named after the password.
			return fail(e, "serve", model.Refused(model.RefuseHostKeyForURL))
		}
		*hostKey = filepath.Join(filepath.Dir(path), "kpit_host_ed25519")
	}
	st, err := e.openOwner(path)
	if err != nil {
		return fail(e, "serve", err)
	}
	st.SetClock(clock)
	st.SetLimits(e.config.Limits) // a record a session writes is bounded as kpit add bounds it
	users, err := st.Users(context.Background())
	if err != nil {
		st.Close()
		return fail(e, "serve", err)
	}
	sv, err := newServer(st, serverConfig{listen: *listen, hostKey: *hostKey, idle: *idle, lang: l, log: e.stderr, keys: e.config.Keys, limits: e.config.Limits})
	if err != nil {
		st.Close()
		return fail(e, "serve", err)
	}
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		st.Close()
		return fail(e, "serve", fmt.Errorf("--listen %s: %w", *listen, err))
	}
	sv.logf(catalog.ServeListening, ln.Addr(), st.Path(), *hostKey, len(users)) // Path: a URL without its password
	if host, _, _ := net.SplitHostPort(*listen); !isLoopback(host) {
		sv.logf(catalog.ServeAllAddresses, ln.Addr())
	}
	if len(users) == 0 {
		sv.logf(catalog.ServeNoUsers)
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()
	served := make(chan error, 1)
	go func() { served <- sv.srv.Serve(ln) }()
	select {
	case <-ctx.Done():
	case err := <-served:
		if !errors.Is(err, ssh.ErrServerClosed) {
			st.Close()
			return fail(e, "serve", err)
		}
	}
	sv.stop()
	sv.logf(catalog.ServeStopped)
	return exitOK
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

type serverConfig struct {
	listen  string
	hostKey string
	idle    time.Duration // 0: sessions never end on idle
	lang    catalog.Lang  // the log's language
	log     io.Writer
	keys    map[string][]string // the config file's [keys], for every cockpit
	limits  model.Limits        // the config file's [limits], likewise
}

// server is kpit serve: one store, one SSH server, a cockpit per session.
type server struct {
	st   *store.Store
	srv  *ssh.Server
	cfg  serverConfig
	log  *log.Logger
	mu   sync.Mutex
	live map[*tea.Program]*sessionState // the sessions running a cockpit
	// stopping is set once the server stops, so a session's end says why.
	stopping atomic.Bool
	// cockpit makes a session's screen: newCockpit (a test's model
	// stands in to panic).
	cockpit func(*store.Store, catalog.Lang, cockpitOptions) (tea.Model, error)
}

// sessionState is what a session's end is told by: why it ended.
type sessionState struct {
	idle atomic.Bool
}

// Context keys set during authentication.
type ctxKey string

const (
	ctxUser  ctxKey = "kpit.user"  // model.User, for a registered key
	ctxTried ctxKey = "kpit.tried" // the fingerprint of the last key refused
)

func newServer(st *store.Store, cfg serverConfig) (*server, error) {
	if err := checkHostKey(cfg.hostKey); err != nil {
		return nil, err
	}
	sv := &server{st: st, cfg: cfg, log: log.New(cfg.log, "", log.LstdFlags), live: map[*tea.Program]*sessionState{}, cockpit: newCockpit}
	srv, err := wish.NewServer(
		wish.WithAddress(cfg.listen),
		wish.WithHostKeyPath(cfg.hostKey),
		wish.WithPublicKeyAuth(sv.publicKey),
		// A key that is not registered gets in only as far as the one line
		// that says so: the client tries every key it has first, so
		// someone with a registered key among others is never turned away.
		wish.WithKeyboardInteractiveAuth(func(ssh.Context, gossh.KeyboardInteractiveChallenge) bool { return true }),
		wish.WithMiddleware(sv.session),
	)
	if err != nil {
		return nil, fmt.Errorf("--host-key %s: %w", cfg.hostKey, err)
	}
	sv.srv = srv
	return sv, nil
}

// checkHostKey refuses a host key that others may read: whoever reads it
// can pose as this server. A missing key is made by wish, 0600.
func checkHostKey(path string) error {
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if dir := filepath.Dir(path); dir != "" {
			if err := os.MkdirAll(dir, 0o700); err != nil {
				return fmt.Errorf("--host-key %s: %w", path, err)
			}
		}
		return nil
	case err != nil:
		return fmt.Errorf("--host-key %s: %w", path, err)
	case info.IsDir():
		return model.Refused(model.RefuseHostKeyDirectory, path)
	case info.Mode().Perm()&0o077 != 0:
		return model.Refused(model.RefuseHostKeyOpen, path, fmt.Sprintf("%04o", info.Mode().Perm()), path)
	}
	return nil
}

func (sv *server) logf(t catalog.Text, args ...any) { sv.log.Print(sv.cfg.lang.T(t, args...)) }

// publicKey lets a registered key in, read from the store at each
// connection so that kpit users add and remove take effect at once.
func (sv *server) publicKey(ctx ssh.Context, key ssh.PublicKey) bool {
	u, ok, err := sv.st.UserByKey(ctx, model.KeyText(key))
	if err != nil || !ok {
		ctx.SetValue(ctxTried, gossh.FingerprintSHA256(key))
		return false
	}
	ctx.SetValue(ctxUser, u)
	return true
}

// session runs one person's cockpit. It is a wish middleware that never
// calls next: the cockpit is the whole session.
func (sv *server) session(ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		defer func() {
			// A panic outside the cockpit's own loop (Bubble Tea catches those).
			if r := recover(); r != nil {
				sv.logf(catalog.ServeLogPanic, sessionWho(sess), r)
				sess.Exit(1)
			}
		}()
		u, known := sess.Context().Value(ctxUser).(model.User)
		l := sessionLang(u, sess.Environ())
		if !known {
			tried, _ := sess.Context().Value(ctxTried).(string)
			if tried == "" {
				tried = "-"
			}
			sv.logf(catalog.ServeLogRefused, tried, sess.RemoteAddr())
			fmt.Fprintln(sess.Stderr(), l.T(catalog.ServeUnknownKey, tried))
			sess.Exit(1)
			return
		}
		if _, _, ok := sess.Pty(); !ok {
			fmt.Fprintln(sess.Stderr(), l.T(catalog.ServeNoTerminal))
			sess.Exit(1)
			return
		}
		sv.run(sess, u, l)
	}
}

func sessionWho(sess ssh.Session) string {
	if u, ok := sess.Context().Value(ctxUser).(model.User); ok {
		return u.Name
	}
	return sess.RemoteAddr().String()
}

// sessionLang is the language of a person's cockpit: theirs (kpit users
// add --lang), else their session's locale, else English.
func sessionLang(u model.User, environ []string) catalog.Lang {
	if u.Lang != "" {
		if l, err := catalog.ParseLang(u.Lang); err == nil {
			return l
		}
	}
	l, _ := catalog.DetectLang("", func(name string) string { return envValue(environ, name) })
	return l
}

func envValue(environ []string, name string) string {
	for _, kv := range slices.Backward(environ) {
		if v, ok := strings.CutPrefix(kv, name+"="); ok {
			return v
		}
	}
	return ""
}

// run is one cockpit, on the store as the user (their rights, their name
// in the journal), until they quit, idle past the limit, the server stops
// or the cockpit panics.
func (sv *server) run(sess ssh.Session, u model.User, l catalog.Lang) {
	noColor := envValue(sess.Environ(), "NO_COLOR") != ""
	app, err := sv.cockpit(sv.st.As(u), l, cockpitOptions{keys: sv.cfg.keys, limits: sv.cfg.limits, me: u.RepName, noColor: noColor, now: clock})
	if err != nil {
		sv.logf(catalog.ServeLogPanic, u.Name, err)
		fmt.Fprintln(sess.Stderr(), l.T(catalog.ServeFailed))
		sess.Exit(1)
		return
	}
	var lastInput atomic.Int64
	lastInput.Store(time.Now().UnixNano())
	opts := append(bubbletea.MakeOptions(sess), tea.WithFilter(func(_ tea.Model, msg tea.Msg) tea.Msg {
		switch msg.(type) {
		case tea.KeyPressMsg, tea.MouseClickMsg, tea.MouseWheelMsg, tea.PasteMsg:
			lastInput.Store(time.Now().UnixNano())
		case tea.SuspendMsg:
			return tea.ResumeMsg{} // there is no shell to suspend to (as wish's own filter)
		}
		return msg
	}))
	p := tea.NewProgram(app, opts...)
	state := &sessionState{}
	if !sv.add(p, state) {
		fmt.Fprintln(sess.Stderr(), l.T(catalog.ServeStopping))
		sess.Exit(0)
		return
	}
	defer sv.remove(p)
	sv.logf(catalog.ServeLogOpened, u.Name, catalog.Role(sv.cfg.lang, u.Role), sess.RemoteAddr(), l)

	ctx, cancel := context.WithCancel(sess.Context())
	defer cancel()
	_, windows, _ := sess.Pty()
	go func() {
		tick := time.NewTicker(idleTick(sv.cfg.idle))
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				p.Quit()
				return
			case w := <-windows:
				p.Send(tea.WindowSizeMsg{Width: w.Width, Height: w.Height})
			case <-tick.C:
				if sv.cfg.idle > 0 && time.Since(time.Unix(0, lastInput.Load())) >= sv.cfg.idle {
					state.idle.Store(true)
					p.Quit()
					return
				}
			}
		}
	}()
	_, err = p.Run()
	p.Kill()
	endCockpit(app)
	status := 0
	switch {
	case errors.Is(err, tea.ErrProgramPanic):
		sv.logf(catalog.ServeLogPanic, u.Name, err)
		fmt.Fprintln(sess.Stderr(), l.T(catalog.ServeFailed))
		status = 1
	case sv.stopping.Load():
		fmt.Fprintln(sess.Stderr(), l.T(catalog.ServeStopping))
	case state.idle.Load():
		fmt.Fprintln(sess.Stderr(), l.T(catalog.ServeIdleEnded, sv.cfg.idle))
	}
	sv.logf(catalog.ServeLogClosed, u.Name)
	sess.Exit(status)
}

// idleTick is how often a session checks for idleness: often enough that
// it ends within a few percent of the limit.
func idleTick(idle time.Duration) time.Duration {
	if idle <= 0 {
		return time.Hour
	}
	return min(max(idle/50, 10*time.Millisecond), time.Minute)
}

func (sv *server) add(p *tea.Program, s *sessionState) bool {
	sv.mu.Lock()
	defer sv.mu.Unlock()
	if sv.stopping.Load() {
		return false
	}
	sv.live[p] = s
	return true
}

func (sv *server) remove(p *tea.Program) {
	sv.mu.Lock()
	delete(sv.live, p)
	sv.mu.Unlock()
}

// stop ends the server: every cockpit quits and its person is told why
// (a session that starts meanwhile is told the same), the sessions get
// stopGrace to end, the connections close, then the store closes once the
// writes in flight have finished (store.Close waits for them).
func (sv *server) stop() {
	sv.mu.Lock()
	sv.stopping.Store(true)
	for p := range sv.live {
		p.Quit()
	}
	sv.mu.Unlock()
	for deadline := time.Now().Add(stopGrace); sv.sessions() > 0 && time.Now().Before(deadline); {
		time.Sleep(20 * time.Millisecond)
	}
	sv.srv.Close()
	sv.st.Close()
}

// sessions is the number of cockpits running.
func (sv *server) sessions() int {
	sv.mu.Lock()
	defer sv.mu.Unlock()
	return len(sv.live)
}
