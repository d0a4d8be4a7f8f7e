package tui

import (
	"strings"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/model"
)

// The required-fields rule in the cockpit's words: in Japanese the form
// and the rules page list 金額、取引先, in English the field names kpit
// rules --require takes (amount, account). Typed text is read in either.

func requiredFieldLabel(l Lang, field string) string { return catalog.RequiredFieldLabel(l, field) }

// requiredText lists fields for the rules form and page (catalog.RequiredText).
func requiredText(l Lang, fields []string) string { return catalog.RequiredText(l, fields) }

// requiredFields reads the form's list for kind k: each item a field name
// or its label in either language. bad is the first item that names no
// requirable field of k, allowed the labels of those that can be.
func requiredFields(l Lang, k model.RecordKind, text string) (fields []string, bad, allowed string) {
	can := model.RequirableFields()[k]
	var labels []string
	for _, f := range can {
		labels = append(labels, requiredFieldLabel(l, f))
	}
	text = strings.NewReplacer("、", ",", "，", ",", "・", ",").Replace(text)
	for _, item := range strings.Split(text, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		found := ""
		for _, f := range can {
			if strings.EqualFold(item, f) || item == requiredFieldLabel(LangJA, f) || strings.EqualFold(item, fieldLabel(LangEN, f)) {
				found = f
				break
			}
		}
		if found == "" {
			return nil, item, strings.Join(labels, ", ")
		}
		if !contains(fields, found) {
			fields = append(fields, found)
		}
	}
	return fields, "", ""
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
