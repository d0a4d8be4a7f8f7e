package store

import (
	"fmt"
	"strings"
)

// migrations[i] moves a database from user_version i to i+1. Each runs in one
// IMMEDIATE transaction together with the version bump, so a crash leaves the
// file at the old version or the new one, never between. Append only: never
// edit a migration that has shipped.
var migrations = []string{
	// 1: the first schema.
	`
CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

CREATE TABLE reps (
	id         INTEGER PRIMARY KEY,
	name       TEXT NOT NULL UNIQUE,
	department TEXT NOT NULL CHECK (department IN ('marketing','inside_sales','field_sales','customer_success')),
	active     INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL
);

-- Dates are TEXT 'YYYY-MM-DD'; timestamps are TEXT RFC 3339 in UTC.
-- deleted_at marks a tombstone: deleted records stay for undo and audit and
-- are left out of every figure.
CREATE TABLE opportunities (
	id          INTEGER PRIMARY KEY,
	external_id TEXT UNIQUE,
	rep_id      INTEGER NOT NULL REFERENCES reps(id),
	account     TEXT NOT NULL DEFAULT '',
	product     TEXT NOT NULL DEFAULT '',
	stage       TEXT NOT NULL DEFAULT '',
	created     TEXT NOT NULL,
	closed      TEXT,
	amount_yen  INTEGER,
	outcome     TEXT NOT NULL DEFAULT 'open' CHECK (outcome IN ('open','won','lost')),
	lost_reason TEXT NOT NULL DEFAULT '',
	entered_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	deleted_at  TEXT
);
CREATE INDEX opportunities_created ON opportunities (created);
CREATE INDEX opportunities_closed ON opportunities (closed, outcome);
CREATE INDEX opportunities_rep ON opportunities (rep_id, created);

CREATE TABLE activities (
	id             INTEGER PRIMARY KEY,
	external_id    TEXT UNIQUE,
	day            TEXT NOT NULL,
	rep_id         INTEGER NOT NULL REFERENCES reps(id),
	kind           TEXT NOT NULL CHECK (kind IN ('visit','call','email','proposal','appointment','meeting')),
	count          INTEGER NOT NULL CHECK (count > 0),
	opportunity_id INTEGER REFERENCES opportunities(id),
	account        TEXT NOT NULL DEFAULT '',
	note           TEXT NOT NULL DEFAULT '',
	entered_at     TEXT NOT NULL,
	updated_at     TEXT NOT NULL,
	deleted_at     TEXT
);
CREATE INDEX activities_day ON activities (day);
CREATE INDEX activities_rep ON activities (rep_id, day);
CREATE INDEX activities_opportunity ON activities (opportunity_id, day);

CREATE TABLE leads (
	id          INTEGER PRIMARY KEY,
	external_id TEXT UNIQUE,
	company     TEXT NOT NULL DEFAULT '',
	contact     TEXT NOT NULL DEFAULT '',
	source      TEXT NOT NULL DEFAULT '',
	rep_id      INTEGER REFERENCES reps(id),
	created     TEXT NOT NULL,
	status      TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new','mql','sql','converted','disqualified')),
	mql_on      TEXT,
	sql_on      TEXT,
	entered_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	deleted_at  TEXT
);
CREATE INDEX leads_created ON leads (created);

CREATE TABLE customers (
	id          INTEGER PRIMARY KEY,
	external_id TEXT UNIQUE,
	name        TEXT NOT NULL,
	rep_id      INTEGER REFERENCES reps(id),
	started     TEXT,
	churned     TEXT,
	mrr_yen     INTEGER,
	entered_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	deleted_at  TEXT
);

-- rollup_daily holds every base metric per day and rep. Triggers keep it in
-- step with the records inside the same transaction as each write, so a
-- period's figures are a small indexed sum, never a scan of every record.
CREATE TABLE rollup_daily (
	day    TEXT NOT NULL,
	metric TEXT NOT NULL,
	rep_id INTEGER NOT NULL,
	value  INTEGER NOT NULL,
	PRIMARY KEY (day, metric, rep_id)
) WITHOUT ROWID;

CREATE TRIGGER activities_ai AFTER INSERT ON activities WHEN NEW.deleted_at IS NULL BEGIN
	INSERT INTO rollup_daily (day, metric, rep_id, value)
	VALUES (NEW.day, CASE NEW.kind WHEN 'visit' THEN 'visits' WHEN 'call' THEN 'calls' WHEN 'email' THEN 'emails'
		WHEN 'proposal' THEN 'proposals' WHEN 'appointment' THEN 'appointments' ELSE 'meetings' END, NEW.rep_id, NEW.count)
	ON CONFLICT DO UPDATE SET value = value + excluded.value;
END;
CREATE TRIGGER activities_ad AFTER DELETE ON activities WHEN OLD.deleted_at IS NULL BEGIN
	UPDATE rollup_daily SET value = value - OLD.count
	WHERE day = OLD.day AND rep_id = OLD.rep_id AND metric = CASE OLD.kind WHEN 'visit' THEN 'visits' WHEN 'call' THEN 'calls'
		WHEN 'email' THEN 'emails' WHEN 'proposal' THEN 'proposals' WHEN 'appointment' THEN 'appointments' ELSE 'meetings' END;
END;
CREATE TRIGGER activities_au AFTER UPDATE ON activities BEGIN
	UPDATE rollup_daily SET value = value - OLD.count
	WHERE OLD.deleted_at IS NULL AND day = OLD.day AND rep_id = OLD.rep_id AND metric = CASE OLD.kind WHEN 'visit' THEN 'visits'
		WHEN 'call' THEN 'calls' WHEN 'email' THEN 'emails' WHEN 'proposal' THEN 'proposals' WHEN 'appointment' THEN 'appointments' ELSE 'meetings' END;
	INSERT INTO rollup_daily (day, metric, rep_id, value)
	SELECT NEW.day, CASE NEW.kind WHEN 'visit' THEN 'visits' WHEN 'call' THEN 'calls' WHEN 'email' THEN 'emails'
		WHEN 'proposal' THEN 'proposals' WHEN 'appointment' THEN 'appointments' ELSE 'meetings' END, NEW.rep_id, NEW.count
	WHERE NEW.deleted_at IS NULL
	ON CONFLICT DO UPDATE SET value = value + excluded.value;
END;

CREATE TRIGGER opportunities_ai AFTER INSERT ON opportunities WHEN NEW.deleted_at IS NULL BEGIN
	INSERT INTO rollup_daily (day, metric, rep_id, value) VALUES (NEW.created, 'opportunities', NEW.rep_id, 1)
	ON CONFLICT DO UPDATE SET value = value + 1;
	INSERT INTO rollup_daily (day, metric, rep_id, value)
	SELECT NEW.closed, 'orders_won', NEW.rep_id, 1 WHERE NEW.outcome = 'won' AND NEW.closed IS NOT NULL
	ON CONFLICT DO UPDATE SET value = value + 1;
	INSERT INTO rollup_daily (day, metric, rep_id, value)
	SELECT NEW.closed, 'revenue', NEW.rep_id, coalesce(NEW.amount_yen, 0) WHERE NEW.outcome = 'won' AND NEW.closed IS NOT NULL
	ON CONFLICT DO UPDATE SET value = value + excluded.value;
	INSERT INTO rollup_daily (day, metric, rep_id, value)
	SELECT NEW.closed, 'orders_lost', NEW.rep_id, 1 WHERE NEW.outcome = 'lost' AND NEW.closed IS NOT NULL
	ON CONFLICT DO UPDATE SET value = value + 1;
END;
CREATE TRIGGER opportunities_ad AFTER DELETE ON opportunities WHEN OLD.deleted_at IS NULL BEGIN
	UPDATE rollup_daily SET value = value - 1 WHERE day = OLD.created AND metric = 'opportunities' AND rep_id = OLD.rep_id;
	UPDATE rollup_daily SET value = value - 1
	WHERE OLD.outcome = 'won' AND day = OLD.closed AND metric = 'orders_won' AND rep_id = OLD.rep_id;
	UPDATE rollup_daily SET value = value - coalesce(OLD.amount_yen, 0)
	WHERE OLD.outcome = 'won' AND day = OLD.closed AND metric = 'revenue' AND rep_id = OLD.rep_id;
	UPDATE rollup_daily SET value = value - 1
	WHERE OLD.outcome = 'lost' AND day = OLD.closed AND metric = 'orders_lost' AND rep_id = OLD.rep_id;
END;
CREATE TRIGGER opportunities_au AFTER UPDATE ON opportunities BEGIN
	UPDATE rollup_daily SET value = value - 1
	WHERE OLD.deleted_at IS NULL AND day = OLD.created AND metric = 'opportunities' AND rep_id = OLD.rep_id;
	UPDATE rollup_daily SET value = value - 1
	WHERE OLD.deleted_at IS NULL AND OLD.outcome = 'won' AND day = OLD.closed AND metric = 'orders_won' AND rep_id = OLD.rep_id;
	UPDATE rollup_daily SET value = value - coalesce(OLD.amount_yen, 0)
	WHERE OLD.deleted_at IS NULL AND OLD.outcome = 'won' AND day = OLD.closed AND metric = 'revenue' AND rep_id = OLD.rep_id;
	UPDATE rollup_daily SET value = value - 1
	WHERE OLD.deleted_at IS NULL AND OLD.outcome = 'lost' AND day = OLD.closed AND metric = 'orders_lost' AND rep_id = OLD.rep_id;
	INSERT INTO rollup_daily (day, metric, rep_id, value)
	SELECT NEW.created, 'opportunities', NEW.rep_id, 1 WHERE NEW.deleted_at IS NULL
	ON CONFLICT DO UPDATE SET value = value + 1;
	INSERT INTO rollup_daily (day, metric, rep_id, value)
	SELECT NEW.closed, 'orders_won', NEW.rep_id, 1 WHERE NEW.deleted_at IS NULL AND NEW.outcome = 'won' AND NEW.closed IS NOT NULL
	ON CONFLICT DO UPDATE SET value = value + 1;
	INSERT INTO rollup_daily (day, metric, rep_id, value)
	SELECT NEW.closed, 'revenue', NEW.rep_id, coalesce(NEW.amount_yen, 0)
	WHERE NEW.deleted_at IS NULL AND NEW.outcome = 'won' AND NEW.closed IS NOT NULL
	ON CONFLICT DO UPDATE SET value = value + excluded.value;
	INSERT INTO rollup_daily (day, metric, rep_id, value)
	SELECT NEW.closed, 'orders_lost', NEW.rep_id, 1 WHERE NEW.deleted_at IS NULL AND NEW.outcome = 'lost' AND NEW.closed IS NOT NULL
	ON CONFLICT DO UPDATE SET value = value + 1;
END;

-- Leads without an owner count under rep_id 0 in the roll-up.
CREATE TRIGGER leads_ai AFTER INSERT ON leads WHEN NEW.deleted_at IS NULL BEGIN
	INSERT INTO rollup_daily (day, metric, rep_id, value) VALUES (NEW.created, 'leads', coalesce(NEW.rep_id, 0), 1)
	ON CONFLICT DO UPDATE SET value = value + 1;
END;
CREATE TRIGGER leads_ad AFTER DELETE ON leads WHEN OLD.deleted_at IS NULL BEGIN
	UPDATE rollup_daily SET value = value - 1 WHERE day = OLD.created AND metric = 'leads' AND rep_id = coalesce(OLD.rep_id, 0);
END;
CREATE TRIGGER leads_au AFTER UPDATE ON leads BEGIN
	UPDATE rollup_daily SET value = value - 1
	WHERE OLD.deleted_at IS NULL AND day = OLD.created AND metric = 'leads' AND rep_id = coalesce(OLD.rep_id, 0);
	INSERT INTO rollup_daily (day, metric, rep_id, value)
	SELECT NEW.created, 'leads', coalesce(NEW.rep_id, 0), 1 WHERE NEW.deleted_at IS NULL
	ON CONFLICT DO UPDATE SET value = value + 1;
END;

-- The goal side: one KGI, KFSs, KPI definitions and the tree.
CREATE TABLE kgi (
	id       INTEGER PRIMARY KEY CHECK (id = 1),
	name_ja  TEXT NOT NULL,
	name_en  TEXT NOT NULL,
	metric   TEXT NOT NULL,
	value    REAL NOT NULL,
	unit     TEXT NOT NULL,
	per      TEXT NOT NULL,
	deadline TEXT
);

CREATE TABLE kfs (
	id       INTEGER PRIMARY KEY,
	text     TEXT NOT NULL,
	kpi_keys TEXT NOT NULL DEFAULT '' -- comma-separated KPI keys
);

CREATE TABLE kpis (
	key        TEXT PRIMARY KEY,
	name_ja    TEXT NOT NULL,
	name_en    TEXT NOT NULL,
	unit       TEXT NOT NULL,
	direction  TEXT NOT NULL DEFAULT 'higher' CHECK (direction IN ('higher','lower')),
	definition TEXT NOT NULL DEFAULT '',
	formula    TEXT NOT NULL DEFAULT '',
	source     TEXT NOT NULL DEFAULT 'records' CHECK (source IN ('records','manual')),
	target     REAL,
	target_per TEXT NOT NULL DEFAULT 'year',
	deadline   TEXT,
	main       INTEGER NOT NULL DEFAULT 0,
	department TEXT NOT NULL DEFAULT '',
	style      TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);

-- Every change to a KPI definition, for checklist item 14.
CREATE TABLE kpi_revisions (
	id         INTEGER PRIMARY KEY,
	kpi_key    TEXT NOT NULL,
	changed_at TEXT NOT NULL,
	what       TEXT NOT NULL
);

-- Values typed in by hand, only for KPIs whose source is manual.
CREATE TABLE kpi_manual_values (
	kpi_key      TEXT NOT NULL REFERENCES kpis(key) ON DELETE CASCADE,
	period_start TEXT NOT NULL,
	period_kind  TEXT NOT NULL,
	value        REAL NOT NULL,
	entered_at   TEXT NOT NULL,
	PRIMARY KEY (kpi_key, period_kind, period_start)
);

CREATE TABLE tree_nodes (
	key        TEXT PRIMARY KEY,
	parent_key TEXT REFERENCES tree_nodes(key) ON DELETE CASCADE,
	op         TEXT NOT NULL CHECK (op IN ('leaf','*','/','+','-')),
	position   INTEGER NOT NULL DEFAULT 0
);

-- Checklist answers keep their date, so diagnoses can be compared over time.
CREATE TABLE checklist_answers (
	id          INTEGER PRIMARY KEY,
	item        INTEGER NOT NULL CHECK (item BETWEEN 1 AND 14),
	status      TEXT NOT NULL CHECK (status IN ('yes','partly','no')),
	answered_at TEXT NOT NULL
);
CREATE INDEX checklist_answers_item ON checklist_answers (item, answered_at);

CREATE TABLE reviews (
	id      INTEGER PRIMARY KEY,
	held_on TEXT NOT NULL,
	notes   TEXT NOT NULL DEFAULT ''
);

CREATE TABLE import_profiles (
	name TEXT PRIMARY KEY,
	kind TEXT NOT NULL,
	spec TEXT NOT NULL -- JSON
);

-- changes is the journal behind undo and audit: one row per write made by a
-- person, with the row as it was before (NULL for an insert).
CREATE TABLE changes (
	id         INTEGER PRIMARY KEY,
	at         TEXT NOT NULL,
	table_name TEXT NOT NULL,
	row_id     INTEGER NOT NULL,
	action     TEXT NOT NULL CHECK (action IN ('insert','update','delete')),
	before     TEXT,
	undone     INTEGER NOT NULL DEFAULT 0
);
`,
	// 2: entry-time indexes for the alert rules: records entered in the last
	// days (late entries) and each rep's newest entry (staleness), without
	// a scan of every record.
	`
CREATE INDEX activities_entered ON activities (entered_at);
CREATE INDEX activities_rep_entered ON activities (rep_id, entered_at);
CREATE INDEX opportunities_entered ON opportunities (entered_at);
CREATE INDEX opportunities_rep_entered ON opportunities (rep_id, entered_at);
CREATE INDEX leads_entered ON leads (entered_at);
CREATE INDEX leads_rep_entered ON leads (rep_id, entered_at);
`,
	// 3: records that came in through an import are marked. Their entered_at
	// is the moment of the import, not when the rep entered them in the SFA,
	// so the late-entry alert and the timeliness figures leave them out.
	`
ALTER TABLE activities ADD COLUMN imported INTEGER NOT NULL DEFAULT 0;
ALTER TABLE opportunities ADD COLUMN imported INTEGER NOT NULL DEFAULT 0;
ALTER TABLE leads ADD COLUMN imported INTEGER NOT NULL DEFAULT 0;
ALTER TABLE customers ADD COLUMN imported INTEGER NOT NULL DEFAULT 0;
`,
	// 4: the goals' history. Every change of the KGI or of a KPI's target,
	// deadline, definition, formula or main flag is a revision with the day
	// it takes effect, its author and a reason; a range is judged by the
	// revisions in force on its last day (store/asof.go). Effective dates are
	// 'YYYY-MM-DD', '0001-01-01' meaning from the beginning; the id orders
	// revisions recorded for the same day. The goals set before this version
	// become first revisions in force from the beginning. kpis and kgi keep
	// the values in force when last written, for readers of the file; kpit
	// reads the revisions. The text log of KPI changes is kept, no longer
	// written, as kpi_change_log.
	`
ALTER TABLE kpi_revisions RENAME TO kpi_change_log;

CREATE TABLE kgi_revisions (
	id             INTEGER PRIMARY KEY,
	effective_from TEXT NOT NULL,
	recorded_at    TEXT NOT NULL,
	author         TEXT NOT NULL,
	reason         TEXT NOT NULL DEFAULT '',
	name_ja        TEXT NOT NULL,
	name_en        TEXT NOT NULL,
	metric         TEXT NOT NULL,
	value          REAL NOT NULL,
	unit           TEXT NOT NULL,
	per            TEXT NOT NULL,
	deadline       TEXT
);
CREATE INDEX kgi_revisions_effective ON kgi_revisions (effective_from, id);

-- changed lists the fields a revision sets (target,deadline,definition,
-- formula,main); the value columns hold every field as it stood from
-- effective_from once the revision was recorded.
CREATE TABLE kpi_revisions (
	id             INTEGER PRIMARY KEY,
	kpi_key        TEXT NOT NULL,
	effective_from TEXT NOT NULL,
	recorded_at    TEXT NOT NULL,
	author         TEXT NOT NULL,
	reason         TEXT NOT NULL DEFAULT '',
	changed        TEXT NOT NULL,
	target         REAL,
	target_per     TEXT NOT NULL DEFAULT 'year',
	deadline       TEXT,
	definition     TEXT NOT NULL DEFAULT '',
	formula        TEXT NOT NULL DEFAULT '',
	main           INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX kpi_revisions_effective ON kpi_revisions (effective_from, id);
CREATE INDEX kpi_revisions_key ON kpi_revisions (kpi_key, effective_from, id);

INSERT INTO kgi_revisions (effective_from, recorded_at, author, reason, name_ja, name_en, metric, value, unit, per, deadline)
SELECT '0001-01-01', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'kpit', 'existing target', name_ja, name_en, metric, value,
	unit, per, deadline FROM kgi;

INSERT INTO kpi_revisions (kpi_key, effective_from, recorded_at, author, reason, changed,
	target, target_per, deadline, definition, formula, main)
SELECT key, '0001-01-01', updated_at, 'kpit', 'existing target', 'target,deadline,definition,formula,main',
	target, target_per, deadline, definition, formula, main FROM kpis ORDER BY rowid;
`,
	// 5: reads that cost what they show, not what the file holds.
	// updated_at orders the Records tab's newest records; the open deals,
	// newest first, are the alerts' and the deal picker's (partial indexes
	// serve only queries that repeat their WHERE);
	// the won deals by account answer "was there an earlier win?" for the
	// style figures from the period's own deals; mql_on and churned are the
	// ranges of the MQL→SQL and churn figures; customers get the entry-time
	// index the other records have had since 2. The tombstones' indexes
	// hold only deleted rows: live rows are all rows less those, and
	// count(*) of all rows reads the smallest index, not the table.
	`
CREATE INDEX activities_updated ON activities (updated_at);
CREATE INDEX opportunities_updated ON opportunities (updated_at);
CREATE INDEX leads_updated ON leads (updated_at);
CREATE INDEX customers_updated ON customers (updated_at);
CREATE INDEX opportunities_open ON opportunities (updated_at) WHERE outcome = 'open' AND deleted_at IS NULL;
CREATE INDEX opportunities_won_account ON opportunities (account, closed) WHERE outcome = 'won' AND deleted_at IS NULL;
CREATE INDEX leads_mql ON leads (mql_on);
CREATE INDEX customers_churned ON customers (churned);
CREATE INDEX customers_entered ON customers (entered_at);
CREATE INDEX activities_tombstones ON activities (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX opportunities_tombstones ON opportunities (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX leads_tombstones ON leads (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX customers_tombstones ON customers (deleted_at) WHERE deleted_at IS NOT NULL;
`,
	// 6: the pipeline forecast (ヨミ, docs/forecast.md). An open deal's
	// category (NULL: not rated yet); its expected close date stays the
	// closed column. forecast_changes keeps every change of a live deal's
	// category, close date or outcome while it was or became open, stamped
	// with the write's updated_at, so a review can list what moved since the
	// last one; a deal entered since then is found by its entered_at. The
	// partial index serves the forecast's read of open deals by close date.
	`
ALTER TABLE opportunities ADD COLUMN forecast TEXT CHECK (forecast IN ('commit','best_case','pipeline','omitted'));

CREATE TABLE forecast_changes (
	id              INTEGER PRIMARY KEY,
	opportunity_id  INTEGER NOT NULL REFERENCES opportunities(id),
	at              TEXT NOT NULL,
	forecast_before TEXT,
	forecast_after  TEXT,
	close_before    TEXT,
	close_after     TEXT,
	outcome_before  TEXT NOT NULL,
	outcome_after   TEXT NOT NULL
);
CREATE INDEX forecast_changes_at ON forecast_changes (at);

CREATE TRIGGER opportunities_forecast_au AFTER UPDATE OF forecast, closed, outcome ON opportunities
WHEN NEW.deleted_at IS NULL AND (OLD.outcome = 'open' OR NEW.outcome = 'open')
	AND (OLD.forecast IS NOT NEW.forecast OR OLD.closed IS NOT NEW.closed OR OLD.outcome IS NOT NEW.outcome) BEGIN
	INSERT INTO forecast_changes (opportunity_id, at, forecast_before, forecast_after, close_before, close_after,
		outcome_before, outcome_after)
	VALUES (NEW.id, NEW.updated_at, OLD.forecast, NEW.forecast, OLD.closed, NEW.closed, OLD.outcome, NEW.outcome);
END;

CREATE INDEX opportunities_open_close ON opportunities (closed) WHERE outcome = 'open' AND deleted_at IS NULL;
`,
	// 7: reviews keep what they looked at (docs/review.md): the period, the
	// moment it was saved, the main cause then and the pipeline forecast, a
	// snapshot of every KPI's figures (stored values, so a later edit of the
	// records never changes a saved review), the causes recorded on missed
	// KPIs and the actions agreed, with the status each review gave every
	// action it saw. A review kept from before has its day and notes only.
	`
ALTER TABLE reviews ADD COLUMN period TEXT NOT NULL DEFAULT '';
ALTER TABLE reviews ADD COLUMN held_at TEXT NOT NULL DEFAULT '';
ALTER TABLE reviews ADD COLUMN main_cause TEXT NOT NULL DEFAULT '';
ALTER TABLE reviews ADD COLUMN main_cause_share REAL;
ALTER TABLE reviews ADD COLUMN forecast TEXT NOT NULL DEFAULT '';
CREATE INDEX reviews_held ON reviews (held_on, id);

CREATE TABLE review_kpis (
	review_id   INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
	position    INTEGER NOT NULL,
	kpi_key     TEXT NOT NULL,
	name_ja     TEXT NOT NULL,
	name_en     TEXT NOT NULL,
	unit        TEXT NOT NULL,
	kgi         INTEGER NOT NULL DEFAULT 0,
	main        INTEGER NOT NULL DEFAULT 0,
	actual      REAL,
	target      REAL,
	achievement REAL,
	status      TEXT NOT NULL,
	root_share  REAL,
	PRIMARY KEY (review_id, kpi_key)
);

CREATE TABLE review_notes (
	id        INTEGER PRIMARY KEY,
	review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
	kpi_key   TEXT NOT NULL,
	category  TEXT NOT NULL CHECK (category IN ('volume','conversion','deal_size','timing','data_quality')),
	text      TEXT NOT NULL
);
CREATE INDEX review_notes_review ON review_notes (review_id);

-- status is the action's status now; review_action_states keeps what each
-- review said.
CREATE TABLE review_actions (
	id         INTEGER PRIMARY KEY,
	review_id  INTEGER NOT NULL REFERENCES reviews(id),
	kpi_key    TEXT NOT NULL DEFAULT '',
	text       TEXT NOT NULL,
	rep_id     INTEGER NOT NULL REFERENCES reps(id),
	due        TEXT NOT NULL,
	status     TEXT NOT NULL CHECK (status IN ('open','done','dropped')),
	updated_at TEXT NOT NULL
);
CREATE INDEX review_actions_open ON review_actions (due) WHERE status = 'open';

CREATE TABLE review_action_states (
	review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
	action_id INTEGER NOT NULL REFERENCES review_actions(id),
	status    TEXT NOT NULL CHECK (status IN ('open','done','dropped')),
	PRIMARY KEY (review_id, action_id)
);
`,
	// 8: the shared funnel (docs/funnel.md). stage_history is every stage
	// change of a lead with its time and rep, append only; a move back is a
	// recycle row. lead_funnel is derived from it by the trigger below: per
	// live lead the first time it reached each stage and where it stands
	// now, in Unix seconds, so a fiscal year's cohorts are index range
	// scans. The MQL and SQL days of leads written the old way (the entry
	// form, imports, bulk writes) become stage changes at the start of that
	// day in UTC through the leads triggers; existing leads are backfilled
	// the same way. stage_revisions holds each stage's definition, owner and
	// hand-off limit as revisions with their date and reason, as the goals'
	// revisions do; the MQL/SQL definitions and the hand-off days written as
	// settings before become first revisions.
	`
CREATE TABLE stage_history (
	id         INTEGER PRIMARY KEY,
	lead_id    INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
	stage      TEXT NOT NULL CHECK (stage IN ('lead','mql','sql','opportunity','won','onboarding','active','churned')),
	at         TEXT NOT NULL,
	rep_id     INTEGER REFERENCES reps(id),
	recycle    INTEGER NOT NULL DEFAULT 0,
	entered_at TEXT NOT NULL
);
CREATE INDEX stage_history_lead ON stage_history (lead_id, at, id);
CREATE INDEX stage_history_recycled ON stage_history (stage, at) WHERE recycle = 1;

CREATE TABLE lead_funnel (
	lead_id       INTEGER PRIMARY KEY REFERENCES leads(id) ON DELETE CASCADE,
	lead_s        INTEGER,
	mql_s         INTEGER,
	sql_s         INTEGER,
	opportunity_s INTEGER,
	won_s         INTEGER,
	current_stage TEXT NOT NULL,
	current_s     INTEGER NOT NULL,
	recycles      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX lead_funnel_lead ON lead_funnel (lead_s, mql_s);
CREATE INDEX lead_funnel_mql ON lead_funnel (mql_s, sql_s);
CREATE INDEX lead_funnel_sql ON lead_funnel (sql_s, opportunity_s);
CREATE INDEX lead_funnel_opportunity ON lead_funnel (opportunity_s, won_s);
CREATE INDEX lead_funnel_won ON lead_funnel (won_s);
CREATE INDEX lead_funnel_current ON lead_funnel (current_stage, current_s);

CREATE TRIGGER stage_history_ai AFTER INSERT ON stage_history
WHEN (SELECT deleted_at FROM leads WHERE id = NEW.lead_id) IS NULL BEGIN
	INSERT INTO lead_funnel (lead_id, current_stage, current_s) VALUES (NEW.lead_id, NEW.stage, unixepoch(NEW.at))
	ON CONFLICT DO NOTHING;
	UPDATE lead_funnel SET
		lead_s = CASE WHEN NEW.stage = 'lead' THEN min(coalesce(lead_s, unixepoch(NEW.at)), unixepoch(NEW.at)) ELSE lead_s END,
		mql_s = CASE WHEN NEW.stage = 'mql' THEN min(coalesce(mql_s, unixepoch(NEW.at)), unixepoch(NEW.at)) ELSE mql_s END,
		sql_s = CASE WHEN NEW.stage = 'sql' THEN min(coalesce(sql_s, unixepoch(NEW.at)), unixepoch(NEW.at)) ELSE sql_s END,
		opportunity_s = CASE WHEN NEW.stage = 'opportunity' THEN min(coalesce(opportunity_s, unixepoch(NEW.at)), unixepoch(NEW.at)) ELSE opportunity_s END,
		won_s = CASE WHEN NEW.stage = 'won' THEN min(coalesce(won_s, unixepoch(NEW.at)), unixepoch(NEW.at)) ELSE won_s END,
		current_stage = CASE WHEN unixepoch(NEW.at) >= current_s THEN NEW.stage ELSE current_stage END,
		current_s = max(current_s, unixepoch(NEW.at)),
		recycles = recycles + NEW.recycle
	WHERE lead_id = NEW.lead_id;
END;

-- A tombstoned lead leaves the funnel; a restored one comes back from its history.
CREATE TRIGGER leads_funnel_tombstone AFTER UPDATE OF deleted_at ON leads
WHEN NEW.deleted_at IS NOT NULL AND OLD.deleted_at IS NULL BEGIN
	DELETE FROM lead_funnel WHERE lead_id = NEW.id;
END;
CREATE TRIGGER leads_funnel_restore AFTER UPDATE OF deleted_at ON leads
WHEN NEW.deleted_at IS NULL AND OLD.deleted_at IS NOT NULL BEGIN
	INSERT INTO lead_funnel (lead_id, lead_s, mql_s, sql_s, opportunity_s, won_s, current_stage, current_s, recycles)
	SELECT NEW.id,
		min(CASE WHEN stage = 'lead' THEN unixepoch(at) END), min(CASE WHEN stage = 'mql' THEN unixepoch(at) END),
		min(CASE WHEN stage = 'sql' THEN unixepoch(at) END), min(CASE WHEN stage = 'opportunity' THEN unixepoch(at) END),
		min(CASE WHEN stage = 'won' THEN unixepoch(at) END),
		(SELECT stage FROM stage_history WHERE lead_id = NEW.id ORDER BY at DESC, id DESC LIMIT 1),
		max(unixepoch(at)), sum(recycle)
	FROM stage_history WHERE lead_id = NEW.id HAVING count(*) > 0;
END;

-- Leads written with their MQL/SQL days: the stage changes those days say.
CREATE TRIGGER leads_stage_ai AFTER INSERT ON leads BEGIN
	INSERT INTO stage_history (lead_id, stage, at, rep_id, entered_at)
	VALUES (NEW.id, 'lead', NEW.created || 'T00:00:00Z', NEW.rep_id, NEW.entered_at);
	INSERT INTO stage_history (lead_id, stage, at, rep_id, entered_at)
	SELECT NEW.id, 'mql', NEW.mql_on || 'T00:00:00Z', NEW.rep_id, NEW.entered_at WHERE NEW.mql_on IS NOT NULL;
	INSERT INTO stage_history (lead_id, stage, at, rep_id, entered_at)
	SELECT NEW.id, 'sql', NEW.sql_on || 'T00:00:00Z', NEW.rep_id, NEW.entered_at WHERE NEW.sql_on IS NOT NULL;
END;
CREATE TRIGGER leads_stage_mql AFTER UPDATE OF mql_on ON leads
WHEN NEW.mql_on IS NOT NULL AND NOT EXISTS (SELECT 1 FROM stage_history WHERE lead_id = NEW.id AND stage = 'mql') BEGIN
	INSERT INTO stage_history (lead_id, stage, at, rep_id, entered_at)
	VALUES (NEW.id, 'mql', NEW.mql_on || 'T00:00:00Z', NEW.rep_id, NEW.updated_at);
END;
CREATE TRIGGER leads_stage_sql AFTER UPDATE OF sql_on ON leads
WHEN NEW.sql_on IS NOT NULL AND NOT EXISTS (SELECT 1 FROM stage_history WHERE lead_id = NEW.id AND stage = 'sql') BEGIN
	INSERT INTO stage_history (lead_id, stage, at, rep_id, entered_at)
	VALUES (NEW.id, 'sql', NEW.sql_on || 'T00:00:00Z', NEW.rep_id, NEW.updated_at);
END;

` + stageHistoryFromLeads + `

CREATE TABLE stage_revisions (
	id             INTEGER PRIMARY KEY,
	stage          TEXT NOT NULL,
	effective_from TEXT NOT NULL,
	recorded_at    TEXT NOT NULL,
	author         TEXT NOT NULL,
	reason         TEXT NOT NULL DEFAULT '',
	definition_ja  TEXT NOT NULL DEFAULT '',
	definition_en  TEXT NOT NULL DEFAULT '',
	owner          TEXT NOT NULL,
	limit_days     INTEGER NOT NULL DEFAULT 0,
	target_rate    REAL
);
CREATE INDEX stage_revisions_stage ON stage_revisions (stage, effective_from, id);

INSERT INTO stage_revisions (stage, effective_from, recorded_at, author, reason, definition_ja, definition_en, owner, limit_days)
SELECT 'mql', '0001-01-01', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'kpit', 'existing setting', value, value, 'inside_sales',
	coalesce((SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'funnel.handoff_days' AND CAST(value AS INTEGER) > 0), 2)
FROM settings WHERE key = 'funnel.mql_definition' AND trim(value) != '';
INSERT INTO stage_revisions (stage, effective_from, recorded_at, author, reason, definition_ja, definition_en, owner, limit_days)
SELECT 'sql', '0001-01-01', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'kpit', 'existing setting', value, value, 'field_sales', 5
FROM settings WHERE key = 'funnel.sql_definition' AND trim(value) != '';
`,
	// 9: snoozed alerts, hidden until a day, with who and why.
	`
CREATE TABLE alert_snoozes (
	id         INTEGER PRIMARY KEY,
	alert_key  TEXT NOT NULL,
	until      TEXT NOT NULL,
	reason     TEXT NOT NULL,
	author     TEXT NOT NULL,
	created_at TEXT NOT NULL
);
CREATE INDEX alert_snoozes_key ON alert_snoozes (alert_key, until);
`,
	// 10: the monthly roll-up beside the daily one, kept by triggers on
	// rollup_daily itself, so every write path (the record triggers, the
	// doctor's rebuild) keeps it in step. A range's whole months are read
	// from it: the all-time report by rep reads about 1/25 of the rows.
	`
CREATE TABLE rollup_monthly (
	month  TEXT NOT NULL,
	metric TEXT NOT NULL,
	rep_id INTEGER NOT NULL,
	value  INTEGER NOT NULL,
	PRIMARY KEY (month, metric, rep_id)
) WITHOUT ROWID;
` + rollupMonthlyRecount + `;

CREATE TRIGGER rollup_daily_monthly_ai AFTER INSERT ON rollup_daily BEGIN
	INSERT INTO rollup_monthly (month, metric, rep_id, value) VALUES (substr(NEW.day, 1, 7), NEW.metric, NEW.rep_id, NEW.value)
	ON CONFLICT DO UPDATE SET value = value + excluded.value;
END;
CREATE TRIGGER rollup_daily_monthly_au AFTER UPDATE OF value ON rollup_daily
WHEN OLD.day = NEW.day AND OLD.metric = NEW.metric AND OLD.rep_id = NEW.rep_id BEGIN
	UPDATE rollup_monthly SET value = value + NEW.value - OLD.value
	WHERE month = substr(NEW.day, 1, 7) AND metric = NEW.metric AND rep_id = NEW.rep_id;
END;
CREATE TRIGGER rollup_daily_monthly_moved AFTER UPDATE ON rollup_daily
WHEN OLD.day <> NEW.day OR OLD.metric <> NEW.metric OR OLD.rep_id <> NEW.rep_id BEGIN
	UPDATE rollup_monthly SET value = value - OLD.value
	WHERE month = substr(OLD.day, 1, 7) AND metric = OLD.metric AND rep_id = OLD.rep_id;
	INSERT INTO rollup_monthly (month, metric, rep_id, value) VALUES (substr(NEW.day, 1, 7), NEW.metric, NEW.rep_id, NEW.value)
	ON CONFLICT DO UPDATE SET value = value + excluded.value;
END;
CREATE TRIGGER rollup_daily_monthly_ad AFTER DELETE ON rollup_daily BEGIN
	UPDATE rollup_monthly SET value = value - OLD.value
	WHERE month = substr(OLD.day, 1, 7) AND metric = OLD.metric AND rep_id = OLD.rep_id;
END;
`,
	// 11: the hand-off limits read only the leads that can be waiting. A
	// disqualified lead stays at its last stage but waits for nobody, and
	// at a fiscal year of 500,000 leads those were most of the rows the
	// overdue check joined to leads (BENCHMARKS.md). lead_funnel carries
	// the lead's status, kept by triggers, and a partial index holds the
	// others by current stage.
	`
ALTER TABLE lead_funnel ADD COLUMN status TEXT NOT NULL DEFAULT 'new';
UPDATE lead_funnel SET status = (SELECT l.status FROM leads l WHERE l.id = lead_funnel.lead_id);
CREATE INDEX lead_funnel_waiting ON lead_funnel (current_stage, current_s, status) WHERE status != 'disqualified';

CREATE TRIGGER lead_funnel_status_ai AFTER INSERT ON lead_funnel BEGIN
	UPDATE lead_funnel SET status = (SELECT status FROM leads WHERE id = NEW.lead_id) WHERE lead_id = NEW.lead_id;
END;
CREATE TRIGGER leads_funnel_status AFTER UPDATE OF status ON leads BEGIN
	UPDATE lead_funnel SET status = NEW.status WHERE lead_id = NEW.id;
END;
`,
	// 11: the checklist's and the alerts' reads at a million deals. Live
	// rows per table are counted by the write path (live_counts), so the
	// checklist never counts 5 million activities; the entry-time indexes
	// also hold the event day and the flags the late-entry check reads,
	// so only late entries are looked up in the tables.
	`
CREATE TABLE live_counts (
	record TEXT PRIMARY KEY,
	n      INTEGER NOT NULL
) WITHOUT ROWID;
` + liveCountsFill + `

CREATE TRIGGER activities_live_ai AFTER INSERT ON activities WHEN NEW.deleted_at IS NULL BEGIN
	UPDATE live_counts SET n = n + 1 WHERE record = 'activities'; END;
CREATE TRIGGER activities_live_ad AFTER DELETE ON activities WHEN OLD.deleted_at IS NULL BEGIN
	UPDATE live_counts SET n = n - 1 WHERE record = 'activities'; END;
CREATE TRIGGER activities_live_au AFTER UPDATE OF deleted_at ON activities WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) BEGIN
	UPDATE live_counts SET n = n + (NEW.deleted_at IS NULL) - (OLD.deleted_at IS NULL) WHERE record = 'activities'; END;
CREATE TRIGGER opportunities_live_ai AFTER INSERT ON opportunities WHEN NEW.deleted_at IS NULL BEGIN
	UPDATE live_counts SET n = n + 1 WHERE record = 'opportunities'; END;
CREATE TRIGGER opportunities_live_ad AFTER DELETE ON opportunities WHEN OLD.deleted_at IS NULL BEGIN
	UPDATE live_counts SET n = n - 1 WHERE record = 'opportunities'; END;
CREATE TRIGGER opportunities_live_au AFTER UPDATE OF deleted_at ON opportunities WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) BEGIN
	UPDATE live_counts SET n = n + (NEW.deleted_at IS NULL) - (OLD.deleted_at IS NULL) WHERE record = 'opportunities'; END;
CREATE TRIGGER leads_live_ai AFTER INSERT ON leads WHEN NEW.deleted_at IS NULL BEGIN
	UPDATE live_counts SET n = n + 1 WHERE record = 'leads'; END;
CREATE TRIGGER leads_live_ad AFTER DELETE ON leads WHEN OLD.deleted_at IS NULL BEGIN
	UPDATE live_counts SET n = n - 1 WHERE record = 'leads'; END;
CREATE TRIGGER leads_live_au AFTER UPDATE OF deleted_at ON leads WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) BEGIN
	UPDATE live_counts SET n = n + (NEW.deleted_at IS NULL) - (OLD.deleted_at IS NULL) WHERE record = 'leads'; END;
CREATE TRIGGER customers_live_ai AFTER INSERT ON customers WHEN NEW.deleted_at IS NULL BEGIN
	UPDATE live_counts SET n = n + 1 WHERE record = 'customers'; END;
CREATE TRIGGER customers_live_ad AFTER DELETE ON customers WHEN OLD.deleted_at IS NULL BEGIN
	UPDATE live_counts SET n = n - 1 WHERE record = 'customers'; END;
CREATE TRIGGER customers_live_au AFTER UPDATE OF deleted_at ON customers WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) BEGIN
	UPDATE live_counts SET n = n + (NEW.deleted_at IS NULL) - (OLD.deleted_at IS NULL) WHERE record = 'customers'; END;

DROP INDEX activities_entered;
CREATE INDEX activities_entered ON activities (entered_at, day, imported, deleted_at);
DROP INDEX opportunities_entered;
CREATE INDEX opportunities_entered ON opportunities (entered_at, created, imported, deleted_at);
DROP INDEX leads_entered;
CREATE INDEX leads_entered ON leads (entered_at, created, imported, deleted_at);
`,
	// 13: undoing a lead's write undoes its stage changes. A journal entry
	// of a lead notes the last stage_history row before the write
	// (stage_mark); Undo deletes the lead's rows after it, and lead_funnel
	// is rebuilt from what remains of the history, as a restored lead's is.
	`
ALTER TABLE changes ADD COLUMN stage_mark INTEGER;

CREATE TRIGGER stage_history_ad AFTER DELETE ON stage_history BEGIN
	DELETE FROM lead_funnel WHERE lead_id = OLD.lead_id;
	INSERT INTO lead_funnel (lead_id, lead_s, mql_s, sql_s, opportunity_s, won_s, current_stage, current_s, recycles)
	SELECT OLD.lead_id,
		min(CASE WHEN stage = 'lead' THEN unixepoch(at) END), min(CASE WHEN stage = 'mql' THEN unixepoch(at) END),
		min(CASE WHEN stage = 'sql' THEN unixepoch(at) END), min(CASE WHEN stage = 'opportunity' THEN unixepoch(at) END),
		min(CASE WHEN stage = 'won' THEN unixepoch(at) END),
		(SELECT stage FROM stage_history WHERE lead_id = OLD.lead_id ORDER BY at DESC, id DESC LIMIT 1),
		max(unixepoch(at)), sum(recycle)
	FROM stage_history WHERE lead_id = OLD.lead_id
		AND EXISTS (SELECT 1 FROM leads WHERE id = OLD.lead_id AND deleted_at IS NULL) HAVING count(*) > 0;
END;
`,
	// 14: the funnel's breakdowns without a read of leads. lead_funnel
	// carries the lead's source and owner, kept by triggers as its status
	// is, and each stage's index covers them: a fiscal year of 500,000
	// leads by source joined every cohort row to leads (BENCHMARKS.md).
	`
ALTER TABLE lead_funnel ADD COLUMN source TEXT NOT NULL DEFAULT '';
ALTER TABLE lead_funnel ADD COLUMN rep_id INTEGER;
UPDATE lead_funnel SET (source, rep_id) = (SELECT l.source, l.rep_id FROM leads l WHERE l.id = lead_funnel.lead_id);

DROP INDEX lead_funnel_lead;
DROP INDEX lead_funnel_mql;
DROP INDEX lead_funnel_sql;
DROP INDEX lead_funnel_opportunity;
DROP INDEX lead_funnel_won;
CREATE INDEX lead_funnel_lead ON lead_funnel (lead_s, mql_s, source, rep_id);
CREATE INDEX lead_funnel_mql ON lead_funnel (mql_s, sql_s, source, rep_id);
CREATE INDEX lead_funnel_sql ON lead_funnel (sql_s, opportunity_s, source, rep_id);
CREATE INDEX lead_funnel_opportunity ON lead_funnel (opportunity_s, won_s, source, rep_id);
CREATE INDEX lead_funnel_won ON lead_funnel (won_s, source, rep_id);

DROP TRIGGER lead_funnel_status_ai;
CREATE TRIGGER lead_funnel_lead_ai AFTER INSERT ON lead_funnel BEGIN
	UPDATE lead_funnel SET (status, source, rep_id) = (SELECT status, source, rep_id FROM leads WHERE id = NEW.lead_id)
	WHERE lead_id = NEW.lead_id;
END;
CREATE TRIGGER leads_funnel_keys AFTER UPDATE OF source, rep_id ON leads BEGIN
	UPDATE lead_funnel SET source = NEW.source, rep_id = NEW.rep_id WHERE lead_id = NEW.id;
END;
`,
	// 15: the event-day indexes cover the entry-timeliness figure.
	eventDayIndexes,
	// 16: the people of a team that shares the file (kpit serve, --as;
	// docs/teams.md): each known by one SSH public key ("TYPE BASE64"), with
	// a role and, for a rep, the rep whose records are theirs. Every change
	// in the journal names its author.
	`
CREATE TABLE users (
	name     TEXT PRIMARY KEY,
	key      TEXT NOT NULL UNIQUE,
	role     TEXT NOT NULL CHECK (role IN ('rep','lead','admin')),
	rep_id   INTEGER REFERENCES reps (id),
	lang     TEXT NOT NULL DEFAULT '',
	added_at TEXT NOT NULL
);
ALTER TABLE changes ADD COLUMN author TEXT NOT NULL DEFAULT '';
`,
	// 17: the records behind the inside-sales and customer-success KPIs
	// (docs/success.md). A call activity says how many of its calls
	// connected, kept in the roll-up as the metric connects by triggers of
	// their own beside those of migration 1; an activity may name the lead
	// it works and the moment it happened, for the response time to a new
	// MQL. Customers carry their onboarding due and done days. NPS answers,
	// usage checks, e-mail campaigns and inquiries are records of their
	// own, dated and tombstoned like the others; the CHECKs repeat the
	// model's refusals so no door writes a score outside 0–10.
	`
ALTER TABLE activities ADD COLUMN connected INTEGER NOT NULL DEFAULT 0 CHECK (connected >= 0);
ALTER TABLE activities ADD COLUMN lead_id INTEGER REFERENCES leads(id);
ALTER TABLE activities ADD COLUMN at TEXT;
CREATE INDEX activities_lead ON activities (lead_id, day) WHERE lead_id IS NOT NULL;

CREATE TRIGGER activities_connects_ai AFTER INSERT ON activities
WHEN NEW.deleted_at IS NULL AND NEW.kind = 'call' AND NEW.connected > 0 BEGIN
	INSERT INTO rollup_daily (day, metric, rep_id, value) VALUES (NEW.day, 'connects', NEW.rep_id, NEW.connected)
	ON CONFLICT DO UPDATE SET value = value + excluded.value;
END;
CREATE TRIGGER activities_connects_ad AFTER DELETE ON activities
WHEN OLD.deleted_at IS NULL AND OLD.kind = 'call' AND OLD.connected > 0 BEGIN
	UPDATE rollup_daily SET value = value - OLD.connected WHERE day = OLD.day AND metric = 'connects' AND rep_id = OLD.rep_id;
END;
CREATE TRIGGER activities_connects_au AFTER UPDATE ON activities BEGIN
	UPDATE rollup_daily SET value = value - OLD.connected
	WHERE OLD.deleted_at IS NULL AND OLD.kind = 'call' AND OLD.connected > 0
		AND day = OLD.day AND metric = 'connects' AND rep_id = OLD.rep_id;
	INSERT INTO rollup_daily (day, metric, rep_id, value)
	SELECT NEW.day, 'connects', NEW.rep_id, NEW.connected WHERE NEW.deleted_at IS NULL AND NEW.kind = 'call' AND NEW.connected > 0
	ON CONFLICT DO UPDATE SET value = value + excluded.value;
END;

ALTER TABLE customers ADD COLUMN onboarding_due TEXT;
ALTER TABLE customers ADD COLUMN onboarded_on TEXT;
CREATE INDEX customers_started ON customers (started);
CREATE INDEX customers_onboarding_due ON customers (onboarding_due) WHERE onboarding_due IS NOT NULL;

CREATE TABLE nps_answers (
	id          INTEGER PRIMARY KEY,
	external_id TEXT UNIQUE,
	account     TEXT NOT NULL DEFAULT '',
	day         TEXT NOT NULL,
	score       INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
	imported    INTEGER NOT NULL DEFAULT 0,
	entered_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	deleted_at  TEXT
);
CREATE INDEX nps_answers_day ON nps_answers (day, score) WHERE deleted_at IS NULL;

CREATE TABLE usage_checks (
	id          INTEGER PRIMARY KEY,
	customer_id INTEGER NOT NULL REFERENCES customers(id),
	day         TEXT NOT NULL,
	active      INTEGER NOT NULL CHECK (active IN (0, 1)),
	imported    INTEGER NOT NULL DEFAULT 0,
	entered_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	deleted_at  TEXT
);
CREATE INDEX usage_checks_day ON usage_checks (day, customer_id) WHERE deleted_at IS NULL;

CREATE TABLE campaigns (
	id          INTEGER PRIMARY KEY,
	external_id TEXT UNIQUE,
	name        TEXT NOT NULL,
	day         TEXT NOT NULL,
	sent        INTEGER NOT NULL CHECK (sent >= 0),
	opened      INTEGER NOT NULL CHECK (opened >= 0 AND opened <= sent),
	imported    INTEGER NOT NULL DEFAULT 0,
	entered_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	deleted_at  TEXT
);
CREATE INDEX campaigns_day ON campaigns (day) WHERE deleted_at IS NULL;

CREATE TABLE inquiries (
	id          INTEGER PRIMARY KEY,
	external_id TEXT UNIQUE,
	account     TEXT NOT NULL DEFAULT '',
	opened_at   TEXT NOT NULL,
	answered_at TEXT CHECK (answered_at IS NULL OR unixepoch(answered_at) >= unixepoch(opened_at)),
	imported    INTEGER NOT NULL DEFAULT 0,
	entered_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	deleted_at  TEXT
);
CREATE INDEX inquiries_opened ON inquiries (opened_at) WHERE deleted_at IS NULL;
`,
	// 18: the cohorts' leads still open are counted in the same scan as
	// the cohorts: each stage's index but won's also covers where the lead
	// stands and its status (the same text on both engines).
	funnelOpenIndexes,
	// 19: the customer-success records as people and imports enter them:
	// an NPS answer keeps the comment that came with it, and a usage check
	// carries the id an import matches it by, as the other records do.
	successEntry,
	// 20: the alerts read what can alert: the reps' and deals' indexes
	// cover the entry-timeliness count, each deal's newest live activity
	// and the open deals' last change (the same text on both engines).
	alertIndexes,
	// 21: the records that can be late entries have an index of their own
	// (the same text on both engines).
	lateEntryIndexes,
	// 22: the funnel of a long range without a read of every lead: the
	// leads reaching each stage per day kept by triggers on lead_funnel,
	// and the times to the next stage and the leads still open read from
	// partial indexes of those leads alone.
	funnelReached + funnelReachedTriggersSQLite,
	// 23: each open deal's newest live activity day kept by triggers, so
	// the alerts' stalled deals are one range.
	openDealWork + openDealWorkTriggersSQLite,
	// 24: the hand-entered records counted per rep, event day and quarter
	// hour of entry, kept by triggers, for the entry-timeliness figure.
	entryLags(false),
	// 25: the id ranges of an import still moving its rows in batches,
	// which every read leaves out (store/import_pending.go).
	importPendingSQL,
	// 26: the leads waiting at each stage per day of arrival, kept by
	// triggers on lead_funnel, for the hand-off alerts' counts.
	waitingDays(false),
	// 27: the checklist's counts of the leads with an MQL and an SQL day
	// read from an index of those leads alone (the same text on both
	// engines).
	leadStageDayIndexes,
	// 28: open_deal_work's triggers that count a deal's day again from its
	// activities leave out the activities an import is still moving
	// (store/import_pending.go), as every read does.
	openDealWorkRecountsSQLite,
}

