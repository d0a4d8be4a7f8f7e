package cli

import (
	"context"
	"errors"
	"fmt"

	"github.com/kpit-dev/kpit/catalog"
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
		return fail(e, "migrate", errors.New("--from: required (the database to copy from, e.g. --from kpit.db)"))
	case *to == "":
		return fail(e, "migrate", errors.New("--to: required (the database to copy into, e.g. --to postgres://kpit@db.example/team)"))
	case *from == *to:
		return fail(e, "migrate", errors.New("--from and --to name the same database"))
	}
	src, err := e.openExisting(*from)
	if err != nil {
		return fail(e, "migrate", fmt.Errorf("--from: %w", err))
	}
	defer src.Close()
	dst, err := openChecked(*to)
	if err != nil {
		return fail(e, "migrate", fmt.Errorf("--to: %w", err))
	}
	defer dst.Close()
	sum, err := src.MoveTo(context.Background(), dst)
	if err != nil {
		return fail(e, "migrate", fmt.Errorf("%s → %s: %w", src.Path(), dst.Path(), err))
	}
	fmt.Fprintln(e.stdout, l.T(catalog.MigrateDone, src.Path(), dst.Path(), sum.Tables, sum.Total))
	return exitOK
}
