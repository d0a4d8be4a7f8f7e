package tui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/importer"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// The import screen (`i` from any screen): type a file path; see the
// detected encoding, delimiter (or sheet), columns and the proposed mapping
// with an example value per field and the first rows; change the kind or a
// field's column; enter stages the file with a progress bar and, when it
// would write more than one record, shows the counts before -> after and
// asks; the move writes everything in one transaction (docs/import.md). The
// summary (or the first invalid row, the database unchanged) ends it.
//
// The bar is the frame's ASCII progressBar: bubbles/progress needs
// github.com/charmbracelet/harmonica, which is not in go.sum, and its block
// glyphs are ambiguous-width in Japanese terminals anyway.

type importStep int

const (
	importStepPath importStep = iota
	importStepMap
	importStepRun
	importStepDone
	// importStepConfirm: the file is staged and would write more than one
	// record; y moves it into the database, n drops it and goes back to the
	// mapping.
	importStepConfirm
)

// importPreviewRows is how many rows the mapping step shows.
const importPreviewRows = 3

type importKeys struct {
	Read, Run, Field, Column, Back, Cancel, Close key.Binding
	SaveName                                      key.Binding
	// Fixed (README, "Keys that cannot be rebound"): w, l, o are the
	// outcomes' initials; p and s are read by the screen's steps as letters;
	// y answers a question, as everywhere.
	Confirm key.Binding `rebind:"-"`
	Decline key.Binding `rebind:"-"`
	Mark    key.Binding `rebind:"-"`
	Profile key.Binding `rebind:"-"`
	Sheet   key.Binding `rebind:"-"`
	Save    key.Binding `rebind:"-"`
	step    *importStep
	naming  *bool
	canSave func() bool
}

func newImportKeys(l Lang, step *importStep) importKeys {
	return importKeys{
		Read:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", l.T(msgKeyImportRead))),
		Run:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", l.T(msgKeyImportRun))),
		Field:    key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("up/down", l.T(msgKeyImportField))),
		Column:   key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("left/right", l.T(msgKeyImportColumn))),
		Sheet:    key.NewBinding(key.WithKeys("s"), key.WithHelp("s", l.T(msgKeyImportSheet))),
		Back:     key.NewBinding(key.WithKeys("backspace"), key.WithHelp("backspace", l.T(msgKeyImportBack))),
		Cancel:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", l.T(msgKeyImportCancel))),
		Close:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", l.T(msgKeyCancel))),
		Mark:     key.NewBinding(key.WithKeys("w", "l", "o"), key.WithHelp("w/l/o", l.T(msgKeyImportMark))),
		Profile:  key.NewBinding(key.WithKeys("p"), key.WithHelp("p", l.T(msgKeyImportProfile))),
		Save:     key.NewBinding(key.WithKeys("p"), key.WithHelp("p", l.T(msgKeyImportSave))),
		SaveName: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", l.T(msgKeyImportSave))),
		Confirm:  key.NewBinding(key.WithKeys("y"), key.WithHelp("y", l.T(msgKeyImportRun))),
		Decline:  key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n", l.T(msgKeyImportDecline))),
		step:     step,
	}
}

func (k importKeys) ShortHelp() []key.Binding {
	switch *k.step {
	case importStepPath:
		return []key.Binding{k.Read, k.Close}
	case importStepMap:
		return []key.Binding{k.Run, k.Field, k.Column, k.Mark, k.Profile, k.Sheet, k.Back, k.Close}
	case importStepRun:
		return []key.Binding{k.Cancel}
	case importStepConfirm:
		return []key.Binding{k.Confirm, k.Decline}
	}
	if k.naming != nil && *k.naming {
		return []key.Binding{k.SaveName, k.Close}
	}
	if k.canSave != nil && k.canSave() {
		return []key.Binding{k.Save, k.Close}
	}
	return []key.Binding{k.Close}
}

