package tui

import tea "charm.land/bubbletea/v2"

// earlyInput holds the keys and pastes that reach a screen before its
// data has loaded (keys typed at once with the one that opened it, a
// paste), to apply in order once it has: a fast typist's keys are never
// dropped.
type earlyInput []tea.Msg

func (q *earlyInput) keep(msg tea.Msg) { *q = append(*q, msg) }

// replay applies the kept messages in order through update and returns
// what they started (a save, say).
func (q *earlyInput) replay(update func(tea.Msg) tea.Cmd) tea.Cmd {
	kept := *q
	*q = nil
	var cmds []tea.Cmd
	for _, msg := range kept {
		cmds = append(cmds, update(msg))
	}
	return tea.Batch(cmds...)
}

// drop forgets the kept messages (the load failed: nothing to apply them to).
func (q *earlyInput) drop() { *q = nil }
