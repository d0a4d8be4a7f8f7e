// Package importer reads foreign files (CSV, TSV and Excel exports from
// SFA/CRM products and hand-kept sheets) into kpit's records: it detects
// the encoding and delimiter, maps headers to fields, parses Japanese and
// English dates and amounts, validates each row and hands batches to a
// Sink (the store's import session), which writes them in one transaction.
package importer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// Sink receives the records of one import. The store's import session
// implements it; every method runs inside the session's one transaction.
// The Upsert methods match records by external id (reps by name) and
// report how many they inserted, updated and found unchanged.
type Sink interface {
	Rep(ctx context.Context, name string, dept model.Department) (int64, error)
	OpportunityID(ctx context.Context, externalID string) (int64, bool, error)
	// StoredCreated is the created date of the stored opportunity with this
	// external id; ok is false when there is none.
	StoredCreated(ctx context.Context, externalID string) (created time.Time, ok bool, err error)
	UpsertOpportunities(ctx context.Context, recs []model.Opportunity) (inserted, updated, unchanged int, err error)
	UpsertActivities(ctx context.Context, recs []model.Activity) (inserted, updated, unchanged int, err error)
	UpsertLeads(ctx context.Context, recs []model.Lead) (inserted, updated, unchanged int, err error)
	UpsertCustomers(ctx context.Context, recs []model.Customer) (inserted, updated, unchanged int, err error)
	UpsertReps(ctx context.Context, recs []model.Rep) (inserted, updated, unchanged int, err error)
	RepsCreated() int
	// The customer-success records (docs/success.md). CustomerID is the
	// customer a usage check names, or the model's refusal of an unknown
	// name (a *model.FieldError).
	CustomerID(ctx context.Context, name string) (int64, error)
	UpsertNPSAnswers(ctx context.Context, recs []model.NPSAnswer) (inserted, updated, unchanged int, err error)
	UpsertUsage(ctx context.Context, recs []model.Usage) (inserted, updated, unchanged int, err error)
	UpsertInquiries(ctx context.Context, recs []model.Inquiry) (inserted, updated, unchanged int, err error)
	UpsertCampaigns(ctx context.Context, recs []model.Campaign) (inserted, updated, unchanged int, err error)
}

// Summary counts what an import did.
type Summary struct {
	Inserted, Updated, Unchanged, Skipped, RepsCreated int
	Rows                                               int // rows read, blank rows excluded
	// CreatedFromClose counts the deals written without a created date
	// (in the file or stored) that took their close date as created date.
	CreatedFromClose int
	// OpenStages lists every stage value of the deals written as open, with
	// how many, most first, so a won or lost stage the mapping missed shows;
	// values matching under model.StageKey are one, named as first seen
	// ("" for no stage). Past maxOpenStages values, OpenStagesOther counts
	// the deals of the rest.
	OpenStages      []StageCount
	OpenStagesOther int
}

// StageCount is a stage value and how many deals had it.
type StageCount struct {
	Value string
	Count int
}

// maxOpenStages bounds the distinct open stage values a summary names.
const maxOpenStages = 200

// Options tune a run.
type Options struct {
	File        string    // the name used in row errors; the source's path by default
	Today       time.Time // the import day: an open deal's created date when none is known (required)
	Won, Lost   []string  // stage values meaning won and lost (DefaultWon/DefaultLost when both empty)
	SkipInvalid bool      // report invalid rows through OnInvalid and go on
	OnInvalid   func(*RowError)
	// OnProgress is called every ProgressEvery rows and at the end.
	OnProgress func(rows int, fraction float64)
	// OnMove is called as a large import's new records are written, when
	// the session moves them in batches (a session with an OnMove method).
	OnMove        func(done, total int64)
	ProgressEvery int
	BatchSize     int
	// Currency is the team's currency, in which amounts are read (the
	// store's Currency); the zero value reads them as JPY.
	Currency model.Currency
	// ForecastThresholds map a probability to a forecast category (the
	// store's ForecastSettings); nil uses model.DefaultForecastThresholds.
	ForecastThresholds *model.ForecastThresholds
	// Limits bound a field's characters (TextChars; the file's own bounds
	// are OpenOptions'); zero is model.DefaultLimits'.
	Limits model.Limits
}

// DefaultBatchSize is how many records go to the sink at once.
const DefaultBatchSize = 500