func (k importKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

type importScreen struct {
	*Common
	keys          importKeys
	width, height int
	step          importStep
	path          lineInput
	file          string // the path being read
	reading       bool
	closing       bool // the frame is asked to close the screen
	info          importer.Info
	header        []string
	preview       [][]string
	kind          int // index into importer.ImportKinds()
	binding       importer.Binding
	cursor        int // 0 is the kind, 1.. the fields
	err           error
	rows          int
	fraction      float64
	moved, total  int64 // a batched move's records written and its records (0 of 0 before it)
	cancel        context.CancelFunc
	sum           importer.Summary
	before        store.RecordCounts // the stored records when the question was asked
	answer        chan<- bool        // the staged import waiting for y or n
	next          <-chan tea.Msg     // the run's messages after the answer
	cancelled     bool
	distinct      [][]string // per column, the distinct values of the first importScanRows rows
	marks         map[string]model.Outcome
	stageSel      int               // the stage value picked on the stages line
	prof          *importer.Profile // the profile applied, if any
	profName      string
	naming        bool // typing the name to save the profile under
	name          lineInput
	saved         string // the profile saved after the import
	saveErr       error
	// openSource opens the file to import (importer.Open; tests count the
	// reads through it).
	openSource func(file string, opt importer.OpenOptions) (importer.Source, error)
}

type importDetectedMsg struct {
	to       *importScreen
	file     string
	info     importer.Info
	header   []string
	preview  [][]string
	distinct [][]string
	err      error
}

type importProgressMsg struct {
	to       *importScreen
	rows     int
	fraction float64
	next     <-chan tea.Msg
}

// importMovingMsg: a batch of a large import's move is in (the store's
// ImportSession.OnMove, docs/import.md "Moving in batches").
type importMovingMsg struct {
	to           *importScreen
	moved, total int64
	next         <-chan tea.Msg
}

// importStagedMsg: every row is staged and nothing written; the run waits
// for answer.
type importStagedMsg struct {
	to     *importScreen
	sum    importer.Summary
	before store.RecordCounts
	answer chan<- bool
	next   <-chan tea.Msg
}

type importDoneMsg struct {
	to    *importScreen
	sum   importer.Summary
	moved bool // false: nothing was written (an error, or n to the question)
	err   error
}

func newImport(c *Common) Screen {
	s := &importScreen{Common: c, openSource: importer.Open}
	s.keys = newImportKeys(c.Lang, &s.step)
	s.keys.naming = &s.naming
	s.keys.canSave = s.canSave
	return s
}

func (s *importScreen) Init() tea.Cmd     { return nil }
func (s *importScreen) Keys() help.KeyMap { return s.keys }
func (s *importScreen) SetSize(w, h int)  { s.width, s.height = w, h }

// Capturing: the path is typed text; while running, esc cancels; at the
// end, esc closes and reloads the tabs.
func (s *importScreen) Capturing() bool { return s.step != importStepMap }

// Loading: the keys typed while the file's header is read (enter, then
// the mapping's keys) or while the import runs up to its question (y)
// wait in the frame (early_input.go) for the step they were typed for;
// esc is never kept, so it still cancels a run at once. Once the screen
// has asked the frame to close it, the keys wait for the tab under it.
func (s *importScreen) Loading() bool { return s.reading || s.step == importStepRun || s.closing }

// Typing: `?` is text only in a path already begun.
func (s *importScreen) Typing() bool {
	return s.step == importStepPath && s.path.Value() != "" || s.naming && s.name.Value() != ""
}

func (s *importScreen) kindValue() importer.Kind { return importer.ImportKinds()[s.kind] }

func (s *importScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case importDetectedMsg:
		if msg.to != s {
			return s, nil
		}
		s.reading = false
		if msg.err != nil {
			s.err = msg.err
			return s, nil
		}
		if s.step != importStepMap {
			s.cursor = 0
		}
		s.file, s.info, s.header, s.preview, s.distinct, s.err = msg.file, msg.info, msg.header, msg.preview, msg.distinct, nil
		s.rebind()
		s.step = importStepMap
		return s, nil
	case importProgressMsg:
		if msg.to != s {
			return s, nil
		}
		s.rows, s.fraction = msg.rows, msg.fraction
		return s, waitImport(msg.next)
	case importMovingMsg:
		if msg.to != s {
			return s, nil
		}
		s.moved, s.total = msg.moved, msg.total
		return s, waitImport(msg.next)
	case importStagedMsg:
		if msg.to != s {
			return s, nil
		}
		// No command waits on the run until the answer: it waits on us.
		s.step, s.sum, s.before, s.answer, s.next = importStepConfirm, msg.sum, msg.before, msg.answer, msg.next
		return s, nil
	case importDoneMsg:
		if msg.to != s {
			return s, nil
		}
		if msg.err == nil && !msg.moved { // n: the staged rows are dropped
			s.step = importStepMap
			return s, nil
		}
		s.step, s.sum, s.err = importStepDone, msg.sum, msg.err
		s.cancelled = errors.Is(msg.err, context.Canceled)
		if msg.err == nil {
			s.fraction = 1
		}
		return s, nil
	case tea.KeyPressMsg:
		return s.key(msg)
	case tea.PasteMsg:
		if s.step == importStepPath {
			s.path.Update(msg)
		}
		if s.naming {
			s.name.Update(msg)
		}
	}
	return s, nil
}

