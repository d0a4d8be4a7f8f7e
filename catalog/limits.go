package catalog

import "github.com/kpit-dev/kpit/model"

// An input past one of the limits (model.LimitError). EN is the model's
// English (a test holds them equal: it is what the commands print).
var (
	msgOverLimit     = Text{JA: "%[1]s%[2]sは上限の%[3]s%[2]sを超えています (設定ファイルの [limits] の %[4]s で上げられます)", EN: "%s %s is more than the limit of %s (raise %s under [limits] in the config file)"}
	msgOverLimitRead = Text{JA: "上限の%s%sを超えています (設定ファイルの [limits] の %s で上げられます)", EN: "more than the limit of %s %s (raise %s under [limits] in the config file)"}
	limitUnits       = map[string]Text{
		model.LimitTextChars: {JA: "文字", EN: "characters"},
		model.LimitRows:      {JA: "行", EN: "rows"},
		model.LimitColumns:   {JA: "列", EN: "columns"},
	}
	msgBytes = Text{JA: "バイト", EN: "bytes"}
)

// Limit words a limit refusal in l.
func Limit(l Lang, e *model.LimitError) string {
	unit, ok := limitUnits[e.Key]
	if !ok {
		unit = msgBytes
	}
	u := l.T(unit)
	if e.Got > 0 {
		return l.T(msgOverLimit, GroupThousands(e.Got), u, GroupThousands(e.Limit), e.Key)
	}
	return l.T(msgOverLimitRead, GroupThousands(e.Limit), u, e.Key)
}
