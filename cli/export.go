package cli

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/kpit-dev/kpit/importer"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

const exportUsage = `export KIND [--format csv|xlsx|json] [--out FILE] [--db PATH] [--no-bom]

KIND is opportunities, activities, leads, customers, reps, nps, usage, inquiries or campaigns.
Deleted records are left out.
The headers are kpit's field names, so an export imports back without --map.
Amounts are in major units of the team's currency with its decimals (1234.56 for USD, 1200000
for JPY), so they import back exactly; JSON rows of opportunities and customers name the currency.
CSV is UTF-8 with a BOM (so Excel in Japan opens it correctly) unless --no-bom.
Without --out the export goes to standard output; with it, the file appears whole or not at all.

Examples:
  kpit export opportunities --out 商談.csv
  kpit export activities --format xlsx --out activities.xlsx
  kpit export leads --format json | jq length`

// exportColumns are the columns of each kind's export: its import fields
// minus department, which belongs to the rep, not the record, and a deal's
// probability, which kpit keeps as the category it maps to.
func exportColumns(k importer.Kind) []string {
	var cols []string
	for _, f := range importer.Fields(k) {
		if f.Name == "department" && k != importer.Reps || f.Name == "probability" {
			continue
		}
		cols = append(cols, f.Name)
	}
	return cols
}

// numericColumns are written as numbers in JSON and xlsx.
var numericColumns = map[string]bool{"amount": true, "count": true, "connected": true, "mrr": true, "score": true, "sent": true}

// numericColumn: a campaign's opened is a count, an inquiry's a moment.
func numericColumn(k importer.Kind, col string) bool {
	return numericColumns[col] || k == importer.Campaigns && col == "opened"
}

// moneyColumns are amounts in major units of the team's currency.
var moneyColumns = map[string]bool{"amount": true, "mrr": true}

// dateColumns are written as dates in xlsx.
var dateColumns = map[string]bool{"created": true, "closed": true, "date": true, "mql": true, "sql": true, "started": true, "churned": true}

func runExport(e env) int {
	fs := newFlagSet(e, "export", exportUsage)
	db := dbFlag(fs)
	format := fs.String("format", "csv", "csv, xlsx or json")
	out := fs.String("out", "", "write to `FILE` instead of standard output")
	noBOM := fs.Bool("no-bom", false, "write CSV without the UTF-8 byte order mark")
	if st, stop := parseFlags(e, fs, flagsFirst(e.args, "no-bom")); stop {
		return st
	}
	if fs.NArg() != 1 {
		return fail(e, "export", model.Refused(model.RefuseExportWhat))
	}
	kind, err := importer.ParseImportKind(fs.Arg(0))
	if err != nil {
		return fail(e, "export", err)
	}
	switch *format {
	case "csv", "xlsx", "json":
	default:
		return fail(e, "export", model.Refused(model.RefuseFlagWant, "format", *format, model.Choices{"csv", "xlsx", "json"}))
	}
	st, err := e.openExisting(*db)
	if err != nil {
		return fail(e, "export", err)
	}
	defer st.Close()
	cur, err := st.Currency(context.Background())
	if err != nil {
		return fail(e, "export", err)
	}
	write := func(w io.Writer) error {
		rw, err := newRowWriter(w, *format, kind, exportColumns(kind), !*noBOM, cur)
		if err != nil {
			return err
		}
		if err := exportRows(context.Background(), st, kind, cur, rw.row); err != nil {
			return err
		}
		return rw.close()
	}
	if *out == "" {
		bw := bufio.NewWriter(e.stdout)
		if err := write(bw); err != nil {
			return fail(e, "export", err)
		}
		if err := bw.Flush(); err != nil {
			return fail(e, "export", err)
		}
		return exitOK
	}
	if err := writeFileAtomic(*out, write); err != nil {
		return fail(e, "export", err)
	}
	return exitOK
}

