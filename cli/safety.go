package cli

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

const backupUsage = `backup --out FILE [--db PATH] [--lang ja|en]

Writes a consistent copy of the database to FILE while other kpit processes
keep working: VACUUM INTO a temporary name beside FILE, integrity_check and
equal row counts on the copy, fsync, then the copy takes FILE's name. FILE
must not exist. Copying the .db file while kpit runs is not a backup: the
latest records live in its -wal file until SQLite writes them back.`

func runBackup(e env) int {
	fs := newFlagSet(e, "backup", backupUsage)
	db := dbFlag(fs)
	out := fs.String("out", "", "the backup `FILE` to write (must not exist)")
	lang := langFlag(fs)
	if st, stop := parseOnlyFlags(e, fs, e.args); stop {
		return st
	}
	l, err := e.lang(*lang)
	if err != nil {
		return fail(e, "backup", err)
	}
	if *out == "" {
		return fail(e, "backup", model.BadFlag("out", model.RefuseBackupOut))
	}
	st, err := e.openExisting(*db)
	if err != nil {
		return fail(e, "backup", err)
	}
	defer st.Close()
	sum, err := st.Backup(context.Background(), *out)
	if err != nil {
		return fail(e, "backup", err)
	}
	fmt.Fprintln(e.stdout, l.T(catalog.BackupWritten, sum.Path, catalog.CountIn(l, sum.Rows), catalog.FormatBytes(sum.Bytes)))
	return exitOK
}

const restoreUsage = `restore FILE [--db PATH] [--dry-run] [--lang ja|en]

Puts the backup FILE (made by kpit backup) in place of the database's
records, after checking it: a kpit database this kpit can read, and
integrity_check ok. The records it replaces are kept first beside the
database as <file>.replaced-<UTC time>. Other kpit processes may stay
open: the records are replaced in one write transaction, so they read the
old records or the restored ones, never a mix; a cockpit shows the restored
records when it next loads a screen. A restore waits for a running write
(an import) like any writer, and gives up after the busy timeout.`

func runRestore(e env) int {
	fs := newFlagSet(e, "restore", restoreUsage)
	db := dbFlag(fs)
	dryRun := fs.Bool("dry-run", false, "check the backup only; change nothing")
	lang := langFlag(fs)
	if st, stop := parseFlags(e, fs, flagsFirst(e.args, "dry-run")); stop {
		return st
	}
	l, err := e.lang(*lang)
	if err != nil {
		return fail(e, "restore", err)
	}
	if fs.NArg() != 1 {
		return fail(e, "restore", model.Refused(model.RefuseRestoreWhat))
	}
	from := fs.Arg(0)
	ctx := context.Background()
	if *dryRun {
		sum, err := store.CheckBackup(ctx, from)
		if err != nil {
			return fail(e, "restore", err)
		}
		fmt.Fprintln(e.stdout, l.T(catalog.RestoreDryRun, from, catalog.CountIn(l, sum.Rows)))
		return exitOK
	}
	// The backup is checked before the database is opened, so a bad
	// backup makes no file at a new --db path.
	if _, err := store.CheckBackup(ctx, from); err != nil {
		return fail(e, "restore", err)
	}
	path, err := e.dbPath(*db)
	if err != nil {
		return fail(e, "restore", err)
	}
	st, err := e.actAs(e.open(path))
	if err != nil {
		return fail(e, "restore", err)
	}
	defer st.Close()
	kept, sum, err := st.Restore(ctx, from, time.Now())
	if err != nil {
		return fail(e, "restore", err)
	}
	fmt.Fprintln(e.stdout, l.T(catalog.RestoreDone, from, catalog.CountIn(l, sum.Rows), kept))
	return exitOK
}

const doctorUsage = `doctor [--db PATH] [--repair] [--lang ja|en]

Checks the database: integrity_check, foreign_key_check, the daily and
monthly roll-ups against a recount from the records, the schema version and
the size of the -wal file. One line per finding says what is wrong and what
to do. On a terminal, stderr shows which check it is on meanwhile.
--repair rebuilds the roll-up from the records and writes a large -wal back.
Exit status: 0 when nothing is wrong (after --repair: nothing is left),
1 when something is, 2 when the check could not run.`

