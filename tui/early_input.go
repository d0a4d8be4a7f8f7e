package tui

import tea "charm.land/bubbletea/v2"

// loader is a screen that has not read its data yet (a tab just opened,
// the entry form reading the reps). While Loading is true the frame keeps
// the keys and pastes meant for it, and applies them in order once it has
// loaded: keys typed at once with the one that opened the screen (a and
// enter, kpit review then the right arrow) or a paste are never dropped.
// A screen whose load failed is not loading: the keys go to it as usual.
type loader interface {
	Loading() bool
}

// loading reports whether s is a loader still loading.
func loading(s Screen) bool {
	l, ok := s.(loader)
	return ok && l.Loading()
}

// earlyInput holds the keys and pastes that reached the frame for a
// screen (owner) before the screen had loaded.
type earlyInput struct {
	owner Screen
	msgs  []tea.Msg
}

// pending reports whether keys wait for owner.
func (q *earlyInput) pending(owner Screen) bool { return q.owner == owner && len(q.msgs) > 0 }

// keep holds msg for owner; keys kept for another screen are dropped (the
// typist has moved on from it).
func (q *earlyInput) keep(owner Screen, msg tea.Msg) {
	if q.owner != owner {
		q.msgs = nil
	}
	q.owner = owner
	q.msgs = append(q.msgs, msg)
}

// replay applies the kept messages in order through apply while owner is
// the focused screen and has loaded; a key that makes it load again (e on
// a record opens the editor, which reads the reps) leaves the ones after
// it kept. A kept key that shows another screen (a tab's number, an
// overlay's key) hands the keys after it to that screen: they were typed
// for it. It returns what they started (a save, say).
func (q *earlyInput) replay(focused func() Screen, apply func(tea.Msg) tea.Cmd) tea.Cmd {
	if len(q.msgs) == 0 {
		return nil
	}
	if q.owner != focused() {
		q.drop() // another tab or overlay is shown: the keys were for the one left
		return nil
	}
	var cmds []tea.Cmd
	for len(q.msgs) > 0 {
		q.owner = focused()
		if loading(q.owner) {
			break
		}
		msg := q.msgs[0]
		q.msgs = q.msgs[1:]
		cmds = append(cmds, apply(msg))
	}
	return tea.Batch(cmds...)
}

// handOver gives the keys kept for from to to: an overlay that closed
// itself (the entry form once saved) leaves the keys typed after its last
// one to the tab under it, as they would have reached it typed later.
func (q *earlyInput) handOver(from, to Screen) {
	if q.owner == from && len(q.msgs) > 0 {
		q.owner = to
	}
}

// drop forgets the kept messages.
func (q *earlyInput) drop() { q.owner, q.msgs = nil, nil }
