package importer

import (
	"encoding/json"

	"github.com/kpit-dev/kpit/model"
)

// Profile is a saved way of reading one SFA's export, so a weekly
// re-import is one short command: kpit import --profile NAME FILE.
type Profile struct {
	Kind     Kind     `json:"kind"`
	Map      Mapping  `json:"map,omitempty"`
	Won      []string `json:"won,omitempty"`
	Lost     []string `json:"lost,omitempty"`
	Encoding string   `json:"encoding,omitempty"`
	Sheet    string   `json:"sheet,omitempty"`
}

// Spec is the profile's JSON, as the store keeps it.
func (p Profile) Spec() string {
	b, _ := json.Marshal(p)
	return string(b)
}

// ParseProfile reads a profile back from its JSON.
func ParseProfile(name, spec string) (Profile, error) {
	var p Profile
	if err := json.Unmarshal([]byte(spec), &p); err != nil {
		return p, model.Refused(model.RefuseProfileUnreadable, name, err.Error())
	}
	if _, err := ParseImportKind(string(p.Kind)); err != nil {
		return p, model.Refused(model.RefuseProfileOf, name, err)
	}
	for f := range p.Map {
		if fieldIndex(p.Kind, f) < 0 {
			return p, model.Refused(model.RefuseProfileNoField, name, model.Noun(p.Kind), f)
		}
	}
	return p, nil
}