// Run reads every row of src, converts it with binding b and writes it to
// sink in batches. Without SkipInvalid the first invalid row ends the run
// with a *RowError (the caller rolls the session back); with it, invalid
// rows are counted as skipped.
func Run(ctx context.Context, src Source, b Binding, sink Sink, opt Options) (Summary, error) {
	var sum Summary
	if opt.File == "" {
		return sum, errors.New("importer: Options.File is empty")
	}
	if opt.Today.IsZero() {
		return sum, errors.New("importer: Options.Today is empty")
	}
	if err := b.Complete(opt.File); err != nil {
		return sum, err
	}
	if opt.BatchSize <= 0 {
		opt.BatchSize = DefaultBatchSize
	}
	if opt.ProgressEvery <= 0 {
		opt.ProgressEvery = 10000
	}
	conv := newConverter(opt.File, b, opt.Today, opt.Won, opt.Lost)
	stages := openStages{index: map[string]int{}}
	if opt.ForecastThresholds != nil {
		conv.thresholds = *opt.ForecastThresholds
	}
	if opt.Currency.Code != "" {
		conv.currency = opt.Currency
	}
	conv.textChars = opt.Limits.Or(model.DefaultLimits()).TextChars
	w := &batcher{kind: b.Kind, sink: sink, size: opt.BatchSize, keys: map[string]bool{}}
	invalid := func(e *RowError) error {
		if !opt.SkipInvalid {
			return e
		}
		sum.Skipped++
		if opt.OnInvalid != nil {
			opt.OnInvalid(e)
		}
		return nil
	}
	// Rows are read and converted in a goroutine, a chunk ahead of the
	// writer, so parsing overlaps SQLite's work on a second core. The
	// channel holds two chunks: memory stays flat whatever the file size.
	chunks := make(chan chunk, 2)
	done := make(chan struct{})
	go readChunks(src, conv, chunks, done)
	defer func() {
		close(done)
		for range chunks { // let the reader finish before the source closes
		}
	}()
	prefetch, _ := sink.(opportunityPrefetcher)
	for ch := range chunks {
		if prefetch != nil {
			if err := prefetchOpportunities(ctx, prefetch, ch.items); err != nil {
				return sum, err
			}
		}
		for _, it := range ch.items {
			if err := ctx.Err(); err != nil {
				return sum, err
			}
			if it.fatal != nil {
				return sum, it.fatal
			}
			sum.Rows++
			if opt.OnProgress != nil && sum.Rows%opt.ProgressEvery == 0 {
				opt.OnProgress(sum.Rows, ch.fraction)
			}
			rec, re := it.rec, it.invalid
			if re == nil {
				var err error
				if re, err = w.resolve(ctx, &rec, conv, &sum); err != nil {
					return sum, err
				}
			}
			if re != nil {
				if err := invalid(re); err != nil {
					return sum, err
				}
				continue
			}
			if err := w.add(ctx, rec, &sum); err != nil {
				return sum, err
			}
			if rec.opp != nil {
				if rec.createdFromClose {
					sum.CreatedFromClose++
				}
				if rec.opp.Outcome == model.OutcomeOpen {
					stages.add(rec.opp.Stage)
				}
			}
		}
	}
	if err := w.flush(ctx, &sum); err != nil {
		return sum, err
	}
	sum.RepsCreated = sink.RepsCreated()
	sum.OpenStages, sum.OpenStagesOther = stages.list(), stages.other
	if opt.OnProgress != nil {
		opt.OnProgress(sum.Rows, 1)
	}
	return sum, nil
}

// opportunityPrefetcher is a Sink that looks up the opportunities of many
// activity rows in one query; OpportunityID then answers them without one
// each (the store's import session).
type opportunityPrefetcher interface {
	PrefetchOpportunities(ctx context.Context, refs []string) error
}

// prefetchOpportunities looks up the opportunities the activity rows of a
// chunk name.
func prefetchOpportunities(ctx context.Context, p opportunityPrefetcher, items []item) error {
	var refs []string
	for _, it := range items {
		if it.fatal == nil && it.invalid == nil && it.rec.act != nil && it.rec.oppRef != "" {
			refs = append(refs, it.rec.oppRef)
		}
	}
	if len(refs) == 0 {
		return nil
	}
	return p.PrefetchOpportunities(ctx, refs)
}

// chunkRows is how many rows the reader hands over at once.
const chunkRows = 256

// chunk is a run of converted rows and how far into the file they reach.
type chunk struct {
	items    []item
	fraction float64
}

// item is one non-blank row: a record, an invalid row, or an error that
// ends the file.
type item struct {
	rec     record
	invalid *RowError
	fatal   error
}

