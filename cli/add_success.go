package cli

import (
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/model"
)

// The customer-success records from the command line (docs/success.md):
// an NPS answer, a usage check, an inquiry and an e-mail campaign's
// figures. As with the other kinds, every refusal is one line naming the
// record and the flag, exit status 2, and nothing written.

// successError words a refused customer-success record: the record's
// kind, the flag of the field at fault and the rule, in the command's
// language.
func successError(l catalog.Lang, kind model.RecordKind, err error) error {
	var fe *model.FieldError
	if errors.As(err, &fe) {
		return fmt.Errorf("%s: --%s: %s", catalog.RecordKindWord(l, kind), fe.Field, catalog.Refusal(l, fe.Code, fe.Args, fe.Msg))
	}
	return err
}

// successFlags are the flags the four kinds share.
type successFlags struct {
	db, today, lang *string
}

func commonSuccessFlags(fs *flag.FlagSet) successFlags {
	return successFlags{db: dbFlag(fs), today: todayFlag(fs), lang: langFlag(fs)}
}

// successSession opens the database for one customer-success record and
// runs write on it with the store's clock on --today.
func successSession(e env, cmd string, kind model.RecordKind, f successFlags, write func(s *addSession, l catalog.Lang) (string, error)) int {
	l, err := e.lang(*f.lang)
	if err != nil {
		return fail(e, cmd, err)
	}
	today, err := parseToday(*f.today)
	if err != nil {
		return fail(e, cmd, err)
	}
	st, err := e.openExisting(*f.db)
	if err != nil {
		return fail(e, cmd, err)
	}
	return runAddSession(e, cmd, st, today, func(e env, s *addSession) int {
		line, err := write(s, l)
		if err != nil {
			return fail(e, cmd, successError(l, kind, err))
		}
		fmt.Fprintln(e.stdout, line)
		return exitOK
	})
}

// wholeFlag reads a whole-number flag (full-width digits too) for a
// record's field.
func wholeFlag(field, v string) (int, error) {
	n, err := model.ParseWhole(v)
	if err != nil {
		return 0, model.Refuse(field, model.RefuseNotWhole, v)
	}
	return n, nil
}

// dayFlag reads a day flag as parseDayFlag does (model.ParseDay reads
// full-width digits), as a refusal of field.
func dayFlag(field, v string, today time.Time) (time.Time, error) {
	d, err := model.ParseDay(v, today)
	if err != nil {
		return d, model.Refuse(field, model.RefuseNotDay, v)
	}
	return d, nil
}

// momentFlag reads a time flag as kpit lead move reads --at
// (model.ParseMoment), as a refusal of field.
func momentFlag(field, v string, now time.Time) (time.Time, error) {
	t, err := model.ParseMoment(v, now)
	var r *model.Refusal
	if errors.As(err, &r) {
		return t, model.Refuse(field, r.Code, r.Args...)
	}
	return t, err
}

func addNPS(e env, args []string) int {
	const cmd = "add nps"
	fs := newFlagSet(e, cmd, "add nps --score N [--customer NAME] [--date YYYY-MM-DD] [--comment T] [--db PATH]")
	f := commonSuccessFlags(fs)
	score := fs.String("score", "", "the answer to \"how likely are you to recommend us\", 0 to 10 (required)")
	customer := fs.String("customer", "", "the customer who answered (optional)")
	date := fs.String("date", "today", "the day of the answer (YYYY-MM-DD, today, yesterday)")
	comment := fs.String("comment", "", "what the customer wrote beside the score")
	if st, stop := parseOnlyFlags(e, fs, args); stop {
		return st
	}
	return successSession(e, cmd, model.RecordNPS, f, func(s *addSession, l catalog.Lang) (string, error) {
		if model.Blank(*score) {
			return "", model.Refuse("score", model.RefuseRequired)
		}
		n, err := wholeFlag("score", *score)
		if err != nil {
			return "", err
		}
		day, err := dayFlag("date", *date, s.today)
		if err != nil {
			return "", err
		}
		a := model.NPSAnswer{Score: n, Date: day, Account: model.TrimText(*customer), Comment: model.TrimText(*comment)}
		if err := checkTexts(e, "customer", a.Account, "comment", a.Comment); err != nil {
			return "", err
		}
		id, err := s.st.AddNPSAnswer(s.ctx, a)
		if err != nil {
			return "", err
		}
		return l.T(catalog.AddedNPS, id, a.Score, orDash(a.Account), model.FormatDate(a.Date)), nil
	})
}

