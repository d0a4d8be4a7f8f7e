package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/model"
)

// Every quick-add kind's confirmation says what was recorded: a won deal
// its outcome word and amount, a lost one its reason, an open one its
// amount, a lead its company and rep, an activity its kind and count.
func TestQuickAddConfirmsWhatWasRecorded(t *testing.T) {
	t.Parallel()
	day := model.FormatDate(fixedNow)
	cases := map[Lang][][2]string{
		LangJA: {
			{"受注 1200万 ACME 鈴木", "商談 #1 を追加しました: 受注 ¥1,200万 ACME (鈴木) " + day},
			{"失注 BETA 鈴木 価格", "商談 #2 を追加しました: 失注 BETA (鈴木) 理由: 価格 " + day},
			{"案件 GAMMA 田中 500万", "商談 #3 を追加しました: 進行中 ¥500万 GAMMA (田中) " + day},
			{"受注 GAMMA 田中 612万3456", "商談 #3 を更新しました: 受注 ¥6,123,456 GAMMA (田中) " + day},
			{"リード 株式会社ABC 山田 田中", "リード #1 を追加しました: 株式会社ABC 山田 (田中)"},
			{"訪問 3 田中", "活動 #1 を追加: 訪問 3件 田中 " + day},
		},
		LangEN: {
			{"won 1200万 ACME 鈴木", "Added opportunity #1: won ¥12,000,000 ACME (鈴木) " + day},
			{"lost BETA 鈴木 price", "Added opportunity #2: lost BETA (鈴木) reason: price " + day},
			{"opp GAMMA 田中 500万", "Added opportunity #3: open ¥5,000,000 GAMMA (田中) " + day},
			{"won GAMMA 田中 6123456", "Updated opportunity #3: won ¥6,123,456 GAMMA (田中) " + day},
			{"lead ABC-Corp Yamada 田中", "Added lead #1: ABC-Corp Yamada (田中)"},
			{"visit 3 田中", "Added activity #1: visit 3, 田中, " + day},
		},
	}
	for lang, lines := range cases {
		st := entryStore(t)
		a := entryApp(t, st, lang)
		a.Update(tea.WindowSizeMsg{Width: 200, Height: 40})
		for _, c := range lines {
			press(t, a, ":")
			typeText(t, a, c[0])
			press(t, a, "enter")
			if out := screen(a); !strings.Contains(out, c[1]) {
				t.Errorf("%s: %q: %q missing from\n%s", lang, c[0], c[1], out)
			}
			press(t, a, "enter") // the line stays open after a save: an empty line closes it
		}
	}
}