// writeFileAtomic writes to a temporary file beside path and renames it
// into place, so a failed or interrupted export leaves nothing half-written.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("--out %s: %w", path, errors.Unwrap(err))
	}
	defer os.Remove(tmp.Name())
	bw := bufio.NewWriter(tmp)
	if err := write(bw); err != nil {
		tmp.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return model.Refused(model.RefuseWriteFile, path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return model.Refused(model.RefuseWriteFile, path, err)
	}
	if err := tmp.Close(); err != nil {
		return model.Refused(model.RefuseWriteFile, path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return model.Refused(model.RefuseWriteFile, path, errors.Unwrap(err))
	}
	return nil
}

// exportRows streams a kind's records as cells in exportColumns order,
// amounts in major units of cur.
func exportRows(ctx context.Context, st *store.Store, kind importer.Kind, cur model.Currency, row func([]string) error) error {
	date := model.FormatDate
	switch kind {
	case importer.Opportunities:
		return st.ExportOpportunities(ctx, func(o model.Opportunity) error {
			amount := ""
			if o.HasAmount {
				amount = cur.Plain(o.AmountMinor)
			}
			return row([]string{o.ExternalID, o.RepName, o.Account, o.Product, o.Stage, string(o.Outcome),
				date(o.Created), date(o.Closed), amount, o.LostReason, string(o.Forecast)})
		})
	case importer.Activities:
		return st.ExportActivities(ctx, func(a model.Activity, opp string) error {
			return row([]string{a.ExternalID, date(a.Date), a.RepName, string(a.Kind), strconv.Itoa(a.Count), strconv.Itoa(a.Connected),
				a.Account, opp, a.Note})
		})
	case importer.Leads:
		return st.ExportLeads(ctx, func(l model.Lead) error {
			return row([]string{l.ExternalID, l.Company, l.Contact, l.Source, l.RepName, date(l.Created), string(l.Status),
				date(l.MQLOn), date(l.SQLOn), date(l.OpportunityOn), "", date(l.WonOn)})
		})
	case importer.Customers:
		return st.ExportCustomers(ctx, func(c model.Customer) error {
			return row([]string{c.ExternalID, c.Name, c.RepName, date(c.Started), date(c.Churned), cur.Plain(c.MRRMinor)})
		})
	case importer.Reps:
		reps, err := st.Reps(ctx)
		if err != nil {
			return err
		}
		for _, r := range reps {
			if err := row([]string{r.Name, string(r.Department), yesNo(r.Active)}); err != nil {
				return err
			}
		}
		return nil
	case importer.NPSAnswers:
		return st.ExportNPSAnswers(ctx, func(a model.NPSAnswer) error {
			return row([]string{a.ExternalID, date(a.Date), strconv.Itoa(a.Score), a.Account, a.Comment})
		})
	case importer.Usage:
		return st.ExportUsage(ctx, func(u model.Usage) error {
			return row([]string{u.ExternalID, u.Account, date(u.Date), yesNo(u.Active)})
		})
	case importer.Inquiries:
		return st.ExportInquiries(ctx, func(q model.Inquiry) error {
			return row([]string{q.ExternalID, q.Account, exportMoment(q.Opened), exportMoment(q.Answered)})
		})
	case importer.Campaigns:
		return st.ExportCampaigns(ctx, func(c model.Campaign) error {
			return row([]string{c.ExternalID, c.Name, date(c.Date), strconv.Itoa(c.Sent), strconv.Itoa(c.Opened)})
		})
	}
	return fmt.Errorf("unknown kind %s", kind)
}

// exportMoment writes a moment as RFC 3339 in the local zone, to the
// second the store keeps, which the import reads back as the same instant
// (importer.ParseTime); none is an empty cell.
func exportMoment(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(time.Local).Format(time.RFC3339)
}

// yesNo is a flag as the export writes it and the import reads it.
func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// rowWriter writes a header and rows in one format.
type rowWriter struct {
	row   func([]string) error
	close func() error
}

func newRowWriter(w io.Writer, format string, kind importer.Kind, cols []string, bom bool, cur model.Currency) (*rowWriter, error) {
	numeric := make([]bool, len(cols))
	for i, c := range cols {
		numeric[i] = numericColumn(kind, c)
	}
	switch format {
	case "json":
		currency := ""
		for _, c := range cols {
			if moneyColumns[c] {
				currency = cur.Code
			}
		}
		return jsonRows(w, cols, numeric, currency), nil
	case "xlsx":
		return xlsxRows(w, string(kind), cols, numeric)
	}
	if bom {
		if _, err := w.Write([]byte{0xEF, 0xBB, 0xBF}); err != nil {
			return nil, err
		}
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(cols); err != nil {
		return nil, err
	}
	return &rowWriter{
		row:   cw.Write,
		close: func() error { cw.Flush(); return cw.Error() },
	}, nil
}

// jsonRows writes an array of objects keyed by column, numbers as numbers
// and empty cells as null, one object per line; with a currency, each
// object names it (its amounts are in that currency's major units).
func jsonRows(w io.Writer, cols []string, numeric []bool, currency string) *rowWriter {
	n := 0
	return &rowWriter{
		row: func(cells []string) error {
			sep := ",\n"
			if n == 0 {
				sep = "[\n"
			}
			n++
			if _, err := io.WriteString(w, sep+"{"); err != nil {
				return err
			}
			for i, c := range cols {
				k, _ := json.Marshal(c)
				var v []byte
				switch {
				case cells[i] == "":
					v = []byte("null")
				case numeric[i]:
					v = []byte(cells[i])
				default:
					v, _ = json.Marshal(cells[i])
				}
				if i > 0 {
					io.WriteString(w, ",")
				}
				if _, err := fmt.Fprintf(w, "%s:%s", k, v); err != nil {
					return err
				}
			}
			if currency != "" {
				if _, err := fmt.Fprintf(w, `,"currency":%q`, currency); err != nil {
					return err
				}
			}
			_, err := io.WriteString(w, "}")
			return err
		},
		close: func() error {
			end := "\n]\n"
			if n == 0 {
				end = "[]\n"
			}
			_, err := io.WriteString(w, end)
			return err
		},
	}
}

// xlsxRows streams rows into a one-sheet workbook: numbers as numbers and
// days as Excel dates shown as yyyy-mm-dd.
func xlsxRows(w io.Writer, sheet string, cols []string, numeric []bool) (*rowWriter, error) {
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, err
	}
	format := "yyyy-mm-dd"
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &format})
	if err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	header := make([]any, len(cols))
	for i, c := range cols {
		header[i] = c
	}
	if err := sw.SetRow("A1", header); err != nil {
		return nil, err
	}
	line := 1
	return &rowWriter{
		row: func(cells []string) error {
			line++
			vals := make([]any, len(cells))
			for i, c := range cells {
				vals[i] = c
				if c == "" {
					vals[i] = nil
					continue
				}
				if numeric[i] {
					if n, err := strconv.ParseInt(c, 10, 64); err == nil {
						vals[i] = n
					} else if f, err := strconv.ParseFloat(c, 64); err == nil && moneyColumns[cols[i]] {
						vals[i] = f // cents: Excel keeps 1234.56 as the double nearest it, read back as 1234.56
					}
				} else if dateColumns[cols[i]] {
					if d, err := time.Parse(model.DateLayout, c); err == nil {
						vals[i] = excelize.Cell{StyleID: dateStyle, Value: d}
					}
				}
			}
			cell, _ := excelize.CoordinatesToCellName(1, line)
			return sw.SetRow(cell, vals)
		},
		close: func() error {
			if err := sw.Flush(); err != nil {
				return err
			}
			_, err := f.WriteTo(w)
			return err
		},
	}, nil
}
