package catalog

import "strings"

// englishAllowed are the ASCII words a Japanese screen or command output may
// show: the domain's acronyms (the Japanese product writes them so), file
// formats, key names in help and the command's own name. Anything else
// two or more in a row is English left in Japanese output.
var englishAllowed = map[string]bool{
	// Domain acronyms as Japanese sales teams write them.
	"KPI": true, "KGI": true, "KFS": true, "MQL": true, "SQL": true, "LTV": true, "NPS": true,
	"CAC": true, "MRR": true, "ARR": true, "ROI": true, "CRM": true, "SFA": true, "FY": true,
	// Files and formats.
	"CSV": true, "TSV": true, "XLSX": true, "JSON": true, "ID": true, "YYYY": true, "MM": true, "DD": true,
	// Keys named in help and hints.
	"esc": true, "tab": true, "enter": true, "ctrl": true, "shift": true, "alt": true, "space": true,
	"kpit": true,
}

// EnglishRun returns the first run of two or more English words in a line
// of Japanese output, or "" when there is none. A word is a
// whitespace-separated chunk of ASCII letters (edge punctuation such as
// commas, colons and brackets aside) that is not an allowed token; a chunk
// with digits, dots inside, dashes, slashes, underscores or any non-ASCII
// character (a figure, a date, a file name, a flag, a key, Japanese text)
// ends the run. Two words, not three: a refusal such as `"-5" is negative`
// is English with only two. Tests of tui and cli hold Japanese screens and
// command output to it.
func EnglishRun(line string) string {
	var run []string
	for _, chunk := range strings.Fields(line) {
		w := strings.Trim(chunk, ",.:;()[]'\"!?`")
		if !isEnglishWord(w) || englishAllowed[w] {
			run = run[:0]
			continue
		}
		run = append(run, w)
		if len(run) == 2 {
			return strings.Join(run, " ")
		}
	}
	return ""
}

func isEnglishWord(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') {
			return false
		}
	}
	return true
}
