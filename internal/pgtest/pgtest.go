// Package pgtest gives a test package a throwaway PostgreSQL server made
// from the system's binaries: initdb and pg_ctl in a temporary directory,
// listening only on a Unix socket there, stopped and removed when the
// package's tests end. Each test gets a database of its own on it.
//
// When the binaries are not installed the tests that need them skip with
// one line saying so; with KPIT_REQUIRE_PG=1 (as .ci/run sets) they fail
// instead, so CI cannot pass without having run them.
package pgtest

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the pgx driver, to create each test's database
)

// RequireEnv names the variable that turns a skip into a failure.
const RequireEnv = "KPIT_REQUIRE_PG"

type server struct {
	dir   string   // removed at Stop: data, socket and log
	runAs []string // the command prefix that runs the server's binaries (not as root)
	bin   string
	admin *sql.DB // the server's postgres database, where databases are made
}

var (
	once    sync.Once
	srv     *server
	failure error // why there is no server
	missing bool  // the binaries are not installed (a skip, unless required)
	dbs     atomic.Int64
)

// URL starts the package's server on first use and returns the URL of a
// new empty database on it.
func URL(t testing.TB) string {
	t.Helper()
	return create(t, "template1")
}

var (
	templateOnce sync.Once
	templateErr  error
)

// URLFrom is URL for a database made by prepare: prepare runs once, on a
// template database, and each test's database is a copy of it, which
// costs a fraction of making it again (a kpit schema, say).
func URLFrom(t testing.TB, prepare func(url string) error) string {
	t.Helper()
	once.Do(start)
	if srv != nil {
		templateOnce.Do(func() {
			if templateErr = srv.exec("CREATE DATABASE kpit_template"); templateErr == nil {
				templateErr = prepare(srv.url("kpit_template"))
			}
		})
		if templateErr != nil {
			t.Fatalf("PostgreSQL template database: %v", templateErr)
		}
	}
	return create(t, "kpit_template")
}

func create(t testing.TB, template string) string {
	t.Helper()
	once.Do(start)
	if srv == nil {
		if missing && os.Getenv(RequireEnv) == "" {
			t.Skipf("PostgreSQL tests skipped: %v (set %s=1 to fail instead)", failure, RequireEnv)
		}
		t.Fatalf("PostgreSQL test server: %v", failure)
	}
	name := fmt.Sprintf("kpit_test_%d", dbs.Add(1))
	if err := srv.exec("CREATE DATABASE " + name + " TEMPLATE " + template); err != nil {
		t.Fatalf("create database %s: %v", name, err)
	}
	return srv.url(name)
}

// exec runs one statement on the server's postgres database.
func (s *server) exec(stmt string) error {
	_, err := s.admin.ExecContext(context.Background(), stmt)
	return err
}

// Main runs the package's tests and stops the server, if one was started:
// call it from TestMain.
func Main(m *testing.M) {
	code := m.Run()
	Stop()
	os.Exit(code)
}

// Stop stops and removes the server, if one was started: for a TestMain
// that does more than Main.
func Stop() {
	if srv != nil {
		srv.stop()
		srv = nil
	}
}

func (s *server) url(db string) string {
	return "postgres://kpit@/" + db + "?host=" + s.dir + "&port=5432&sslmode=disable"
}

// binDir finds initdb: on PATH, else in Debian's versioned directories.
func binDir() (string, error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	return "", fmt.Errorf("initdb not found on PATH or in /usr/lib/postgresql/*/bin (install Debian's postgresql package)")
}

func version(dir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(dir)))
	return n
}

func start() {
	bin, err := binDir()
	if err != nil {
		failure, missing = err, true
		return
	}
	dir, err := os.MkdirTemp("", "kpit-pg-")
	if err != nil {
		failure = err
		return
	}
	s := &server{dir: dir, bin: bin}
	// initdb refuses to run as root: the server then runs as the postgres
	// user (or nobody), owning the directory.
	if os.Geteuid() == 0 {
		if s.runAs, err = unprivileged(dir); err != nil {
			os.RemoveAll(dir)
			failure = err
			return
		}
	}
	data := filepath.Join(dir, "data")
	if err := s.run("initdb", "-D", data, "-U", "kpit", "-A", "trust", "-E", "UTF8", "--no-locale", "-N"); err != nil {
		os.RemoveAll(dir)
		failure = err
		return
	}
	opts := fmt.Sprintf("-k %s -c listen_addresses='' -p 5432 -F -c max_connections=200", dir)
	if err := s.run("pg_ctl", "-D", data, "-l", filepath.Join(dir, "log"), "-o", opts, "-w", "start"); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "log"))
		os.RemoveAll(dir)
		failure = fmt.Errorf("%v\n%s", err, log)
		return
	}
	if s.admin, err = sql.Open("pgx", s.url("postgres")); err != nil {
		s.stop()
		failure = err
		return
	}
	srv = s
}

// unprivileged is the prefix running a command as the postgres user, or
// nobody, after giving it dir.
func unprivileged(dir string) ([]string, error) {
	for _, name := range []string{"postgres", "nobody"} {
		u, err := user.Lookup(name)
		if err != nil {
			continue
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			return nil, err
		}
		return []string{"runuser", "-u", name, "--"}, nil
	}
	return nil, fmt.Errorf("running as root and neither a postgres nor a nobody user to run the server as")
}

func (s *server) run(name string, args ...string) error {
	argv := append(append(append([]string{}, s.runAs...), filepath.Join(s.bin, name)), args...)
	out, err := exec.Command(argv[0], argv[1:]...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s: %v: %s", name, err, strings.TrimSpace(string(out)))
	}
	return nil
}

func (s *server) stop() {
	if s.admin != nil {
		s.admin.Close()
	}
	s.run("pg_ctl", "-D", filepath.Join(s.dir, "data"), "-m", "immediate", "-w", "stop")
	os.RemoveAll(s.dir)
}
