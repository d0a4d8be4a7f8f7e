package store

import "strings"

// pgMigration brings a PostgreSQL database to the schema of SQLite's
// migrations[:upTo]: the two lists are kept side by side, and one
// PostgreSQL text may stand for several SQLite steps. The version kept in
// kpit_schema is that SQLite number, so both stores name a schema the
// same way. Append only, as with migrations; a migration appended there
// needs its PostgreSQL text here (TestPostgresSchemaKeepsUp says so).
type pgMigration struct {
	upTo int
	sql  string
}

// pgMigrations: the first is the whole schema of SQLite's versions 1 to
// 12 at once. The tables, columns, indexes and roll-ups are SQLite's; the
// differences are the types (BIGINT for SQLite's 64-bit INTEGER, DOUBLE
// PRECISION for REAL, identity columns for INTEGER PRIMARY KEY) and the
// triggers, which are PL/pgSQL functions doing what SQLite's nine roll-up
// triggers and the funnel's do, in the same transaction as the write.
var pgMigrations = []pgMigration{
	{upTo: 12, sql: cText(pgTables) + pgTriggers},
	// 13: a lead's journal entry notes the last stage change before the
	// write; deleting stage changes rebuilds the lead's lead_funnel row
	// from the history that remains.
	{upTo: 13, sql: `
ALTER TABLE changes ADD COLUMN stage_mark BIGINT;

CREATE FUNCTION kpit_stage_history_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM lead_funnel WHERE lead_id = OLD.lead_id;
	INSERT INTO lead_funnel (lead_id, lead_s, mql_s, sql_s, opportunity_s, won_s, current_stage, current_s, recycles, status)
	SELECT OLD.lead_id,
		min(CASE WHEN stage = 'lead' THEN kpit_epoch(at) END), min(CASE WHEN stage = 'mql' THEN kpit_epoch(at) END),
		min(CASE WHEN stage = 'sql' THEN kpit_epoch(at) END), min(CASE WHEN stage = 'opportunity' THEN kpit_epoch(at) END),
		min(CASE WHEN stage = 'won' THEN kpit_epoch(at) END),
		(SELECT h.stage FROM stage_history h WHERE h.lead_id = OLD.lead_id ORDER BY h.at DESC, h.id DESC LIMIT 1),
		max(kpit_epoch(at)), sum(recycle), (SELECT status FROM leads WHERE id = OLD.lead_id)
	FROM stage_history WHERE lead_id = OLD.lead_id
		AND EXISTS (SELECT 1 FROM leads WHERE id = OLD.lead_id AND deleted_at IS NULL) HAVING count(*) > 0;
	RETURN NULL;
END $$;
CREATE TRIGGER stage_history_deleted AFTER DELETE ON stage_history FOR EACH ROW EXECUTE FUNCTION kpit_stage_history_deleted();
`},
	// 14: lead_funnel carries the lead's source and owner, filled from leads
	// as a row comes in and kept when the lead changes; the stages'
	// indexes cover them, for the funnel's breakdowns.
	{upTo: 14, sql: `
ALTER TABLE lead_funnel ADD COLUMN source TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE lead_funnel ADD COLUMN rep_id BIGINT;
UPDATE lead_funnel f SET source = l.source, rep_id = l.rep_id FROM leads l WHERE l.id = f.lead_id;

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

CREATE FUNCTION kpit_lead_funnel_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	SELECT coalesce(l.source, ''), l.rep_id INTO NEW.source, NEW.rep_id FROM leads l WHERE l.id = NEW.lead_id;
	RETURN NEW;
END $$;
CREATE TRIGGER lead_funnel_keys BEFORE INSERT ON lead_funnel FOR EACH ROW EXECUTE FUNCTION kpit_lead_funnel_keys();

CREATE FUNCTION kpit_leads_funnel_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.source IS DISTINCT FROM OLD.source OR NEW.rep_id IS DISTINCT FROM OLD.rep_id THEN
		UPDATE lead_funnel SET source = NEW.source, rep_id = NEW.rep_id WHERE lead_id = NEW.id;
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER leads_funnel_keys AFTER UPDATE OF source, rep_id ON leads FOR EACH ROW EXECUTE FUNCTION kpit_leads_funnel_keys();
`},
	{upTo: 15, sql: eventDayIndexes},
	// 16: the people of a team and the author of each change
	// (docs/teams.md).
	{upTo: 16, sql: cText(`
CREATE TABLE users (
	name     TEXT PRIMARY KEY,
	key      TEXT NOT NULL UNIQUE,
	role     TEXT NOT NULL CHECK (role IN ('rep','lead','admin')),
	rep_id   BIGINT REFERENCES reps (id),
	lang     TEXT NOT NULL DEFAULT '',
	added_at TEXT NOT NULL
);
ALTER TABLE changes ADD COLUMN author TEXT NOT NULL DEFAULT '';
`)},
	// 17: the inside-sales and customer-success records; the connected
	// calls in the roll-up by a trigger of their own.
	{upTo: 17, sql: cText(`
ALTER TABLE activities ADD COLUMN connected BIGINT NOT NULL DEFAULT 0 CHECK (connected >= 0);
ALTER TABLE activities ADD COLUMN lead_id BIGINT REFERENCES leads(id);
ALTER TABLE activities ADD COLUMN at TEXT;
CREATE INDEX activities_lead ON activities (lead_id, day) WHERE lead_id IS NOT NULL;

ALTER TABLE customers ADD COLUMN onboarding_due TEXT;
ALTER TABLE customers ADD COLUMN onboarded_on TEXT;
CREATE INDEX customers_started ON customers (started);
CREATE INDEX customers_onboarding_due ON customers (onboarding_due) WHERE onboarding_due IS NOT NULL;

CREATE TABLE nps_answers (
	id          BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	external_id TEXT UNIQUE,
	account     TEXT NOT NULL DEFAULT '',
	day         TEXT NOT NULL,
	score       BIGINT NOT NULL CHECK (score BETWEEN 0 AND 10),
	imported    BIGINT NOT NULL DEFAULT 0,
	entered_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	deleted_at  TEXT
);
CREATE INDEX nps_answers_day ON nps_answers (day, score) WHERE deleted_at IS NULL;

CREATE TABLE usage_checks (
	id          BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	customer_id BIGINT NOT NULL REFERENCES customers(id),
	day         TEXT NOT NULL,
	active      BIGINT NOT NULL CHECK (active IN (0, 1)),
	imported    BIGINT NOT NULL DEFAULT 0,
	entered_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	deleted_at  TEXT
);
CREATE INDEX usage_checks_day ON usage_checks (day, customer_id) WHERE deleted_at IS NULL;

CREATE TABLE campaigns (
	id          BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	external_id TEXT UNIQUE,
	name        TEXT NOT NULL,
	day         TEXT NOT NULL,
	sent        BIGINT NOT NULL CHECK (sent >= 0),
	opened      BIGINT NOT NULL CHECK (opened >= 0 AND opened <= sent),
	imported    BIGINT NOT NULL DEFAULT 0,
	entered_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	deleted_at  TEXT
);
CREATE INDEX campaigns_day ON campaigns (day) WHERE deleted_at IS NULL;

CREATE TABLE inquiries (
	id          BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	external_id TEXT UNIQUE,
	account     TEXT NOT NULL DEFAULT '',
	opened_at   TEXT NOT NULL,
	answered_at TEXT CHECK (answered_at IS NULL OR answered_at::timestamptz >= opened_at::timestamptz),
	imported    BIGINT NOT NULL DEFAULT 0,
	entered_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	deleted_at  TEXT
);
CREATE INDEX inquiries_opened ON inquiries (opened_at) WHERE deleted_at IS NULL;
`) + `
CREATE FUNCTION kpit_activities_connects() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'INSERT' AND OLD.deleted_at IS NULL AND OLD.kind = 'call' AND OLD.connected > 0 THEN
		PERFORM kpit_rollup(OLD.day, 'connects', OLD.rep_id, -OLD.connected);
	END IF;
	IF TG_OP <> 'DELETE' AND NEW.deleted_at IS NULL AND NEW.kind = 'call' AND NEW.connected > 0 THEN
		PERFORM kpit_rollup(NEW.day, 'connects', NEW.rep_id, NEW.connected);
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER activities_connects AFTER INSERT OR UPDATE OR DELETE ON activities FOR EACH ROW EXECUTE FUNCTION kpit_activities_connects();
`},
	{upTo: 18, sql: funnelOpenIndexes},
	{upTo: 19, sql: cText(successEntry)},
	{upTo: 20, sql: alertIndexes},
	{upTo: 21, sql: lateEntryIndexes},
	// 22: the leads reaching each stage per day, kept by a trigger on
	// lead_funnel; the partial indexes of the steps and the open leads.
	{upTo: 22, sql: cText(strings.ReplaceAll(funnelReached, "INTEGER", "BIGINT")) + `
CREATE FUNCTION kpit_funnel_reached() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	st text;
	was bigint;
	now_s bigint;
BEGIN
	FOREACH st IN ARRAY ARRAY['lead', 'mql', 'sql', 'opportunity', 'won'] LOOP
		was := NULL;
		now_s := NULL;
		IF TG_OP <> 'INSERT' THEN
			was := CASE st WHEN 'lead' THEN OLD.lead_s WHEN 'mql' THEN OLD.mql_s WHEN 'sql' THEN OLD.sql_s
				WHEN 'opportunity' THEN OLD.opportunity_s ELSE OLD.won_s END;
		END IF;
		IF TG_OP <> 'DELETE' THEN
			now_s := CASE st WHEN 'lead' THEN NEW.lead_s WHEN 'mql' THEN NEW.mql_s WHEN 'sql' THEN NEW.sql_s
				WHEN 'opportunity' THEN NEW.opportunity_s ELSE NEW.won_s END;
		END IF;
		CONTINUE WHEN was IS NOT DISTINCT FROM now_s;
		IF was IS NOT NULL THEN
			UPDATE funnel_reached SET n = n - 1 WHERE stage = st AND day_s = was - ((was % 86400) + 86400) % 86400;
		END IF;
		IF now_s IS NOT NULL THEN
			INSERT INTO funnel_reached (stage, day_s, n) VALUES (st, now_s - ((now_s % 86400) + 86400) % 86400, 1)
			ON CONFLICT (stage, day_s) DO UPDATE SET n = funnel_reached.n + 1;
		END IF;
	END LOOP;
	RETURN NULL;
END $$;
CREATE TRIGGER funnel_reached AFTER INSERT OR UPDATE OR DELETE ON lead_funnel FOR EACH ROW EXECUTE FUNCTION kpit_funnel_reached();
`},
	// 23: each open deal's newest live activity day, kept by triggers on
	// opportunities and activities as SQLite's six triggers keep it.
	{upTo: 23, sql: cText(strings.ReplaceAll(openDealWork, "INTEGER", "BIGINT")) + openDealWorkDealPG("CREATE", openDealLastDay) + `
CREATE TRIGGER open_deal_work_opportunities AFTER INSERT OR UPDATE OF outcome, deleted_at OR DELETE ON opportunities
	FOR EACH ROW EXECUTE FUNCTION kpit_open_deal_work_opportunities();` + openDealWorkActivitiesPG("CREATE", openDealLastDay) + `
CREATE TRIGGER open_deal_work_activities AFTER INSERT OR UPDATE OF opportunity_id, day, deleted_at OR DELETE ON activities
	FOR EACH ROW EXECUTE FUNCTION kpit_open_deal_work_activities();
`},
	// 24: the hand-entered records per rep, event day and entry lag, kept
	// by a trigger on each of the three tables.
	{upTo: 24, sql: cText(strings.ReplaceAll(entryLags(true), "INTEGER", "BIGINT"))},
	// 25: an import's pending id ranges (read by every query; PostgreSQL
	// moves an import in one transaction, so it never holds one).
	{upTo: 25, sql: importPendingSQL},
	{upTo: 26, sql: cText(strings.ReplaceAll(waitingDays(true), "INTEGER", "BIGINT"))},
	// 27: the partial indexes of the leads with an MQL or an SQL day.
	{upTo: 27, sql: leadStageDayIndexes},
	// 28: open_deal_work's two functions count a deal's day from the
	// visible activities, as SQLite's recounting triggers do. PostgreSQL
	// never moves an import in batches, so nothing is ever left out here;
	// the function that also fills a new deal's row uses the same count.
	{upTo: 28, sql: openDealWorkDealPG("CREATE OR REPLACE", openDealVisibleLastDay) +
		openDealWorkActivitiesPG("CREATE OR REPLACE", openDealVisibleLastDay) + "\n"},
}

