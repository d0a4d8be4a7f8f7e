package catalog

// The config file's warnings (package config, printed by the commands): the
// file is named with its line and ignored as a whole.
var (
	ConfigNone           = Text{JA: "# %s (ファイルなし: 既定値)", EN: "# %s (no file: the defaults)"}
	ConfigIgnored        = Text{JA: "kpit: 設定ファイルを無視します: %s", EN: "kpit: config file ignored: %s"}
	ConfigUnreadable     = Text{JA: "読み込めません (%s)", EN: "cannot be read (%s)"}
	ConfigSyntax         = Text{JA: "TOML として読めません: %s", EN: "not valid TOML: %s"}
	ConfigUnknownKey     = Text{JA: "不明な項目 %q (db, lang, me, theme, busy_wait, [keys], [limits] のいずれか)", EN: "unknown key %q (want db, lang, me, theme, busy_wait, [keys] or [limits])"}
	ConfigWrongType      = Text{JA: "%s は文字列で書いてください", EN: "%s: want a string"}
	ConfigBadLang        = Text{JA: "lang %q: ja か en を指定してください", EN: "lang %q: want ja or en"}
	ConfigBadTheme       = Text{JA: "theme %q: %s のいずれかを指定してください", EN: "theme %q: want %s"}
	ConfigKeyNotString   = Text{JA: "keys.%s: キーは文字列かその配列で書いてください", EN: "keys.%s: want a key or a list of keys"}
	ConfigUnknownAction  = Text{JA: "keys.%s: 不明な操作です (kpit config keys で一覧)", EN: "keys.%s: unknown action (kpit config keys lists them)"}
	ConfigNoKeys         = Text{JA: "keys.%s: キーが空です", EN: "keys.%s: no keys"}
	ConfigTooLarge       = Text{JA: "%d バイトあり、上限 %d バイトを超えています (設定ファイルは数行です)", EN: "%d bytes is more than the limit of %d (a config file is a few lines)"}
	ConfigBadText        = Text{JA: "%s: 制御文字を含むか長すぎます", EN: "%s: holds a control character or is too long"}
	ConfigUnknownLimit   = Text{JA: "limits.%s: 不明な上限です (%s のいずれか)", EN: "limits.%s: unknown limit (want %s)"}
	ConfigBadLimit       = Text{JA: "limits.%s = %d: 1から%dの整数を指定してください", EN: "limits.%s = %d: want a whole number from 1 to %d"}
	ConfigLimitNotNumber = Text{JA: "%s は整数で書いてください", EN: "%s: want a whole number"}
	ConfigBadWait        = Text{JA: "busy_wait = %s: %s から %s までの時間を 30s、2m、500ms のように (数だけなら秒) 書いてください", EN: "busy_wait = %s: want a time from %s to %s, such as 30s, 2m or 500ms (a bare number is seconds)"}
	ConfigBadKey         = Text{JA: "キー %q (keys.%s) は空白を含められません (space, enter, ctrl+x のように書きます)", EN: "key %q (keys.%s) cannot hold blanks (write space, enter, ctrl+x)"}
)
