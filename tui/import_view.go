package tui

import (
	"os"
	"strings"

	"charm.land/bubbles/v2/progress"
	"charm.land/lipgloss/v2"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/importer"
	"github.com/kpit-dev/kpit/store"
)

func (s *importScreen) View() string {
	lines := []string{s.Styles.Title.Render(s.T(msgImportTitle)), ""}
	switch s.step {
	case importStepPath:
		lines = append(lines, s.T(msgImportPath)+s.path.View(true, s.Styles.Selected, s.width-lipgloss.Width(s.T(msgImportPath))))
		wd, _ := os.Getwd()
		lines = append(lines, s.Styles.Muted.Render(s.T(msgImportPathHint, wd)))
		if s.reading {
			lines = append(lines, s.T(msgImportReading))
		}
	case importStepMap:
		lines = append(lines, s.mapView()...)
	case importStepRun:
		lines = append(lines, s.T(msgImportRunning, s.file), "",
			s.progressView(),
			s.Styles.Muted.Render(s.T(msgImportRows, catalog.CountIn(s.Lang, s.rows))))
		if s.total > 0 { // the move of a large import, in batches: the rows are read
			lines = append(lines, s.Styles.Muted.Render(catalog.ImportMovingLine(s.Lang, s.moved, s.total)))
		}
	case importStepConfirm:
		lines = append(lines, s.confirmView()...)
	case importStepDone:
		switch {
		case s.cancelled:
			lines = append(lines, s.Styles.AtRisk.Render(s.T(msgImportCancelled)))
		case s.err != nil:
			lines = append(lines, s.Styles.Error.Render(s.T(msgImportFailed)))
			lines = append(lines, s.errorLines()...)
		default:
			lines = append(lines, s.Styles.OnTrack.Render(s.T(msgImportDone)), "",
				catalog.ImportSummary(s.Lang, s.sum))
			if s.kindValue() == importer.Opportunities {
				lines = append(lines, catalog.ImportCreatedFromClose(s.Lang, s.sum))
				lines = append(lines, wrapIndented(s.openStagesText(), s.width, 0)...)
			}
			lines = append(lines, "")
			switch {
			case s.naming:
				lines = append(lines, s.T(msgImportSaveName)+s.name.View(true, s.Styles.Selected, s.width-lipgloss.Width(s.T(msgImportSaveName))))
			case s.saved != "":
				lines = append(lines, s.Styles.OnTrack.Render(s.T(msgImportSaved, s.saved, s.saved)))
			default:
				lines = append(lines, s.Styles.Muted.Render(s.T(msgImportSaveHint)))
			}
			if s.saveErr != nil {
				lines = append(lines, s.Styles.Error.Render(firstLineOf(s.saveErr.Error())))
			}
		}
		lines = append(lines, "", s.Styles.Muted.Render(s.T(msgImportCloseHint)))
	}
	if s.err != nil && s.step != importStepDone {
		lines = append(lines, "")
		lines = append(lines, s.errorLines()...)
	}
	if s.height > 0 && len(lines) > s.height {
		lines = lines[:s.height]
	}
	for i, l := range lines {
		if s.width > 0 {
			lines[i] = clipCell(l, s.width)
		}
	}
	return strings.Join(lines, "\n")
}

// progressView is the import's progress as a bubbles/progress bar drawn at
// the fraction read so far, then at the share written of a move in
// batches. Its fill is ASCII (# and -), since the default
// block glyphs are ambiguous-width and take two columns on many Japanese
// terminals; its colours are the cockpit's accent and muted text, which are
// no colour at all under NO_COLOR.
func (s *importScreen) progressView() string {
	bar := progress.New(
		progress.WithFillCharacters('#', '-'),
		progress.WithColors(s.Styles.Title.GetForeground()),
		progress.WithWidth(max(10, s.width)),
	)
	bar.EmptyColor = s.Styles.Muted.GetForeground()
	fraction := s.fraction
	if s.total > 0 {
		fraction = catalog.ImportMovingShare(s.moved, s.total)
	}
	return bar.ViewAs(min(max(fraction, 0), 1))
}

