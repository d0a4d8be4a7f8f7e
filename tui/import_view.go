package tui

import (
	"os"
	"strings"

	"charm.land/bubbles/v2/progress"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kpit-dev/kpit/importer"
)

func (s *importScreen) View() string {
	lines := []string{s.Styles.Title.Render(s.T(msgImportTitle)), ""}
	switch s.step {
	case importStepPath:
		lines = append(lines, s.T(msgImportPath)+s.path.View(true, s.Styles.Selected))
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
			s.Styles.Muted.Render(s.T(msgImportRows, s.rows)))
	case importStepDone:
		switch {
		case s.cancelled:
			lines = append(lines, s.Styles.AtRisk.Render(s.T(msgImportCancelled)))
		case s.err != nil:
			lines = append(lines, s.Styles.Error.Render(s.T(msgImportFailed)))
			lines = append(lines, s.errorLines()...)
		default:
			lines = append(lines, s.Styles.OnTrack.Render(s.T(msgImportDone)), "",
				s.T(msgImportSummary, s.sum.Inserted, s.sum.Updated, s.sum.Unchanged, s.sum.Skipped, s.sum.RepsCreated))
		}
		lines = append(lines, "", s.Styles.Muted.Render(s.T(msgImportCloseHint)))
	}
	if s.err != nil && s.step != importStepDone {
		lines = append(lines, "")
		lines = append(lines, s.errorLines()...)
	}
	for i, l := range lines {
		if lipgloss.Width(l) > s.width && s.width > 0 {
			lines[i] = ansi.Truncate(l, s.width, "")
		}
	}
	return strings.Join(lines, "\n")
}

// progressView is the import's progress as a bubbles/progress bar drawn at
// the fraction read so far. Its fill is ASCII (# and -), since the default
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
	return bar.ViewAs(min(max(s.fraction, 0), 1))
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
	if s.cursor == 0 {
		kindLine = s.Styles.Selected.Render(kindLine)
	}
	lines = append(lines, kindLine, s.Styles.Muted.Render("  "+s.T(msgImportMapping)))
	nameW := 0
	for _, f := range s.binding.Fields {
		nameW = max(nameW, len(f.Name)+1)
	}
	colW := 4
	for _, h := range s.header {
		colW = max(colW, min(lipgloss.Width(h), 24))
	}
	for i, f := range s.binding.Fields {
		name := f.Name
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
	if s.kindValue() == importer.Opportunities {
		lines = append(lines, s.Styles.Muted.Render(s.T(msgImportWonLost,
			strings.Join(importer.DefaultWon, ", "), strings.Join(importer.DefaultLost, ", "))))
	}
	// The first rows, in the fields that have a column.
	var cols []column
	var idx []int
	for i, f := range s.binding.Fields {
		if s.binding.Columns[i] >= 0 {
			cols = append(cols, column{title: f.Name, width: max(len(f.Name), 10)})
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
	}
	return s.T(msgImportKindOpportunities)
}

// errorLines is the error wrapped to the width, not cut: the line number
// and column come at the end of a long path.
func (s *importScreen) errorLines() []string {
	msg := s.Styles.Error.Width(max(s.width, 10)).Render(firstLineOf(s.err.Error()))
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
