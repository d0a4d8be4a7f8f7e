package tui

import (
	"errors"
	"path/filepath"
	"strings"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/importer"
	"github.com/kpit-dev/kpit/model"
)

// importFieldLabel names a kind's field in the language of the UI.
func importFieldLabel(l Lang, k importer.Kind, field string) string {
	switch field {
	case "id":
		switch k {
		case importer.Activities:
			return l.T(msgImpFieldActID)
		case importer.Leads:
			return l.T(msgImpFieldLeadID)
		case importer.Customers:
			return l.T(msgImpFieldCustID)
		case importer.NPSAnswers:
			return l.T(msgImpFieldNPSID)
		case importer.Usage:
			return l.T(msgImpFieldUsageID)
		case importer.Inquiries:
			return l.T(msgImpFieldInquiryID)
		case importer.Campaigns:
			return l.T(msgImpFieldCampaignID)
		}
		return l.T(msgImpFieldOppID)
	case "name":
		switch k {
		case importer.Reps:
			return l.T(msgImpFieldRepName)
		case importer.Campaigns:
			return l.T(msgImpFieldCampaign)
		}
		return l.T(msgImpFieldCustName)
	case "active":
		if k == importer.Usage {
			return l.T(msgImpFieldInUse)
		}
		return l.T(msgImpFieldActive)
	case "opened":
		if k == importer.Campaigns {
			return l.T(msgImpFieldOpens)
		}
		return l.T(msgImpFieldReceived)
	}
	labels := map[string]Text{"owner": msgImpFieldOwner, "account": msgImpFieldAccount, "product": msgImpFieldProduct,
		"stage": msgImpFieldStage, "outcome": msgImpFieldOutcome, "created": msgImpFieldCreated, "closed": msgImpFieldClosed,
		"amount": msgImpFieldAmount, "lost_reason": msgImpFieldLostReason, "department": msgImpFieldDepartment,
		"forecast": msgImpFieldForecast, "probability": msgImpFieldProb,
		"date": msgImpFieldDate, "kind": msgImpFieldKind, "count": msgImpFieldCount, "connected": msgImpFieldConnected,
		"opportunity": msgImpFieldOpp,
		"note":        msgImpFieldNote, "company": msgImpFieldCompany, "contact": msgImpFieldContact, "source": msgImpFieldSource,
		"status": msgImpFieldStatus, "mql": msgImpFieldMQL, "sql": msgImpFieldSQL, "started": msgImpFieldStarted,
		"churned": msgImpFieldChurned, "mrr": msgImpFieldMRR, "score": msgImpFieldScore, "customer": msgImpFieldCustomer,
		"comment": msgImpFieldComment, "answered": msgImpFieldAnswered, "sent": msgImpFieldSent}
	if t, ok := labels[field]; ok {
		return l.T(t)
	}
	return field
}

// importErrorText is an import error in the language of the UI: a row
// error worded from its parts, anything else as it came. The file is named
// by its base name: the pane shows the whole path on its File line, and a
// long path would push the reason off the end of the line.
func importErrorText(l Lang, k importer.Kind, err error) string {
	var dup *importer.DuplicateHeaderError
	if errors.As(err, &dup) {
		return l.T(msgImportDuplicateHeader, dup.First, dup.Second, dup.Name)
	}
	var fe *importer.FileError
	if errors.As(err, &fe) && fe.Problem == importer.ProblemLimit && l == LangJA {
		le, _ := importer.LimitOf(err)
		where := filepath.Base(fe.File)
		if line, _ := fe.Args[1].(int); line > 0 {
			where = l.T(msgImportFileLine, where, line)
		}
		return where + ": " + catalog.Limit(l, le)
	}
	if errors.As(err, &fe) && fe.Problem == importer.ProblemHeaderText && l == LangJA {
		line, _ := fe.Args[0].(int)
		col, _ := fe.Args[1].(int)
		ref, _ := fe.Args[2].(*model.FieldError)
		return l.T(msgImportHeaderText, l.T(msgImportFileLine, filepath.Base(fe.File), line), col, fieldRefusal(l, ref))
	}
	if errors.As(err, &fe) {
		if t, ok := importFileProblemTexts[fe.Problem]; ok && l == LangJA {
			return l.T(t, append([]any{filepath.Base(fe.File)}, fe.Args...)...)
		}
		// English: the CLI's line, with the file's base name.
		return strings.ReplaceAll(err.Error(), fe.File, filepath.Base(fe.File))
	}
	var re *importer.RowError
	if !errors.As(err, &re) {
		return err.Error()
	}
	what := re.Msg
	if t, ok := importProblemTexts[re.Problem]; ok {
		var args []any
		switch re.Problem {
		case importer.ProblemRequired:
			args = []any{importFieldLabel(l, k, re.Field)}
		case importer.ProblemWonNeedsAmount, importer.ProblemWonNeedsClosed, importer.ProblemNotUTF8, importer.ProblemRightOfHeader:
		case importer.ProblemMissingCells, importer.ProblemExtraCells:
			args = re.Args
		default:
			args = append([]any{re.Value}, re.Args...)
		}
		what = l.T(t, args...)
	} else if re.Problem == importer.ProblemRepNotSaved && l == LangJA {
		what = l.T(msgImportRepNotSaved, re.Value)
	} else if re.Problem == importer.ProblemModel {
		what = refusal(l, re.Code, re.Args, re.Msg)
	} else if le, ok := importer.LimitOf(re); ok {
		what = catalog.Limit(l, le)
	}
	col := re.Column
	if re.Field != "" && col == re.Field {
		col = importFieldLabel(l, k, re.Field) // no column: the field is named
	}
	if col == "" {
		return l.T(msgImportRowErr, filepath.Base(re.File), re.Line, what)
	}
	return l.T(msgImportRowErrColumn, filepath.Base(re.File), re.Line, col, what)
}
