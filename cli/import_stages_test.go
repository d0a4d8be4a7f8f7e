package cli

import (
	"strings"
	"testing"
)

// A Salesforce lead export (Data Loader's API names): Status, IsConverted
// and ConvertedDate say which leads became opportunities and when. L3's
// status trails its conversion, as Salesforce keeps it.
const salesforceLeads = `Id,Company,LeadSource,Status,CreatedDate,IsConverted,ConvertedDate
00Q1,株式会社A,Web,Closed - Converted,2026-11-02,true,2026-11-10
00Q2,株式会社B,Event,Working - Contacted,2026-11-03,false,
00Q3,株式会社C,Web,Working - Contacted,2026-11-04,true,2026-11-12
`

// A HubSpot contacts export (the API's property names): the lifecycle
// stage dates up to opportunity and customer.
const hubspotContacts = `hs_object_id,company,lifecyclestage,createdate,hs_lifecyclestage_marketingqualifiedlead_date,hs_lifecyclestage_salesqualifiedlead_date,hs_lifecyclestage_opportunity_date,hs_lifecyclestage_customer_date
101,Acme,customer,2026-11-02T01:00:00Z,2026-11-03T02:00:00Z,2026-11-05T03:00:00Z,2026-11-09T04:00:00Z,2026-11-20T05:00:00Z
102,Beta,opportunity,2026-11-04T01:00:00Z,2026-11-04T09:00:00Z,2026-11-06T01:00:00Z,2026-11-16T01:00:00Z,
103,Gamma,marketingqualifiedlead,2026-11-05T01:00:00Z,2026-11-06T01:00:00Z,,,
`

func TestImportReadsSalesforceConversions(t *testing.T) {
	db := t.TempDir() + "/k.db"
	file := writeTemp(t, "leads.csv", []byte(salesforceLeads))
	code, out, errOut := runKpit(t, "import", "leads", file, "--db", db, "--today", "2026-11-30")
	if code != 0 || !strings.HasPrefix(out, "inserted 3,") {
		t.Fatalf("import: %d %q %q", code, out, errOut)
	}
	if n := query(t, db, `SELECT count(*) FROM leads WHERE status = 'converted'`); n != 2 {
		t.Errorf("converted leads = %d, want 2 (00Q1 by status, 00Q3 by IsConverted)", n)
	}
	for ext, at := range map[string]string{"00Q1": "2026-11-10T00:00:00Z", "00Q3": "2026-11-12T00:00:00Z"} {
		if n := query(t, db, `SELECT count(*) FROM stage_history h JOIN leads l ON l.id = h.lead_id
			WHERE l.external_id = ? AND h.stage = 'opportunity' AND h.at = ?`, ext, at); n != 1 {
			t.Errorf("%s: %d moves to opportunity at %s, want 1", ext, n, at)
		}
	}
	if n := query(t, db, `SELECT count(*) FROM stage_history WHERE stage = 'opportunity'`); n != 2 {
		t.Errorf("moves to opportunity = %d, want 2", n)
	}
	// Imported again: nothing new.
	before := query(t, db, `SELECT count(*) FROM stage_history`)
	if code, out, errOut := runKpit(t, "import", "leads", file, "--db", db, "--today", "2026-11-30"); code != 0 {
		t.Fatalf("re-import: %d %q %q", code, out, errOut)
	}
	if after := query(t, db, `SELECT count(*) FROM stage_history`); after != before {
		t.Errorf("a re-import wrote %d stage rows", after-before)
	}
	// A converted date before the lead was created: one line naming the
	// file, line and column; nothing written.
	bad := writeTemp(t, "bad.csv", []byte(strings.Replace(salesforceLeads, "2026-11-03,false,", "2026-11-03,true,2026-10-01", 1)))
	code, out, errOut = runKpit(t, "import", "leads", bad, "--db", db, "--today", "2026-11-30")
	if code == 0 || !strings.Contains(errOut, "bad.csv:3: column ConvertedDate: 2026-10-01 is before the lead's creation date 2026-11-03") ||
		strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
		t.Errorf("bad converted date: %d %q %q", code, out, errOut)
	}
	if after := query(t, db, `SELECT count(*) FROM stage_history`); after != before {
		t.Errorf("a refused import wrote %d stage rows", after-before)
	}
}

func TestImportReadsHubSpotLifecycleDates(t *testing.T) {
	db := t.TempDir() + "/k.db"
	file := writeTemp(t, "contacts.csv", []byte(hubspotContacts))
	code, out, errOut := runKpit(t, "import", "leads", file, "--db", db, "--map", "id=hs_object_id", "--today", "2026-11-30")
	if code != 0 || !strings.HasPrefix(out, "inserted 3,") {
		t.Fatalf("import: %d %q %q", code, out, errOut)
	}
	// Each date is a stage change at the start of its day in UTC.
	want := map[string][]string{
		"101": {"mql 2026-11-03", "sql 2026-11-05", "opportunity 2026-11-09", "won 2026-11-20"},
		"102": {"mql 2026-11-04", "sql 2026-11-06", "opportunity 2026-11-16"},
		"103": {"mql 2026-11-06"},
	}
	for ext, moves := range want {
		for _, m := range moves {
			stage, day, _ := strings.Cut(m, " ")
			if n := query(t, db, `SELECT count(*) FROM stage_history h JOIN leads l ON l.id = h.lead_id
				WHERE l.external_id = ? AND h.stage = ? AND h.at = ?`, ext, stage, day+"T00:00:00Z"); n != 1 {
				t.Errorf("%s: %d rows of %s at %s, want 1", ext, n, stage, day)
			}
		}
		if n := query(t, db, `SELECT count(*) FROM stage_history h JOIN leads l ON l.id = h.lead_id
			WHERE l.external_id = ? AND h.stage != 'lead'`, ext); n != int64(len(moves)) {
			t.Errorf("%s: %d stage changes after lead, want %d", ext, n, len(moves))
		}
	}
	// The funnel of November, counted from the table above: 3 leads, 3
	// MQLs, 2 SQLs, 2 opportunities (both SQLs), 1 won.
	f := funnelOf(t, db)
	for key, n := range map[string]int{"lead": 3, "mql": 3, "sql": 2, "opportunity": 2, "won": 1} {
		if got := f.stage(key).Count; got != n {
			t.Errorf("funnel %s count = %d, want %d", key, got, n)
		}
	}
}