// openDealWorkDealPG is the function (create: CREATE, or CREATE OR
// REPLACE) that keeps a deal's row in open_deal_work, its day counted with
// lastDay.
func openDealWorkDealPG(create string, lastDay func(id string) string) string {
	return `
` + create + ` FUNCTION kpit_open_deal_work_opportunities() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'INSERT' THEN
		DELETE FROM open_deal_work WHERE opportunity_id = OLD.id;
	END IF;
	IF TG_OP <> 'DELETE' THEN
		IF NEW.outcome = 'open' AND NEW.deleted_at IS NULL THEN
			INSERT INTO open_deal_work (opportunity_id, last_day) VALUES (NEW.id, ` + lastDay("NEW.id") + `);
		END IF;
	END IF;
	RETURN NULL;
END $$;`
}

// openDealWorkActivitiesPG is the function that moves a deal's day in
// open_deal_work as its activities are added, changed or deleted, counted
// again with lastDay.
func openDealWorkActivitiesPG(create string, lastDay func(id string) string) string {
	return `
` + create + ` FUNCTION kpit_open_deal_work_activities() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		IF NEW.opportunity_id IS NOT NULL AND NEW.deleted_at IS NULL THEN
			UPDATE open_deal_work SET last_day = NEW.day WHERE opportunity_id = NEW.opportunity_id AND last_day < NEW.day;
		END IF;
		RETURN NULL;
	END IF;
	UPDATE open_deal_work SET last_day = ` + lastDay("OLD.opportunity_id") + ` WHERE opportunity_id = OLD.opportunity_id;
	IF TG_OP = 'UPDATE' THEN
		UPDATE open_deal_work SET last_day = ` + lastDay("NEW.opportunity_id") + ` WHERE opportunity_id = NEW.opportunity_id;
	END IF;
	RETURN NULL;
END $$;`
}

