package importer

import (
	"strings"
	"testing"

	"github.com/kpit-dev/kpit/model"
)

func boundColumns(b Binding) string {
	var parts []string
	for i, f := range b.Fields {
		if c := b.Columns[i]; c >= 0 {
			parts = append(parts, f.Name+"="+b.Header[c])
		}
	}
	return strings.Join(parts, ",")
}

func TestBindRecognisesHeaders(t *testing.T) {
	for _, c := range []struct {
		header []string
		want   string
	}{
		{ // a Salesforce opportunity report
			[]string{"Opportunity ID", "Opportunity Name", "Account Name", "Opportunity Owner", "Stage", "Amount", "Created Date", "Close Date", "Product Name"},
			"id=Opportunity ID,owner=Opportunity Owner,account=Account Name,product=Product Name,stage=Stage,created=Created Date,closed=Close Date,amount=Amount",
		},
		{ // a Japanese SFA export, full-width ID
			[]string{"商談ＩＤ", "担当者", "取引先", "商品", "フェーズ", "金額", "作成日", "完了日", "失注理由"},
			"id=商談ＩＤ,owner=担当者,account=取引先,product=商品,stage=フェーズ,created=作成日,closed=完了日,amount=金額,lost_reason=失注理由",
		},
		{ // the CRM sample's own names
			[]string{"opportunity_id", "sales_agent", "product", "account", "deal_stage", "engage_date", "close_date", "close_value"},
			"id=opportunity_id,owner=sales_agent,account=account,product=product,stage=deal_stage,created=engage_date,closed=close_date,amount=close_value",
		},
	} {
		b, err := Bind(Opportunities, c.header, nil)
		if err != nil || boundColumns(b) != c.want {
			t.Errorf("Bind(%q) = %s, %v\nwant %s", c.header, boundColumns(b), err, c.want)
		}
	}
	// An explicit mapping wins and takes its column away from the guesses.
	b, _ := Bind(Opportunities, []string{"Record ID", "Deal owner", "Amount", "Deal Stage"}, Mapping{"id": "Record ID", "amount": "Deal Stage"})
	if got := boundColumns(b); got != "id=Record ID,owner=Deal owner,amount=Deal Stage" {
		t.Errorf("explicit mapping: %s", got)
	}
	if _, err := ParseMapping(Leads, "id=ID,amount=x"); err == nil || !strings.Contains(err.Error(), `leads have no field "amount"`) {
		t.Errorf("unknown field: %v", err)
	}
	if _, err := ParseMapping(Leads, "id"); err == nil {
		t.Error("accepted a pair without =")
	}
}

func TestWordsInJapaneseAndEnglish(t *testing.T) {
	for s, want := range map[string]model.Department{
		"マーケティング": model.DeptMarketing, "インサイドセールス": model.DeptInsideSales, "フィールドセールス": model.DeptFieldSales,
		"営業": model.DeptFieldSales, "カスタマーサクセス": model.DeptCustomerSuccess, "Inside Sales": model.DeptInsideSales,
		"customer_success": model.DeptCustomerSuccess,
	} {
		if got, err := ParseDepartment(s); err != nil || got != want {
			t.Errorf("ParseDepartment(%q) = %s, %v", s, got, err)
		}
	}
	for s, want := range map[string]model.ActivityKind{
		"訪問": model.KindVisit, "架電": model.KindCall, "Calls": model.KindCall, "メール": model.KindEmail,
		"提案": model.KindProposal, "アポ": model.KindAppointment, "商談": model.KindMeeting,
	} {
		if got, err := ParseActivityKind(s); err != nil || got != want {
			t.Errorf("ParseActivityKind(%q) = %s, %v", s, got, err)
		}
	}
	// A HubSpot contacts export and a Salesforce leads report.
	b, _ := Bind(Leads, []string{"Record ID", "First Name", "Company Name", "Contact owner", "Lifecycle Stage", "Create Date",
		"Became a Marketing Qualified Lead Date", "Became a Sales Qualified Lead Date", "Original Source"}, nil)
	if got := boundColumns(b); got != "id=Record ID,company=Company Name,source=Original Source,owner=Contact owner,created=Create Date,"+
		"status=Lifecycle Stage,mql=Became a Marketing Qualified Lead Date,sql=Became a Sales Qualified Lead Date" {
		t.Errorf("hubspot contacts: %s", got)
	}
	b, _ = Bind(Leads, []string{"Lead ID", "Company / Account", "Lead Source", "Lead Owner", "Lead Status", "Create Date"}, nil)
	if got := boundColumns(b); got != "id=Lead ID,company=Company / Account,source=Lead Source,owner=Lead Owner,created=Create Date,status=Lead Status" {
		t.Errorf("salesforce leads: %s", got)
	}
	for s, want := range map[string]model.LeadStatus{
		"Open - Not Contacted": model.LeadNew, "Closed - Converted": model.LeadConverted, "Closed - Not Converted": model.LeadDisqualified,
		"Marketing Qualified Lead": model.LeadMQL, "salesqualifiedlead": model.LeadSQL, "商談化": model.LeadConverted, "失格": model.LeadDisqualified,
	} {
		if got, err := ParseLeadStatus(s); err != nil || got != want {
			t.Errorf("ParseLeadStatus(%q) = %s, %v", s, got, err)
		}
	}
	for _, bad := range []string{"経理", ""} {
		if _, err := ParseDepartment(bad); err == nil {
			t.Errorf("ParseDepartment(%q) accepted", bad)
		}
	}
}

func TestProfileRoundTrip(t *testing.T) {
	p := Profile{Kind: Opportunities, Map: Mapping{"id": "Record ID"}, Won: []string{"Closed won"}, Encoding: "cp932", Sheet: "商談一覧"}
	got, err := ParseProfile("hs", p.Spec())
	if err != nil || got.Map["id"] != "Record ID" || got.Won[0] != "Closed won" || got.Sheet != "商談一覧" || got.Kind != Opportunities {
		t.Fatalf("profile = %+v, %v", got, err)
	}
	if _, err := ParseProfile("x", `{"kind":"widgets"}`); err == nil {
		t.Error("accepted an unknown kind")
	}
	if _, err := ParseProfile("x", `{"kind":"leads","map":{"amount":"a"}}`); err == nil {
		t.Error("accepted a field the kind does not have")
	}
}
