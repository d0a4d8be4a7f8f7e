package tui

import (
	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/model"
)

// refusal words a model refusal in language l from its code and values
// (catalog.Refusal); a message without a code shows as it was worded.
func refusal(l Lang, code model.RefusalCode, args []any, worded string) string {
	return catalog.Refusal(l, code, args, worded)
}

// failure words an error that is not a refusal (catalog.Failure): the
// cause in English, a Japanese sentence without it in Japanese.
func failure(l Lang, err error) string { return catalog.Failure(l, err) }

// fieldRefusal words a field error's message (without the field name).
func fieldRefusal(l Lang, fe *model.FieldError) string {
	return refusal(l, fe.Code, fe.Args, fe.Msg)
}

// fieldLabel names a record field the way the entry form labels it (catalog.FieldLabel).
func fieldLabel(l Lang, field string) string { return catalog.FieldLabel(l, field) }

// writeErr words a failed write for a screen that shows its cause, in the
// cockpit's language (catalog.ErrorLine): a refusal by the user's rights, a
// busy, read-only or damaged database; an error the catalogue does not
// know as it came.
func writeErr(l Lang, err error) string { return catalog.ErrorLine(l, err) }
