package model

import "strconv"

// Count is a number of things a refusal names (the records an import
// writes, the bytes left on a disk), so that the line shows it grouped
// (200,000) and with its noun in the right number. Written with %v, its
// English is "1 record", "200,000 records"; the catalogue writes the
// Japanese with the noun's counter (200,000件).
type Count struct {
	N    int64
	Noun CountNoun
}

// CountNoun is what a Count counts, by its English singular.
type CountNoun string

const (
	CountRecord    CountNoun = "record"
	CountByte      CountNoun = "byte"
	CountCharacter CountNoun = "character"
	// CountNumber is a bare number (a limit after its noun was said).
	CountNumber CountNoun = ""
)

func (c Count) String() string {
	if c.Noun == CountNumber {
		return GroupThousands(c.N)
	}
	noun := string(c.Noun)
	if c.N != 1 {
		noun += "s"
	}
	return GroupThousands(c.N) + " " + noun
}

// GroupThousands writes the integer n with commas: 1234567 -> 1,234,567,
// the way every count and amount kpit shows is grouped (catalog writes
// figures with it).
func GroupThousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	digits := s
	sign := ""
	if n < 0 {
		sign, digits = "-", s[1:]
	}
	head := len(digits) % 3
	if head == 0 {
		head = 3
	}
	out := []byte(sign + digits[:head])
	for i := head; i < len(digits); i += 3 {
		out = append(out, ',')
		out = append(out, digits[i:i+3]...)
	}
	return string(out)
}