// leadStageDayIndexes (migration 27): the checklist evidence counts the
// live leads with an MQL day and with an SQL day; at a million deals
// (200,000 leads) that count read every lead and was a third of the
// evidence's time (BENCHMARKS.md). Each partial index holds exactly the
// leads one count counts, and the columns the count names, so the count
// is a walk of that index alone.
const leadStageDayIndexes = `
CREATE INDEX leads_mql_live ON leads (mql_on, deleted_at) WHERE mql_on IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX leads_sql_live ON leads (sql_on, deleted_at) WHERE sql_on IS NOT NULL AND deleted_at IS NULL;
`

// waitingDay is the UTC day (its first second) a lead_funnel row arrived
// at its current stage.
func waitingDay(row string) string {
	return fmt.Sprintf("%[1]s.current_s - ((%[1]s.current_s %% 86400) + 86400) %% 86400", row)
}

// waitingLead is whether a lead_funnel row waits at its stage.
func waitingLead(row string) string {
	return fmt.Sprintf("%[1]s.status != 'disqualified' AND NOT (%[1]s.status = 'converted' AND %[1]s.current_stage IN ('lead', 'mql', 'sql'))", row)
}

// waitingDaysFill counts every waiting lead_funnel row into waiting_days.
var waitingDaysFill = `INSERT INTO waiting_days (stage, day_s, n)
SELECT f.current_stage, ` + waitingDay("f") + `, count(*) FROM lead_funnel f WHERE ` + waitingLead("f") + ` GROUP BY 1, 2`

