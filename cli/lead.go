package cli

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

const leadMoveUsage = `lead move ID --to STAGE [--at TIME] [--rep NAME] [--recycle] [--today YYYY-MM-DD] [--lang ja|en] [--db PATH]

Records a stage change of lead ID (kpit's number, as kpit add lead and kpit funnel print it):
--to lead, mql, sql, opportunity or won. A move back (an SQL returned to Inside Sales, an MQL
sent back to nurture) must say --recycle, and is counted apart (docs/funnel.md).`

// runLead runs the lead subcommands: move.
func runLead(e env) int {
	if len(e.args) == 0 || strings.HasPrefix(e.args[0], "-") {
		if len(e.args) > 0 && (e.args[0] == "-h" || e.args[0] == "--help" || e.args[0] == "-help") {
			fmt.Fprintln(e.stderr, "Usage: kpit "+leadMoveUsage)
			return exitOK
		}
		return fail(e, "lead", model.Refused(model.RefuseLeadWhat))
	}
	if e.args[0] != "move" {
		return fail(e, "lead", model.Refused(model.RefuseUnknownLeadCmd, e.args[0]))
	}
	return leadMove(e, e.args[1:])
}

// leadMove records one stage change. Every refusal is one line naming the
// lead and the flag, exit status 2, and nothing written.
func leadMove(e env, args []string) int {
	const cmd = "lead move"
	fs := newFlagSet(e, cmd, leadMoveUsage)
	dbPath := dbFlag(fs)
	to := fs.String("to", "", "the stage the lead moves to: lead, mql, sql, opportunity or won")
	at := fs.String("at", "now", "when: now, YYYY-MM-DD (the day's start in UTC, as MQL/SQL days are), YYYY-MM-DDTHH:MM in the local zone, or RFC 3339")
	rep := fs.String("rep", e.config.Me, "the rep who made the move (default the config file's me)")
	recycle := fs.Bool("recycle", false, "a move back to an earlier stage, counted apart")
	todayArg := todayFlag(fs)
	langArg := langFlag(fs)
	// The id may come before the flags (kpit lead move 42 --to sql) or after them.
	var ref string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		ref, args = args[0], args[1:]
	}
	if code, stop := parseFlags(e, fs, args); stop {
		return code
	}
	if ref == "" && fs.NArg() > 0 {
		ref = fs.Arg(0)
		if code, stop := parseFlags(e, fs, fs.Args()[1:]); stop {
			return code
		}
	}
	if fs.NArg() > 0 {
		return fail(e, cmd, model.Refused(model.RefuseUnexpectedArg, fs.Arg(0), cmd))
	}
	lang, err := e.lang(*langArg)
	if err != nil {
		return fail(e, cmd, err)
	}
	id, err := strconv.ParseInt(strings.TrimPrefix(ref, "#"), 10, 64)
	if ref == "" || err != nil || id <= 0 {
		return fail(e, cmd, model.Refused(model.RefuseNotLeadID, ref))
	}
	stage, err := model.ParseFunnelStage(*to)
	if *to == "" {
		err = model.Refused(model.RefuseLeadStageRequired)
	}
	if err == nil && stage.Order() > model.FunnelWon.Order() {
		err = model.Refused(model.RefuseCustomerStage, stage)
	}
	if err != nil {
		return fail(e, cmd, model.Refused(model.RefuseOfLead, id, &model.FlagError{Flag: "to", Err: err}))
	}
	today, err := parseToday(*todayArg)
	if err != nil {
		return fail(e, cmd, err)
	}
	now := clockOn(today)()
	if *todayArg == "" {
		now = clock()
	}
	when, err := model.ParseMoment(*at, now)
	if err != nil {
		return fail(e, cmd, model.Refused(model.RefuseOfLead, id, &model.FlagError{Flag: "at", Err: err}))
	}
	st, err := e.openExisting(*dbPath)
	if err != nil {
		return fail(e, cmd, err)
	}
	defer st.Close()
	st.SetClock(func() time.Time { return now })
	mv := model.StageMove{LeadID: id, Stage: stage, At: when, RepName: strings.TrimSpace(*rep), Recycle: *recycle}
	ctx := context.Background()
	if err := st.MoveStages(ctx, []model.StageMove{mv}); err != nil {
		return fail(e, cmd, leadMoveError(lang, id, err))
	}
	l, err := st.Lead(ctx, id)
	if err != nil {
		return fail(e, cmd, err)
	}
	line := catalog.LeadMoved
	if mv.Recycle {
		line = catalog.LeadRecycled
	}
	fmt.Fprintln(e.stdout, lang.T(line, id, strings.TrimSpace(l.Company+" "+l.Contact), catalog.StageWord(lang, stage),
		when.In(time.Local).Format("2006-01-02 15:04 MST")))
	return exitOK
}

// leadMoveError is a refused move as one line naming the lead and the flag.
func leadMoveError(l catalog.Lang, id int64, err error) error {
	var fe *model.FieldError
	var ue *store.UnknownRepError
	switch {
	case errors.Is(err, store.ErrNoLead):
		return model.Refused(model.RefuseOfLead, id, errors.New(l.T(catalog.LeadMissing, id)))
	case errors.As(err, &ue):
		return model.Refused(model.RefuseOfLead, id, model.BadFlag("rep", model.RefuseUnknownRep, ue.Name, model.Names(ue.Known)))
	case errors.As(err, &fe):
		flagName := fe.Field // at and rep are their flags' names
		if fe.Field == "stage" {
			flagName = "to"
		}
		msg := catalog.Refusal(l, fe.Code, fe.Args, fe.Msg)
		if fe.Code == model.RefuseBackwardsNotRecycle {
			msg += " (--recycle)"
		}
		return model.Refused(model.RefuseOfLead, id, &model.FlagError{Flag: flagName, Err: errors.New(msg)})
	}
	return err
}
