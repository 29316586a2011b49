package postgres_test

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/store/postgres"
	"github.com/briefnews/brief/store/storetest"
	"github.com/jackc/pgx/v5"
)

var schemas atomic.Int64

// MustOpen opens a store in a new schema of the database named by
// BRIEF_TEST_POSTGRES, dropped at the end of the test; it skips the test
// when the variable is unset.
func MustOpen(t *testing.T) *postgres.Store {
	t.Helper()
	dsn := os.Getenv("BRIEF_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("BRIEF_TEST_POSTGRES not set (see .ci/postgres.sh)")
	}
	ctx := context.Background()
	schema := fmt.Sprintf("brief_test_%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1e6, schemas.Add(1))
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatalf("connect %s: %v", dsn, err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		c, err := pgx.Connect(ctx, dsn)
		if err == nil {
			c.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE")
			c.Close(ctx)
		}
	})
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	s, err := postgres.Open(ctx, u.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) brief.Store { return MustOpen(t) })
}