// readChunks reads and converts src until its end, a fatal error or done.
func readChunks(src Source, conv *converter, out chan<- chunk, done <-chan struct{}) {
	defer close(out)
	for {
		select {
		case <-done:
			return
		default:
		}
		ch := chunk{items: make([]item, 0, chunkRows)}
		end := false
		for len(ch.items) < chunkRows && !end {
			r, err := src.Next()
			var re *RowError
			switch {
			case err == io.EOF:
				end = true
			case errors.As(err, &re):
				ch.items = append(ch.items, item{invalid: re})
			case err != nil:
				ch.items = append(ch.items, item{fatal: err})
				end = true
			case blank(r.Cells):
			default:
				rec, re := conv.convert(r.Line, r.Cells)
				ch.items = append(ch.items, item{rec: rec, invalid: re})
			}
		}
		ch.fraction = src.Progress()
		select {
		case out <- ch:
		case <-done:
			return
		}
		if end {
			return
		}
	}
}

// batcher collects records of one kind and hands them to the sink.
type batcher struct {
	kind  Kind
	sink  Sink
	size  int
	keys  map[string]bool
	opps  []model.Opportunity
	acts  []model.Activity
	leads []model.Lead
	custs []model.Customer
	reps  []model.Rep
	nps   []model.NPSAnswer
	usage []model.Usage
	inqs  []model.Inquiry
	camps []model.Campaign
}

// resolve looks up (or creates) the record's rep and its opportunity, and
// finishes a deal row without a created date: the stored deal's date when
// there is one (an earlier row of the batch with the same id is written
// first, so it counts), else the rule's (converter.completeOpp). err is a
// failure of the sink, which ends the import.
func (w *batcher) resolve(ctx context.Context, rec *record, c *converter, sum *Summary) (*RowError, error) {
	if rec.act != nil && rec.oppRef != "" {
		id, ok, err := w.sink.OpportunityID(ctx, rec.oppRef)
		if err != nil {
			return &RowError{File: c.file, Line: rec.line, Column: c.b.ColumnName("opportunity"), Msg: err.Error(), Field: "opportunity"}, nil
		}
		if !ok {
			return &RowError{File: c.file, Line: rec.line, Column: c.b.ColumnName("opportunity"),
				Msg:     fmt.Sprintf("no opportunity with id %q (import the opportunities first)", rec.oppRef),
				Problem: ProblemNoOpportunity, Field: "opportunity", Value: rec.oppRef}, nil
		}
		rec.act.OpportunityID = id
	}
	if rec.opp != nil && rec.createdMissing {
		if w.keys[rec.key] {
			if err := w.flush(ctx, sum); err != nil {
				return nil, err
			}
		}
		created, ok, err := w.sink.StoredCreated(ctx, rec.key)
		if err != nil {
			return nil, err
		}
		if ok {
			rec.opp.Created = created
		}
		if re := c.completeOpp(rec); re != nil {
			return re, nil
		}
	}
	if rec.usage != nil {
		id, err := w.sink.CustomerID(ctx, rec.usage.Account)
		var fe *model.FieldError
		if errors.As(err, &fe) {
			return &RowError{File: c.file, Line: rec.line, Column: c.b.ColumnName("customer"), Msg: fe.Msg, Problem: ProblemModel,
				Field: "customer", Value: rec.usage.Account, Code: fe.Code, Args: fe.Args}, nil
		}
		if err != nil {
			return nil, err
		}
		rec.usage.CustomerID = id
	}
	var repID int64
	if rec.owner != "" {
		id, err := w.sink.Rep(ctx, rec.owner, rec.dept)
		if err != nil {
			return &RowError{File: c.file, Line: rec.line, Column: c.b.ColumnName("owner"), Msg: err.Error(), Field: "owner", Problem: ProblemRepNotSaved, Value: rec.owner}, nil
		}
		repID = id
	}
	switch {
	case rec.opp != nil:
		rec.opp.RepID = repID
	case rec.act != nil:
		rec.act.RepID = repID
	case rec.lead != nil:
		rec.lead.RepID = repID
	case rec.cust != nil:
		rec.cust.RepID = repID
	}
	return nil, nil
}

func (w *batcher) add(ctx context.Context, rec record, sum *Summary) error {
	// A repeated id must see the earlier row written before it.
	if w.keys[rec.key] {
		if err := w.flush(ctx, sum); err != nil {
			return err
		}
	}
	w.keys[rec.key] = true
	n := 0
	switch {
	case rec.opp != nil:
		w.opps = append(w.opps, *rec.opp)
		n = len(w.opps)
	case rec.act != nil:
		w.acts = append(w.acts, *rec.act)
		n = len(w.acts)
	case rec.lead != nil:
		w.leads = append(w.leads, *rec.lead)
		n = len(w.leads)
	case rec.cust != nil:
		w.custs = append(w.custs, *rec.cust)
		n = len(w.custs)
	case rec.rep != nil:
		w.reps = append(w.reps, *rec.rep)
		n = len(w.reps)
	case rec.nps != nil:
		w.nps = append(w.nps, *rec.nps)
		n = len(w.nps)
	case rec.usage != nil:
		w.usage = append(w.usage, *rec.usage)
		n = len(w.usage)
	case rec.inquiry != nil:
		w.inqs = append(w.inqs, *rec.inquiry)
		n = len(w.inqs)
	case rec.campaign != nil:
		w.camps = append(w.camps, *rec.campaign)
		n = len(w.camps)
	}
	if n >= w.size {
		return w.flush(ctx, sum)
	}
	return nil
}