func (s *importScreen) key(msg tea.KeyPressMsg) (Screen, tea.Cmd) {
	switch s.step {
	case importStepPath:
		switch msg.String() {
		case "esc":
			s.closing = true
			return s, CloseOverlay
		case "enter":
			if s.reading || strings.TrimSpace(s.path.Value()) == "" {
				return s, nil
			}
			s.reading, s.err = true, nil
			s.prof, s.profName, s.marks = nil, "", nil
			return s, detectImport(s, expandHome(strings.TrimSpace(s.path.Value())), "", "")
		}
		s.path.Update(msg)
	case importStepMap:
		n := len(s.binding.Fields)
		stages := s.stageValues()
		rows := n + 1
		stage := ""
		if len(stages) > 0 {
			rows++
			s.stageSel = min(s.stageSel, len(stages)-1)
			if s.cursor == n+1 {
				stage = stages[s.stageSel]
			}
		}
		switch msg.String() {
		case "up", "shift+tab":
			s.cursor = (s.cursor + rows - 1) % rows
		case "down", "tab":
			s.cursor = (s.cursor + 1) % rows
		case "w", "l", "o":
			if stage != "" {
				s.mark(stage, map[string]model.Outcome{"w": model.OutcomeWon, "l": model.OutcomeLost, "o": model.OutcomeOpen}[msg.String()])
			}
		case "p":
			if s.reading {
				return s, nil
			}
			if again := s.nextProfile(); again != nil {
				s.reading = true
				return s, detectImport(s, s.file, again.sheet, again.encoding)
			}
		case "left", "right":
			step := map[string]int{"left": -1, "right": +1}[msg.String()]
			if stage != "" {
				s.stageSel = (s.stageSel + step + len(stages)) % len(stages)
				return s, nil
			}
			s.change(step)
		case "backspace":
			s.step, s.err = importStepPath, nil
		case "s":
			// The next sheet of a workbook (a cover page often comes first).
			if n := len(s.info.Sheets); n > 1 && !s.reading {
				next := s.info.Sheets[0]
				for i, name := range s.info.Sheets {
					if name == s.info.Sheet {
						next = s.info.Sheets[(i+1)%n]
					}
				}
				s.reading = true
				return s, detectImport(s, s.file, next, "")
			}
		case "enter":
			if missing := s.binding.Missing(); len(missing) > 0 {
				s.err = errors.New(s.T(msgImportMissing, importFieldLabel(s.Lang, s.kindValue(), missing[0])))
				return s, nil
			}
			return s, s.start()
		}
	case importStepConfirm:
		switch msg.String() {
		case "y":
			return s, s.reply(true)
		case "n", "esc", "backspace":
			return s, s.reply(false)
		}
	case importStepRun:
		if msg.String() == "esc" && s.cancel != nil {
			s.cancel()
		}
	case importStepDone:
		if s.naming {
			switch msg.String() {
			case "esc":
				s.naming = false
			case "enter":
				name := strings.TrimSpace(s.name.Value())
				if name == "" {
					return s, nil
				}
				s.saveErr = s.saveProfile(name)
				if s.saveErr == nil {
					s.saved, s.naming = name, false
				}
			default:
				s.name.Update(msg)
			}
			return s, nil
		}
		switch msg.String() {
		case "p":
			if s.canSave() {
				s.naming, s.saveErr = true, nil
				s.name.SetValue(s.profName)
			}
		case "esc", "enter", "q":
			s.closing = true
			return s, CloseOverlayThen(Reload)
		}
	}
	return s, nil
}