// mapView is the detection, the kind, each field's column with an example
// value, and the first rows as they will be read.
func (s *importScreen) mapView() []string {
	var lines []string
	lines = append(lines, s.T(msgImportPath)+s.file)
	if s.info.Encoding == importer.EncodingXLSX {
		n := 1
		for i, name := range s.info.Sheets {
			if name == s.info.Sheet {
				n = i + 1
			}
		}
		lines = append(lines, s.T(msgImportSheet, s.info.Sheet, n, len(s.info.Sheets)))
	} else {
		lines = append(lines, s.T(msgImportDetected, s.info.Encoding, s.delimiterName()))
	}
	lines = append(lines, s.Styles.Muted.Render(s.T(msgImportColumns, len(s.header), strings.Join(s.header, ", "))), "")

	cursor := func(i int) string {
		if s.cursor == i {
			return "> "
		}
		return "  "
	}
	kindName := s.kindName(s.kindValue())
	kindLine := cursor(0) + s.T(msgImportKind) + ": < " + kindName + " >"
	if s.profName != "" {
		kindLine += "   " + s.T(msgImportProfile, s.profName)
	}
	if s.cursor == 0 {
		kindLine = s.Styles.Selected.Render(kindLine)
	}
	lines = append(lines, kindLine, s.Styles.Muted.Render("  "+s.T(msgImportMapping)))
	kind := s.kindValue()
	nameW := 0
	for _, f := range s.binding.Fields {
		nameW = max(nameW, lipgloss.Width(importFieldLabel(s.Lang, kind, f.Name))+1)
	}
	colW := 4
	for _, h := range s.header {
		colW = max(colW, min(lipgloss.Width(h), 24))
	}
	// The field list is a window round the cursor when the pane cannot
	// hold it and a few preview rows.
	first, shown := s.fieldWindow(len(lines))
	for i, f := range s.binding.Fields {
		if i < first || i >= first+shown {
			continue
		}
		name := importFieldLabel(s.Lang, kind, f.Name)
		if f.Required {
			name += "*"
		}
		col, example := s.T(msgImportNoColumn), ""
		if c := s.binding.Columns[i]; c >= 0 {
			col = s.header[c]
			if len(s.preview) > 0 && c < len(s.preview[0]) {
				example = s.shown(s.preview[0][c])
			}
		}
		line := cursor(i+1) + padRight(name, nameW) + " <- " + padRight(col, colW) + "  " + s.Styles.Muted.Render(example)
		if s.cursor == i+1 {
			line = s.Styles.Selected.Render(cursor(i+1)+padRight(name, nameW)+" <- "+padRight(col, colW)) + "  " + example
		}
		lines = append(lines, line)
	}
	if hidden := len(s.binding.Fields) - shown; hidden > 0 {
		lines = append(lines, s.Styles.Muted.Render("  "+s.T(msgImportMoreFields, hidden)))
	}
	if stages := s.stageLines(); len(stages) > 0 {
		lines = append(lines, stages...)
	} else if s.kindValue() == importer.Opportunities {
		won, lost := s.baseWonLost()
		lines = append(lines, s.Styles.Muted.Render(s.T(msgImportWonLost,
			strings.Join(won, ", "), strings.Join(lost, ", "))))
	}
	// The first rows, in the fields that have a column.
	var cols []column
	var idx []int
	for i, f := range s.binding.Fields {
		if s.binding.Columns[i] >= 0 {
			title := importFieldLabel(s.Lang, kind, f.Name)
			cols = append(cols, column{title: title, width: max(lipgloss.Width(title), 10)})
			idx = append(idx, s.binding.Columns[i])
		}
	}
	if len(cols) > 0 && len(s.preview) > 0 {
		titles := make([]string, len(cols))
		for i, c := range cols {
			titles[i] = c.title
		}
		rows := make([][]string, len(s.preview))
		for j, r := range s.preview {
			rows[j] = make([]string, len(idx))
			for i, c := range idx {
				if c < len(r) {
					rows[j][i] = s.shown(r[c])
				}
			}
		}
		// As wide as the values where the pane has room, so a date keeps
		// its day (2026年11月20日, not 2026年11月).
		if wide := sizeColumns(cols, rows); tableWidth(wide) <= s.width {
			cols = wide
		}
		lines = append(lines, "", s.Styles.Muted.Render(s.T(msgImportPreview)), s.Styles.Bold.Render(tableRow(cols, titles)))
		if s.height > 0 {
			rows = rows[:max(0, min(len(rows), s.height-2-len(s.errLines())-len(lines)))]
		}
		for _, cells := range rows {
			lines = append(lines, tableRow(cols, cells))
		}
	}
	return lines
}