// waitingDays (migration 26; pg chooses PostgreSQL's text): waiting_days
// holds, per stage and UTC day (day_s, the day's first second), how many
// leads wait there since a moment of that day: lead_funnel_waiting's rows
// less the converted leads at a stage before opportunity, which wait for
// nobody (Store.StageOverdue's waitingAt). The hand-off alerts count the
// leads that arrived before a day from it, and read lead_funnel only for
// the part day at the edge: at a million deals the count walked 96,000
// index entries of the SQL stage, 70,000 of them converted leads
// (BENCHMARKS.md). A day whose leads all moved on stays with n = 0.
func waitingDays(pg bool) string {
	day, waiting := waitingDay, waitingLead
	plus := `INSERT INTO waiting_days (stage, day_s, n) SELECT NEW.current_stage, ` + day("NEW") + `, 1 WHERE ` + waiting("NEW") + `
	ON CONFLICT (stage, day_s) DO UPDATE SET n = waiting_days.n + 1;`
	minus := `UPDATE waiting_days SET n = n - 1 WHERE stage = OLD.current_stage AND day_s = ` + day("OLD") + ` AND ` + waiting("OLD") + `;`
	ddl := `
CREATE TABLE waiting_days (
	stage TEXT NOT NULL,
	day_s INTEGER NOT NULL,
	n     INTEGER NOT NULL,
	PRIMARY KEY (stage, day_s)
);
` + waitingDaysFill + `;
`
	if pg {
		return ddl + `
CREATE FUNCTION kpit_waiting_days() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'INSERT' THEN
		` + minus + `
	END IF;
	IF TG_OP <> 'DELETE' THEN
		` + plus + `
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER waiting_days AFTER INSERT OR UPDATE OF current_stage, current_s, status OR DELETE ON lead_funnel
	FOR EACH ROW EXECUTE FUNCTION kpit_waiting_days();
`
	}
	return ddl + `
CREATE TRIGGER waiting_days_ai AFTER INSERT ON lead_funnel BEGIN
	` + plus + `
END;
CREATE TRIGGER waiting_days_ad AFTER DELETE ON lead_funnel BEGIN
	` + minus + `
END;
CREATE TRIGGER waiting_days_au AFTER UPDATE OF current_stage, current_s, status ON lead_funnel BEGIN
	` + minus + `
	` + plus + `
END;
`
}