func runDoctor(e env) int {
	fs := newFlagSet(e, "doctor", doctorUsage)
	db := dbFlag(fs)
	repair := fs.Bool("repair", false, "rebuild the daily roll-up from the records and write a large -wal file back")
	lang := langFlag(fs)
	if st, stop := parseOnlyFlags(e, fs, e.args); stop {
		return st
	}
	l, err := e.lang(*lang)
	if err != nil {
		return fail(e, "doctor", err)
	}
	st, err := e.actAs(e.openExistingUnchecked(*db))
	if err != nil {
		return fail(e, "doctor", err)
	}
	defer st.Close()
	ctx := context.Background()
	// On a terminal, which check it is on (integrity_check alone takes
	// minutes on a large file), cleared before the findings.
	var showing func(store.CheckStage)
	line := newStatusLine(e.stderr)
	if line != nil {
		showing = func(stage store.CheckStage) { line.show(catalog.DoctorCheckingLine(l, int(stage))) }
	}
	findings, err := st.CheckShowing(ctx, showing)
	line.clear()
	if err != nil {
		return fail(e, "doctor", err)
	}
	if *repair {
		if findings, err = repairFindings(ctx, e, l, st, findings); err != nil {
			return fail(e, "doctor", err)
		}
	}
	for _, f := range findings {
		fmt.Fprintln(e.stdout, findingLine(l, f))
	}
	if len(findings) > 0 {
		return exitFail
	}
	wal := int64(0)
	if info, err := os.Stat(st.Path() + "-wal"); err == nil {
		wal = info.Size()
	}
	fmt.Fprintln(e.stdout, l.T(catalog.DoctorHealthy, st.Path(), store.SchemaVersion(), catalog.FormatBytes(wal)))
	return exitOK
}

// repairFindings mends what --repair can (the roll-up, a large -wal),
// says what it did, and checks again.
func repairFindings(ctx context.Context, e env, l catalog.Lang, st *store.Store, findings []store.Finding) ([]store.Finding, error) {
	repaired := false
	for _, f := range findings {
		switch f.Kind {
		case store.FindIntegrity:
			// Nothing is written into a damaged file.
			return findings, nil
		case store.FindRollup:
			if err := st.RebuildRollups(ctx); err != nil {
				return nil, err
			}
			fmt.Fprintln(e.stdout, l.T(catalog.DoctorRebuilt))
			repaired = true
		case store.FindStopped:
			if err := st.ClearStoppedImport(ctx); err != nil {
				return nil, err
			}
			fmt.Fprintln(e.stdout, l.T(catalog.DoctorStoppedCleared))
			repaired = true
		case store.FindWAL:
			emptied, err := st.Checkpoint(ctx)
			if err != nil {
				return nil, err
			}
			if emptied {
				fmt.Fprintln(e.stdout, l.T(catalog.DoctorCheckpointed))
			} else {
				fmt.Fprintln(e.stdout, l.T(catalog.DoctorWALHeld))
			}
			repaired = true
		}
	}
	if !repaired {
		return findings, nil
	}
	return st.Check(ctx)
}

// findingLine is one finding of kpit doctor as one line.
func findingLine(l catalog.Lang, f store.Finding) string {
	switch f.Kind {
	case store.FindIntegrity:
		return l.T(catalog.DoctorDamaged, f.Detail, f.N)
	case store.FindForeignKey:
		return l.T(catalog.DoctorForeignKey, f.N, f.Detail)
	case store.FindRollup:
		return l.T(catalog.DoctorRollup, f.N, f.Detail)
	case store.FindTrigger:
		return l.T(catalog.DoctorTrigger, f.Detail)
	case store.FindSchema:
		return l.T(catalog.DoctorSchema, f.Detail)
	case store.FindWAL:
		return l.T(catalog.DoctorWAL, f.N)
	case store.FindStopped:
		return l.T(catalog.DoctorStoppedImport, f.N)
	}
	return f.Detail
}
