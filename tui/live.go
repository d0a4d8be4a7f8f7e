package tui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"
)

// live keeps the cockpit current while another kpit writes (an entry made
// during the weekly review): every poll the frame asks the store whether
// the file changed (store.DataVersion, a few microseconds), and when it
// did the shown screen reads its data again; the hidden tabs read theirs
// when they are next shown.
type live struct {
	poll    time.Duration // 0: only when a pollMsg is sent (tests)
	version int64         // the data version the screens were read at
	known   bool          // version has been asked once
	stale   []bool        // per tab: the data changed while it was hidden
	unread  []bool        // per tab: not loaded yet (hidden since the start)
}

// prefetch starts the first load of the tabs not read yet, once the shown
// tab has its data: at a million deals the first frame waits for no other
// tab. They read one at a time (loads.go), so a tab switched to in the
// meantime still reads first.
func (a *App) prefetch() tea.Cmd {
	if !a.common.loads.idle(a.screens[a.active]) {
		return nil
	}
	var cmds []tea.Cmd
	for i, unread := range a.live.unread {
		if unread {
			a.live.unread[i] = false
			cmds = append(cmds, a.screens[i].Init())
		}
	}
	return tea.Batch(cmds...)
}

// LivePoll is how often the cockpit looks for other processes' writes: a
// change shows within two seconds (a poll, then the shown screen's read).
const LivePoll = time.Second

// pollMsg asks the frame to look for other processes' writes.
type pollMsg struct{}

// dataVersionMsg is the store's answer.
type dataVersionMsg struct {
	version int64
	err     error
}

func (a *App) checkVersion() tea.Cmd {
	st := a.common.Store
	if st == nil {
		return nil
	}
	return func() tea.Msg {
		v, err := st.DataVersion(context.Background())
		return dataVersionMsg{version: v, err: err}
	}
}

// dataVersion refreshes what is shown when the file changed, and asks
// again after the poll interval.
func (a *App) dataVersion(msg dataVersionMsg) tea.Cmd {
	var next tea.Cmd
	if a.live.poll > 0 {
		next = tea.Tick(a.live.poll, func(time.Time) tea.Msg { return pollMsg{} })
	}
	if msg.err != nil {
		return next // a failed look is tried again; the figures shown stay
	}
	if !a.live.known {
		a.live.version, a.live.known = msg.version, true
		return next
	}
	if msg.version == a.live.version {
		return next
	}
	a.live.version = msg.version
	return tea.Batch(append(a.refreshShown(), next)...)
}

// refreshShown reads the shown tab's data (and the open overlay's, and the
// badge's) again and marks every other tab stale.
func (a *App) refreshShown() []tea.Cmd {
	for i := range a.live.stale {
		a.live.stale[i] = i != a.active
	}
	var cmds []tea.Cmd
	var cmd tea.Cmd
	a.screens[a.active], cmd = a.screens[a.active].Update(ReloadMsg{})
	cmds = append(cmds, cmd)
	if a.overlay != nil {
		a.overlay, cmd = a.overlay.Update(ReloadMsg{})
		cmds = append(cmds, cmd)
	}
	return append(cmds, a.backgroundCmds()...)
}

// showScreens tells the loads which screens are on screen now.
func (a *App) showScreens() {
	if a.overlay != nil {
		a.common.loads.show(a.screens[a.active], a.overlay)
		return
	}
	a.common.loads.show(a.screens[a.active])
}

// slowReadAfter is how long a read runs before the footer says so.
const slowReadAfter = 500 * time.Millisecond

// readMarker is the footer's note of the shown tab's data: how long its
// read has been going when it is slow (busy), else when it was last read
// ("read 10:42:05"); empty before the first read.
func (a *App) readMarker() (marker string, busy bool) {
	c := a.common
	since, reading, at := c.loads.status(a.screens[a.active])
	if reading {
		if d := c.Now().Sub(since); d >= slowReadAfter {
			return c.Styles.Muted.Render(c.T(msgReading, int(d.Seconds()))), true
		}
	}
	if at.IsZero() {
		return "", false
	}
	return c.Styles.Muted.Render(c.T(msgReadAt, at.Format("15:04:05"))), false
}
