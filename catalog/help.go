package catalog

// kpit help: what kpit is, how it is started, and one line per command.
// The English is what kpit help has always printed.
var (
	HelpHead = Text{
		JA: `kpit: 営業チームのための端末の KPI コックピット

使い方:
  kpit [--db PATH] [--lang ja|en]   自分のデータベースでコックピットを開く
  kpit --demo [--lang ja|en]        新しいデモのデータベースでコックピットを開く
  kpit コマンド [フラグ]            コマンドを1つ実行する

コマンド:
`,
		EN: `kpit: a terminal KPI cockpit for sales teams

Usage:
  kpit [--db PATH] [--lang ja|en]   open the cockpit on your database
  kpit --demo [--lang ja|en]        open the cockpit on a fresh demo database
  kpit COMMAND [flags]              run one command

Commands:
`}
	HelpFoot = Text{
		JA: `
コマンドのフラグは 'kpit help COMMAND' か 'kpit COMMAND -h' で表示されます。
データベースは --db PATH、なければ $KPIT_DB、なければ $XDG_DATA_HOME/kpit/kpit.db (~/.local/share/kpit/kpit.db) です。
どのコマンドにも --as NAME を付けると、チームのその利用者として、その人の権限で書き込みます (kpit users)。
`,
		EN: `
Run 'kpit help COMMAND' or 'kpit COMMAND -h' for a command's flags.
The database is --db PATH, else $KPIT_DB, else $XDG_DATA_HOME/kpit/kpit.db (~/.local/share/kpit/kpit.db).
--as NAME, with any command, writes as that user of the team, with their rights (kpit users).
`}

	SummaryPlan     = Text{JA: "設定した KPI から KGI がどうなるか、各 KPI に何が必要かを計算 (データベースなし)", EN: "what the KPIs as set imply for the KGI, and what each would need (stateless)"}
	SummaryTree     = Text{JA: "保存した KPI ツリーを実績・目標・達成率・ギャップの内訳とともに表示", EN: "the stored KPI tree with actual, target, achievement and gap share"}
	SummaryForecast = Text{JA: "期間のヨミ: 受注、確度A・B・C、着地の幅", EN: "the pipeline forecast (ヨミ) of a period: won, commit, best case, pipeline, landing range"}
	SummaryReport   = Text{JA: "期間の KPI の数値を json、csv、md で出力", EN: "KPI figures for a date range or period as json, csv or md"}
	SummaryDemo     = Text{JA: "現実的な営業チームのデモのデータベースを作成", EN: "create a demo database with a realistic sales team"}
	SummaryAdd      = Text{JA: "活動・商談・リードなどをコマンドラインから記録", EN: "add an activity, opportunity or lead from the command line"}
	SummaryRules    = Text{JA: "入力ルール (期限、必須項目、入力なしの日数) の表示と設定", EN: "show or set the input rules (deadline, required fields, staleness)"}
	SummaryAlerts   = Text{JA: "入力の遅れ、入力のない担当者、止まった商談。未対応があれば終了コード 1", EN: "late entries, stale reps and stalled deals; exit 1 when any is open"}
	SummaryImport   = Text{JA: "CSV/TSV/XLSX から商談・活動・リード・顧客・担当者・カスタマーサクセスの記録を取り込む", EN: "import opportunities, activities, leads, customers, reps or customer-success records from CSV/TSV/XLSX"}
	SummaryExport   = Text{JA: "記録を csv、xlsx、json で書き出す", EN: "export records as csv, xlsx or json"}
	SummaryReview   = Text{JA: "共有画面での週次レビュー (コックピットのレビュータブ)、または保存したレビューの議事録", EN: "the weekly review on a shared screen (the cockpit's review tab), or a saved review's minutes"}
	SummaryLead     = Text{JA: "リードをファネルの別のステージへ移す ('kpit lead move ID --to STAGE')。日時と担当者も記録", EN: "move a lead to another funnel stage (lead move ID --to STAGE), with its time and rep"}
	SummaryFunnel   = Text{JA: "共通のファネル: ステージごとの件数、コホートの転換率、次のステージまでの日数、遅れている引き継ぎ", EN: "the shared funnel: stage counts, cohort conversion, time to next stage, overdue hand-offs"}
	SummaryConfig   = Text{JA: "設定ファイルの場所、設定している内容、割り当てを変えられるキー操作", EN: "where the config file is read from, what it sets, the key actions it can rebind"}
	SummaryKPI      = Text{JA: "KPI の一覧、理由と開始日を付けた目標の設定、KPI の変更履歴", EN: "list the KPIs, set a goal with a reason and an effective date, show a KPI's history"}
	SummaryBackup   = Text{JA: "kpit を動かしたまま、データベースの整合した確認済みのコピーを書き出す", EN: "write a consistent, checked copy of the database while kpit keeps running"}
	SummaryRestore  = Text{JA: "バックアップをデータベースの位置に戻す (置き換えたファイルは隣に残します)", EN: "put a backup in place of the database, keeping the replaced file beside it"}
	SummaryMigrate  = Text{JA: "記録・変更履歴・レビュー・設定をすべて新しいデータベースへコピー: ファイルから PostgreSQL へ、またはその逆", EN: "copy every record, revision, review and setting to a new database: a file to PostgreSQL, or back"}
	SummaryDoctor   = Text{JA: "データベースを点検 (整合性、外部キー、集計、スキーマ、WAL)。--repair で集計を作り直す", EN: "check the database (integrity, foreign keys, roll-up, schema, WAL); --repair rebuilds the roll-up"}
	SummaryUsers    = Text{JA: "チームの利用者: SSH 鍵と役割 (rep、lead、admin) の追加・一覧・削除", EN: "the team's people: add, list or remove a person's SSH key and role (rep, lead, admin)"}
	SummaryServe    = Text{JA: "SSH でコックピットを提供: 一人ひとりの鍵・言語・権限で", EN: "serve the cockpit over SSH: each person with their own key, language and rights"}
)
