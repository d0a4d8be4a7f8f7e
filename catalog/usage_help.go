package catalog

import "strings"

// The paragraphs a command's -h prints under its synopsis, by their
// English as the command defines them. A paragraph without an entry shows
// in English; the English -h is unchanged.
var usageTexts = []Text{
	{JA: "コックピットを開きます: ダッシュボード、KPIツリー、スタイル別KPI、チェックリスト。\n--demo を付けると一時ディレクトリの新しいデモのデータベースで開き、終了時に消します。\n自分のデータベースには触れません。",
		EN: "Opens the cockpit: dashboard, KPI tree, KPI tables by style, checklist.\n--demo opens it on a fresh demo database in a temporary directory, removed\non exit; your own database is not touched."},
	{JA: "新規営業の KPI ツリーの計算機です (データベースなし): 設定した KPI から KGI がどうなるか、\n各 KPI が単独で KGI に届くには何が必要かを示します。\nノード: revenue = orders_won * avg_deal_size、orders_won = opportunities * win_rate、\nopportunities = leads * lead_to_opportunity_rate、leads = visits * lead_capture_rate。\n内側のノード (例: opportunities) に値を設定すると、その下のノードの代わりになります。\n値: 30%、0.3、2000000、2,000,000、200万、10億。件数と金額には /year、/quarter、/month、\n/week を付けられます (既定は /year)。\n\n例: kpit plan --kgi 10億 --set opportunities=50/month --set win_rate=30% --set avg_deal_size=200万",
		EN: "A calculator over the new-business KPI tree (no database): what the KPIs as\nset imply for the KGI, and what each would need alone to reach it.\nNodes: revenue = orders_won x avg_deal_size; orders_won = opportunities x\nwin_rate; opportunities = leads x lead_to_opportunity_rate; leads = visits x\nlead_capture_rate. A value set on an inner node (e.g. opportunities) stands\nin for the nodes under it. Values: 30%, 0.3, 2000000, 2,000,000, 200万, 10億;\ncounts and amounts take /year, /quarter, /month or /week (default /year).\n\nExample: kpit plan --kgi 10億 --set opportunities=50/month --set win_rate=30% --set avg_deal_size=200万"},
	{JA: "登録済みの --id ならその商談を更新します (フェーズの変更、受注、失注、確度)。",
		EN: "An --id that exists updates that opportunity (stage change, won, lost, its forecast category)."},
	{JA: "日時は now、YYYY-MM-DD (その日の始まり)、YYYY-MM-DDTHH:MM か \"YYYY-MM-DD HH:MM\" (現地時刻)、RFC 3339 のいずれかです。",
		EN: "TIME is now, YYYY-MM-DD (the day's start), YYYY-MM-DDTHH:MM or \"YYYY-MM-DD HH:MM\" in the local zone, or RFC 3339."},
	{JA: "設定のフラグがなければルールを表示します。設定はデータベースの rule.* のキーに保存されます。\n--currency はチームの通貨を設定します (ISO 4217: JPY、USD、EUR など。未設定なら JPY)。\nkpit は通貨を換算しません: 通貨を変えられるのはファイルに金額も金額の目標もないときだけで、\nまだないデータベースに設定するとファイルを作ります。ヨミの設定 (docs/forecast.md) は\nforecast.thresholds と forecast.weights に保存されます。",
		EN: "Without setting flags it shows the rules. Settings are stored under the keys rule.* in the database.\n--currency sets the team's currency (ISO 4217: JPY, USD, EUR, ...; JPY unless set). kpit does not\nconvert money: the currency can change only while the file holds no amount or money target, and\nsetting it on a database that does not exist yet creates the file. The forecast's settings\n(docs/forecast.md) are stored as forecast.thresholds and forecast.weights."},
	{JA: "終了コード: 未対応のアラートがあれば 1、なければ 0、エラーなら 2 (cron から実行できます)。\ntext 形式では、直近30日の入力の適時性も参考値の隣に表示します。",
		EN: "Exit status: 1 when any alert is open, 0 when none, 2 on an error, so it can run from cron.\nThe text form also shows the input timeliness of the last 30 days beside the reference figures."},
	{JA: "KIND は opportunities、activities、leads、customers、reps、nps、usage、inquiries、campaigns の\nいずれか、FILE は .csv、.tsv、.xlsx です。\nフラグは KIND と FILE の前にも後にも書けます。取り込みは全部か無しかです: 最初の不正な行で\nその行と理由を表示して止まり、データベースは元のままです。\n記録は ID で照合するので、同じファイルを取り込み直しても更新されるだけで増えません。\n--dry-run はメモリ上のコピーで動き、ファイルを作りも変えもしません。",
		EN: "KIND is opportunities, activities, leads, customers, reps, nps, usage, inquiries or campaigns;\nFILE is .csv, .tsv or .xlsx.\nFlags may come before or after KIND FILE. The import is all or nothing: the first invalid\nrow stops it with FILE:LINE: column COLUMN: what is wrong, and the database stays as it was.\nRecords are matched by id, so importing the same file again updates and adds nothing.\nA --dry-run works on a copy in memory: it creates and changes no file."},
	{JA: "KIND は opportunities、activities、leads、customers、reps、nps、usage、inquiries、campaigns の\nいずれかです。削除した記録は含みません。\n見出しは kpit の項目名なので、書き出したファイルは --map なしで取り込み直せます。\n金額はチームの通貨の主単位で小数も含むので (USD なら 1234.56、JPY なら 1200000)、正確に\n取り込み直せます。商談と顧客の JSON の行には通貨を記します。\nCSV は BOM 付きの UTF-8 です (日本の Excel で正しく開けます)。--no-bom で外せます。\n--out がなければ標準出力へ。あれば、ファイルは丸ごと書かれるか、まったく書かれないかです。\n\n例:\n  kpit export opportunities --out 商談.csv\n  kpit export activities --format xlsx --out activities.xlsx\n  kpit export leads --format json | jq length",
		EN: "KIND is opportunities, activities, leads, customers, reps, nps, usage, inquiries or campaigns.\nDeleted records are left out.\nThe headers are kpit's field names, so an export imports back without --map.\nAmounts are in major units of the team's currency with its decimals (1234.56 for USD, 1200000\nfor JPY), so they import back exactly; JSON rows of opportunities and customers name the currency.\nCSV is UTF-8 with a BOM (so Excel in Japan opens it correctly) unless --no-bom.\nWithout --out the export goes to standard output; with it, the file appears whole or not at all.\n\nExamples:\n  kpit export opportunities --out 商談.csv\n  kpit export activities --format xlsx --out activities.xlsx\n  kpit export leads --format json | jq length"},
	{JA: "リード ID ('kpit add lead' や 'kpit funnel' が表示する kpit の番号) のステージ変更を記録します:\n--to は lead、mql、sql、opportunity、won のいずれか。前のステージへ戻す移動 (インサイドセールスに\n戻された SQL、育成に戻された MQL) には --recycle が必要で、別に集計します (docs/funnel.md)。",
		EN: "Records a stage change of lead ID (kpit's number, as kpit add lead and kpit funnel print it):\n--to lead, mql, sql, opportunity or won. A move back (an SQL returned to Inside Sales, an MQL\nsent back to nurture) must say --recycle, and is counted apart (docs/funnel.md)."},
	{JA: "共通のファネル (docs/funnel.md): ステージごとに、範囲内で初めてそこに到達したリード、そのコホートの\nこれまでの次のステージへの転換率、かかった時間の中央値と90パーセンタイル、ステージの引き継ぎ期限を\n過ぎたリードを示します。",
		EN: "The shared funnel (docs/funnel.md): per stage, the leads that first reached it in the range,\nthe cohort's conversion to the next stage so far, the median and 90th percentile of the hours\nit took, and the leads past their stage's hand-off limit."},
	{JA: "  path   設定ファイルを読む場所 ($XDG_CONFIG_HOME/kpit/config.toml、\n         なければ ~/.config/kpit/config.toml)。ファイルがなくても表示します\n  show   効いている設定を設定ファイルの形で: データベースと言語は\n         --db、$KPIT_DB、ロケールを反映したもの\n  keys   [keys] で割り当てを変えられる操作と、今のキー",
		EN: "  path   where the config file is read from ($XDG_CONFIG_HOME/kpit/config.toml,\n         else ~/.config/kpit/config.toml), whether or not it exists\n  show   the settings in force, as a config file would hold them: the\n         database and language after --db, $KPIT_DB and the locale\n  keys   every action [keys] can rebind, with the keys it has now"},
	{JA: "KPI の目標・期限・定義・計算式・主要/補助の区分の変更は、--from (既定は今日) から効く改定として、\n変更者と理由とともに記録します: それより前に終わる範囲は元の目標のままです。\nlist は今日時点の各 KPI を、history は KPI の改定を新しい順に表示します。\n--target は 30%、140/month、200万 のように書き、none で取り消します。",
		EN: "A change of a KPI's target, deadline, definition, formula or main/supporting role is a\nrevision in force from --from (default today) with an author and a reason: ranges that end\nbefore it keep the goals they had. list shows each KPI as in force today; history lists a\nKPI's revisions, newest first. --target reads 30%, 140/month, 200万; none removes it."},
	{JA: "他の kpit が動いている間も、データベースの整合したコピーを FILE に書き出します: FILE の隣の\n一時的な名前へ 'VACUUM INTO' し、コピーで integrity_check と行数の一致を確かめ、fsync してから\nFILE の名前にします。FILE はまだないこと。kpit の動作中に .db ファイルをコピーしても\nバックアップにはなりません: 最新の記録は SQLite が書き戻すまで -wal ファイルにあります。",
		EN: "Writes a consistent copy of the database to FILE while other kpit processes\nkeep working: VACUUM INTO a temporary name beside FILE, integrity_check and\nequal row counts on the copy, fsync, then the copy takes FILE's name. FILE\nmust not exist. Copying the .db file while kpit runs is not a backup: the\nlatest records live in its -wal file until SQLite writes them back."},
	{JA: "kpit backup で作ったバックアップ FILE を確かめてから、データベースの記録と置き換えます: この kpit が\n読める kpit のデータベースで、integrity_check が ok であること。置き換える記録は先にデータベースの\n隣に <file>.replaced-<UTC時刻> として残します。他の kpit は開いたままで構いません: 記録は1つの\n書き込みトランザクションで置き換わるので、読まれるのは元の記録か戻した記録のどちらかで、混ざる\nことはありません。コックピットは次に画面を読み込むときに戻した記録を表示します。書き込み中\n(取り込みなど) なら他の書き込みと同じく待ち、待ち時間を過ぎるとあきらめます。",
		EN: "Puts the backup FILE (made by kpit backup) in place of the database's\nrecords, after checking it: a kpit database this kpit can read, and\nintegrity_check ok. The records it replaces are kept first beside the\ndatabase as <file>.replaced-<UTC time>. Other kpit processes may stay\nopen: the records are replaced in one write transaction, so they read the\nold records or the restored ones, never a mix; a cockpit shows the restored\nrecords when it next loads a screen. A restore waits for a running write\n(an import) like any writer, and gives up after the busy timeout."},
	{JA: "記録・改定履歴・レビュー・設定をすべて、ある kpit のデータベースから別のデータベースへコピー\nします。DB はファイルのパスか postgres://user@host/dbname の URL で、ファイルからチームの\nPostgreSQL サーバーへ、またはその逆に移せます。コピー先は新しいか空であること (新しいファイルは\n作ります。PostgreSQL のデータベースは作成済みで、表がないか、kpit の表に行がないこと)。何かが\n入っているコピー先は断り、そのままにします。コピーはコピー先での1つのトランザクションで、全部か\n無しかです。コピー元はある一時点として読み、変えません。",
		EN: "Copies every record, revision, review and setting from one kpit database\nto another, where each DB is a file path or a postgres://user@host/dbname\nURL: from a file to a team's PostgreSQL server, or back. The target must\nbe new or empty (a new file is made; a PostgreSQL database must exist and\nhold no tables, or kpit's with no rows); a target holding anything is\nrefused and left as it was. The copy is one transaction on the target:\nwhole or not at all. The source is read as one moment of it and is not\nchanged."},
	{JA: "データベースを点検します: integrity_check、foreign_key_check、記録から数え直した日次・月次集計との照合、\nスキーマのバージョン、-wal ファイルの大きさ。見つかったことごとに1行で、何が問題でどうすれば\nよいかを示します。端末では、どの点検の途中かを標準エラーに表示します。--repair は記録から集計を作り直します (大きな -wal が書き戻されます)。\n終了コード: 問題がなければ 0 (--repair の後は、何も残っていなければ 0)、あれば 1、点検できなければ 2。",
		EN: "Checks the database: integrity_check, foreign_key_check, the daily and\nmonthly roll-ups against a recount from the records, the schema version and\nthe size of the -wal file. One line per finding says what is wrong and what\nto do. On a terminal, stderr shows which check it is on meanwhile.\n--repair rebuilds the roll-up from the records and writes a large -wal back.\nExit status: 0 when nothing is wrong (after --repair: nothing is left),\n1 when something is, 2 when the check could not run."},
	{JA: "kpit serve でコックピットに入る人たちです。それぞれ SSH 公開鍵 (~/.ssh/id_ed25519.pub の1行) で\n見分けます。rep は担当者が --rep の記録だけを書き、lead は全員の記録・目標・レビューを、admin は\nさらにルールと利用者も書けます。数値は全員がすべて読めます。--lang は、ssh のセッションが\nLANG を送らないときのその人のコックピットの言語です。コマンドラインでは --as NAME でその利用者\nとして、その人の権限で書き込みます (docs/teams.md)。",
		EN: "The people who reach the cockpit with kpit serve, each known by their SSH\npublic key (one line of their ~/.ssh/id_ed25519.pub). A rep writes only\nthe records whose rep is --rep; a lead writes everyone's records, the\ntargets and the reviews; an admin also the rules and the users. Everyone\nreads every figure. --lang is the language of their cockpit when their\nssh session sends no LANG. On the command line, --as NAME writes as that\nuser with their rights (docs/teams.md)."},
	{JA: "SSH でコックピットを提供します (docs/teams.md): 'kpit users add' で公開鍵を登録した人は\nssh -p 23234 HOST で接続し、共有のデータベースで自分のコックピットを、自分の言語 (利用者の\n--lang、なければセッションの LANG) と権限で使えます。登録されていない鍵には1行だけ返し、\n画面は出しません。--listen で別のアドレスを指定しない限り 127.0.0.1:23234 で待ち受けます\n(\":23234\" ですべてのインターフェース)。ホスト鍵は一度だけ作り、持ち主だけが読めます。\nセッションは --idle の間キー操作がないと終わります。SIGTERM か ctrl+c で、書き込み中の処理が\n終わってからサーバーを止めます。",
		EN: "Serves the cockpit over SSH (docs/teams.md): everyone whose public key was\nadded with kpit users add connects with ssh -p 23234 HOST and gets their\nown cockpit on the shared database, in their language (the user's --lang,\nelse their session's LANG), with their rights. A key that is not\nregistered gets one line and no screen. Listens on 127.0.0.1:23234 unless\n--listen names another address (\":23234\" is every interface). The host key\nis made once, readable by its owner only. A session ends after --idle\nwithout a key pressed; SIGTERM or ctrl+c stops the server once the writes\nin progress are finished."},
}