// entryLagRecords are the tables entry_lags counts, each with its event
// day's column (Store.Timeliness reads the same records).
var entryLagRecords = []struct{ table, day string }{{"activities", "day"}, {"opportunities", "created"}, {"leads", "created"}}

// The quarter hours from an event day's midnight in UTC to a record's
// entry that entry_lags tells apart: a team's zone is UTC-12 to UTC+14,
// so an entry is on its day when under 24 h less the zone's offset, 10 to
// 36 h, and by the next day under 34 to 60 h (Store.Timeliness). Entries
// under 10 h count as 39, from 60 h on as 240.
const (
	entryLagEarly = 39
	entryLagLate  = 240
)

// entryLag is the entry lag in quarter hours of a record (row) about the
// event day in its column day.
func entryLag(pg bool, row, day string) string {
	// The entry's whole seconds, as the text entered_at is (RFC 3339
	// in UTC) compares with a bound to the second.
	at := fmt.Sprintf("unixepoch(substr(%s.entered_at, 1, 19)) - unixepoch(%s.%s)", row, row, day)
	if pg {
		at = fmt.Sprintf("floor(extract(epoch FROM left(%s.entered_at, 19)::timestamp))::bigint - (%s.%s::date - DATE '1970-01-01')::bigint * 86400",
			row, row, day)
	}
	return fmt.Sprintf("%s(%d, %s(%d, coalesce((%s) / 900, %[4]d)))", map[bool]string{false: "max", true: "greatest"}[pg],
		entryLagEarly, map[bool]string{false: "min", true: "least"}[pg], entryLagLate, at)
}

