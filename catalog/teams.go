package catalog

// The words of kpit migrate, which moves a team's records between a kpit
// file and a PostgreSQL database.
var (
	MigrateDone = Text{
		JA: "%[1]s から %[2]s へ移しました: %[3]d 表, %[4]s 行 (記録, 履歴, レビュー, 設定をすべて)",
		EN: "moved %[1]s to %[2]s: %[3]d tables, %[4]d rows (every record, revision, review and setting)",
	}
)
