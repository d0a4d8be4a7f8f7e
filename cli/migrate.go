package cli

import (
	"context"
	"fmt"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/model"
)

const migrateUsage = `migrate --from DB --to DB [--lang ja|en]

Copies every record, revision, review and setting from one kpit database
to another, where each DB is a file path or a postgres://user@host/dbname
URL: from a file to a team's PostgreSQL server, or back. The target must
be new or empty (a new file is made; a PostgreSQL database must exist and
hold no tables, or kpit's with no rows); a target holding anything is
refused and left as it was. The copy is one transaction on the target:
whole or not at all. The source is read as one moment of it and is not
changed.`

func runMigrate(e env) int {
	fs := newFlagSet(e, "migrate", migrateUsage)
	from := fs.String("from", "", "the `DB` to copy from: a file path or a postgres:// URL")
	to := fs.String("to", "", "the `DB` to copy into: a new file path or an empty postgres:// database")
	lang := langFlag(fs)
	if st, stop := parseOnlyFlags(e, fs, e.args); stop {
		return st
	}
	l, err := e.lang(*lang)
	if err != nil {
		return fail(e, "migrate", err)
	}
	switch {
	case *from == "":
		return fail(e, "migrate", model.BadFlag("from", model.RefuseMigrateFrom))
	case *to == "":
		return fail(e, "migrate", model.BadFlag("to", model.RefuseMigrateTo))
	case *from == *to:
		return fail(e, "migrate", model.Refused(model.RefuseSameDatabase))
	}
	src, err := e.openExisting(*from)
	if err != nil {
		return fail(e, "migrate", &model.FlagError{Flag: "from", Err: err})
	}
	defer src.Close()
	dst, err := e.openOwner(*to)
	if err != nil {
		return fail(e, "migrate", &model.FlagError{Flag: "to", Err: err})
	}
	defer dst.Close()
	sum, err := src.MoveTo(context.Background(), dst)
	if err != nil {
		return fail(e, "migrate", model.Refused(model.RefuseMigrateCopy, src.Path(), dst.Path(), err))
	}
	fmt.Fprintln(e.stdout, l.T(catalog.MigrateDone, src.Path(), dst.Path(), sum.Tables, catalog.CountIn(l, sum.Total)))
	return exitOK
}
