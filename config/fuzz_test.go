package config

import (
	"errors"
	"reflect"
	"testing"
)

// FuzzParse: any config document is read or refused with an *Error (a
// line and words in both languages), never a panic; one that is read
// encodes to a document that reads back as the same settings.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"db = \"~/k.db\"\nlang = \"ja\"\n", "[keys]\nquit = [\"x\", \"ctrl+c\"]\n[keys.tree]\nwhat_if = \"W\"\n",
		"[limits]\ntext_chars = 20000\nrows = 5\n", "theme = \"pink\"\n", "me = \"田\\u0000中\"\n", "[limits]\nrows = -1\n", "= =\n", "[keys]\nquit = 3\n",
		"busy_wait = \"１m３０s\"\n[keys]\nquit = \"Q\"\n", "busy_wait = 0\n", "busy_wait = \"1e9h\"\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		c, err := Parse([]byte(doc), testActions)
		if err != nil {
			var ce *Error
			if !errors.As(err, &ce) || ce.Error() == "" {
				t.Fatalf("%q: %v is not a config Error", doc, err)
			}
			return
		}
		text, err := Encode(c)
		if err != nil {
			t.Fatalf("%q: Encode: %v", doc, err)
		}
		back, err := Parse([]byte(text), testActions)
		if err != nil || !reflect.DeepEqual(back, c) {
			t.Fatalf("%q: encoded %q reads back as %+v, %v; want %+v", doc, text, back, err, c)
		}
	})
}