// entryLagsFill counts every live record entered by hand into entry_lags,
// one statement per record table, each ending in a semicolon.
func entryLagsFill(pg bool) string {
	var b strings.Builder
	for _, r := range entryLagRecords {
		fmt.Fprintf(&b, `INSERT INTO entry_lags (day, rep_id, lag, n)
SELECT t.%s, coalesce(t.rep_id, 0), %s, count(*) FROM %s t WHERE t.imported = 0 AND t.deleted_at IS NULL GROUP BY 1, 2, 3
ON CONFLICT (day, rep_id, lag) DO UPDATE SET n = entry_lags.n + excluded.n;
`, r.day, entryLag(pg, "t", r.day), r.table)
	}
	return b.String()
}

// entryLags (migration 24; pg chooses PostgreSQL's text): entry_lags
// holds, per rep (0 for a lead without one), event day and entry lag in
// quarter hours (entryLagEarly to entryLagLate), how many live records
// entered by hand (not imported) there are, so the 30-day timeliness of
// kpit alerts, the alerts tab and the Reps tab is a range of a few rows a
// rep and day: at a million deals it sought each rep's entries day by
// day, 12,000 index seeks for 160,000 entries (BENCHMARKS.md). A row
// whose records were all deleted stays with n = 0.
func entryLags(pg bool) string {
	lag := func(row, day string) string { return entryLag(pg, row, day) }
	var b strings.Builder
	b.WriteString(`
CREATE TABLE entry_lags (
	day    TEXT NOT NULL,
	rep_id INTEGER NOT NULL,
	lag    INTEGER NOT NULL,
	n      INTEGER NOT NULL,
	PRIMARY KEY (day, rep_id, lag)
);
`)
	b.WriteString(entryLagsFill(pg))
	live := func(row string) string { return row + ".imported = 0 AND " + row + ".deleted_at IS NULL" }
	plus := func(r struct{ table, day string }) string {
		return fmt.Sprintf(`INSERT INTO entry_lags (day, rep_id, lag, n) SELECT NEW.%s, coalesce(NEW.rep_id, 0), %s, 1 WHERE %s
	ON CONFLICT (day, rep_id, lag) DO UPDATE SET n = entry_lags.n + 1;`, r.day, lag("NEW", r.day), live("NEW"))
	}
	minus := func(r struct{ table, day string }) string {
		return fmt.Sprintf(`UPDATE entry_lags SET n = n - 1 WHERE day = OLD.%s AND rep_id = coalesce(OLD.rep_id, 0) AND lag = %s AND %s;`,
			r.day, lag("OLD", r.day), live("OLD"))
	}
	for _, r := range entryLagRecords {
		cols := "rep_id, " + r.day + ", entered_at, imported, deleted_at"
		if pg {
			fmt.Fprintf(&b, `
CREATE FUNCTION kpit_entry_lags_%[1]s() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'INSERT' THEN
		%[2]s
	END IF;
	IF TG_OP <> 'DELETE' THEN
		%[3]s
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER entry_lags_%[1]s AFTER INSERT OR UPDATE OF %[4]s OR DELETE ON %[1]s
	FOR EACH ROW EXECUTE FUNCTION kpit_entry_lags_%[1]s();
`, r.table, minus(r), plus(r), cols)
			continue
		}
		fmt.Fprintf(&b, `
CREATE TRIGGER entry_lags_%[1]s_ai AFTER INSERT ON %[1]s WHEN %[2]s BEGIN
	%[3]s
END;
CREATE TRIGGER entry_lags_%[1]s_ad AFTER DELETE ON %[1]s WHEN %[4]s BEGIN
	%[5]s
END;
CREATE TRIGGER entry_lags_%[1]s_au AFTER UPDATE OF %[6]s ON %[1]s BEGIN
	%[5]s
	%[3]s
END;
`, r.table, live("NEW"), plus(r), live("OLD"), minus(r), cols)
	}
	return b.String()
}