// change moves the kind (cursor 0) or the column of the field under the
// cursor one step, cycling through "no column" and every column.
func (s *importScreen) change(step int) {
	if s.cursor == 0 {
		k := len(importer.ImportKinds())
		s.kind = (s.kind + step + k) % k
		s.rebind()
		return
	}
	i := s.cursor - 1
	n := len(s.header) + 1 // -1 (none) .. len-1
	s.binding.Columns[i] = (s.binding.Columns[i]+1+step+n)%n - 1
	s.err = nil
}

// rebind proposes a mapping for the current kind from the header names,
// or the applied profile's for its kind.
func (s *importScreen) rebind() {
	var explicit importer.Mapping
	if s.prof != nil && s.prof.Kind == s.kindValue() {
		explicit = s.prof.Map
	}
	b, err := importer.Bind(s.kindValue(), s.header, explicit)
	if err != nil && explicit != nil {
		b, _ = importer.Bind(s.kindValue(), s.header, nil)
	}
	s.binding, s.err = b, err
	s.cursor = min(s.cursor, len(b.Fields)+min(len(s.stageValues()), 1))
}

// detectImport reads a file's header and first rows in a command, and the
// distinct values of each column in the first importScanRows rows.
func detectImport(s *importScreen, file, sheet, encoding string) tea.Cmd {
	return func() tea.Msg {
		m := importDetectedMsg{to: s, file: file}
		src, err := importer.Open(file, importer.OpenOptions{Sheet: sheet, Encoding: encoding, Limits: s.Limits})
		if err != nil {
			m.err = err
			return m
		}
		defer src.Close()
		m.info, m.header = src.Info(), append([]string(nil), src.Header()...)
		m.distinct = make([][]string, len(m.header))
		seen := make([]map[string]bool, len(m.header))
		for i := range seen {
			seen[i] = map[string]bool{}
		}
		for n := 0; n < importScanRows; n++ {
			r, err := src.Next()
			var re *importer.RowError
			if errors.As(err, &re) {
				continue
			}
			if err != nil {
				break
			}
			if len(m.preview) < importPreviewRows {
				m.preview = append(m.preview, append([]string(nil), r.Cells...))
			}
			for i, c := range r.Cells {
				if i >= len(seen) || len(m.distinct[i]) >= importMaxValues {
					continue
				}
				c = strings.TrimSpace(c)
				if f := importer.FoldStage(c); c != "" && !seen[i][f] {
					seen[i][f] = true
					m.distinct[i] = append(m.distinct[i], c)
				}
			}
		}
		return m
	}
}

