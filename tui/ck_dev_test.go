package tui

import (
	"fmt"
	"testing"
)

func TestCkDevPrint(t *testing.T) {
	for _, l := range []Lang{LangJA, LangEN} {
		for _, sz := range [][2]int{{80, 24}, {120, 40}} {
			a := newTestApp(t, l, sz[0], sz[1])
			press(t, a, "4")
			fmt.Println(screen(a))
		}
	}
}
