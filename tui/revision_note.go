package tui

import (
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// revisionNote signs a change of a goal made in the cockpit: in force from
// today by the cockpit's clock, by the OS user, for reason.
func (c *Common) revisionNote(reason string) store.RevisionNote {
	return store.RevisionNote{From: model.Date(c.Now()), Author: c.Store.Author(), Reason: reason}
}
