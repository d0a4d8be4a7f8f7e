package catalog

import (
	"strings"

	"github.com/kpit-dev/kpit/importer"
)

// The words of an import's outcome, the same on the command line (kpit
// import) and on the cockpit's import screen. The English is what kpit
// import has always printed, which scripts read: its figures stay plain
// (1000); the Japanese groups them (1,000件).
var (
	importSummary          = Text{JA: "追加 %s件、更新 %s件、変更なし %s件、スキップ %s件、担当者の新規作成 %s人", EN: "inserted %d, updated %d, unchanged %d, skipped %d; reps created %d"}
	importCreatedFromClose = Text{JA: "作成日を完了日で補った商談: %s件", EN: "created date taken from the close date: %d"}
	importOpenNone         = Text{JA: "なし", EN: "none"}
	importNoStage          = Text{JA: "(フェーズなし)", EN: "(no stage)"}
	importOtherStages      = Text{JA: "(その他の値)", EN: "(other values)"}
	importStageCount       = Text{JA: "%s %s件", EN: "%s %d"}
	importListSep          = Text{JA: "、", EN: ", "}

	// kpit import's own lines: the stages read as open with what to do
	// about a won or lost one, a dry run, a saved profile and the progress.
	importReadAsOpenNone = Text{JA: "進行中として読んだフェーズ: なし", EN: "read as open: none"}
	importReadAsOpen     = Text{JA: "進行中として読んだフェーズ: %s (受注・失注のフェーズがあれば --won か --lost で指定してください)", EN: "read as open: %s (a won or lost stage here needs --won or --lost)"}
	ImportDryRun         = Text{JA: "--dry-run のため何も書き込んでいません", EN: "dry run: nothing was written"}
	ImportProfileSaved   = Text{JA: "プロファイル %s を保存しました (次回から: kpit import --profile %s ファイル)", EN: "profile %s saved (use: kpit import --profile %s FILE)"}
	ImportProgress       = Text{JA: "%s行を読みました (%.0f%%)", EN: "%d rows (%.0f%%)"}
	ImportMoving         = Text{JA: "書き込み中: %[1]s / %[2]s件 (%.0[3]f%%)", EN: "writing %[1]d of %[2]d records (%.0[3]f%%)"}
)

// CountIn is a count as a command's line shows it in l: grouped in
// Japanese, plain in English (the English lines are read by scripts).
func CountIn[N int | int64](l Lang, n N) any {
	if l == LangJA {
		return GroupThousands(int64(n))
	}
	return n
}

// ImportSummary is the line on what an import did: inserted, updated,
// unchanged, skipped, reps created.
func ImportSummary(l Lang, s importer.Summary) string {
	return l.T(importSummary, CountIn(l, s.Inserted), CountIn(l, s.Updated), CountIn(l, s.Unchanged),
		CountIn(l, s.Skipped), CountIn(l, s.RepsCreated))
}

// ImportCreatedFromClose is the line counting the deals that took their
// close date as created date.
func ImportCreatedFromClose(l Lang, s importer.Summary) string {
	return l.T(importCreatedFromClose, CountIn(l, s.CreatedFromClose))
}

// ImportProgressLine is the rows read and the share of the file read.
func ImportProgressLine(l Lang, rows int, fraction float64) string {
	return l.T(ImportProgress, CountIn(l, rows), fraction*100)
}

// ImportMovingLine is how far the move of a large import's new records,
// made in batches, has gone (store/import_pending.go).
func ImportMovingLine(l Lang, done, total int64) string {
	return l.T(ImportMoving, CountIn(l, done), CountIn(l, total), ImportMovingShare(done, total)*100)
}

// ImportMovingShare is the share of a batched move's records written, 0 to
// 1: the line's percentage, and the cockpit's bar beside it. A move of no
// records is done.
func ImportMovingShare(done, total int64) float64 {
	if total <= 0 {
		return 1
	}
	return float64(done) / float64(total)
}

// ImportReadAsOpenLine is kpit import's line on the stages it read as
// open, with what to do about a won or lost one among them.
func ImportReadAsOpenLine(l Lang, s importer.Summary) string {
	if len(s.OpenStages) == 0 {
		return l.T(importReadAsOpenNone)
	}
	return l.T(importReadAsOpen, OpenStageList(l, s))
}

// OpenStageList lists the stage values an import read as open with their
// counts ("提案 3件、(フェーズなし) 2件"), or says there were none, for the
// line that asks whether a won or lost stage was missed.
func OpenStageList(l Lang, s importer.Summary) string {
	if len(s.OpenStages) == 0 {
		return l.T(importOpenNone)
	}
	parts := make([]string, 0, len(s.OpenStages)+1)
	for _, sc := range s.OpenStages {
		v := sc.Value
		if v == "" {
			v = l.T(importNoStage)
		}
		parts = append(parts, l.T(importStageCount, v, CountIn(l, sc.Count)))
	}
	if s.OpenStagesOther > 0 {
		parts = append(parts, l.T(importStageCount, l.T(importOtherStages), CountIn(l, s.OpenStagesOther)))
	}
	return strings.Join(parts, l.T(importListSep))
}