// cText gives every TEXT column the "C" collation: SQLite compares text
// byte by byte, and so does "C", so dates, timestamps and names compare
// and sort as in a kpit file whatever the server's default collation is.
func cText(ddl string) string { return strings.ReplaceAll(ddl, " TEXT", ` TEXT COLLATE "C"`) }

// pgTables is SQLite's tables of version 12 (store/schema.go says why each
// is there). Dates stay TEXT 'YYYY-MM-DD' and timestamps TEXT RFC 3339 in
// UTC, as in the file, so every comparison the store makes reads the same
// on both.
const pgTables = `
CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

CREATE TABLE reps (
	id         BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	name       TEXT NOT NULL UNIQUE,
	department TEXT NOT NULL CHECK (department IN ('marketing','inside_sales','field_sales','customer_success')),
	active     BIGINT NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL
);

CREATE TABLE opportunities (
	id          BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	external_id TEXT UNIQUE,
	rep_id      BIGINT NOT NULL REFERENCES reps(id),
	account     TEXT NOT NULL DEFAULT '',
	product     TEXT NOT NULL DEFAULT '',
	stage       TEXT NOT NULL DEFAULT '',
	created     TEXT NOT NULL,
	closed      TEXT,
	amount_yen  BIGINT,
	outcome     TEXT NOT NULL DEFAULT 'open' CHECK (outcome IN ('open','won','lost')),
	lost_reason TEXT NOT NULL DEFAULT '',
	entered_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	deleted_at  TEXT,
	imported    BIGINT NOT NULL DEFAULT 0,
	forecast    TEXT CHECK (forecast IN ('commit','best_case','pipeline','omitted'))
);
CREATE INDEX opportunities_created ON opportunities (created);
CREATE INDEX opportunities_closed ON opportunities (closed, outcome);
CREATE INDEX opportunities_rep ON opportunities (rep_id, created);

CREATE TABLE activities (
	id             BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	external_id    TEXT UNIQUE,
	day            TEXT NOT NULL,
	rep_id         BIGINT NOT NULL REFERENCES reps(id),
	kind           TEXT NOT NULL CHECK (kind IN ('visit','call','email','proposal','appointment','meeting')),
	count          BIGINT NOT NULL CHECK (count > 0),
	opportunity_id BIGINT REFERENCES opportunities(id),
	account        TEXT NOT NULL DEFAULT '',
	note           TEXT NOT NULL DEFAULT '',
	entered_at     TEXT NOT NULL,
	updated_at     TEXT NOT NULL,
	deleted_at     TEXT,
	imported       BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX activities_day ON activities (day);
CREATE INDEX activities_rep ON activities (rep_id, day);
CREATE INDEX activities_opportunity ON activities (opportunity_id, day);

CREATE TABLE leads (
	id          BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	external_id TEXT UNIQUE,
	company     TEXT NOT NULL DEFAULT '',
	contact     TEXT NOT NULL DEFAULT '',
	source      TEXT NOT NULL DEFAULT '',
	rep_id      BIGINT REFERENCES reps(id),
	created     TEXT NOT NULL,
	status      TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new','mql','sql','converted','disqualified')),
	mql_on      TEXT,
	sql_on      TEXT,
	entered_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	deleted_at  TEXT,
	imported    BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX leads_created ON leads (created);

CREATE TABLE customers (
	id          BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	external_id TEXT UNIQUE,
	name        TEXT NOT NULL,
	rep_id      BIGINT REFERENCES reps(id),
	started     TEXT,
	churned     TEXT,
	mrr_yen     BIGINT,
	entered_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	deleted_at  TEXT,
	imported    BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE rollup_daily (
	day    TEXT NOT NULL,
	metric TEXT NOT NULL,
	rep_id BIGINT NOT NULL,
	value  BIGINT NOT NULL,
	PRIMARY KEY (day, metric, rep_id)
);

CREATE TABLE rollup_monthly (
	month  TEXT NOT NULL,
	metric TEXT NOT NULL,
	rep_id BIGINT NOT NULL,
	value  BIGINT NOT NULL,
	PRIMARY KEY (month, metric, rep_id)
);

CREATE TABLE live_counts (
	record TEXT PRIMARY KEY,
	n      BIGINT NOT NULL
);
INSERT INTO live_counts (record, n) VALUES ('activities', 0), ('opportunities', 0), ('leads', 0), ('customers', 0);

CREATE TABLE kgi (
	id       BIGINT PRIMARY KEY CHECK (id = 1),
	name_ja  TEXT NOT NULL,
	name_en  TEXT NOT NULL,
	metric   TEXT NOT NULL,
	value    DOUBLE PRECISION NOT NULL,
	unit     TEXT NOT NULL,
	per      TEXT NOT NULL,
	deadline TEXT
);

CREATE TABLE kfs (
	id       BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	text     TEXT NOT NULL,
	kpi_keys TEXT NOT NULL DEFAULT ''
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
	target     DOUBLE PRECISION,
	target_per TEXT NOT NULL DEFAULT 'year',
	deadline   TEXT,
	main       BIGINT NOT NULL DEFAULT 0,
	department TEXT NOT NULL DEFAULT '',
	style      TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	-- The order KPIs were added in, named as SQLite's implicit rowid so
	-- that the store's ORDER BY rowid reads the same on both.
	rowid      BIGINT GENERATED BY DEFAULT AS IDENTITY
);

CREATE TABLE kpi_change_log (
	id         BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	kpi_key    TEXT NOT NULL,
	changed_at TEXT NOT NULL,
	what       TEXT NOT NULL
);

CREATE TABLE kpi_manual_values (
	kpi_key      TEXT NOT NULL REFERENCES kpis(key) ON DELETE CASCADE,
	period_start TEXT NOT NULL,
	period_kind  TEXT NOT NULL,
	value        DOUBLE PRECISION NOT NULL,
	entered_at   TEXT NOT NULL,
	PRIMARY KEY (kpi_key, period_kind, period_start)
);

CREATE TABLE tree_nodes (
	key        TEXT PRIMARY KEY,
	parent_key TEXT REFERENCES tree_nodes(key) ON DELETE CASCADE,
	op         TEXT NOT NULL CHECK (op IN ('leaf','*','/','+','-')),
	position   BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE checklist_answers (
	id          BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	item        BIGINT NOT NULL CHECK (item BETWEEN 1 AND 14),
	status      TEXT NOT NULL CHECK (status IN ('yes','partly','no')),
	answered_at TEXT NOT NULL
);
CREATE INDEX checklist_answers_item ON checklist_answers (item, answered_at);

CREATE TABLE reviews (
	id               BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	held_on          TEXT NOT NULL,
	notes            TEXT NOT NULL DEFAULT '',
	period           TEXT NOT NULL DEFAULT '',
	held_at          TEXT NOT NULL DEFAULT '',
	main_cause       TEXT NOT NULL DEFAULT '',
	main_cause_share DOUBLE PRECISION,
	forecast         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX reviews_held ON reviews (held_on, id);

CREATE TABLE import_profiles (
	name TEXT PRIMARY KEY,
	kind TEXT NOT NULL,
	spec TEXT NOT NULL
);

CREATE TABLE changes (
	id         BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	at         TEXT NOT NULL,
	table_name TEXT NOT NULL,
	row_id     BIGINT NOT NULL,
	action     TEXT NOT NULL CHECK (action IN ('insert','update','delete')),
	before     TEXT,
	undone     BIGINT NOT NULL DEFAULT 0
);

CREATE INDEX activities_rep_entered ON activities (rep_id, entered_at);
CREATE INDEX opportunities_rep_entered ON opportunities (rep_id, entered_at);
CREATE INDEX leads_rep_entered ON leads (rep_id, entered_at);
CREATE INDEX activities_entered ON activities (entered_at, day, imported, deleted_at);
CREATE INDEX opportunities_entered ON opportunities (entered_at, created, imported, deleted_at);
CREATE INDEX leads_entered ON leads (entered_at, created, imported, deleted_at);

CREATE TABLE kgi_revisions (
	id             BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	effective_from TEXT NOT NULL,
	recorded_at    TEXT NOT NULL,
	author         TEXT NOT NULL,
	reason         TEXT NOT NULL DEFAULT '',
	name_ja        TEXT NOT NULL,
	name_en        TEXT NOT NULL,
	metric         TEXT NOT NULL,
	value          DOUBLE PRECISION NOT NULL,
	unit           TEXT NOT NULL,
	per            TEXT NOT NULL,
	deadline       TEXT
);
CREATE INDEX kgi_revisions_effective ON kgi_revisions (effective_from, id);

CREATE TABLE kpi_revisions (
	id             BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	kpi_key        TEXT NOT NULL,
	effective_from TEXT NOT NULL,
	recorded_at    TEXT NOT NULL,
	author         TEXT NOT NULL,
	reason         TEXT NOT NULL DEFAULT '',
	changed        TEXT NOT NULL,
	target         DOUBLE PRECISION,
	target_per     TEXT NOT NULL DEFAULT 'year',
	deadline       TEXT,
	definition     TEXT NOT NULL DEFAULT '',
	formula        TEXT NOT NULL DEFAULT '',
	main           BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX kpi_revisions_effective ON kpi_revisions (effective_from, id);
CREATE INDEX kpi_revisions_key ON kpi_revisions (kpi_key, effective_from, id);

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

CREATE TABLE forecast_changes (
	id              BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	opportunity_id  BIGINT NOT NULL REFERENCES opportunities(id),
	at              TEXT NOT NULL,
	forecast_before TEXT,
	forecast_after  TEXT,
	close_before    TEXT,
	close_after     TEXT,
	outcome_before  TEXT NOT NULL,
	outcome_after   TEXT NOT NULL
);
CREATE INDEX forecast_changes_at ON forecast_changes (at);
CREATE INDEX opportunities_open_close ON opportunities (closed) WHERE outcome = 'open' AND deleted_at IS NULL;

CREATE TABLE review_kpis (
	review_id   BIGINT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
	position    BIGINT NOT NULL,
	kpi_key     TEXT NOT NULL,
	name_ja     TEXT NOT NULL,
	name_en     TEXT NOT NULL,
	unit        TEXT NOT NULL,
	kgi         BIGINT NOT NULL DEFAULT 0,
	main        BIGINT NOT NULL DEFAULT 0,
	actual      DOUBLE PRECISION,
	target      DOUBLE PRECISION,
	achievement DOUBLE PRECISION,
	status      TEXT NOT NULL,
	root_share  DOUBLE PRECISION,
	PRIMARY KEY (review_id, kpi_key)
);

CREATE TABLE review_notes (
	id        BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	review_id BIGINT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
	kpi_key   TEXT NOT NULL,
	category  TEXT NOT NULL CHECK (category IN ('volume','conversion','deal_size','timing','data_quality')),
	text      TEXT NOT NULL
);
CREATE INDEX review_notes_review ON review_notes (review_id);

CREATE TABLE review_actions (
	id         BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	review_id  BIGINT NOT NULL REFERENCES reviews(id),
	kpi_key    TEXT NOT NULL DEFAULT '',
	text       TEXT NOT NULL,
	rep_id     BIGINT NOT NULL REFERENCES reps(id),
	due        TEXT NOT NULL,
	status     TEXT NOT NULL CHECK (status IN ('open','done','dropped')),
	updated_at TEXT NOT NULL
);
CREATE INDEX review_actions_open ON review_actions (due) WHERE status = 'open';

CREATE TABLE review_action_states (
	review_id BIGINT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
	action_id BIGINT NOT NULL REFERENCES review_actions(id),
	status    TEXT NOT NULL CHECK (status IN ('open','done','dropped')),
	PRIMARY KEY (review_id, action_id)
);

CREATE TABLE stage_history (
	id         BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	lead_id    BIGINT NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
	stage      TEXT NOT NULL CHECK (stage IN ('lead','mql','sql','opportunity','won','onboarding','active','churned')),
	at         TEXT NOT NULL,
	rep_id     BIGINT REFERENCES reps(id),
	recycle    BIGINT NOT NULL DEFAULT 0,
	entered_at TEXT NOT NULL
);
CREATE INDEX stage_history_lead ON stage_history (lead_id, at, id);
CREATE INDEX stage_history_recycled ON stage_history (stage, at) WHERE recycle = 1;

CREATE TABLE lead_funnel (
	lead_id       BIGINT PRIMARY KEY REFERENCES leads(id) ON DELETE CASCADE,
	lead_s        BIGINT,
	mql_s         BIGINT,
	sql_s         BIGINT,
	opportunity_s BIGINT,
	won_s         BIGINT,
	current_stage TEXT NOT NULL,
	current_s     BIGINT NOT NULL,
	recycles      BIGINT NOT NULL DEFAULT 0,
	status        TEXT NOT NULL DEFAULT 'new'
);
CREATE INDEX lead_funnel_lead ON lead_funnel (lead_s, mql_s);
CREATE INDEX lead_funnel_mql ON lead_funnel (mql_s, sql_s);
CREATE INDEX lead_funnel_sql ON lead_funnel (sql_s, opportunity_s);
CREATE INDEX lead_funnel_opportunity ON lead_funnel (opportunity_s, won_s);
CREATE INDEX lead_funnel_won ON lead_funnel (won_s);
CREATE INDEX lead_funnel_current ON lead_funnel (current_stage, current_s);
CREATE INDEX lead_funnel_waiting ON lead_funnel (current_stage, current_s, status) WHERE status != 'disqualified';

CREATE TABLE stage_revisions (
	id             BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	stage          TEXT NOT NULL,
	effective_from TEXT NOT NULL,
	recorded_at    TEXT NOT NULL,
	author         TEXT NOT NULL,
	reason         TEXT NOT NULL DEFAULT '',
	definition_ja  TEXT NOT NULL DEFAULT '',
	definition_en  TEXT NOT NULL DEFAULT '',
	owner          TEXT NOT NULL,
	limit_days     BIGINT NOT NULL DEFAULT 0,
	target_rate    DOUBLE PRECISION
);
CREATE INDEX stage_revisions_stage ON stage_revisions (stage, effective_from, id);

CREATE TABLE alert_snoozes (
	id         BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	alert_key  TEXT NOT NULL,
	until      TEXT NOT NULL,
	reason     TEXT NOT NULL,
	author     TEXT NOT NULL,
	created_at TEXT NOT NULL
);
CREATE INDEX alert_snoozes_key ON alert_snoozes (alert_key, until);
`