// shown is a cell as the preview prints it: on one line, and in a CP932
// file with the byte 0x5C as the yen sign the file means (it decodes as a
// backslash, which the import reads as ¥ too), not "\1,200,000".
func (s *importScreen) shown(cell string) string {
	cell = strings.ReplaceAll(cell, "\n", " ")
	if s.info.Encoding == importer.EncodingCP932 {
		cell = strings.ReplaceAll(cell, `\`, "¥")
	}
	return cell
}

func (s *importScreen) delimiterName() string {
	switch s.info.Delimiter {
	case '\t':
		return s.T(msgImportDelimTab)
	case ';':
		return s.T(msgImportDelimSemicolon)
	}
	return s.T(msgImportDelimComma)
}

func (s *importScreen) kindName(k importer.Kind) string {
	switch k {
	case importer.Activities:
		return s.T(msgImportKindActivities)
	case importer.Leads:
		return s.T(msgImportKindLeads)
	case importer.Customers:
		return s.T(msgImportKindCustomers)
	case importer.Reps:
		return s.T(msgImportKindReps)
	case importer.NPSAnswers:
		return s.T(msgImportKindNPS)
	case importer.Usage:
		return s.T(msgImportKindUsage)
	case importer.Inquiries:
		return s.T(msgImportKindInquiries)
	case importer.Campaigns:
		return s.T(msgImportKindCampaigns)
	}
	return s.T(msgImportKindOpportunities)
}

// errorLines is the error wrapped to the width, not cut: the line number
// and column come at the end of a long path.
func (s *importScreen) errorLines() []string {
	msg := s.Styles.Error.Width(max(s.width, 10)).Render(firstLineOf(importErrorText(s.Lang, s.kindValue(), s.err)))
	return strings.Split(msg, "\n")
}

func firstLineOf(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// tableWidth is the width tableRow gives cols: each column and a space
// between two.
func tableWidth(cols []column) int {
	w := max(len(cols)-1, 0)
	for _, c := range cols {
		w += c.width
	}
	return w
}

// errLines is what the map step shows of an error under its pane: a blank
// line and the error's lines.
func (s *importScreen) errLines() []string {
	if s.err == nil {
		return nil
	}
	return append([]string{""}, s.errorLines()...)
}

// fieldWindow is the first field shown and how many, when the mapping has
// `above` lines over the fields: all of them when the pane has room for
// them, the won/lost line, the preview's title and header and
// importPreviewRows rows; else a window round the cursor, one line kept
// for the count of fields out of sight.
func (s *importScreen) fieldWindow(above int) (first, shown int) {
	n := len(s.binding.Fields)
	if s.height <= 0 {
		return 0, n
	}
	// title and blank line over the mapping, the won/lost line, the blank,
	// title and header of the preview and its rows, the error under it.
	wonLost := max(1, len(s.stageLines()))
	room := s.height - 2 - above - wonLost - 3 - min(len(s.preview), importPreviewRows) - len(s.errLines())
	if room >= n {
		return 0, n
	}
	shown = max(room-1, 1)
	cur := s.cursor - 1 // the kind line is cursor 0
	first = min(max(cur-shown/2, 0), n-shown)
	return first, shown
}

// stageLines are the stage values found in the file and the outcome each
// is read as, wrapped to the width: one line under the fields, the cursor
// on it picks a value with left/right and w/l/o marks it.
func (s *importScreen) stageLines() []string {
	stages := s.stageValues()
	if len(stages) == 0 {
		return nil
	}
	on := s.cursor == len(s.binding.Fields)+1
	prefix := "  "
	if on {
		prefix = "> "
	}
	line := prefix + s.T(msgImportStages) + ":"
	var lines []string
	for i, v := range stages {
		tok := v + "=" + s.outcomeName(s.stageOutcome(v))
		if on && i == s.stageSel {
			tok = s.Styles.Selected.Render("[" + tok + "]")
		} else {
			tok = " " + tok + " "
		}
		if s.width > 0 && lipgloss.Width(line)+1+lipgloss.Width(tok) > s.width && lipgloss.Width(line) > 4 {
			lines = append(lines, line)
			line = "   "
		}
		line += " " + tok
	}
	return append(lines, line)
}

// openStagesText lists the stage values the import read as open, with
// their counts, so a missed won or lost stage shows.
func (s *importScreen) openStagesText() string {
	return s.T(msgImportOpenStages, catalog.OpenStageList(s.Lang, s.sum))
}

// confirmView is the question between the staging and the move: the
// records of each kind before -> after, what happens to the stored ones,
// and the answers.
func (s *importScreen) confirmView() []string {
	lines := []string{s.Styles.AtRisk.Render(s.T(msgImportConfirm)), ""}
	type change struct {
		kind          string
		before, after int
	}
	k := s.kindValue()
	changes := []change{{s.kindName(k), importCount(s.before, k), importCount(s.before, k) + s.sum.Inserted}}
	if k == importer.Reps {
		changes[0].after += s.sum.RepsCreated
	} else if s.sum.RepsCreated > 0 {
		changes = append(changes, change{s.kindName(importer.Reps), s.before.Reps, s.before.Reps + s.sum.RepsCreated})
	}
	var kindW, beforeW, afterW int
	for _, c := range changes {
		kindW = max(kindW, lipgloss.Width(c.kind))
		beforeW = max(beforeW, len(catalog.GroupThousands(int64(c.before))))
		afterW = max(afterW, len(catalog.GroupThousands(int64(c.after))))
	}
	for _, c := range changes {
		lines = append(lines, "  "+padRight(c.kind, kindW)+"  "+s.T(msgImportConfirmCount,
			padLeft(catalog.GroupThousands(int64(c.before)), beforeW), padLeft(catalog.GroupThousands(int64(c.after)), afterW), c.after-c.before))
	}
	lines = append(lines, "")
	lines = append(lines, wrapIndented(s.T(msgImportConfirmStored, s.sum.Updated, s.sum.Unchanged, s.sum.Skipped), s.width, 0)...)
	return append(lines, "", s.Styles.Muted.Render(s.T(msgImportConfirmKeys)))
}

// importCount is how many records of kind k counts holds.
func importCount(c store.RecordCounts, k importer.Kind) int {
	switch k {
	case importer.Activities:
		return c.Activities
	case importer.Leads:
		return c.Leads
	case importer.Customers:
		return c.Customers
	case importer.Reps:
		return c.Reps
	case importer.NPSAnswers:
		return c.NPSAnswers
	case importer.Usage:
		return c.UsageChecks
	case importer.Inquiries:
		return c.Inquiries
	case importer.Campaigns:
		return c.Campaigns
	}
	return c.Opportunities
}
