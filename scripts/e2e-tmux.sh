#!/usr/bin/env bash
# End-to-end check of the cockpit in a real terminal (tmux): starts BINARY
# --demo in English, in Japanese from LANG and in Japanese from --lang,
# visits every tab, walks the Funnel tab (breakdown, the leads behind a
# figure, the stage definitions), resizes the window, and fails on a missing tab title,
# a panic or an empty screen. It uses its own tmux server (-L), so it never
# touches the user's sessions, and removes everything it made on exit.
#
# It also holds a review (kpit review --demo, in English and Japanese, and
# on a database of its own, saved) and walks every slide.
#
# Usage: scripts/e2e-tmux.sh BINARY
set -euo pipefail

if [ $# -ne 1 ] || [ ! -x "$1" ]; then
	echo "usage: $0 BINARY (an executable kpit)" >&2
	exit 2
fi
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
command -v tmux >/dev/null || { echo "e2e: tmux is not installed" >&2; exit 2; }

sock="kpit-e2e-$$"
work=$(mktemp -d)
mkdir "$work/tmp"
cleanup() {
	tmux -L "$sock" kill-server 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

t() { tmux -u -L "$sock" "$@"; }
shot() { t capture-pane -p -t "$1"; }

fail() {
	echo "e2e: FAIL [$1]: $2" >&2
	echo "---- screen ----" >&2
	shot "$1" >&2 || true
	echo "----------------" >&2
	exit 1
}

# wait_for SESSION TEXT: up to 10 s for TEXT to appear on the screen.
wait_for() {
	for _ in $(seq 1 100); do
		if shot "$1" | grep -qF -- "$2"; then return 0; fi
		sleep 0.1
	done
	fail "$1" "\"$2\" did not appear"
}

# check SESSION TITLE...: no panic, not empty, every tab title present.
check() {
	local s=$1
	shift
	local out
	out=$(shot "$s")
	if grep -qiE 'panic|goroutine [0-9]+' <<<"$out"; then fail "$s" "panic on screen"; fi
	if [ -z "$(tr -d '[:space:]' <<<"$out")" ]; then fail "$s" "empty screen"; fi
	for title in "$@"; do
		grep -qF -- "$title" <<<"$out" || fail "$s" "tab title \"$title\" missing"
	done
}

# visit_funnel SESSION TITLE SCREEN BY LIST DEFS MOVE: opens the Funnel tab
# by the number the tab bar gives TITLE, waits for text of the screen,
# cycles the breakdown twice (department, then source: BY), lists the leads
# behind the first stage (LIST), asks to move the first lead (MOVE) and
# cancels, goes back, opens the stage definitions (DEFS) and goes back to
# the funnel.
visit_funnel() {
	local s=$1 title=$2 screen=$3 by=$4 list=$5 defs=$6 move=$7
	local n
	n=$(shot "$s" | head -1 | grep -oE "[0-9] ?$title" | head -1 | cut -c1)
	[ -n "$n" ] || fail "$s" "no tab titled \"$title\""
	t send-keys -t "$s" "$n"
	wait_for "$s" "$screen"
	t send-keys -t "$s" b
	wait_for "$s" "$by"
	t send-keys -t "$s" Enter
	wait_for "$s" "$list"
	t send-keys -t "$s" m
	wait_for "$s" "$move"
	# The list shows behind the question: wait for the question to go, so
	# the next esc is not read with this one as alt+esc.
	t send-keys -t "$s" Escape
	for _ in $(seq 1 50); do shot "$s" | grep -qF -- "$move" || break; sleep 0.1; done
	shot "$s" | grep -qF -- "$move" && fail "$s" "esc did not cancel the move"
	wait_for "$s" "$list"
	t send-keys -t "$s" Escape
	wait_for "$s" "$screen"
	t send-keys -t "$s" d
	wait_for "$s" "$defs"
	t send-keys -t "$s" Escape
	wait_for "$s" "$screen"
	check "$s"
}

# run_case NAME LANG_ENV ARGS MARKERS FUNNEL TITLES: MARKERS is
# "dashboard|tree|styles" text each of the first three tabs must show;
# FUNNEL is "title|screen|by|list|defs|move" for visit_funnel.
run_case() {
	local s=$1 langenv=$2 args=$3 markers=$4 funnel=$5
	shift 5
	local titles=("$@")
	t new-session -d -s "$s" -x 120 -y 40 \
		"env LANG=$langenv LC_ALL= LC_MESSAGES= TERM=xterm-256color KPIT_DB='$work/user.db' TMPDIR='$work/tmp' '$bin' --demo $args 2>&1; echo \"EXIT=\$?\"; sleep 60"
	wait_for "$s" "${titles[0]}"
	check "$s" "${titles[@]}"
	IFS='|' read -r m1 m2 m3 <<<"$markers"
	local marks=("$m1" "$m2" "$m3")
	# Every tab: 1-9 (keys past the last tab do nothing). The first three
	# must show their own text; every screen must differ from the one before.
	local prev=""
	for i in 1 2 3 4 5 6 7 8 9; do
		t send-keys -t "$s" "$i"
		if [ "$i" -le 3 ]; then wait_for "$s" "${marks[$((i - 1))]}"; fi
		# a key past the last tab changes nothing: do not wait long for it
		local tries=30
		[ "$i" -gt 4 ] && tries=5
		for _ in $(seq 1 "$tries"); do
			[ "$(shot "$s")" != "$prev" ] && break
			sleep 0.1
		done
		check "$s" "${titles[@]}"
		prev=$(shot "$s")
	done
	IFS='|' read -r f1 f2 f3 f4 f5 f6 <<<"$funnel"
	visit_funnel "$s" "$f1" "$f2" "$f3" "$f4" "$f5" "$f6"
	t send-keys -t "$s" 1
	wait_for "$s" "${marks[0]}"
	t send-keys -t "$s" Tab
	wait_for "$s" "${marks[1]}"
	t send-keys -t "$s" BTab
	wait_for "$s" "${marks[0]}"
	t send-keys -t "$s" "?"
	wait_for "$s" "ctrl+r"
	t send-keys -t "$s" Escape
	for size in "80 24" "200 50" "30 10" "120 40"; do
		read -r w h <<<"$size"
		t resize-window -t "$s" -x "$w" -y "$h"
		sleep 0.3
		if [ "$w" -lt 40 ]; then
			local small=$(shot "$s")
			grep -qE 'too small|小さすぎ' <<<"$small" || fail "$s" "no 'window too small' at ${w}x${h}"
		elif [ "$w" -lt 100 ]; then
			# narrow: the other tabs may show their short titles (ツリー for
			# KPIツリー); the active one always shows its own.
			check "$s" "${titles[0]}"
		else
			check "$s" "${titles[@]}"
		fi
	done
	t send-keys -t "$s" 2
	wait_for "$s" "${marks[1]}"
	t send-keys -t "$s" q
	wait_for "$s" "EXIT="
	local out
	out=$(shot "$s")
	grep -qF "EXIT=0" <<<"$out" || fail "$s" "did not exit with status 0"
	if grep -qiE 'panic|goroutine [0-9]+' <<<"$out"; then fail "$s" "panic after quitting"; fi
	t kill-session -t "$s"
	echo "e2e: ok [$s]"
}

# review_case NAME LANG ARGS ASK SUMMARY SAVE: kpit review ARGS on a shared
# screen: answers the open actions' questions (ASK shows first), walks every
# slide with right and space checking "k/N" in the header, opens the past
# reviews, then q asks to save (SAVE) and y or n (the last argument) ends it.
review_case() {
	local s=$1 langenv=$2 args=$3 ask=$4 summary=$5 save=$6 answer=$7
	t new-session -d -s "$s" -x 160 -y 45 \
		"env LANG=$langenv LC_ALL= LC_MESSAGES= TERM=xterm-256color KPIT_DB='$work/user.db' TMPDIR='$work/tmp' '$bin' review $args 2>&1; echo \"EXIT=\$?\"; sleep 60"
	wait_for "$s" "$ask"
	t send-keys -t "$s" o
	sleep 0.2
	t send-keys -t "$s" o
	wait_for "$s" "$summary"
	local n
	n=$(shot "$s" | sed -n 2p | grep -oE '[0-9]+/[0-9]+ *$' | cut -d/ -f2 | tr -d ' ')
	[ -n "$n" ] || fail "$s" "no slide count in the header"
	wait_for "$s" "1/$n"
	for i in $(seq 2 "$n"); do
		if [ $((i % 2)) -eq 0 ]; then t send-keys -t "$s" Right; else t send-keys -t "$s" Space; fi
		wait_for "$s" "$i/$n"
		check "$s"
	done
	t send-keys -t "$s" Left
	wait_for "$s" "$((n - 1))/$n"
	t send-keys -t "$s" H
	sleep 0.3
	check "$s"
	t send-keys -t "$s" Escape
	# esc and q read together are alt+q: let the esc land on its own.
	sleep 0.5
	t send-keys -t "$s" q
	wait_for "$s" "$save"
	t send-keys -t "$s" "$answer"
	wait_for "$s" "EXIT="
	grep -qF "EXIT=0" <<<"$(shot "$s")" || fail "$s" "did not exit with status 0"
	t kill-session -t "$s"
	echo "e2e: ok [$s]"
}

# desk_case: on a database of its own, the entry form's Count (prefilled
# 1) replaced by a typed 3 records 3, / on the Records tab narrows the
# list to one rep, and the import asks before its move.
desk_case() {
	local s=desk db="$work/desk.db"
	"$bin" demo --db "$db" >/dev/null
	"$bin" add activity --db "$db" --kind call --rep Zebedee --create-rep --account ZZ-Corp >/dev/null
	t new-session -d -s "$s" -x 80 -y 24 \
		"env LANG=C.UTF-8 LC_ALL= TERM=xterm-256color '$bin' --db '$db' --lang en 2>&1; echo \"EXIT=\$?\"; sleep 60"
	wait_for "$s" Dashboard
	t send-keys -t "$s" a
	wait_for "$s" "Count"
	t send-keys -t "$s" Down Down
	t send-keys -t "$s" 3
	t send-keys -t "$s" Enter
	wait_for "$s" "Added activity"
	shot "$s" | grep -qE "Added activity #[0-9]+: [a-z]+ 3," || fail "$s" "the typed 3 did not replace the prefilled count"
	# A value typed and not saved: esc asks before dropping it (n stays,
	# y drops), and the pane keeps its width while it asks.
	t send-keys -t "$s" a
	wait_for "$s" "Count"
	local width
	width=$(shot "$s" | sed -n 2p)
	t send-keys -t "$s" Down Down 5
	t send-keys -t "$s" Escape
	wait_for "$s" "Drop what you typed"
	[ "$(shot "$s" | sed -n 2p)" = "$width" ] || fail "$s" "the entry form changed width"
	t send-keys -t "$s" n
	for _ in $(seq 1 50); do shot "$s" | grep -qF "Drop what you typed" || break; sleep 0.1; done
	shot "$s" | grep -qF "Count" || fail "$s" "n closed the entry form"
	t send-keys -t "$s" Escape
	wait_for "$s" "Drop what you typed"
	t send-keys -t "$s" y
	for _ in $(seq 1 50); do shot "$s" | grep -qF "Count" || break; sleep 0.1; done
	shot "$s" | grep -qF "Count" && fail "$s" "y did not drop the entry form"
	# The refusal of an unknown rep lists the reps without cutting a name.
	t send-keys -t "$s" :
	wait_for "$s" "Quick add"
	t send-keys -t "$s" -l "visit 3 Nobody"
	t send-keys -t "$s" Enter
	wait_for "$s" "not a known rep"
	# Every name of the demo's reps is on one line, never split over two.
	for name in "山田 健" "伊藤 真理子" "鈴木 一郎" "高橋 直樹"; do
		shot "$s" | grep -qF "$name" || fail "$s" "the refusal lost or split \"$name\""
	done
	# esc and 5 read together are alt+5: let the esc close quick-add first.
	t send-keys -t "$s" Escape
	for _ in $(seq 1 50); do shot "$s" | grep -qF "Quick add" || break; sleep 0.1; done
	shot "$s" | grep -qF "Quick add" && fail "$s" "esc did not close quick-add"
	t send-keys -t "$s" 5
	wait_for "$s" "Records"
	t send-keys -t "$s" /
	t send-keys -t "$s" -l Zebedee
	# The list narrows as it is typed: its place marker drops to 1/1 or
	# 1/2 (the count typed above went to the last rep used).
	for _ in $(seq 1 100); do shot "$s" | grep -qE ' 1/[12]$' && break; sleep 0.1; done
	shot "$s" | grep -qE ' 1/[12]$' || fail "$s" "/Zebedee did not narrow the records"
	shot "$s" | grep -qF "ZZ-Corp" || fail "$s" "/Zebedee does not list Zebedee's activity"
	# Every row listed is Zebedee's (rows start with an id and a date).
	if shot "$s" | grep -E '^ *[0-9]+ 20[0-9]{2}-' | grep -vqF Zebedee; then
		fail "$s" "/Zebedee lists other reps' records"
	fi
	t send-keys -t "$s" Enter
	wait_for "$s" "Filter: Zebedee"
	t send-keys -t "$s" Escape
	for _ in $(seq 1 50); do shot "$s" | grep -qF "Filter: Zebedee" || break; sleep 0.1; done
	shot "$s" | grep -qF "Filter: Zebedee" && fail "$s" "esc did not clear the filter"
	# An import of three new deals stops before the move and shows the
	# deals before -> after: n writes nothing (the next run still inserts
	# all three), y writes them.
	printf '商談ID,担当者,フェーズ,作成日\nE2E-1,Zebedee,提案,2026/11/2\nE2E-2,Zebedee,提案,2026/11/3\nE2E-3,Zebedee,提案,2026/11/4\n' >"$work/deals.csv"
	sleep 0.3 # the esc above must not be read with i as alt+i
	t send-keys -t "$s" i
	wait_for "$s" "File: "
	t send-keys -t "$s" -l "$work/deals.csv"
	t send-keys -t "$s" Enter
	wait_for "$s" "Kind: <"
	t send-keys -t "$s" Enter
	wait_for "$s" "Nothing is written yet"
	shot "$s" | grep -qE 'opportunities +[0-9,]+ -> [0-9,]+ \(\+3\)' || fail "$s" "the import's question lacks the deals before -> after"
	t send-keys -t "$s" n
	wait_for "$s" "Kind: <"
	t send-keys -t "$s" Enter
	wait_for "$s" "Nothing is written yet"
	t send-keys -t "$s" y
	wait_for "$s" "Import finished"
	shot "$s" | grep -qF "inserted 3, updated 0, unchanged 0" || fail "$s" "n wrote, or y did not write, the three deals"
	t send-keys -t "$s" Escape
	for _ in $(seq 1 50); do shot "$s" | grep -qF "Import finished" || break; sleep 0.1; done
	shot "$s" | grep -qF "Import finished" && fail "$s" "esc did not close the import"
	sleep 0.3 # the esc must not be read with q as alt+q
	t send-keys -t "$s" q
	wait_for "$s" "EXIT="
	shot "$s" | grep -qF "EXIT=0" || fail "$s" "did not exit with status 0"
	t kill-session -t "$s"
	echo "e2e: ok [$s]"
}

start=$(date +%s)
desk_case
review_case review-en C.UTF-8 "--demo --lang en" "Actions from the last review (1/2)" Summary "Save the review?" n
review_case review-ja ja_JP.UTF-8 "--demo" "前回のアクションの状況 (1/2)" まとめ "レビューを保存しますか?" n
# A review saved on a database of one's own is there the next time, and
# its minutes are written.
"$bin" demo --db "$work/team.db" >/dev/null
review_case review-save C.UTF-8 "--db '$work/team.db' --lang en" "Actions from the last review (1/2)" Summary "Save the review?" y
"$bin" review --db "$work/team.db" --export md --lang en | grep -qF "# KPI review minutes" ||
	{ echo "e2e: FAIL: kpit review --export md after a saved review" >&2; exit 1; }
rm -f "$work/team.db" "$work/team.db-wal" "$work/team.db-shm"
run_case en C.UTF-8 "--lang en" "KGI|Verdict|New business" \
	"Funnel|past their hand-off limit|By source|leads that reached|Stage definitions (|Move lead #" \
	Dashboard "KPI Tree" Styles Checklist
run_case ja-env ja_JP.UTF-8 "" "KGI|判定|新規開拓営業" \
	"ファネル|引き渡し期限切れ|流入元別|に到達したリード|ステージ定義 (|を移しますか" \
	ダッシュボード KPIツリー スタイル別KPI チェックリスト
run_case ja-flag C.UTF-8 "--lang ja" "KGI|判定|新規開拓営業" \
	"ファネル|引き渡し期限切れ|流入元別|に到達したリード|ステージ定義 (|を移しますか" \
	ダッシュボード KPIツリー スタイル別KPI チェックリスト
# --demo never touches the user's database and removes its temporary files.
if [ -e "$work/user.db" ]; then
	echo "e2e: FAIL: --demo created the user's database \$KPIT_DB" >&2
	exit 1
fi
if [ -n "$(ls -A "$work/tmp")" ]; then
	echo "e2e: FAIL: --demo left temporary files: $(ls "$work/tmp")" >&2
	exit 1
fi
echo "e2e: all cases passed in $(($(date +%s) - start)) s"
