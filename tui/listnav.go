package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// listNav is the cursor of every list in the cockpit (records, reps,
// alerts, the dashboard's KPIs): the same keys move it everywhere (up/k,
// down/j, g/home to the first row, G/end to the last, pgup/pgdn by a
// screenful, the mouse wheel), the rows in view follow it, and a marker
// (12/87) says where it is, so no row is out of reach.
type listNav struct {
	cursor int // index of the selected row, 0..n-1
	offset int // the first row in view
	n      int // rows in the list
	rows   int // rows in view, from the last window call
	top    int // the screen line the first row in view is drawn on, set by the view
}

// listNavKeys are the keys listNav takes, for a screen's help.
type listNavKeys struct {
	Up, Down, Top, Bottom, Page key.Binding
}

func newListNavKeys(l Lang) listNavKeys {
	return listNavKeys{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("up/k", l.T(msgKeyUp))),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("down/j", l.T(msgKeyDown))),
		Top:    key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/G", l.T(msgKeyTopBottom))),
		Bottom: key.NewBinding(key.WithKeys("G", "end")),
		Page:   key.NewBinding(key.WithKeys("pgup", "pgdown"), key.WithHelp("pgup/pgdn", l.T(msgKeyPage))),
	}
}

// setLen sets the number of rows, keeping the cursor on one.
func (l *listNav) setLen(n int) {
	l.n = max(n, 0)
	l.cursor = min(max(l.cursor, 0), max(l.n-1, 0))
}

// moveTo puts the cursor on row i (clamped).
func (l *listNav) moveTo(i int) { l.cursor = min(max(i, 0), max(l.n-1, 0)) }

// page is a screenful: the rows in view less one, so a row stays in view
// across a page.
func (l *listNav) page() int { return max(l.rows-1, 1) }

// update moves the cursor for a key or a wheel turn; it reports whether
// the message was one of listNav's. topKeys false leaves g and G to the
// screen (the dashboard's g sets the KGI); home and end still work.
func (l *listNav) update(msg tea.Msg, topKeys bool) bool {
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		switch msg.Mouse().Button {
		case tea.MouseWheelUp:
			l.moveTo(l.cursor - 1)
		case tea.MouseWheelDown:
			l.moveTo(l.cursor + 1)
		default:
			return false
		}
		return true
	case tea.KeyPressMsg:
		switch msg.String() {
		case "up", "k":
			l.moveTo(l.cursor - 1)
		case "down", "j":
			l.moveTo(l.cursor + 1)
		case "home":
			l.moveTo(0)
		case "end":
			l.moveTo(l.n - 1)
		case "pgup":
			l.moveTo(l.cursor - l.page())
		case "pgdown":
			l.moveTo(l.cursor + l.page())
		case "g":
			if !topKeys {
				return false
			}
			l.moveTo(0)
		case "G":
			if !topKeys {
				return false
			}
			l.moveTo(l.n - 1)
		default:
			return false
		}
		return true
	}
	return false
}

// window is the range of rows to draw in rows lines, scrolled so the
// cursor is in view.
func (l *listNav) window(rows int) (start, end int) {
	l.rows = max(rows, 1)
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	if l.cursor >= l.offset+l.rows {
		l.offset = l.cursor - l.rows + 1
	}
	l.offset = min(l.offset, max(l.n-l.rows, 0))
	l.offset = max(l.offset, 0)
	return l.offset, min(l.offset+l.rows, l.n)
}

// marker is the cursor's place in the list, "12/87"; "" for an empty list.
func (l *listNav) marker() string {
	if l.n == 0 {
		return ""
	}
	return fmt.Sprintf("%d/%d", l.cursor+1, l.n)
}

// clicked selects the row drawn on line y of the screen (the view set
// top); it reports whether y was on a row.
func (l *listNav) clicked(y int) bool {
	i := l.offset + y - l.top
	if y < l.top || i < 0 || i >= l.n || i >= l.offset+l.rows {
		return false
	}
	l.cursor = i
	return true
}
