package store

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"github.com/kpit-dev/kpit/internal/pgtest"
	"github.com/kpit-dev/kpit/model"
)

// openPG opens a new PostgreSQL database with kpit's schema on the
// package's test server.
func openPG(t *testing.T) (*Store, string) {
	t.Helper()
	url := pgtest.URLFrom(t, func(url string) error {
		s, err := Open(url)
		if err == nil {
			err = s.Close()
		}
		return err
	})
	s, err := Open(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, url
}

func TestPostgresSchemaKeepsUp(t *testing.T) {
	if last := pgMigrations[len(pgMigrations)-1].upTo; last != len(migrations) {
		t.Fatalf("the PostgreSQL schema stops at SQLite's version %d of %d: append the new migrations' PostgreSQL text to pgMigrations (store/schema_pg.go)",
			last, len(migrations))
	}
}

func TestPostgresOpensMigratesAndReopens(t *testing.T) {
	s, url := openPG(t)
	var v int
	if err := s.db.QueryRow(`SELECT version FROM kpit_schema`).Scan(&v); err != nil || v != len(migrations) {
		t.Fatalf("schema version %d, %v; want %d", v, err, len(migrations))
	}
	if _, err := s.AddRep(context.Background(), model.Rep{Name: "田中", Department: model.DeptFieldSales}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err := Open(url)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	reps, err := s.Reps(context.Background())
	if err != nil || len(reps) != 1 || reps[0].Name != "田中" {
		t.Fatalf("reps after reopen = %v, %v", reps, err)
	}
}

func TestPostgresRefusesAnotherApplicationsDatabase(t *testing.T) {
	url := pgtest.URL(t)
	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE TABLE invoices (id int)`); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(url); err == nil || !strings.Contains(err.Error(), ErrNotKpit.Error()) {
		t.Fatalf("opened another application's database: %v", err)
	}
	var n int
	db.QueryRow(`SELECT count(*) FROM pg_tables WHERE schemaname = 'public'`).Scan(&n)
	if n != 1 {
		t.Fatalf("%d tables after the refusal, want the 1 that was there", n)
	}
}

func TestRebind(t *testing.T) {
	for in, want := range map[string]string{
		`SELECT ? , ?`:                      `SELECT $1 , $2`,
		`WHERE a = ?1 AND b = ?1 || ' '`:    `WHERE a = $1 AND b = $1 || ' '`,
		`x = ?3 AND y = ?`:                  `x = $3 AND y = $4`,
		`'what?' = ? -- really?` + "\n?":    `'what?' = $1 -- really?` + "\n$2",
		`"odd?name" = ?`:                    `"odd?name" = $1`,
		`no placeholders`:                   `no placeholders`,
		`json_extract(?1, '$.a') = ?2`:      `json_extract($1, '$.a') = $2`,
		`VALUES (?, ?), (?, ?) LIMIT ?10`:   `VALUES ($1, $2), ($3, $4) LIMIT $10`,
		`unterminated 'string ? at the end`: `unterminated 'string ? at the end`,
	} {
		if got := rebind(in); got != want {
			t.Errorf("rebind(%q) = %q, want %q", in, got, want)
		}
	}
}
