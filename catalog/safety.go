package catalog

import "fmt"

// The words of kpit backup, kpit restore and kpit doctor. Each finding of
// the doctor is one line: what is wrong, then what to do.
var (
	BackupWritten = Text{
		JA: "バックアップを %[1]s に書き出しました: %[2]s 行, %[3]s, integrity_check ok",
		EN: "backup written to %[1]s: %[2]d rows, %[3]s, integrity_check ok",
	}
	RestoreDone = Text{
		JA: "%[1]s を戻しました (%[2]s 行)。置き換えたデータベースは %[3]s に残しています",
		EN: "restored %[1]s (%[2]d rows); the database it replaced is kept as %[3]s",
	}
	RestoreDryRun = Text{
		JA: "%[1]s は戻せます (%[2]s 行, integrity_check ok)。--dry-run のため何も変えていません",
		EN: "%[1]s can be restored (%[2]d rows, integrity_check ok); --dry-run: nothing was changed",
	}

	DoctorHealthy = Text{
		JA: "%[1]s: 問題は見つかりませんでした (整合性, 外部キー, 日次・月次集計, スキーマ %[2]d, WAL %[3]s)",
		EN: "%[1]s: no problems found (integrity, foreign keys, daily and monthly roll-ups, schema %[2]d, WAL %[3]s)",
	}
	DoctorDamaged = Text{
		JA: "破損: %[1]s (ほか %[2]d 件)。最新のバックアップを戻してください: kpit restore バックアップ (破損したファイルは横に残ります)",
		EN: "damaged: %[1]s (%[2]d problems in all). Put the latest backup back: kpit restore BACKUP (the damaged file is kept beside it)",
	}
	DoctorForeignKey = Text{
		JA: "参照先のない記録が %[1]d 件 (%[2]s)。kpit 以外で編集されたファイルです: 編集前のバックアップを kpit restore で戻してください",
		EN: "%[1]d records refer to a record that is missing (%[2]s). The file was edited outside kpit: put a backup from before back with kpit restore",
	}
	DoctorRollup = Text{
		JA: "集計が %[1]d か所で食い違っています (%[2]s)。記録から作り直してください: kpit doctor --repair",
		EN: "the roll-up differs in %[1]d places (%[2]s). Rebuild it from the records: kpit doctor --repair",
	}
	DoctorTrigger = Text{
		JA: "日次集計を保つトリガーがありません: %[1]s。kpit 以外で編集されたファイルです: バックアップを kpit restore で戻してください",
		EN: "the triggers that keep the daily roll-up are missing: %[1]s. The file was edited outside kpit: put a backup back with kpit restore",
	}
	DoctorSchema = Text{
		JA: "%[1]s。この kpit で一度開くと更新されます",
		EN: "%[1]s. Opening it once with this kpit updates it",
	}
	DoctorWAL = Text{
		JA: "-wal ファイルが %[1]d MB あります (長く開いたままの kpit が保持しています)。kpit をすべて閉じてから kpit doctor --repair で書き戻せます",
		EN: "the -wal file is %[1]d MB (a kpit left open for long holds it). Close every kpit, then kpit doctor --repair writes it back",
	}
	DoctorStoppedImport = Text{
		JA: "途中で止まった取り込みの見えない行が %[1]d 行残っています (どの画面・集計にも出ません)。kpit doctor --repair で消せます",
		EN: "an import that stopped half way left %[1]d hidden rows (no screen or figure shows them). kpit doctor --repair removes them",
	}
	DoctorStoppedCleared = Text{
		JA: "途中で止まった取り込みの行を消しました",
		EN: "the rows of the import that stopped half way were removed",
	}
	DoctorRebuilt = Text{
		JA: "日次集計を記録から作り直しました",
		EN: "the daily roll-up was rebuilt from the records",
	}
	DoctorCheckpointed = Text{
		JA: "-wal ファイルをデータベースに書き戻しました",
		EN: "the -wal file was written back into the database",
	}
	DoctorWALHeld = Text{
		JA: "-wal ファイルは他の kpit が読んでいるため空にできませんでした。kpit をすべて閉じてからもう一度実行してください",
		EN: "the -wal file could not be emptied: another kpit is reading it. Close every kpit and run it again",
	}
)

// doctorStages name the checks of kpit doctor in the order it runs them
// (store.CheckStage 1 to 6), for its progress line.
var doctorStages = []Text{
	{JA: "整合性", EN: "integrity"},
	{JA: "外部キー", EN: "foreign keys"},
	{JA: "スキーマとトリガー", EN: "the schema and triggers"},
	{JA: "日次集計", EN: "the daily roll-up"},
	{JA: "月次集計", EN: "the monthly roll-up"},
	{JA: "止まった取り込みと WAL", EN: "stopped imports and the WAL"},
}

// DoctorStageCount is how many checks doctorStages names.
var DoctorStageCount = len(doctorStages)

var doctorChecking = Text{JA: "%[1]sを確認中 (%[2]d/%[3]d)...", EN: "checking %[1]s (%[2]d/%[3]d)..."}

// DoctorCheckingLine is kpit doctor's progress line for its check number
// stage, counted from 1.
func DoctorCheckingLine(l Lang, stage int) string {
	return l.T(doctorChecking, l.T(doctorStages[stage-1]), stage, len(doctorStages))
}

// FormatBytes writes a file size in KB, MB or GB (1,024-based), one
// decimal below 10.
func FormatBytes(n int64) string {
	units := []string{"B", "KB", "MB", "GB", "TB"}
	v, u := float64(n), 0
	for v >= 1024 && u < len(units)-1 {
		v /= 1024
		u++
	}
	switch {
	case u == 0:
		return fmt.Sprintf("%d B", n)
	case v < 10:
		return fmt.Sprintf("%.1f %s", v, units[u])
	}
	return fmt.Sprintf("%.0f %s", v, units[u])
}