// openDealWork (migration 23; the table, index and fill are the same text
// on both engines, the triggers each engine's own): one row per open,
// live deal with the day of its newest live activity (empty when none). The
// stalled-deal alert (Store.dealFacts) reads the deals not worked on
// since a day as a range of last_day: at a million deals every open deal
// unchanged for a week (23,000) was probed for a later activity, and
// nearly all had one (BENCHMARKS.md).
const openDealWork = `
CREATE TABLE open_deal_work (
	opportunity_id INTEGER PRIMARY KEY,
	last_day       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX open_deal_work_day ON open_deal_work (last_day);
` + openDealWorkFill + `;
`

// openDealWorkFill gives every open, live deal its row in open_deal_work.
const openDealWorkFill = `INSERT INTO open_deal_work (opportunity_id, last_day)
SELECT o.id, coalesce((SELECT max(a.day) FROM activities a WHERE a.opportunity_id = o.id AND a.deleted_at IS NULL), '')
FROM opportunities o WHERE o.outcome = 'open' AND o.deleted_at IS NULL`

// openDealLastDay is the newest live activity day of the deal id names
// (empty when none), read from activities_opportunity.
func openDealLastDay(id string) string {
	return `coalesce((SELECT max(a.day) FROM activities a WHERE a.opportunity_id = ` + id + ` AND a.deleted_at IS NULL), '')`
}

