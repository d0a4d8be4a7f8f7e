package catalog

// The flags' descriptions in a command's -h, by the English each flag is
// defined with as flag.UnquoteUsage gives it (the backquotes that name the
// flag's value taken out). A description without an entry shows in
// English; the English -h is the flag package's own, unchanged.
var flagHelpTexts = []Text{
	{JA: "出力の言語、ja か en (既定は設定ファイルの lang、なければ LC_ALL、LC_MESSAGES、LANG から)", EN: "LANG of the output, ja or en (default the config file's lang, else from LC_ALL, LC_MESSAGES, LANG)"},
	{JA: "役割: rep (担当者)、lead (マネージャー)、admin (管理者) のいずれか", EN: "ROLE: rep, lead or admin"},
	{JA: "コックピットのテーマ: dark、light、high-contrast (既定は設定ファイルの theme、なければ端末に合わせて dark か light)", EN: "THEME of the cockpit: dark, light, high-contrast (default the config file's theme, else dark or light from the terminal)"},
	{JA: "KPI の設定値を ノード=値 で (繰り返し可): opportunities=50/month、win_rate=30%、avg_deal_size=200万", EN: "a KPI as set, NODE=VALUE (repeat): opportunities=50/month, win_rate=30%, avg_deal_size=200万"},
	{JA: "前のステージへ戻す移動 (リサイクル。別に集計します)", EN: "a move back to an earlier stage, counted apart"},
	{JA: "短いメモ", EN: "a short note"},
	{JA: "--from/--to の代わりに期間全体を指定: 2026-11、2026-Q3 (暦年)、FY2026、FY2026-Q1、2026-W47", EN: "a whole period instead of --from/--to: 2026-11, 2026-Q3 (calendar), FY2026, FY2026-Q1, 2026-W47"},
	{JA: "取り込みが成功したら、ファイルの読み方をこの名前のプロファイルとして保存", EN: "after a successful import, save how the file was read as profile NAME"},
	{JA: "アラートを on か off に", EN: "alerts on or off"},
	{JA: "数値を担当者別 (rep)、部門別 (department)、月別 (month) にも分ける", EN: "also break the figures down by rep, department or month"},
	{JA: "ファネルを部門別 (department)、流入元別 (source)、担当者別 (rep) にも分ける", EN: "also break the funnel down by department, source or rep"},
	{JA: "この日 (YYYY-MM-DD) 以降に確度・完了予定日・結果が変わった商談も一覧にする", EN: "also list the deals whose category, expected close or outcome changed from this day on (YYYY-MM-DD)"},
	{JA: "チームの通貨 (kpit rules --currency) での金額: 1200000、12,000,000円、120万、1.2億。USD なら 1234.56", EN: "amount in the team's currency (kpit rules --currency): 1200000, 12,000,000円, 120万, 1.2億; 1234.56 for USD"},
	{JA: "項目と列の対応: 項目=列名,...", EN: "bind fields to columns: FIELD=COLUMN,..."},
	{JA: "バックアップを確かめるだけで、何も変えない", EN: "check the backup only; change nothing"},
	{JA: "未登録の担当者なら作成する", EN: "create the rep if it is not known yet"},
	{JA: "csv、xlsx、json のいずれか", EN: "csv, xlsx or json"},
	{JA: "データベースのパスか postgres://user@host/dbname の URL (既定は $KPIT_DB、なければ設定ファイルの db、なければ $XDG_DATA_HOME/kpit/kpit.db、なければ ~/.local/share/kpit/kpit.db)", EN: "database PATH or postgres://user@host/dbname URL (default $KPIT_DB, else the config file's db, else $XDG_DATA_HOME/kpit/kpit.db, else ~/.local/share/kpit/kpit.db)"},
	{JA: "記録がこの日数ないと担当者を「入力なし」とみなす (0 で無効)", EN: "days without an entry after which a rep is stale (0 = off)"},
	{JA: "--create-rep で作る担当者の部門: marketing、inside_sales、field_sales、customer_success のいずれか", EN: "department of a rep made by --create-rep: marketing, inside_sales, field_sales or customer_success"},
	{JA: "キー操作がこの時間ないとセッションを終える (0 で終えない)", EN: "end a session after this long without a key pressed (0: never)"},
	{JA: "入力期限: same-day (当日)、next-business-day (翌営業日)、Nd (N 暦日) のいずれか", EN: "entry deadline: same-day, next-business-day or Nd (N calendar days)"},
	{JA: "現在ではなくこの日時 (RFC 3339。例: 2026-11-20T09:00:00+09:00) で判定する", EN: "evaluate at this TIME (RFC 3339, e.g. 2026-11-20T09:00:00+09:00) instead of now"},
	{JA: "範囲の初日 (既定: 今期の期首)", EN: "first day of the range (default: start of the current fiscal year)"},
	{JA: "初日 (この日を含む。既定: 下限なし)", EN: "first day, inclusive (default: no lower bound)"},
	{JA: "件数 (1以上の整数)", EN: "how many (a positive whole number)"},
	{JA: "日付を今日より何日先まで認めるか (0 で認めない)", EN: "how many days ahead of today an event date may lie (0 = none)"},
	{JA: "送信したメールの数 (必須)", EN: "how many e-mails were sent (required)"},
	{JA: "そのうち開封された数 (必須)", EN: "how many of them were opened (required)"},
	{JA: "デモの代わりに、速度の計測用に5年分で商談 N 件の会社を作る (1から10000000)", EN: "instead of the demo, a company of N opportunities over five years for measuring speed (1 to 10000000)"},
	{JA: "json か text", EN: "json or text"},
	{JA: "json、csv、md (会議メモに貼る表) のいずれか", EN: "json, csv or md (a table to paste into a meeting note)"},
	{JA: "範囲の最終日 (この日を含む。既定: 今日)", EN: "last day of the range, inclusive (default: today)"},
	{JA: "最終日 (この日を含む。既定: 上限なし)", EN: "last day, inclusive (default: no upper bound)"},
	{JA: "主要 KPI にする", EN: "make it a main KPI"},
	{JA: "補助 KPI にする", EN: "make it a supporting KPI"},
	{JA: "期首の月、1から12 (既定は4、4月)", EN: "month the fiscal year starts in, 1-12 (default 4, April)"},
	{JA: "new、mql、sql のいずれか", EN: "new, mql or sql"},
	{JA: "架電の --count のうち相手につながった数 (通話数)", EN: "of a call's --count, how many reached the person (通話数)"},
	{JA: "on にすると12/29から1/3を営業日から外す (既定: on)", EN: "on: 12/29-1/3 are not business days (default on)"},
	{JA: "自分のデータベースではなく、新しい一時的なデモのデータベースを開く", EN: "open a fresh temporary demo database instead of yours"},
	{JA: "自分のデータベースではなく、新しい一時的なデモのデータベースでレビューを開く", EN: "open the review on a fresh temporary demo database instead of yours"},
	{JA: "open (進行中)、won (受注)、lost (失注) のいずれか", EN: "open, won or lost"},
	{JA: "出力形式: text か json", EN: "output FORMAT: text or json"},
	{JA: "担当者ごとの「入力なし」の日数 名前=日数 (繰り返し可。0 でその人は無効、名前= で取り消し)", EN: "per-rep staleness limit NAME=N (repeat; 0 = off for that rep, NAME= removes it)"},
	{JA: "種類・項目の対応・受注/失注・文字コード・シートを、保存したこの名前のプロファイルから読む", EN: "read kind, mapping, won/lost, encoding and sheet from the saved profile NAME"},
	{JA: "日次の集計を記録から作り直す (大きな -wal ファイルが書き戻されます)", EN: "rebuild the daily roll-up from the records and write a large -wal file back"},
	{JA: "不正な行は標準エラーに出して、残りを取り込む", EN: "report invalid rows on stderr and import the rest"},
	{JA: "必須項目を 種類=項目,... で (繰り返し可): activity=account,note opportunity=amount,account lead=source。種類= で取り消し", EN: "required fields KIND=FIELD,... (repeat): activity=account,note opportunity=amount,account lead=source; KIND= clears"},
	{JA: "作るデータのシード: 同じシードと日付なら同じ数値になります", EN: "seed of the made-up data: the same seed and day give the same figures"},
	{JA: "失注を表すフェーズの値、カンマ区切り (既定: Lost、Closed Lost、失注)", EN: "stage VALUES meaning lost, comma-separated (default: Lost, Closed Lost, 失注)"},
	{JA: "受注を表すフェーズの値、カンマ区切り (既定: Won、Closed Won、受注)", EN: "stage VALUES meaning won, comma-separated (default: Won, Closed Won, 受注)"},
	{JA: "文字コード: auto、utf-8、cp932 のいずれか", EN: "text encoding: auto, utf-8 or cp932"},
	{JA: "text か json", EN: "text or json"},
	{JA: ".xlsx のシート名 (既定: 最初のシート)", EN: "the .xlsx sheet NAME (default: the first sheet)"},
	{JA: "待ち受けるアドレス、ホスト:ポート (\":23234\" ですべてのインターフェース)", EN: "the ADDR to listen on, host:port (\":23234\" is every interface)"},
	{JA: "コピー元のデータベース: ファイルのパスか postgres:// の URL", EN: "the DB to copy from: a file path or a postgres:// URL"},
	{JA: "コピー先のデータベース: 新しいファイルのパスか、空の postgres:// のデータベース", EN: "the DB to copy into: a new file path or an empty postgres:// database"},
	{JA: "KGI、年間の売上金額 (/quarter、/month、/week を付けるとその期間あたり): 1000000000、10億、1億/month", EN: "the KGI, AMOUNT of revenue per year (or add /quarter, /month, /week): 1000000000, 10億, 1億/month"},
	{JA: "その人のコックピットの言語 (ja か en)。セッションが言語を送らないときに使います", EN: "the LANG of their cockpit (ja or en) when their session sends none"},
	{JA: "その人の記録の担当者名 (役割が rep なら必須)", EN: "the REP whose records are theirs (required for a rep)"},
	{JA: "訪問・架電した取引先", EN: "the account visited or called"},
	{JA: "「この製品を薦める可能性はどのくらいですか」への回答、0から10 (必須)", EN: "the answer to \"how likely are you to recommend us\", 0 to 10 (required)"},
	{JA: "書き出すバックアップファイル (まだないこと)", EN: "the backup FILE to write (must not exist)"},
	{JA: "配信ツールでの配信ID (任意。同じIDは一度だけ記録されます)", EN: "the campaign's id in the mailing tool (optional; an id is recorded once)"},
	{JA: "配信名 (必須)", EN: "the campaign's name (required)"},
	{JA: "完了日 (進行中なら完了予定日。受注・失注にしたときは今日)", EN: "the close day (the expected close day while open; today when marked won or lost)"},
	{JA: "会社名", EN: "the company"},
	{JA: "先方の担当者名", EN: "the contact person"},
	{JA: "顧客の取引先", EN: "the customer account"},
	{JA: "確認した顧客、kpit に登録した名前で (必須)", EN: "the customer checked, by name as kpit knows it (required)"},
	{JA: "回答した顧客 (任意)", EN: "the customer who answered (optional)"},
	{JA: "問い合わせた顧客 (任意)", EN: "the customer who asked (optional)"},
	{JA: "活動の日 (YYYY-MM-DD、today、yesterday)", EN: "the day of the activity (YYYY-MM-DD, today, yesterday)"},
	{JA: "回答の日 (YYYY-MM-DD、today、yesterday)", EN: "the day of the answer (YYYY-MM-DD, today, yesterday)"},
	{JA: "確認した日 (YYYY-MM-DD、today、yesterday)", EN: "the day of the check (YYYY-MM-DD, today, yesterday)"},
	{JA: "今日とみなす日、YYYY-MM-DD (既定: 時計の日付)", EN: "the day taken as today, YYYY-MM-DD (default: the clock's)"},
	{JA: "デモ会社の履歴が終わる日 (既定: 今日)", EN: "the day the demo company's history ends (default: today)"},
	{JA: "リードが入った日", EN: "the day the lead came in"},
	{JA: "商談の作成日 (新しい商談の既定: 完了していれば完了日、なければ今日)", EN: "the day the opportunity was created (default for a new one: its close day when closed, else today)"},
	{JA: "期限 YYYY-MM-DD。none で取り消し", EN: "the deadline YYYY-MM-DD; none removes it"},
	{JA: "進行中の商談の完了予定日 (進行中なら --closed と同じ)", EN: "the expected close day of an open deal (the same as --closed while it is open)"},
	{JA: "変更が効く最初の日、YYYY-MM-DD (既定: 今日)", EN: "the first DAY the change is in force, YYYY-MM-DD (default: today)"},
	{JA: "確度 (ヨミ): A、B、C、commit、best_case、pipeline、omitted のいずれか (確度A…)。\"\" で未評価に戻す", EN: "the forecast category (ヨミ): A, B, C, commit, best_case, pipeline or omitted (確度A…); \"\" unrates it"},
	{JA: "計算式かデータの出どころ (1行)", EN: "the formula or data source (one line)"},
	{JA: "取り込みの日 (YYYY-MM-DD): ファイルにも kpit にも作成日がない進行中の商談の作成日になります (既定: 時計の日付)", EN: "the import DAY (YYYY-MM-DD): an open deal's created date when the file and kpit have none (default: the clock's)"},
	{JA: "この活動の商談 (その --id か、kpit の番号なら #N)", EN: "the opportunity it belongs to (its --id, or #N for kpit's own number)"},
	{JA: "商談のID (必須。登録済みのIDならその商談を更新するので、スクリプトから後で商談を進められます)", EN: "the opportunity's id (required; an existing id updates it, so scripts can move a deal on later)"},
	{JA: "レビューする期間: 2026-11、2026-Q3 (暦年)、FY2026、FY2026-Q1、2026-W47 (既定: 今月)", EN: "the period to review: 2026-11, 2026-Q3 (calendar), FY2026, FY2026-Q1, 2026-W47 (default this month)"},
	{JA: "期間: 2026-11、2026-Q3 (暦年)、FY2026、FY2026-Q1、2026-W47 (既定: 今日の月)", EN: "the period: 2026-11, 2026-Q3 (calendar), FY2026, FY2026-Q1, 2026-W47 (default: today's month)"},
	{JA: "その人の SSH 公開鍵、.pub ファイルの1行", EN: "the person's SSH public KEY, one line of their .pub file"},
	{JA: "商品", EN: "the product"},
	{JA: "移動した担当者 (既定: 設定ファイルの me)", EN: "the rep who made the move (default the config file's me)"},
	{JA: "リードの担当者 (任意)", EN: "the rep who owns the lead (optional)"},
	{JA: "担当者名 (既定: 設定ファイルの me)", EN: "the rep's name (default the config file's me)"},
	{JA: "営業のフェーズ", EN: "the sales stage"},
	{JA: "送信日 (YYYY-MM-DD、today、yesterday)", EN: "the send day (YYYY-MM-DD, today, yesterday)"},
	{JA: "サーバーのホスト秘密鍵のパス、なければ作成 (既定: データベースの隣の kpit_host_ed25519)", EN: "the server's private host key PATH, made when missing (default: kpit_host_ed25519 beside the database)"},
	{JA: "リードの移動先のステージ: lead、mql、sql、opportunity、won のいずれか", EN: "the stage the lead moves to: lead, mql, sql, opportunity or won"},
	{JA: "目標値: 率なら 30%、件数なら 140/month、金額なら 200万。none で取り消し", EN: "the target V: 30% for a rate, 140/month for a count, 200万 for an amount; none removes it"},
	{JA: "チームの通貨、ISO 4217 のコード: JPY、USD、EUR、GBP、AUD、CAD、SGD、KRW (既定: JPY)", EN: "the team's currency, an ISO 4217 CODE: JPY, USD, EUR, GBP, AUD, CAD, SGD, KRW (default JPY)"},
	{JA: "加重ヨミの重み、確度A・B・C・対象外の順にそれぞれ0から1 (既定: 0.9,0.5,0.2,0)", EN: "the weighted forecast's weights of commit, best case, pipeline, omitted, each 0 to 1 (default 0.9,0.5,0.2,0)"},
	{JA: "定義の文 (1行)", EN: "the written definition (one line)"},
	{JA: "書き込まずに検証して集計だけを表示 (ファイルは作りも変えもしません)", EN: "validate and print the summary without writing (no file is created or changed)"},
	{JA: "visit (訪問)、call (架電)、email (メール)、proposal (提案)、appointment (アポ)、meeting (商談) のいずれか", EN: "visit, call, email, proposal, appointment or meeting (訪問, 架電, メール, 提案, アポ, 商談)"},
	{JA: "顧客が点数に添えて書いたこと", EN: "what the customer wrote beside the score"},
	{JA: "最初に回答した日時 (未回答なら省く)", EN: "when it was first answered (leave out while it waits)"},
	{JA: "問い合わせを受けた日時 (必須)", EN: "when the inquiry came in (required)"},
	{JA: "日時: now、YYYY-MM-DD (MQL/SQL の日と同じく UTC のその日の始まり)、YYYY-MM-DDTHH:MM (現地時刻)、RFC 3339 のいずれか", EN: "when: now, YYYY-MM-DD (the day's start in UTC, as MQL/SQL days are), YYYY-MM-DDTHH:MM in the local zone, or RFC 3339"},
	{JA: "リードの流入元 (web、event、ads など)", EN: "where the lead came from (web, event, ads...)"},
	{JA: "顧客が製品を使っているか: yes か no (利用 / 未利用)", EN: "whether the customer is using the product: yes or no (利用 / 未利用)"},
	{JA: "変更する人 (既定: OS の利用者)", EN: "who makes the change (default: the OS user)"},
	{JA: "失注理由", EN: "why it was lost"},
	{JA: "目標を変える理由 (必須)", EN: "why the goal changes (required)"},
	{JA: "取り込んだ受注確率を確度A・B・Cに振り分けるしきい値 (%) (既定: 80,50,20。最後の値未満は対象外)", EN: "win probabilities in percent that map an imported probability to commit, best case, pipeline (default 80,50,20; below the last is omitted)"},
	{JA: "--export と使う: レビューの番号 (既定: 最新)", EN: "with --export: the review's N (default the last)"},
	{JA: "--export と使う: 標準出力ではなくこのファイルに書く (途中で止まっても壊れません)", EN: "with --export: write to FILE (atomically) instead of stdout"},
	{JA: "UTF-8 の BOM を付けずに CSV を書く", EN: "write CSV without the UTF-8 byte order mark"},
	{JA: "コックピットを開かずに、保存した最新 (または --id の) レビューの議事録を md か json で書き出す", EN: "write the minutes of the last (or --id) saved review as md or json instead of opening the cockpit"},
	{JA: "標準出力ではなくこのファイルに書く", EN: "write to FILE instead of standard output"},
}

// flagHelpJA is flagHelpTexts by their English.
var flagHelpJA = func() map[string]string {
	m := make(map[string]string, len(flagHelpTexts))
	for _, t := range flagHelpTexts {
		m[t.EN] = t.JA
	}
	return m
}()

// FlagHelp is a flag's description in l, given the English it is defined
// with (unquoted).
func FlagHelp(l Lang, english string) string {
	if ja, ok := flagHelpJA[english]; ok && l == LangJA {
		return ja
	}
	return english
}

// FlagDefault follows a flag's description with its default value when
// it has one: (default "today").
var FlagDefault = Text{JA: " (既定値: %s)", EN: " (default %s)"}
