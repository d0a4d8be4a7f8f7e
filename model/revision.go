package model

import (
	"fmt"
	"strings"
	"time"
)

// A goal's history (改定履歴): every change of the KGI, or of a KPI's target,
// deadline, definition, formula or main/supporting role, is a revision with
// the day it takes effect, who made it and why. A range is judged by the
// revisions in force on its last day, so a past period keeps the target it
// had when a target changes today.

// Revision says who changed a goal, from which day and why.
type Revision struct {
	EffectiveFrom time.Time // the first day it is in force; zero: from the beginning
	RecordedAt    time.Time // when it was written
	Author        string
	Reason        string
}

// KPIField is a part of a KPI that changes by revision. The target
// covers its value, its period and whether there is one at all.
type KPIField string

const (
	FieldTarget     KPIField = "target"
	FieldDeadline   KPIField = "deadline"
	FieldDefinition KPIField = "definition"
	FieldFormula    KPIField = "formula"
	FieldMain       KPIField = "main"
)

// KPIFields are the revised fields in the order they are listed.
var KPIFields = []KPIField{FieldTarget, FieldDeadline, FieldDefinition, FieldFormula, FieldMain}

// ParseKPIFields reads a comma-separated list of fields, as stored.
func ParseKPIFields(s string) ([]KPIField, error) {
	if s == "" {
		return nil, nil
	}
	var out []KPIField
	for _, p := range strings.Split(s, ",") {
		f := KPIField(p)
		if !f.Valid() {
			return nil, fmt.Errorf("unknown KPI field %q", p)
		}
		out = append(out, f)
	}
	return out, nil
}

// Valid reports whether f is a revised field.
func (f KPIField) Valid() bool {
	for _, k := range KPIFields {
		if f == k {
			return true
		}
	}
	return false
}

// KPIRevision is one revision of a KPI. KPI holds the revised fields as they
// stood from EffectiveFrom once this revision was recorded; Changed names
// the ones this revision set (the others were already in force).
type KPIRevision struct {
	Revision
	Key     string
	Changed []KPIField
	KPI     KPI
}

// Sets reports whether the revision set field f.
func (r KPIRevision) Sets(f KPIField) bool {
	for _, c := range r.Changed {
		if c == f {
			return true
		}
	}
	return false
}

// ApplyKPIFields copies the fields named from src into dst.
func ApplyKPIFields(dst *KPI, src KPI, fields []KPIField) {
	for _, f := range fields {
		switch f {
		case FieldTarget:
			dst.Target, dst.HasTarget, dst.TargetPer = src.Target, src.HasTarget, src.TargetPer
		case FieldDeadline:
			dst.Deadline = src.Deadline
		case FieldDefinition:
			dst.Definition = src.Definition
		case FieldFormula:
			dst.Formula = src.Formula
		case FieldMain:
			dst.Main = src.Main
		}
	}
}

// ChangedKPIFields names the revised fields that differ between a and b.
// A missing target equals any other missing target, whatever its period.
func ChangedKPIFields(a, b KPI) []KPIField {
	var out []KPIField
	if a.HasTarget != b.HasTarget || a.HasTarget && (a.Target != b.Target || a.TargetPer != b.TargetPer) {
		out = append(out, FieldTarget)
	}
	if !a.Deadline.Equal(b.Deadline) {
		out = append(out, FieldDeadline)
	}
	if a.Definition != b.Definition {
		out = append(out, FieldDefinition)
	}
	if a.Formula != b.Formula {
		out = append(out, FieldFormula)
	}
	if a.Main != b.Main {
		out = append(out, FieldMain)
	}
	return out
}

// KGIRevision is one revision of the KGI: the whole goal as it stands from
// EffectiveFrom.
type KGIRevision struct {
	Revision
	KGI KGI
}

// SameKGI reports whether a and b set the same goal.
func SameKGI(a, b KGI) bool {
	return a.NameJA == b.NameJA && a.NameEN == b.NameEN && a.Metric == b.Metric && a.Value == b.Value &&
		a.Unit == b.Unit && a.Per == b.Per && a.Deadline.Equal(b.Deadline)
}