// openDealVisibleLastDay is openDealLastDay of the activities every read
// sees: without those an import is still moving in batches
// (pendingHidden). A trigger that counts a deal's day again while an
// import moves must not show that import's days early; its final
// transaction moves each deal's day forward to its new activities'
// newest (ImportSession.addOpenDealWork).
func openDealVisibleLastDay(id string) string {
	return `coalesce((SELECT max(a.day) FROM activities a WHERE a.opportunity_id = ` + id + ` AND a.deleted_at IS NULL AND ` +
		pendingHidden("a", kindActivities) + `), '')`
}

// openDealWorkTriggersSQLite keep open_deal_work: a deal has its row while
// it is open and live; a live activity added moves its deal's day forward,
// and any other change of an activity's deal, day or tombstone counts the
// deal's day again from its activities. Migration 28 replaces the three
// that count again (openDealWorkRecountsSQLite).
var openDealWorkTriggersSQLite = `
CREATE TRIGGER open_deal_work_opportunities_ai AFTER INSERT ON opportunities
	WHEN NEW.outcome = 'open' AND NEW.deleted_at IS NULL BEGIN
	INSERT INTO open_deal_work (opportunity_id, last_day) VALUES (NEW.id, ` + openDealLastDay("NEW.id") + `);
END;` + openDealRecountDeal(openDealLastDay) + `
CREATE TRIGGER open_deal_work_opportunities_ad AFTER DELETE ON opportunities BEGIN
	DELETE FROM open_deal_work WHERE opportunity_id = OLD.id;
END;
CREATE TRIGGER open_deal_work_activities_ai AFTER INSERT ON activities
	WHEN NEW.opportunity_id IS NOT NULL AND NEW.deleted_at IS NULL BEGIN
	UPDATE open_deal_work SET last_day = NEW.day WHERE opportunity_id = NEW.opportunity_id AND last_day < NEW.day;
END;` + openDealRecountActivities(openDealLastDay) + `
`

// openDealRecountDeal is the trigger that gives a deal changed (its
// outcome, its tombstone) its row again, counted with lastDay.
func openDealRecountDeal(lastDay func(id string) string) string {
	return `
CREATE TRIGGER open_deal_work_opportunities_au AFTER UPDATE OF outcome, deleted_at ON opportunities BEGIN
	DELETE FROM open_deal_work WHERE opportunity_id = OLD.id;
	INSERT INTO open_deal_work (opportunity_id, last_day)
	SELECT NEW.id, ` + lastDay("NEW.id") + ` WHERE NEW.outcome = 'open' AND NEW.deleted_at IS NULL;
END;`
}

// openDealRecountActivities are the triggers that count a deal's day
// again with lastDay when one of its activities is changed or deleted.
func openDealRecountActivities(lastDay func(id string) string) string {
	return `
CREATE TRIGGER open_deal_work_activities_au AFTER UPDATE OF opportunity_id, day, deleted_at ON activities BEGIN
	UPDATE open_deal_work SET last_day = ` + lastDay("open_deal_work.opportunity_id") + `
	WHERE opportunity_id IN (OLD.opportunity_id, NEW.opportunity_id);
END;
CREATE TRIGGER open_deal_work_activities_ad AFTER DELETE ON activities WHEN OLD.opportunity_id IS NOT NULL BEGIN
	UPDATE open_deal_work SET last_day = ` + lastDay("OLD.opportunity_id") + ` WHERE opportunity_id = OLD.opportunity_id;
END;`
}

// openDealWorkRecountsSQLite (migration 28) makes the three triggers of
// openDealWorkTriggersSQLite that count a deal's day again from its
// activities count the visible ones alone (openDealVisibleLastDay): an
// edit, delete or deal change another kpit makes while an import moves
// its activities in batches. The insert triggers stay as they are, and
// so do the bulk moves' lists of them (bulkInsertTriggers,
// buildInsertTriggers): a new deal has no activity an import is moving,
// and a new activity only moves its deal's day forward to its own.
var openDealWorkRecountsSQLite = `
DROP TRIGGER open_deal_work_opportunities_au;
DROP TRIGGER open_deal_work_activities_au;
DROP TRIGGER open_deal_work_activities_ad;` + openDealRecountDeal(openDealVisibleLastDay) +
	openDealRecountActivities(openDealVisibleLastDay) + `
`

// lateEntryIndexes (migration 21): the late-entry rule reads the records
// entered in the last days, and only those entered from 09:59 UTC of their
// event day on can be late (Store.entryFacts says why). Those are a few
// percent of the records (3,600 of the last nine days' 75,000 at a million
// deals), and each table's partial index holds just them, with every
// column the rule reads (the import flag and tombstone too, though they
// are the same in every entry: SQLite reads a column the query names from
// the table unless the index holds it): the read is a range of it, where
// the entry-time index walked every record of the days and looked each
// one up in its table. The queries repeat each WHERE clause word for word, which is how
// both engines know the index holds what they ask for.
const lateEntryIndexes = `
CREATE INDEX activities_maybe_late ON activities (entered_at, day, rep_id, kind, account, imported, deleted_at)
	WHERE imported = 0 AND deleted_at IS NULL AND entered_at >= day || 'T09:59';
CREATE INDEX opportunities_maybe_late ON opportunities (entered_at, created, rep_id, account, imported, deleted_at)
	WHERE imported = 0 AND deleted_at IS NULL AND entered_at >= created || 'T09:59';
CREATE INDEX leads_maybe_late ON leads (entered_at, created, rep_id, company, imported, deleted_at)
	WHERE imported = 0 AND deleted_at IS NULL AND entered_at >= created || 'T09:59';
`

// alertIndexes (migration 20): the alerts at a million deals read index
// ranges, not every open deal and a month of entries (BENCHMARKS.md).
// Each index keeps its columns first, so it serves every read it served
// before; the columns after them are read from the index alone:
//   - (rep, event day) with the import flag, tombstone and entry time: the
//     entry-timeliness count reads each rep's days in the reps' order,
//     without sorting a month of entries (150,000) by rep;
//   - a deal's activities with the tombstone: whether a deal was worked on
//     after a day is one index probe, not a table lookup per activity;
//   - the open deals by their last change with their creation day: the
//     deals that have not changed for a week are a range.
const alertIndexes = `
DROP INDEX activities_rep;
CREATE INDEX activities_rep ON activities (rep_id, day, imported, deleted_at, entered_at);
DROP INDEX opportunities_rep;
CREATE INDEX opportunities_rep ON opportunities (rep_id, created, imported, deleted_at, entered_at);
DROP INDEX activities_opportunity;
CREATE INDEX activities_opportunity ON activities (opportunity_id, day, deleted_at);
DROP INDEX opportunities_open;
CREATE INDEX opportunities_open ON opportunities (updated_at, created) WHERE outcome = 'open' AND deleted_at IS NULL;
`