func addUsage(e env, args []string) int {
	const cmd = "add usage"
	fs := newFlagSet(e, cmd, "add usage --customer NAME [--active yes|no] [--date YYYY-MM-DD] [--db PATH]")
	f := commonSuccessFlags(fs)
	customer := fs.String("customer", "", "the customer checked, by name as kpit knows it (required)")
	active := fs.String("active", "yes", "whether the customer is using the product: yes or no (利用 / 未利用)")
	date := fs.String("date", "today", "the day of the check (YYYY-MM-DD, today, yesterday)")
	if st, stop := parseOnlyFlags(e, fs, args); stop {
		return st
	}
	return successSession(e, cmd, model.RecordUsage, f, func(s *addSession, l catalog.Lang) (string, error) {
		on, ok := model.UsageActiveWord(*active)
		if !ok {
			return "", model.Refuse("active", model.RefuseNotYesNo, *active)
		}
		day, err := dayFlag("date", *date, s.today)
		if err != nil {
			return "", err
		}
		u := model.Usage{Account: model.TrimText(*customer), Active: on, Date: day}
		if err := checkTexts(e, "customer", u.Account); err != nil {
			return "", err
		}
		id, err := s.st.AddUsage(s.ctx, u)
		if err != nil {
			return "", err
		}
		word := catalog.UsageInactive
		if u.Active {
			word = catalog.UsageActive
		}
		return l.T(catalog.AddedUsage, id, u.Account, l.T(word), model.FormatDate(u.Date)), nil
	})
}

func addInquiry(e env, args []string) int {
	const cmd = "add inquiry"
	fs := newFlagSet(e, cmd, "add inquiry --opened TIME [--answered TIME] [--customer NAME] [--db PATH]\n\nTIME is now, YYYY-MM-DD (the day's start), YYYY-MM-DDTHH:MM or \"YYYY-MM-DD HH:MM\" in the local zone, or RFC 3339.")
	f := commonSuccessFlags(fs)
	customer := fs.String("customer", "", "the customer who asked (optional)")
	opened := fs.String("opened", "", "when the inquiry came in (required)")
	answered := fs.String("answered", "", "when it was first answered (leave out while it waits)")
	if st, stop := parseOnlyFlags(e, fs, args); stop {
		return st
	}
	return successSession(e, cmd, model.RecordInquiry, f, func(s *addSession, l catalog.Lang) (string, error) {
		now := clockOn(s.today)()
		if model.Blank(*opened) {
			return "", model.Refuse("opened", model.RefuseRequired)
		}
		q := model.Inquiry{Account: model.TrimText(*customer)}
		var err error
		if q.Opened, err = momentFlag("opened", *opened, now); err != nil {
			return "", err
		}
		if !model.Blank(*answered) {
			if q.Answered, err = momentFlag("answered", *answered, now); err != nil {
				return "", err
			}
		}
		if err := checkTexts(e, "customer", q.Account); err != nil {
			return "", err
		}
		id, err := s.st.AddInquiry(s.ctx, q)
		if err != nil {
			return "", err
		}
		answer := l.T(catalog.InquiryWaiting)
		if !q.Answered.IsZero() {
			answer = l.T(catalog.InquiryAnswered, localMinute(q.Answered))
		}
		return l.T(catalog.AddedInquiry, id, orDash(q.Account), localMinute(q.Opened), answer), nil
	})
}

func addCampaign(e env, args []string) int {
	const cmd = "add campaign"
	fs := newFlagSet(e, cmd, "add campaign --name NAME --sent N --opened N [--date YYYY-MM-DD] [--id X] [--db PATH]")
	f := commonSuccessFlags(fs)
	name := fs.String("name", "", "the campaign's name (required)")
	sent := fs.String("sent", "", "how many e-mails were sent (required)")
	opened := fs.String("opened", "", "how many of them were opened (required)")
	date := fs.String("date", "today", "the send day (YYYY-MM-DD, today, yesterday)")
	ext := fs.String("id", "", "the campaign's id in the mailing tool (optional; an id is recorded once)")
	if st, stop := parseOnlyFlags(e, fs, args); stop {
		return st
	}
	return successSession(e, cmd, model.RecordCampaign, f, func(s *addSession, l catalog.Lang) (string, error) {
		c := model.Campaign{Name: model.TrimText(*name), ExternalID: model.TrimText(*ext)}
		for _, fl := range []struct {
			field, v string
			to       *int
		}{{"sent", *sent, &c.Sent}, {"opened", *opened, &c.Opened}} {
			if model.Blank(fl.v) {
				return "", model.Refuse(fl.field, model.RefuseRequired)
			}
			n, err := wholeFlag(fl.field, fl.v)
			if err != nil {
				return "", err
			}
			*fl.to = n
		}
		var err error
		if c.Date, err = dayFlag("date", *date, s.today); err != nil {
			return "", err
		}
		if err := checkTexts(e, "name", c.Name, "id", c.ExternalID); err != nil {
			return "", err
		}
		id, err := s.st.AddCampaign(s.ctx, c)
		if err != nil {
			return "", err
		}
		return l.T(catalog.AddedCampaign, id, c.Name, model.FormatDate(c.Date), c.Sent, c.Opened), nil
	})
}

// checkTexts applies the model's text rule (no control characters, at
// most the configured characters) to the free-text flags of a record,
// given as field, value, field, value...
func checkTexts(e env, pairs ...string) error {
	chars := e.config.Limits.Or(model.DefaultLimits()).TextChars
	for i := 0; i+1 < len(pairs); i += 2 {
		if err := model.CheckText(pairs[i], pairs[i+1], chars); err != nil {
			return err
		}
	}
	return nil
}

// orDash is a name, or a dash when there is none.
func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "-"
	}
	return s
}

// localMinute is a moment in the local zone to the minute.
func localMinute(t time.Time) string { return t.In(time.Local).Format("2006-01-02 15:04") }
