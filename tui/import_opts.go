package tui

import (
	"context"
	"fmt"
	"slices"

	"github.com/kpit-dev/kpit/importer"
	"github.com/kpit-dev/kpit/model"
)

// The import screen's options beyond the mapping: which stage values mean
// won and lost (marked per value found in the file), and saved profiles
// (the ones `kpit import --profile/--save-profile` use).

// importScanRows is how many rows the first read looks at for the distinct
// values of each column; importMaxValues how many it keeps per column.
const (
	importScanRows  = 5000
	importMaxValues = 20
)

// stageValues are the distinct values of the column bound to stage, for
// opportunities; nil otherwise.
func (s *importScreen) stageValues() []string {
	if s.kindValue() != importer.Opportunities {
		return nil
	}
	for i, f := range s.binding.Fields {
		if f.Name == "stage" {
			if c := s.binding.Columns[i]; c >= 0 && c < len(s.distinct) {
				return s.distinct[c]
			}
		}
	}
	return nil
}

// baseWonLost are the stage words in force before any mark: the applied
// profile's, or the defaults.
func (s *importScreen) baseWonLost() (won, lost []string) {
	if s.prof != nil && s.prof.Kind == importer.Opportunities && (len(s.prof.Won) > 0 || len(s.prof.Lost) > 0) {
		return s.prof.Won, s.prof.Lost
	}
	return importer.DefaultWon, importer.DefaultLost
}

// stageOutcome is what a stage value is read as: its mark, else the base
// words.
func (s *importScreen) stageOutcome(v string) model.Outcome {
	f := importer.FoldStage(v)
	if o, ok := s.marks[f]; ok {
		return o
	}
	won, lost := s.baseWonLost()
	has := func(list []string) bool {
		return slices.ContainsFunc(list, func(w string) bool { return importer.FoldStage(w) == f })
	}
	switch {
	case has(won):
		return model.OutcomeWon
	case has(lost):
		return model.OutcomeLost
	}
	return model.OutcomeOpen
}

// mark sets the outcome of the stage value v.
func (s *importScreen) mark(v string, o model.Outcome) {
	if s.marks == nil {
		s.marks = map[string]model.Outcome{}
	}
	s.marks[importer.FoldStage(v)] = o
}

// wonLost are the import's won and lost stage values: the values found in
// the file as marked, and the base words not among them (for rows past
// the first scan).
func (s *importScreen) wonLost() (won, lost []string) {
	if s.kindValue() != importer.Opportunities {
		return nil, nil
	}
	seen := map[string]bool{}
	for _, v := range s.stageValues() {
		seen[importer.FoldStage(v)] = true
		switch s.stageOutcome(v) {
		case model.OutcomeWon:
			won = append(won, v)
		case model.OutcomeLost:
			lost = append(lost, v)
		}
	}
	bw, bl := s.baseWonLost()
	for _, w := range bw {
		if !seen[importer.FoldStage(w)] {
			won = append(won, w)
		}
	}
	for _, l := range bl {
		if !seen[importer.FoldStage(l)] {
			lost = append(lost, l)
		}
	}
	return won, lost
}

// nextProfile applies the saved profile after the current one (or none
// after the last): kind, mapping, won/lost, and encoding or sheet, which
// read the file again.
func (s *importScreen) nextProfile() *importScreenCmd {
	names, err := s.Store.ImportProfileNames(context.Background())
	if err != nil {
		s.err = err
		return nil
	}
	if len(names) == 0 {
		s.err = fmt.Errorf("%s", s.T(msgImportNoProfiles))
		return nil
	}
	next := names[0]
	if s.profName != "" {
		i := slices.Index(names, s.profName)
		if i == len(names)-1 {
			next = ""
		} else {
			next = names[i+1]
		}
	}
	s.marks, s.err = nil, nil
	if next == "" {
		s.prof, s.profName = nil, ""
		s.rebind()
		return nil
	}
	_, spec, ok, err := s.Store.ImportProfile(context.Background(), next)
	if err == nil && !ok {
		err = fmt.Errorf("profile %s: not found", next)
	}
	if err != nil {
		s.err = err
		return nil
	}
	p, err := importer.ParseProfile(next, spec)
	if err != nil {
		s.err = err
		return nil
	}
	s.prof, s.profName = &p, next
	s.kind = max(slices.Index(importer.ImportKinds(), p.Kind), 0)
	xlsx := s.info.Encoding == importer.EncodingXLSX
	switch {
	case xlsx && p.Sheet != "" && p.Sheet != s.info.Sheet:
		return &importScreenCmd{sheet: p.Sheet}
	case !xlsx && p.Encoding != "" && p.Encoding != importer.EncodingAuto && p.Encoding != encodingOption(s.info):
		return &importScreenCmd{encoding: p.Encoding}
	}
	s.rebind()
	return nil
}

// importScreenCmd asks to read the file again with a sheet or encoding.
type importScreenCmd struct{ sheet, encoding string }

// profile is how this import read the file, to save under a name.
func (s *importScreen) profile() importer.Profile {
	p := importer.Profile{Kind: s.kindValue(), Map: s.binding.Mapping(), Encoding: encodingOption(s.info)}
	if s.info.Encoding == importer.EncodingXLSX {
		p.Sheet = s.info.Sheet
	}
	p.Won, p.Lost = s.wonLost()
	return p
}

// saveProfile stores the import's settings as the named profile.
func (s *importScreen) saveProfile(name string) error {
	p := s.profile()
	return s.Store.SaveImportProfile(context.Background(), name, string(p.Kind), p.Spec())
}

func (s *importScreen) outcomeName(o model.Outcome) string {
	switch o {
	case model.OutcomeWon:
		return s.T(msgImportOutcomeWon)
	case model.OutcomeLost:
		return s.T(msgImportOutcomeLost)
	}
	return s.T(msgImportOutcomeOpen)
}
