package config

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/catalog"
)

// busy_wait reads seconds (a TOML integer, or digits in a string, full-width
// ones too) and durations; a file without it leaves the store's default (0).
func TestBusyWait(t *testing.T) {
	for doc, want := range map[string]time.Duration{
		"":                             0,
		"busy_wait = 90\n":             90 * time.Second,
		"busy_wait = \"45\"\n":         45 * time.Second,
		"busy_wait = \"１２０\"\n":        2 * time.Minute,
		"busy_wait = \"２ｍ\"\n":         2 * time.Minute,
		"busy_wait = \" 1m30s \"\n":    90 * time.Second,
		"busy_wait = \"500ms\"\n":      500 * time.Millisecond,
		"busy_wait = \"24h\"\n":        24 * time.Hour,
		"db = \"x.db\"\nbusy_wait = 1": time.Second,
	} {
		c, err := Parse([]byte(doc), nil)
		if err != nil || c.BusyWait != want {
			t.Errorf("%q: %v, %v; want %v", doc, c.BusyWait, err, want)
		}
	}
}

// A busy_wait that is not a time in range is refused in one line naming
// the key, the value and its line, in both languages.
func TestBusyWaitRefused(t *testing.T) {
	const rangeEN = "want a time from 1ms to 24h0m0s, such as 30s, 2m or 500ms (a bare number is seconds)"
	for doc, want := range map[string]string{
		"busy_wait = 0\n":                 "1: busy_wait = 0: " + rangeEN,
		"lang = \"en\"\nbusy_wait = -3\n": "2: busy_wait = -3: " + rangeEN,
		"\nbusy_wait = \"soon\"\n":        "2: busy_wait = \"soon\": " + rangeEN,
		"busy_wait = \"25h\"\n":           "1: busy_wait = \"25h\": " + rangeEN,
		"busy_wait = 86401\n":             "1: busy_wait = 86401: " + rangeEN,
		"busy_wait = \"0.5us\"\n":         "1: busy_wait = \"0.5us\": " + rangeEN,
		"busy_wait = 1.5\n":               "1: busy_wait = 1.5: " + rangeEN,
		"busy_wait = true\n":              "1: busy_wait = true: " + rangeEN,
		"busy_wait = \"\"\n":              "1: busy_wait = \"\": " + rangeEN,
	} {
		_, err := Parse([]byte(doc), nil)
		var ce *Error
		if !errors.As(err, &ce) {
			t.Errorf("%q: %v", doc, err)
			continue
		}
		if got := ce.Text(catalog.LangEN); got != ":"+want {
			t.Errorf("%q:\n got %q\nwant %q", doc, got, ":"+want)
		}
		if ja := ce.Text(catalog.LangJA); !strings.Contains(ja, "busy_wait") || !strings.Contains(ja, "30s、2m、500ms") || strings.Contains(ja, "\n") {
			t.Errorf("%q in Japanese: %q", doc, ja)
		}
	}
}

// kpit config show writes busy_wait as a top-level key, before any table,
// and what it writes reads back as the same wait.
func TestBusyWaitEncoded(t *testing.T) {
	for _, c := range []Config{
		{BusyWait: 90 * time.Second},
		{DB: "x.db", BusyWait: 2 * time.Minute, Keys: map[string][]string{"quit": {"Q"}}},
		{BusyWait: time.Second, Keys: map[string][]string{"quit": {"Q"}}},
	} {
		c.Limits.Rows = 5
		text, err := Encode(c)
		if err != nil {
			t.Fatal(err)
		}
		back, err := Parse([]byte(text), nil)
		if err != nil || back.BusyWait != c.BusyWait || back.Limits != c.Limits {
			t.Errorf("%+v encoded as\n%s\nreads back %+v, %v", c, text, back, err)
		}
	}
}