func (w *batcher) flush(ctx context.Context, sum *Summary) error {
	var ins, upd, same int
	var err error
	switch w.kind {
	case Opportunities:
		ins, upd, same, err = w.sink.UpsertOpportunities(ctx, w.opps)
		w.opps = w.opps[:0]
	case Activities:
		ins, upd, same, err = w.sink.UpsertActivities(ctx, w.acts)
		w.acts = w.acts[:0]
	case Leads:
		ins, upd, same, err = w.sink.UpsertLeads(ctx, w.leads)
		w.leads = w.leads[:0]
	case Customers:
		ins, upd, same, err = w.sink.UpsertCustomers(ctx, w.custs)
		w.custs = w.custs[:0]
	case Reps:
		ins, upd, same, err = w.sink.UpsertReps(ctx, w.reps)
		w.reps = w.reps[:0]
	case NPSAnswers:
		ins, upd, same, err = w.sink.UpsertNPSAnswers(ctx, w.nps)
		w.nps = w.nps[:0]
	case Usage:
		ins, upd, same, err = w.sink.UpsertUsage(ctx, w.usage)
		w.usage = w.usage[:0]
	case Inquiries:
		ins, upd, same, err = w.sink.UpsertInquiries(ctx, w.inqs)
		w.inqs = w.inqs[:0]
	case Campaigns:
		ins, upd, same, err = w.sink.UpsertCampaigns(ctx, w.camps)
		w.camps = w.camps[:0]
	}
	clear(w.keys)
	if err != nil {
		return fmt.Errorf("write %s: %w", w.kind, err)
	}
	sum.Inserted += ins
	sum.Updated += upd
	sum.Unchanged += same
	return nil
}

// Session is a Sink that is one transaction (the store's import session).
type Session interface {
	Sink
	Commit() error
	Rollback() error
}

// Decide is asked once every row of a file is staged and before anything
// is written, with what the import would do: true moves the staged
// records into the database in one transaction, false drops them and the
// database stays as it was. The cockpit asks its user here, so the file is
// read once whatever the answer.
type Decide func(ctx context.Context, sum Summary) (bool, error)

// Write moves every import that stages without a fault; DryRun moves none
// (it counts updated and unchanged records exactly as the real run would).
var (
	Write  Decide = func(context.Context, Summary) (bool, error) { return true, nil }
	DryRun Decide = func(context.Context, Summary) (bool, error) { return false, nil }
)

// Import runs a whole import in one session: it begins the session,
// stages every row, asks decide, and commits, or rolls back on any error
// and when decide says no. moved says whether the records were written.
func Import(ctx context.Context, src Source, b Binding, begin func(context.Context) (Session, error), opt Options, decide Decide) (sum Summary, moved bool, err error) {
	sess, err := begin(ctx)
	if err != nil {
		return Summary{}, false, err
	}
	sum, err = Run(ctx, src, b, sess, opt)
	if err == nil {
		moved, err = decide(ctx, sum)
	}
	if err != nil || !moved {
		if rerr := sess.Rollback(); rerr != nil && err == nil {
			err = rerr
		}
		return sum, false, err
	}
	if m, ok := sess.(interface{ OnMove(func(done, total int64)) }); ok && opt.OnMove != nil {
		m.OnMove(opt.OnMove)
	}
	if err := sess.Commit(); err != nil {
		return sum, false, err
	}
	return sum, true, nil
}

// openStages counts the stage values of open deals for the summary.
type openStages struct {
	index  map[string]int // model.StageKey -> position in counts
	counts []StageCount
	other  int
}

func (s *openStages) add(stage string) {
	k := model.StageKey(stage)
	if i, ok := s.index[k]; ok {
		s.counts[i].Count++
		return
	}
	if len(s.counts) >= maxOpenStages {
		s.other++
		return
	}
	s.index[k] = len(s.counts)
	s.counts = append(s.counts, StageCount{Value: strings.TrimSpace(stage), Count: 1})
}

// list is the counts, most first, then in the order first seen.
func (s *openStages) list() []StageCount {
	out := append([]StageCount(nil), s.counts...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Count > out[j].Count })
	return out
}