// usageJA is usageTexts by their English.
var usageJA = func() map[string]string {
	m := make(map[string]string, len(usageTexts))
	for _, t := range usageTexts {
		m[t.EN] = t.JA
	}
	return m
}()

// UsageText is a command's usage for -h in l: its synopsis as written,
// then what follows the first blank line in l.
func UsageText(l Lang, usage string) string {
	synopsis, about, ok := strings.Cut(usage, "\n\n")
	if ja, found := usageJA[about]; ok && found && l == LangJA {
		return synopsis + "\n\n" + ja
	}
	return usage
}

// UsageCockpit heads the cockpit's -h, whose synopsis names kpit itself.
var UsageCockpit = Text{JA: "使い方: %s\n\nフラグ:\n", EN: "Usage: %s\n\nFlags:\n"}

// ImportExamples follows kpit import's flags in -h: the fields of each
// kind (the %s) and examples of the exports of common SFAs.
var ImportExamples = Text{
	JA: `
項目 (* は必須。項目と同じ名前の列や、商談ID、担当者、取引先、フェーズ、金額、作成日、完了日 のような
日本語・英語のよくある見出しの列は --map なしで対応づけます):
%s
例:
  # Salesforce 形式の商談レポート (Opportunity ID, Opportunity Owner, Account Name,
  # Stage, Amount, Created Date, Close Date) を取り込み、来週のためにプロファイルとして保存:
  kpit import opportunities sfdc-opps.csv --won "Closed Won" --lost "Closed Lost" --save-profile sfdc
  kpit import sfdc-opps-week48.csv --profile sfdc

  # HubSpot 形式の取引のエクスポート (Record ID, Deal owner, Associated Company, Deal Stage, ...):
  kpit import opportunities hubspot-deals.csv \
      --map "id=Record ID,owner=Deal owner,account=Associated Company" \
      --won "Closed won" --lost "Closed lost" --save-profile hubspot

  # 独自の列名を持つ CRM のサンプル:
  kpit import opportunities sales_pipeline.csv \
      --map id=opportunity_id,owner=sales_agent,stage=deal_stage,created=engage_date,closed=close_date,amount=close_value \
      --won Won --lost Lost

  # Shift_JIS の国産 SFA のエクスポートと、Excel のシート:
  kpit import opportunities 商談.csv --won 受注 --lost 失注 --dry-run
  kpit import activities 活動.xlsx --sheet 活動一覧 --skip-invalid
`,
	EN: `
Fields (* required; a column named like the field, or a usual Japanese or English header
such as 商談ID, 担当者, 取引先, フェーズ, 金額, 作成日, 完了日, needs no --map):
%s
Examples:
  # Salesforce-style opportunity report (Opportunity ID, Opportunity Owner, Account Name,
  # Stage, Amount, Created Date, Close Date), saved as a profile for next week:
  kpit import opportunities sfdc-opps.csv --won "Closed Won" --lost "Closed Lost" --save-profile sfdc
  kpit import sfdc-opps-week48.csv --profile sfdc

  # HubSpot-style deals export (Record ID, Deal owner, Associated Company, Deal Stage, ...):
  kpit import opportunities hubspot-deals.csv \
      --map "id=Record ID,owner=Deal owner,account=Associated Company" \
      --won "Closed won" --lost "Closed lost" --save-profile hubspot

  # A CRM sample with its own column names:
  kpit import opportunities sales_pipeline.csv \
      --map id=opportunity_id,owner=sales_agent,stage=deal_stage,created=engage_date,closed=close_date,amount=close_value \
      --won Won --lost Lost

  # A Japanese SFA export in Shift_JIS, and an Excel sheet:
  kpit import opportunities 商談.csv --won 受注 --lost 失注 --dry-run
  kpit import activities 活動.xlsx --sheet 活動一覧 --skip-invalid
`,
}