// start runs the import in a goroutine; progress comes back as messages
// through a channel, one waitImport command at a time. The file is read
// once: an import that would write more than one record stops between the
// staging and the move (importStagedMsg) until reply answers.
func (s *importScreen) start() tea.Cmd {
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel, s.step, s.err, s.rows, s.fraction = cancel, importStepRun, nil, 0, 0
	s.moved, s.total = 0, 0
	ch := make(chan tea.Msg, 1)
	st, file, info, b, limits := s.Store, s.file, s.info, s.binding, s.Limits
	won, lost := s.wonLost()
	today := model.Date(s.Now())
	go func() {
		defer cancel()
		src, err := s.openSource(file, importer.OpenOptions{Encoding: encodingOption(info), Sheet: info.Sheet, Limits: limits})
		if err != nil {
			ch <- importDoneMsg{to: s, err: err}
			return
		}
		defer src.Close()
		cur, err := st.Currency(ctx) // amounts are read in the team's currency
		if err != nil {
			ch <- importDoneMsg{to: s, err: err}
			return
		}
		thresholds, _, err := st.ForecastSettings(ctx) // a probability maps to a category by them
		if err != nil {
			ch <- importDoneMsg{to: s, err: err}
			return
		}
		opt := importer.Options{File: file, Today: today, Won: won, Lost: lost, Currency: cur, ForecastThresholds: &thresholds, Limits: limits,
			ProgressEvery: 2000, OnProgress: func(rows int, fraction float64) {
				select { // drop a step rather than slow the import
				case ch <- importProgressMsg{to: s, rows: rows, fraction: fraction, next: ch}:
				default:
				}
			},
			// A batch takes about half a second: nearly every one shows; a
			// report the screen has not taken yet is dropped, not waited for.
			OnMove: func(moved, total int64) {
				select {
				case ch <- importMovingMsg{to: s, moved: moved, total: total, next: ch}:
				default:
				}
			}}
		begin := func(ctx context.Context) (importer.Session, error) { return st.BeginImport(ctx) }
		sum, moved, err := importer.Import(ctx, src, b, begin, opt, s.ask(ch))
		ch <- importDoneMsg{to: s, sum: sum, moved: moved, err: err}
	}()
	return waitImport(ch)
}

// ask is the run's decision between the staging and the move: an import
// that writes one record or none moves at once; any other sends the
// counts before the move to the screen and waits for its answer, holding
// no write lock meanwhile (staging only reads the database).
func (s *importScreen) ask(ch chan tea.Msg) importer.Decide {
	return func(ctx context.Context, sum importer.Summary) (bool, error) {
		if sum.Inserted+sum.Updated <= 1 {
			return true, nil
		}
		before, err := s.Store.RecordCounts(ctx)
		if err != nil {
			return false, err
		}
		answer := make(chan bool, 1)
		select {
		case ch <- importStagedMsg{to: s, sum: sum, before: before, answer: answer, next: ch}:
		case <-ctx.Done():
			return false, ctx.Err()
		}
		select {
		case yes := <-answer:
			return yes, nil
		case <-ctx.Done():
			return false, ctx.Err()
		}
	}
}

// reply answers the staged import's question and waits for the run's end:
// the move on yes, the staged rows dropped on no.
func (s *importScreen) reply(yes bool) tea.Cmd {
	if s.answer == nil {
		return nil
	}
	s.answer <- yes // buffered: the run takes it at once
	s.answer, s.step = nil, importStepRun
	return waitImport(s.next)
}

// Close cancels a run under way: staging stops, or a question not answered
// drops the staged rows (App.Close, when the cockpit stops).
func (s *importScreen) Close() {
	if s.cancel != nil {
		s.cancel()
	}
}

// canSave: a profile can be saved after a successful import.
func (s *importScreen) canSave() bool {
	return s.step == importStepDone && s.err == nil && !s.cancelled
}

func waitImport(ch <-chan tea.Msg) tea.Cmd {
	return func() tea.Msg { return <-ch }
}

// encodingOption reads the file again in the encoding detected at first.
func encodingOption(info importer.Info) string {
	switch info.Encoding {
	case importer.EncodingUTF8BOM, importer.EncodingUTF8:
		return importer.EncodingUTF8
	case importer.EncodingCP932:
		return importer.EncodingCP932
	}
	return importer.EncodingAuto
}

func expandHome(p string) string {
	if rest, ok := strings.CutPrefix(p, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, rest)
		}
	}
	return p
}
