package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/kpit-dev/kpit/model"
)

// The import session's customer-success records (docs/success.md): NPS
// answers, usage checks, inquiries and e-mail campaigns, staged and moved
// like the other kinds, matched by external id (the importer derives one
// for a row without). Their columns are plain values, compared as read.

// The staging kinds of the customer-success records, named as their tables.
const (
	kindNPSAnswers = "nps_answers"
	kindUsage      = "usage_checks"
	kindInquiries  = "inquiries"
	kindCampaigns  = "campaigns"
)

// successKinds are moved after customers, which usage checks name.
var successKinds = []string{kindNPSAnswers, kindUsage, kindInquiries, kindCampaigns}

// upsertPlain stages rows of kind, each the values of stageCols[kind] for
// the external id keys[i]: new ids are inserted, stored rows whose values
// differ updated, the others left alone.
func (is *ImportSession) upsertPlain(ctx context.Context, kind string, keys []string, rows [][]any) (inserted, updated, unchanged int, err error) {
	err = is.batch(ctx, func() error {
		cols := stageCols[kind]
		old := map[string][]any{}
		err := is.existing(ctx, kind, "external_id, "+strings.Join(cols, ", "), keys, func(r *sql.Rows) (string, error) {
			var k string
			vals := make([]any, len(cols))
			dest := []any{&k}
			for i := range vals {
				dest = append(dest, &vals[i])
			}
			err := r.Scan(dest...)
			old[k] = vals
			return k, err
		})
		if err != nil {
			return err
		}
		w, err := is.stager(ctx, kind, len(rows))
		if err != nil {
			return err
		}
		for i, row := range rows {
			action := actionInsert
			if prev, found := old[keys[i]]; found {
				if samePlain(prev, row) {
					unchanged++
					continue
				}
				action = actionUpdate
				updated++
			} else {
				inserted++
			}
			w.add(append(append([]any{keys[i]}, row...), action)...)
		}
		return w.flush(ctx)
	})
	return
}

// samePlain compares a stored row with the values an import would write:
// text as text, integers as integers, NULL as NULL.
func samePlain(stored, next []any) bool {
	norm := func(v any) string {
		switch x := v.(type) {
		case nil:
			return "\x00null"
		case []byte:
			return string(x)
		case bool:
			return fmt.Sprint(boolInt(x))
		}
		return fmt.Sprint(v)
	}
	for i := range stored {
		if norm(stored[i]) != norm(next[i]) {
			return false
		}
	}
	return true
}

// UpsertNPSAnswers stages a batch of NPS answers.
func (is *ImportSession) UpsertNPSAnswers(ctx context.Context, recs []model.NPSAnswer) (int, int, int, error) {
	keys, rows := make([]string, len(recs)), make([][]any, len(recs))
	for i, a := range recs {
		keys[i] = a.ExternalID
		rows[i] = []any{a.Account, model.FormatDate(a.Date), int64(a.Score), a.Comment}
	}
	return is.upsertPlain(ctx, kindNPSAnswers, keys, rows)
}

// UpsertUsage stages a batch of usage checks (CustomerID set).
func (is *ImportSession) UpsertUsage(ctx context.Context, recs []model.Usage) (int, int, int, error) {
	keys, rows := make([]string, len(recs)), make([][]any, len(recs))
	for i, u := range recs {
		keys[i] = u.ExternalID
		rows[i] = []any{u.CustomerID, model.FormatDate(u.Date), int64(boolInt(u.Active))}
	}
	return is.upsertPlain(ctx, kindUsage, keys, rows)
}

// UpsertInquiries stages a batch of inquiries.
func (is *ImportSession) UpsertInquiries(ctx context.Context, recs []model.Inquiry) (int, int, int, error) {
	keys, rows := make([]string, len(recs)), make([][]any, len(recs))
	for i, q := range recs {
		keys[i] = q.ExternalID
		rows[i] = []any{q.Account, nullMoment(q.Opened), nullMoment(q.Answered)}
	}
	return is.upsertPlain(ctx, kindInquiries, keys, rows)
}

// UpsertCampaigns stages a batch of e-mail campaigns.
func (is *ImportSession) UpsertCampaigns(ctx context.Context, recs []model.Campaign) (int, int, int, error) {
	keys, rows := make([]string, len(recs)), make([][]any, len(recs))
	for i, c := range recs {
		keys[i] = c.ExternalID
		rows[i] = []any{c.Name, model.FormatDate(c.Date), int64(c.Sent), int64(c.Opened)}
	}
	return is.upsertPlain(ctx, kindCampaigns, keys, rows)
}

// CustomerID is the live customer called name, or the refusal of an
// unknown one naming the customers known (customerByName).
func (is *ImportSession) CustomerID(ctx context.Context, name string) (int64, error) {
	if id, ok := is.customers[name]; ok {
		return id, nil
	}
	id, err := customerByName(ctx, is.conn, name)
	if err == nil {
		is.customers[name] = id
	}
	return id, err
}
