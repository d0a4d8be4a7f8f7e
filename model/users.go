package model

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/crypto/ssh"
)

// The people of a team that shares one kpit (kpit serve, --as) and what
// each may write (docs/teams.md). Everyone reads every figure; the rule
// below is about writes only.

// Role is what a person may write.
type Role string

const (
	RoleRep   Role = "rep"   // their own records
	RoleLead  Role = "lead"  // everyone's records, the targets and the reviews
	RoleAdmin Role = "admin" // also the rules and the people
)

// Roles lists the roles, the least first.
var Roles = []Role{RoleRep, RoleLead, RoleAdmin}

// ParseRole reads a --role value.
func ParseRole(s string) (Role, error) {
	for _, r := range Roles {
		if strings.EqualFold(strings.TrimSpace(s), string(r)) {
			return r, nil
		}
	}
	return "", Refuse("role", RefuseUnknownRole, s)
}

// maxUserName bounds a user's name: it is typed after ssh and --as.
const maxUserName = 64

// ValidateUser checks a person's entry before it is stored: a name that
// can be typed after --as, a public key, a known role, and a rep for a
// rep's user.
func ValidateUser(u User) error {
	if !validUserName(u.Name) {
		return Refuse("name", RefuseUserName, u.Name)
	}
	if _, _, err := ParsePublicKey(u.Key); err != nil {
		return err
	}
	if _, err := ParseRole(string(u.Role)); err != nil {
		return err
	}
	if u.Role == RoleRep && u.RepID == 0 && strings.TrimSpace(u.RepName) == "" {
		return Refuse("rep", RefuseRepRequired)
	}
	return nil
}

func validUserName(name string) bool {
	if name == "" || len(name) > maxUserName {
		return false
	}
	for _, r := range name {
		ok := r == '.' || r == '_' || r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r)
		if !ok {
			return false
		}
	}
	return true
}

// Area is the part of the file a write touches.
type Area string

const (
	AreaRecords Area = "records" // activities, deals, leads, customers: checked per record's rep
	AreaImport  Area = "import"  // many records of any rep at once (imports, bulk writes)
	AreaTargets Area = "targets" // the KGI, KPIs, the tree, reps, manual values, the checklist
	AreaReviews Area = "reviews" // reviews and snoozed alerts
	AreaRules   Area = "rules"   // input rules, settings, stage definitions
	AreaUsers   Area = "users"   // the people and their keys
)

// User is one person known by their SSH public key.
type User struct {
	Name    string
	Role    Role
	RepID   int64  // the rep whose records are theirs; 0 for none
	RepName string // read with the user, for screens and lists
	Key     string // the public key, "TYPE BASE64" (ParsePublicKey)
	Lang    string // "ja", "en" or "" (the session's locale decides)
}

// Owner is whoever runs kpit on their own file without --as: the file's
// owner, who may write everything, as before a team shared it.
var Owner = User{Role: RoleAdmin}

// RightsError is a write the user may not make. Rep is the rep the
// record belongs to, when the refusal is about one record.
type RightsError struct {
	User string
	Role Role
	Area Area
	Rep  string
}

func (e *RightsError) Error() string {
	if e.Area == AreaRecords {
		if e.Rep == "" {
			return fmt.Sprintf("%s (%s) may write only their own records, and this one has no rep", e.User, e.Role)
		}
		return fmt.Sprintf("%s (%s) may not change %s's records", e.User, e.Role, e.Rep)
	}
	return fmt.Sprintf("%s (%s) may not change the %s", e.User, e.Role, e.Area)
}

// May says whether u may write in area. For records, it is the first
// check; MayRecord then checks each record's rep.
func (u User) May(area Area) error {
	switch {
	case u.Role == RoleAdmin:
		return nil
	case u.Role == RoleLead && area != AreaRules && area != AreaUsers:
		return nil
	case u.Role == RoleRep && area == AreaRecords:
		return nil
	}
	return &RightsError{User: u.Name, Role: u.Role, Area: area}
}

// MayRecord says whether u may write a record whose rep is repID (0: the
// record has no rep); repName names that rep in the refusal.
func (u User) MayRecord(repID int64, repName string) error {
	if err := u.May(AreaRecords); err != nil {
		return err
	}
	if u.Role != RoleRep || (repID != 0 && repID == u.RepID) {
		return nil
	}
	return &RightsError{User: u.Name, Role: u.Role, Area: AreaRecords, Rep: repName}
}

// ParsePublicKey reads one public key as an authorized_keys line holds it
// ("ssh-ed25519 AAAA... comment") and returns it as "TYPE BASE64", the form
// kpit stores and compares, and its SHA256 fingerprint. The comment is
// dropped: the same key with another comment is the same key.
func ParsePublicKey(text string) (key, fingerprint string, err error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return "", "", Refuse("key", RefuseKeyEmpty)
	}
	if strings.Contains(text, "PRIVATE KEY") {
		return "", "", Refuse("key", RefuseKeyPrivate)
	}
	pk, _, _, rest, err := ssh.ParseAuthorizedKey([]byte(text))
	if err != nil {
		return "", "", Refuse("key", RefuseKeyNotSSH)
	}
	if len(strings.TrimSpace(string(rest))) > 0 {
		return "", "", Refuse("key", RefuseKeyMany)
	}
	return KeyText(pk), ssh.FingerprintSHA256(pk), nil
}

// KeyText is a public key as kpit stores it: "TYPE BASE64".
func KeyText(pk ssh.PublicKey) string {
	return strings.TrimSpace(string(ssh.MarshalAuthorizedKey(pk)))
}
