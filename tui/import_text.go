package tui

import (
	"path/filepath"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/importer"
)

// importFieldLabel names a kind's field in the language of the UI
// (catalog.ImportFieldLabel, as kpit import names it).
func importFieldLabel(l Lang, k importer.Kind, field string) string {
	return catalog.ImportFieldLabel(l, k, field)
}

// importErrorText is an import error in the language of the UI, worded as
// kpit import words it (catalog.ImportErrorLine), the file named by its
// base name: the pane shows the whole path on its File line, and a long
// path would push the reason off the end of the line.
func importErrorText(l Lang, k importer.Kind, err error) string {
	return catalog.ImportErrorLine(l, k, err, filepath.Base)
}
