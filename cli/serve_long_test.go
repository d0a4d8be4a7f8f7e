package cli

import (
	"bufio"
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/internal/testlong"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// kpit serve as a process: the host key it makes, a session through a
// real SSH client, and SIGTERM while that session is open.
func TestServeProcessStopsCleanlyOnSIGTERM(t *testing.T) {
	testlong.Skip(t)
	bin := builtKpit(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "team.db")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.AddUser(context.Background(), model.User{Name: "boss", Role: model.RoleLead,
		Key: model.KeyText(serveKey(t, seedLead).PublicKey())}); err != nil {
		t.Fatal(err)
	}
	st.Close()

	// A free port on 127.0.0.1, given back for the server to take.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	hostKey := filepath.Join(dir, "keys", "host")
	cmd := exec.Command(bin, "serve", "--db", db, "--listen", addr, "--host-key", hostKey, "--lang", "en")
	cmd.Env = append(os.Environ(), "LANG=C")
	logs, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	lines := make(chan string, 100)
	go func() {
		sc := bufio.NewScanner(logs)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	waitLine := func(part string) {
		t.Helper()
		timeout := time.After(30 * time.Second)
		for {
			select {
			case l, ok := <-lines:
				if !ok {
					t.Fatalf("kpit serve ended before logging %q", part)
				}
				if strings.Contains(l, part) {
					return
				}
			case <-timeout:
				t.Fatalf("kpit serve did not log %q", part)
			}
		}
	}
	waitLine("listening on " + addr)

	info, err := os.Stat(hostKey)
	if err != nil {
		t.Fatalf("no host key made: %v", err)
	}
	if mode := info.Mode().Perm(); mode != 0o600 {
		t.Errorf("host key mode %04o, want 0600", mode)
	}

	c := connect(t, addr, seedLead, "en_US.UTF-8")
	if !c.waitFor("Dashboard", 0, 30*time.Second) {
		t.Fatalf("no cockpit over ssh:\n%s", screenText(c.out.String()))
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-c.done:
		if err != nil {
			t.Errorf("the session's exit on SIGTERM: %v, want 0", err)
		}
	case <-time.After(stopGrace + 5*time.Second):
		t.Fatal("the session stayed open after SIGTERM")
	}
	if want := catalog.LangEN.T(catalog.ServeStopping); !strings.Contains(c.errOut.String(), want) {
		t.Errorf("the session was told %q, want %q", c.errOut.String(), want)
	}
	waitLine(catalog.LangEN.T(catalog.ServeStopped))
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("kpit serve's exit on SIGTERM: %v, want 0", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("kpit serve did not exit after SIGTERM")
	}
}

func TestServeRefusesAHostKeyOthersMayRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "host")
	if err := os.WriteFile(path, []byte("not checked"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := checkHostKey(path)
	if err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Errorf("a host key of mode 0644: %v, want a refusal naming chmod 600", err)
	}
	os.Chmod(path, 0o600)
	if err := checkHostKey(path); err != nil {
		t.Errorf("a host key of mode 0600: %v", err)
	}
}
