package tui

import (
	"context"
	"slices"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
)

// loads runs the screens' reads from the store in the order a person sees
// them. A read of the screen shown (the tab, and the overlay over it)
// starts at once; the other tabs and the background counts read one at a
// time, and only while no shown screen is reading, so at a million deals
// the shown screen never waits behind five others for the store's
// connections. A screen's new read cancels its older one (a period stepped
// twice reads once). Nothing has a deadline: a slow read is shown as
// progress in the footer, never as an error.
type loads struct {
	now func() time.Time

	mu      sync.Mutex
	shown   []any // owners on screen now
	running []*load
	waiting []*load
	newest  map[any]*load     // each owner's newest read; older ones are superseded
	readAt  map[any]time.Time // when each owner's last read finished
}

// load is one read, owned by a screen (or a background count's name).
type load struct {
	owner  any
	ctx    context.Context
	cancel context.CancelFunc
	start  chan struct{} // closed when it may read
	begun  time.Time     // when its command began to run
	done   bool
}

func newLoads(now func() time.Time) *loads {
	return &loads{now: now, newest: map[any]*load{}, readAt: map[any]time.Time{}}
}

// read is a command that runs fn for owner when its turn comes, cancelling
// owner's older read. A read that was superseded, or cancelled, gives no
// message: its answer would be stale and its error meaningless.
func (l *loads) read(owner any, fn func(ctx context.Context) tea.Msg) tea.Cmd {
	ctx, cancel := context.WithCancel(context.Background())
	ld := &load{owner: owner, ctx: ctx, cancel: cancel, start: make(chan struct{})}
	l.mu.Lock()
	if old := l.newest[owner]; old != nil {
		old.cancel()
	}
	l.newest[owner] = ld
	l.mu.Unlock()
	return func() tea.Msg {
		defer cancel()
		if !l.wait(ld) {
			l.finish(ld, false)
			return nil
		}
		msg := fn(ctx)
		ok := ctx.Err() == nil
		l.finish(ld, ok)
		if !ok {
			return nil
		}
		return msg
	}
}

// wait queues ld and blocks until it may read (true) or is cancelled.
func (l *loads) wait(ld *load) bool {
	l.mu.Lock()
	ld.begun = l.now()
	l.waiting = append(l.waiting, ld)
	l.grant()
	l.mu.Unlock()
	select {
	case <-ld.start:
		return true
	case <-ld.ctx.Done():
		return false
	}
}

func (l *loads) finish(ld *load, ok bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	ld.done = true
	l.running = slices.DeleteFunc(l.running, func(x *load) bool { return x == ld })
	l.waiting = slices.DeleteFunc(l.waiting, func(x *load) bool { return x == ld })
	if ok {
		l.readAt[ld.owner] = l.now()
	}
	l.grant()
}

// show tells which owners are on screen now; their waiting reads go first.
func (l *loads) show(owners ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.shown = owners
	l.grant()
}

func (l *loads) isShown(owner any) bool { return slices.Contains(l.shown, owner) }

// grant starts every waiting read that may start; l.mu is held.
func (l *loads) grant() {
	l.waiting = slices.DeleteFunc(l.waiting, func(x *load) bool { return x.ctx.Err() != nil })
	shownBusy := false
	for _, x := range append(slices.Clone(l.running), l.waiting...) {
		if l.isShown(x.owner) {
			shownBusy = true
		}
	}
	for i := 0; i < len(l.waiting); i++ {
		ld := l.waiting[i]
		if !l.isShown(ld.owner) && (shownBusy || len(l.running) > 0) {
			continue
		}
		l.waiting = slices.Delete(l.waiting, i, i+1)
		i--
		l.running = append(l.running, ld)
		close(ld.start)
	}
}

// idle reports whether owner has no read going or waiting to go.
func (l *loads) idle(owner any) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	ld := l.newest[owner]
	return ld == nil || ld.done || ld.ctx.Err() != nil
}

// status is what the footer says of owner's data: since when its read has
// been going (busy), or when it was last read (zero before any read).
func (l *loads) status(owner any) (busySince time.Time, busy bool, readAt time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if ld := l.newest[owner]; ld != nil && !ld.done && !ld.begun.IsZero() {
		return ld.begun, true, l.readAt[owner]
	}
	return time.Time{}, false, l.readAt[owner]
}

// read runs fn as owner's read from the store (see loads); a Common made
// without the frame (a test of one screen) runs it as it is.
func (c *Common) read(owner any, fn func(ctx context.Context) tea.Msg) tea.Cmd {
	if c.loads == nil {
		return func() tea.Msg { return fn(context.Background()) }
	}
	return c.loads.read(owner, fn)
}
