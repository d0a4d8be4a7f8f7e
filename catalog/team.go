package catalog

import (
	"errors"

	"github.com/kpit-dev/kpit/model"
)

// The words of a team sharing one kpit: kpit serve, kpit users, --as, and
// the one line a write someone may not make is refused with
// (docs/teams.md).
var (
	rightsRecordOf = Text{JA: "%[1]s (%[2]s) は %[3]s の記録を変更できません: 自分の記録だけを変更できます", EN: "%[1]s (%[2]s) may not change %[3]s's records: only their own"}
	rightsNoRep    = Text{JA: "%[1]s (%[2]s) は担当者のない記録を変更できません: 自分の記録だけを変更できます", EN: "%[1]s (%[2]s) may not change a record without a rep: only their own"}
	rightsArea     = Text{JA: "%[1]s (%[2]s) は%[3]sを変更できません", EN: "%[1]s (%[2]s) may not change %[3]s"}

	areaWords = map[model.Area]Text{
		model.AreaRecords: {JA: "記録", EN: "the records"},
		model.AreaImport:  {JA: "取り込み (全員の記録)", EN: "imports (everyone's records)"},
		model.AreaTargets: {JA: "目標と KPI", EN: "the targets and KPIs"},
		model.AreaReviews: {JA: "レビュー", EN: "the reviews"},
		model.AreaRules:   {JA: "ルールと設定", EN: "the rules and settings"},
		model.AreaUsers:   {JA: "利用者", EN: "the users"},
	}
	roleWords = map[model.Role]Text{
		model.RoleRep:   {JA: "担当者", EN: "rep"},
		model.RoleLead:  {JA: "リーダー", EN: "lead"},
		model.RoleAdmin: {JA: "管理者", EN: "admin"},
	}

	// kpit serve: the lines a person sees before or instead of a screen,
	// and the server's own log lines.
	ServeUnknownKey   = Text{JA: "kpit: この鍵 (%s) は登録されていません。管理者に kpit users add で登録してもらってください", EN: "kpit: this key (%s) is not registered; ask an admin to add it with kpit users add"}
	ServeNoTerminal   = Text{JA: "kpit: 端末が必要です: ssh -t で接続してください", EN: "kpit: the cockpit needs a terminal: connect with ssh -t"}
	ServeIdleEnded    = Text{JA: "kpit: %s 操作がなかったため終了しました", EN: "kpit: ended after %s without input"}
	ServeStopping     = Text{JA: "kpit: サーバーを停止しています。保存中の内容は書き込み済みです", EN: "kpit: the server is stopping; writes in progress were finished"}
	ServeFailed       = Text{JA: "kpit: このセッションは内部エラーで終了しました (サーバーのログに記録済み)", EN: "kpit: this session ended on an internal error (written to the server's log)"}
	ServeListening    = Text{JA: "kpit serve: %[1]s で待ち受けています (データベース %[2]s, ホスト鍵 %[3]s, 利用者 %[4]d 人)", EN: "kpit serve: listening on %[1]s (database %[2]s, host key %[3]s, %[4]d users)"}
	ServeNoUsers      = Text{JA: "kpit serve: 利用者がいません。kpit users add NAME --key \"ssh-ed25519 ...\" --role admin で登録してください", EN: "kpit serve: no users yet; add one with kpit users add NAME --key \"ssh-ed25519 ...\" --role admin"}
	ServeAllAddresses = Text{JA: "kpit serve: %s はこのマシンの外からも接続できます", EN: "kpit serve: %s can be reached from other machines"}
	ServeStopped      = Text{JA: "kpit serve: 停止しました", EN: "kpit serve: stopped"}
	// The server's log: who came and went, never what they saw or wrote.
	ServeLogOpened  = Text{JA: "%[1]s (%[2]s) が %[3]s から接続しました (%[4]s)", EN: "%[1]s (%[2]s) connected from %[3]s (%[4]s)"}
	ServeLogClosed  = Text{JA: "%s のセッションが終了しました", EN: "%s's session ended"}
	ServeLogRefused = Text{JA: "登録されていない鍵 %[1]s を拒否しました (%[2]s から)", EN: "refused the unregistered key %[1]s from %[2]s"}
	ServeLogPanic   = Text{JA: "%[1]s のセッションを内部エラーで閉じました: %[2]v", EN: "closed %[1]s's session on an internal error: %[2]v"}

	// kpit users.
	UsersAdded   = Text{JA: "%[1]s を %[2]s として登録しました (鍵 %[3]s)", EN: "added %[1]s as %[2]s (key %[3]s)"}
	UsersRemoved = Text{JA: "%s を削除しました", EN: "removed %s"}
	UsersNone    = Text{JA: "利用者はいません (kpit users add で登録)", EN: "no users (add one with kpit users add)"}
	UsersName    = Text{JA: "名前", EN: "name"}
	UsersRole    = Text{JA: "役割", EN: "role"}
	UsersRep     = Text{JA: "担当者", EN: "rep"}
	UsersKey     = Text{JA: "鍵", EN: "key"}
	UsersAsNone  = Text{JA: "--as %q: そのような利用者はいません (kpit users list で一覧)", EN: "--as %q: no such user (kpit users list shows them)"}
)

// Role words a role in language l.
func Role(l Lang, r model.Role) string {
	if t, ok := roleWords[r]; ok {
		return l.T(t)
	}
	return string(r)
}

// Rights words a write refused by the rights of its user (one line).
func Rights(l Lang, e *model.RightsError) string {
	role := Role(l, e.Role)
	switch {
	case e.Area == model.AreaRecords && e.Rep != "":
		return l.T(rightsRecordOf, e.User, role, e.Rep)
	case e.Area == model.AreaRecords:
		return l.T(rightsNoRep, e.User, role)
	}
	return l.T(rightsArea, e.User, role, l.T(areaWords[e.Area]))
}

// RightsOf is err's refusal by rights, worded (Rights), when it is one:
// the check every place that shows a failed write makes first.
func RightsOf(l Lang, err error) (string, bool) {
	var re *model.RightsError
	if errors.As(err, &re) {
		return Rights(l, re), true
	}
	return "", false
}