// funnelReached (migration 22; the table, indexes and the fill are the
// same text on both engines, the triggers each engine's own): the funnel
// tab and kpit funnel count the leads that first reached each stage in a
// range from funnel_reached, one row per stage and UTC day (day_s, the
// day's first second), and read only the edges of the range that are part
// days from lead_funnel. The times to the next stage come from a partial
// index per step of the leads that made it (lead_funnel_<stage>_on), the
// leads still standing at a stage from one of those standing there
// (lead_funnel_<stage>_open), and the recycles' index covers the lead, so
// a fiscal year of 500,000 leads reads about half as many index entries
// as the full stage indexes hold (BENCHMARKS.md). The stage indexes stay
// for the breakdowns and the list of leads.
const funnelReached = `
CREATE TABLE funnel_reached (
	stage TEXT NOT NULL,
	day_s INTEGER NOT NULL,
	n     INTEGER NOT NULL,
	PRIMARY KEY (stage, day_s)
);
` + funnelReachedFill + `;

CREATE INDEX lead_funnel_lead_on ON lead_funnel (lead_s, mql_s) WHERE mql_s >= lead_s;
CREATE INDEX lead_funnel_mql_on ON lead_funnel (mql_s, sql_s) WHERE sql_s >= mql_s;
CREATE INDEX lead_funnel_sql_on ON lead_funnel (sql_s, opportunity_s) WHERE opportunity_s >= sql_s;
CREATE INDEX lead_funnel_opportunity_on ON lead_funnel (opportunity_s, won_s) WHERE won_s >= opportunity_s;
CREATE INDEX lead_funnel_lead_open ON lead_funnel (lead_s, mql_s) WHERE current_stage = 'lead' AND status != 'disqualified';
CREATE INDEX lead_funnel_mql_open ON lead_funnel (mql_s, sql_s) WHERE current_stage = 'mql' AND status != 'disqualified';
CREATE INDEX lead_funnel_sql_open ON lead_funnel (sql_s, opportunity_s) WHERE current_stage = 'sql' AND status != 'disqualified';
CREATE INDEX lead_funnel_opportunity_open ON lead_funnel (opportunity_s, won_s)
	WHERE current_stage = 'opportunity' AND status != 'disqualified';

DROP INDEX stage_history_recycled;
CREATE INDEX stage_history_recycled ON stage_history (stage, at, lead_id) WHERE recycle = 1;
`

// funnelReachedFill counts every lead_funnel row into funnel_reached:
// once in each stage it has a time for, on that time's UTC day.
const funnelReachedFill = `INSERT INTO funnel_reached (stage, day_s, n)
SELECT 'lead', lead_s - ((lead_s % 86400) + 86400) % 86400, count(*) FROM lead_funnel WHERE lead_s IS NOT NULL GROUP BY 2
UNION ALL SELECT 'mql', mql_s - ((mql_s % 86400) + 86400) % 86400, count(*) FROM lead_funnel WHERE mql_s IS NOT NULL GROUP BY 2
UNION ALL SELECT 'sql', sql_s - ((sql_s % 86400) + 86400) % 86400, count(*) FROM lead_funnel WHERE sql_s IS NOT NULL GROUP BY 2
UNION ALL SELECT 'opportunity', opportunity_s - ((opportunity_s % 86400) + 86400) % 86400, count(*) FROM lead_funnel
	WHERE opportunity_s IS NOT NULL GROUP BY 2
UNION ALL SELECT 'won', won_s - ((won_s % 86400) + 86400) % 86400, count(*) FROM lead_funnel WHERE won_s IS NOT NULL GROUP BY 2`

// funnelReachedTriggersSQLite keep funnel_reached: a lead_funnel row
// counts once in each stage it has a time for, on that time's UTC day.
var funnelReachedTriggersSQLite = func() string {
	var ins, del, upd strings.Builder
	for _, st := range []string{"lead", "mql", "sql", "opportunity", "won"} {
		day := func(row string) string {
			return fmt.Sprintf("%[1]s.%[2]s_s - ((%[1]s.%[2]s_s %% 86400) + 86400) %% 86400", row, st)
		}
		// {when} is where the update trigger adds "and it changed".
		plus := `
	INSERT INTO funnel_reached (stage, day_s, n) SELECT '` + st + `', ` + day("NEW") + `, 1 WHERE NEW.` + st + `_s IS NOT NULL{when}
	ON CONFLICT (stage, day_s) DO UPDATE SET n = n + 1;`
		minus := `
	UPDATE funnel_reached SET n = n - 1 WHERE stage = '` + st + `' AND day_s = ` + day("OLD") + `{when};`
		changed := " AND OLD." + st + "_s IS NOT NEW." + st + "_s"
		ins.WriteString(strings.ReplaceAll(plus, "{when}", ""))
		del.WriteString(strings.ReplaceAll(minus, "{when}", ""))
		upd.WriteString(strings.ReplaceAll(minus, "{when}", changed))
		upd.WriteString(strings.ReplaceAll(plus, "{when}", changed))
	}
	return `
CREATE TRIGGER funnel_reached_ai AFTER INSERT ON lead_funnel BEGIN` + ins.String() + `
END;
CREATE TRIGGER funnel_reached_ad AFTER DELETE ON lead_funnel BEGIN` + del.String() + `
END;
CREATE TRIGGER funnel_reached_au AFTER UPDATE OF lead_s, mql_s, sql_s, opportunity_s, won_s ON lead_funnel BEGIN` + upd.String() + `
END;
`
}()

// successEntry (migration 19, the same text on both engines).
const successEntry = `
ALTER TABLE nps_answers ADD COLUMN comment TEXT NOT NULL DEFAULT '';
ALTER TABLE usage_checks ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX usage_checks_external_id ON usage_checks (external_id);
`

// funnelOpenIndexes (migration 18): lead_funnel's stage indexes cover the
// lead's current stage and status, so a cohort's leads still standing at
// its stage (figures.FunnelStep.Open) are counted from the index read for
// the cohort, not by a second read of the waiting leads (BENCHMARKS.md).
const funnelOpenIndexes = `
DROP INDEX lead_funnel_lead;
DROP INDEX lead_funnel_mql;
DROP INDEX lead_funnel_sql;
DROP INDEX lead_funnel_opportunity;
CREATE INDEX lead_funnel_lead ON lead_funnel (lead_s, mql_s, source, rep_id, current_stage, status);
CREATE INDEX lead_funnel_mql ON lead_funnel (mql_s, sql_s, source, rep_id, current_stage, status);
CREATE INDEX lead_funnel_sql ON lead_funnel (sql_s, opportunity_s, source, rep_id, current_stage, status);
CREATE INDEX lead_funnel_opportunity ON lead_funnel (opportunity_s, won_s, source, rep_id, current_stage, status);
`

// eventDayIndexes (migration 15, the same text on both engines): each
// table's event-day index also holds the columns the entry-timeliness
// figure reads (the import flag, the tombstone, the rep and the entry
// time), so the alerts tab, the Reps tab and kpit alerts count a month of
// entries from the index alone instead of looking up every row in the
// table: at a million deals, 146,000 lookups in a 2 GB file became an
// index range (BENCHMARKS.md). Ordered by the day and then the id, as the
// narrower indexes were (SQLite appends the rowid), they still serve every
// read they served before, the Records tab's newest-first pages among them.
const eventDayIndexes = `
DROP INDEX activities_day;
CREATE INDEX activities_day ON activities (day, id, imported, deleted_at, rep_id, entered_at);
DROP INDEX opportunities_created;
CREATE INDEX opportunities_created ON opportunities (created, id, imported, deleted_at, rep_id, entered_at);
DROP INDEX leads_created;
CREATE INDEX leads_created ON leads (created, id, imported, deleted_at, rep_id, entered_at);
`

// stageHistoryFromLeads writes the stage changes the leads' days say, as
// the leads insert trigger does for each lead: its creation, then its MQL
// and SQL days when it has them, each at the start of that day in UTC, lead
// by lead in id order.
const stageHistoryFromLeads = `INSERT INTO stage_history (lead_id, stage, at, rep_id, entered_at)
SELECT id, stage, day || 'T00:00:00Z', rep_id, entered_at FROM (
	SELECT id, 1 AS k, 'lead' AS stage, created AS day, rep_id, entered_at FROM leads
	UNION ALL SELECT id, 2, 'mql', mql_on, rep_id, entered_at FROM leads WHERE mql_on IS NOT NULL
	UNION ALL SELECT id, 3, 'sql', sql_on, rep_id, entered_at FROM leads WHERE sql_on IS NOT NULL)
ORDER BY id, k;`

// rollupMonthlyRecount fills rollup_monthly with the months of rollup_daily.
const rollupMonthlyRecount = `INSERT INTO rollup_monthly (month, metric, rep_id, value)
	SELECT substr(day, 1, 7), metric, rep_id, sum(value) FROM rollup_daily GROUP BY 1, 2, 3`

// liveCountsFill counts the live rows of each record table into the empty
// live_counts.
const liveCountsFill = `INSERT INTO live_counts (record, n)
	SELECT 'activities', count(*) FROM activities WHERE deleted_at IS NULL
	UNION ALL SELECT 'opportunities', count(*) FROM opportunities WHERE deleted_at IS NULL
	UNION ALL SELECT 'leads', count(*) FROM leads WHERE deleted_at IS NULL
	UNION ALL SELECT 'customers', count(*) FROM customers WHERE deleted_at IS NULL;`