// pgTriggers keeps the derived tables (rollup_daily, rollup_monthly,
// live_counts, stage_history's lead rows, lead_funnel, forecast_changes) in
// step with every write, in its transaction, as SQLite's triggers do. The
// roll-up rows are written with INSERT … ON CONFLICT DO UPDATE, which locks
// the one row it adds to: concurrent writers wait for each other on that
// row rather than lose a count. kpit_notify tells a listening kpit that a
// transaction wrote (store/postgres.go): PostgreSQL delivers it at commit.
const pgTriggers = `
CREATE FUNCTION kpit_epoch(at TEXT) RETURNS BIGINT STABLE LANGUAGE sql AS
$$ SELECT floor(extract(epoch FROM at::timestamptz))::bigint $$;

CREATE FUNCTION kpit_activity_metric(kind TEXT) RETURNS TEXT IMMUTABLE LANGUAGE sql AS
$$ SELECT CASE kind WHEN 'visit' THEN 'visits' WHEN 'call' THEN 'calls' WHEN 'email' THEN 'emails'
	WHEN 'proposal' THEN 'proposals' WHEN 'appointment' THEN 'appointments' ELSE 'meetings' END $$;

-- kpit_rollup adds delta to one rep's metric on day d and in its month.
CREATE FUNCTION kpit_rollup(d TEXT, m TEXT, rep BIGINT, delta BIGINT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	IF d IS NULL THEN RETURN; END IF;
	INSERT INTO rollup_daily AS r (day, metric, rep_id, value) VALUES (d, m, rep, delta)
	ON CONFLICT (day, metric, rep_id) DO UPDATE SET value = r.value + excluded.value;
	INSERT INTO rollup_monthly AS r (month, metric, rep_id, value) VALUES (substr(d, 1, 7), m, rep, delta)
	ON CONFLICT (month, metric, rep_id) DO UPDATE SET value = r.value + excluded.value;
END $$;

-- kpit_live counts the table's live rows (deleted_at IS NULL).
CREATE FUNCTION kpit_live() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE delta BIGINT := 0;
BEGIN
	IF TG_OP <> 'DELETE' AND NEW.deleted_at IS NULL THEN delta := delta + 1; END IF;
	IF TG_OP <> 'INSERT' AND OLD.deleted_at IS NULL THEN delta := delta - 1; END IF;
	IF delta <> 0 THEN
		UPDATE live_counts SET n = n + delta WHERE record = TG_TABLE_NAME;
	END IF;
	RETURN NULL;
END $$;

CREATE FUNCTION kpit_activities() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'INSERT' AND OLD.deleted_at IS NULL THEN
		PERFORM kpit_rollup(OLD.day, kpit_activity_metric(OLD.kind), OLD.rep_id, -OLD.count);
	END IF;
	IF TG_OP <> 'DELETE' AND NEW.deleted_at IS NULL THEN
		PERFORM kpit_rollup(NEW.day, kpit_activity_metric(NEW.kind), NEW.rep_id, NEW.count);
	END IF;
	RETURN NULL;
END $$;

CREATE FUNCTION kpit_opportunities() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'INSERT' AND OLD.deleted_at IS NULL THEN
		PERFORM kpit_rollup(OLD.created, 'opportunities', OLD.rep_id, -1);
		IF OLD.outcome = 'won' THEN
			PERFORM kpit_rollup(OLD.closed, 'orders_won', OLD.rep_id, -1);
			PERFORM kpit_rollup(OLD.closed, 'revenue', OLD.rep_id, -coalesce(OLD.amount_yen, 0));
		ELSIF OLD.outcome = 'lost' THEN
			PERFORM kpit_rollup(OLD.closed, 'orders_lost', OLD.rep_id, -1);
		END IF;
	END IF;
	IF TG_OP <> 'DELETE' AND NEW.deleted_at IS NULL THEN
		PERFORM kpit_rollup(NEW.created, 'opportunities', NEW.rep_id, 1);
		IF NEW.outcome = 'won' THEN
			PERFORM kpit_rollup(NEW.closed, 'orders_won', NEW.rep_id, 1);
			PERFORM kpit_rollup(NEW.closed, 'revenue', NEW.rep_id, coalesce(NEW.amount_yen, 0));
		ELSIF NEW.outcome = 'lost' THEN
			PERFORM kpit_rollup(NEW.closed, 'orders_lost', NEW.rep_id, 1);
		END IF;
	END IF;
	IF TG_OP = 'UPDATE' AND NEW.deleted_at IS NULL AND (OLD.outcome = 'open' OR NEW.outcome = 'open')
		AND (OLD.forecast IS DISTINCT FROM NEW.forecast OR OLD.closed IS DISTINCT FROM NEW.closed
			OR OLD.outcome IS DISTINCT FROM NEW.outcome) THEN
		INSERT INTO forecast_changes (opportunity_id, at, forecast_before, forecast_after, close_before, close_after,
			outcome_before, outcome_after)
		VALUES (NEW.id, NEW.updated_at, OLD.forecast, NEW.forecast, OLD.closed, NEW.closed, OLD.outcome, NEW.outcome);
	END IF;
	RETURN NULL;
END $$;

-- Leads without an owner count under rep_id 0 in the roll-up. A lead's
-- MQL and SQL days become stage changes at the start of that day in UTC;
-- a tombstoned lead leaves the funnel and a restored one comes back from
-- its history.
CREATE FUNCTION kpit_leads() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'INSERT' AND OLD.deleted_at IS NULL THEN
		PERFORM kpit_rollup(OLD.created, 'leads', coalesce(OLD.rep_id, 0), -1);
	END IF;
	IF TG_OP <> 'DELETE' AND NEW.deleted_at IS NULL THEN
		PERFORM kpit_rollup(NEW.created, 'leads', coalesce(NEW.rep_id, 0), 1);
	END IF;
	IF TG_OP = 'INSERT' THEN
		INSERT INTO stage_history (lead_id, stage, at, rep_id, entered_at)
		VALUES (NEW.id, 'lead', NEW.created || 'T00:00:00Z', NEW.rep_id, NEW.entered_at);
		IF NEW.mql_on IS NOT NULL THEN
			INSERT INTO stage_history (lead_id, stage, at, rep_id, entered_at)
			VALUES (NEW.id, 'mql', NEW.mql_on || 'T00:00:00Z', NEW.rep_id, NEW.entered_at);
		END IF;
		IF NEW.sql_on IS NOT NULL THEN
			INSERT INTO stage_history (lead_id, stage, at, rep_id, entered_at)
			VALUES (NEW.id, 'sql', NEW.sql_on || 'T00:00:00Z', NEW.rep_id, NEW.entered_at);
		END IF;
		RETURN NULL;
	END IF;
	IF TG_OP <> 'UPDATE' THEN RETURN NULL; END IF;
	IF NEW.deleted_at IS NOT NULL AND OLD.deleted_at IS NULL THEN
		DELETE FROM lead_funnel WHERE lead_id = NEW.id;
	ELSIF NEW.deleted_at IS NULL AND OLD.deleted_at IS NOT NULL THEN
		INSERT INTO lead_funnel (lead_id, lead_s, mql_s, sql_s, opportunity_s, won_s, current_stage, current_s, recycles, status)
		SELECT NEW.id,
			min(CASE WHEN stage = 'lead' THEN kpit_epoch(at) END), min(CASE WHEN stage = 'mql' THEN kpit_epoch(at) END),
			min(CASE WHEN stage = 'sql' THEN kpit_epoch(at) END), min(CASE WHEN stage = 'opportunity' THEN kpit_epoch(at) END),
			min(CASE WHEN stage = 'won' THEN kpit_epoch(at) END),
			(SELECT h.stage FROM stage_history h WHERE h.lead_id = NEW.id ORDER BY h.at DESC, h.id DESC LIMIT 1),
			max(kpit_epoch(at)), sum(recycle), NEW.status
		FROM stage_history WHERE lead_id = NEW.id HAVING count(*) > 0;
	END IF;
	IF NEW.mql_on IS NOT NULL AND OLD.mql_on IS DISTINCT FROM NEW.mql_on
		AND NOT EXISTS (SELECT 1 FROM stage_history WHERE lead_id = NEW.id AND stage = 'mql') THEN
		INSERT INTO stage_history (lead_id, stage, at, rep_id, entered_at)
		VALUES (NEW.id, 'mql', NEW.mql_on || 'T00:00:00Z', NEW.rep_id, NEW.updated_at);
	END IF;
	IF NEW.sql_on IS NOT NULL AND OLD.sql_on IS DISTINCT FROM NEW.sql_on
		AND NOT EXISTS (SELECT 1 FROM stage_history WHERE lead_id = NEW.id AND stage = 'sql') THEN
		INSERT INTO stage_history (lead_id, stage, at, rep_id, entered_at)
		VALUES (NEW.id, 'sql', NEW.sql_on || 'T00:00:00Z', NEW.rep_id, NEW.updated_at);
	END IF;
	IF OLD.status IS DISTINCT FROM NEW.status THEN
		UPDATE lead_funnel SET status = NEW.status WHERE lead_id = NEW.id;
	END IF;
	RETURN NULL;
END $$;

-- Per live lead the first time it reached each stage and where it stands
-- now, in Unix seconds (docs/funnel.md).
CREATE FUNCTION kpit_stage_history() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE s BIGINT := kpit_epoch(NEW.at);
BEGIN
	IF (SELECT deleted_at FROM leads WHERE id = NEW.lead_id) IS NOT NULL THEN RETURN NULL; END IF;
	INSERT INTO lead_funnel (lead_id, current_stage, current_s, status)
	VALUES (NEW.lead_id, NEW.stage, s, coalesce((SELECT status FROM leads WHERE id = NEW.lead_id), 'new'))
	ON CONFLICT (lead_id) DO NOTHING;
	UPDATE lead_funnel SET
		lead_s = CASE WHEN NEW.stage = 'lead' THEN least(coalesce(lead_s, s), s) ELSE lead_s END,
		mql_s = CASE WHEN NEW.stage = 'mql' THEN least(coalesce(mql_s, s), s) ELSE mql_s END,
		sql_s = CASE WHEN NEW.stage = 'sql' THEN least(coalesce(sql_s, s), s) ELSE sql_s END,
		opportunity_s = CASE WHEN NEW.stage = 'opportunity' THEN least(coalesce(opportunity_s, s), s) ELSE opportunity_s END,
		won_s = CASE WHEN NEW.stage = 'won' THEN least(coalesce(won_s, s), s) ELSE won_s END,
		current_stage = CASE WHEN s >= current_s THEN NEW.stage ELSE current_stage END,
		current_s = greatest(current_s, s),
		recycles = recycles + NEW.recycle
	WHERE lead_id = NEW.lead_id;
	RETURN NULL;
END $$;

CREATE TRIGGER activities_rollup AFTER INSERT OR UPDATE OR DELETE ON activities FOR EACH ROW EXECUTE FUNCTION kpit_activities();
CREATE TRIGGER opportunities_rollup AFTER INSERT OR UPDATE OR DELETE ON opportunities FOR EACH ROW EXECUTE FUNCTION kpit_opportunities();
CREATE TRIGGER leads_rollup AFTER INSERT OR UPDATE OR DELETE ON leads FOR EACH ROW EXECUTE FUNCTION kpit_leads();
CREATE TRIGGER stage_history_funnel AFTER INSERT ON stage_history FOR EACH ROW EXECUTE FUNCTION kpit_stage_history();
CREATE TRIGGER activities_live AFTER INSERT OR UPDATE OR DELETE ON activities FOR EACH ROW EXECUTE FUNCTION kpit_live();
CREATE TRIGGER opportunities_live AFTER INSERT OR UPDATE OR DELETE ON opportunities FOR EACH ROW EXECUTE FUNCTION kpit_live();
CREATE TRIGGER leads_live AFTER INSERT OR UPDATE OR DELETE ON leads FOR EACH ROW EXECUTE FUNCTION kpit_live();
CREATE TRIGGER customers_live AFTER INSERT OR UPDATE OR DELETE ON customers FOR EACH ROW EXECUTE FUNCTION kpit_live();

CREATE FUNCTION kpit_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('kpit_changes', '');
	RETURN NULL;
END $$;
DO $$
DECLARE t RECORD;
BEGIN
	FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'kpit_schema' LOOP
		EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION kpit_notify()',
			t.tablename || '_notify', t.tablename);
	END LOOP;
END $$;
`
