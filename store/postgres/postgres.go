// Package postgres is a brief.Store in a PostgreSQL database, through
// github.com/jackc/pgx/v5. Full-text search uses tsvector columns with the
// "simple" configuration (whole words, case-folded, no stemming) and GIN
// indexes.
package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/store/internal/column"
	"github.com/briefnews/brief/store/internal/cursor"
	"github.com/briefnews/brief/store/internal/query"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

var _ brief.Store = (*Store)(nil)

// Store is a brief.Store in PostgreSQL. It is safe for concurrent use.
type Store struct {
	pool *pgxpool.Pool
}

// Open connects to the database named by the connection string dsn
// (postgres://user:pass@host:port/db?…) and applies the schema migrations
// it lacks.
func Open(ctx context.Context, dsn string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: bad connection string: %w", brief.ErrInvalid)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fail("connect", err)
	}
	s := &Store{pool: pool}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	return s, nil
}

// migrations are the schema versions in order; migration i brings the
// schema to version i+1. Append only.
var migrations = []string{
	`CREATE TABLE articles (
		seq BIGSERIAL PRIMARY KEY,
		id TEXT NOT NULL UNIQUE,
		url TEXT NOT NULL,
		title TEXT NOT NULL,
		outlet TEXT NOT NULL,
		author TEXT NOT NULL,
		published BIGINT,
		language TEXT NOT NULL,
		text TEXT NOT NULL,
		source TEXT NOT NULL,
		outlets JSONB NOT NULL,
		duplicates JSONB NOT NULL,
		search TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', title || ' ' || text)) STORED
	);
	CREATE UNIQUE INDEX articles_url ON articles(url) WHERE url <> '';
	CREATE INDEX articles_search ON articles USING GIN (search);
	CREATE TABLE stories (
		id TEXT PRIMARY KEY,
		title TEXT NOT NULL,
		summary JSONB,
		summary_text TEXT NOT NULL,
		updated BIGINT NOT NULL,
		articles JSONB NOT NULL,
		search TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', title || ' ' || summary_text)) STORED
	);
	CREATE INDEX stories_updated ON stories(updated DESC, id DESC);
	CREATE INDEX stories_search ON stories USING GIN (search);
	CREATE TABLE feeds (
		seq BIGSERIAL PRIMARY KEY,
		url TEXT NOT NULL UNIQUE,
		etag TEXT NOT NULL,
		last_modified TEXT NOT NULL,
		added BIGINT NOT NULL,
		checked BIGINT NOT NULL
	);`,
}

// migrationLock is the advisory lock key that serialises migrations of
// concurrent processes.
const migrationLock = 0x62726965 // "brie"

func (s *Store) migrate(ctx context.Context) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fail("migrate", err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, migrationLock); err != nil {
		return fail("migrate", err)
	}
	if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied TIMESTAMPTZ NOT NULL DEFAULT now())`); err != nil {
		return fail("migrate", err)
	}
	var version int
	if err := tx.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&version); err != nil {
		return fail("migrate", err)
	}
	if version > len(migrations) {
		return fmt.Errorf("postgres: schema version %d is newer than this program's %d: %w", version, len(migrations), brief.ErrInvalid)
	}
	for v := version; v < len(migrations); v++ {
		if _, err := tx.Exec(ctx, migrations[v]); err != nil {
			return fail(fmt.Sprintf("migration %d", v+1), err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version) VALUES ($1)`, v+1); err != nil {
			return fail("migrate", err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return fail("migrate", err)
	}
	return nil
}

// fail wraps a database error as ErrUnavailable, or passes a context error.
func fail(op string, err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("postgres: %s: %w", op, err)
	}
	return fmt.Errorf("postgres: %s: %w: %v", op, brief.ErrUnavailable, err)
}

func nanos(t time.Time) *int64 {
	if t.IsZero() {
		return nil
	}
	n := t.UnixNano()
	return &n
}

func fromNanos(n *int64) time.Time {
	if n == nil {
		return time.Time{}
	}
	return time.Unix(0, *n).UTC()
}

// PutArticles implements brief.Store.
func (s *Store) PutArticles(ctx context.Context, articles []*brief.Article) ([]brief.PutResult, error) {
	for i, a := range articles {
		if a == nil || a.ID == "" {
			return nil, fmt.Errorf("put article %d: no ID: %w", i, brief.ErrInvalid)
		}
	}
	out := make([]brief.PutResult, len(articles))
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		for i, a := range articles {
			// ON CONFLICT DO NOTHING makes concurrent puts of the same
			// article safe; the SELECT then finds the stored copy.
			tag, err := tx.Exec(ctx, `INSERT INTO articles (id, url, title, outlet, author, published, language, text, source, outlets, duplicates)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11::jsonb) ON CONFLICT DO NOTHING`,
				a.ID, a.URL, a.Title, a.Outlet, a.Author, nanos(a.Published), a.Language, a.Text, a.Source, column.List(a.Outlets), column.List(a.Duplicates))
			if err != nil {
				return err
			}
			if tag.RowsAffected() == 1 {
				out[i] = brief.PutResult{ID: a.ID, New: true}
				continue
			}
			var id string
			err = tx.QueryRow(ctx, `SELECT id FROM articles WHERE id = $1 OR (url = $2 AND url <> '') ORDER BY (id = $1) DESC LIMIT 1`, a.ID, a.URL).Scan(&id)
			if err != nil {
				return err
			}
			out[i] = brief.PutResult{ID: id}
		}
		return nil
	})
	if err != nil {
		return nil, fail("put articles", err)
	}
	return out, nil
}

const articleColumns = `id, url, title, outlet, author, published, language, text, source, outlets, duplicates`

func scanArticle(r pgx.Row) (*brief.Article, error) {
	var a brief.Article
	var pub *int64
	if err := r.Scan(&a.ID, &a.URL, &a.Title, &a.Outlet, &a.Author, &pub, &a.Language, &a.Text, &a.Source, &a.Outlets, &a.Duplicates); err != nil {
		return nil, err
	}
	a.Published = fromNanos(pub)
	if len(a.Outlets) == 0 {
		a.Outlets = nil
	}
	if len(a.Duplicates) == 0 {
		a.Duplicates = nil
	}
	return &a, nil
}

// Article implements brief.Store.
func (s *Store) Article(ctx context.Context, id string) (*brief.Article, error) {
	a, err := scanArticle(s.pool.QueryRow(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("article %q: %w", id, brief.ErrNotFound)
	}
	if err != nil {
		return nil, fail("article "+id, err)
	}
	return a, nil
}

// ScanArticles implements brief.Store. It reads in batches, so fn may
// run while other goroutines write.
func (s *Store) ScanArticles(ctx context.Context, fn func(*brief.Article) error) error {
	const batch = 500
	var last int64
	for {
		rows, err := s.pool.Query(ctx, `SELECT seq, `+articleColumns+` FROM articles WHERE seq > $1 ORDER BY seq LIMIT $2`, last, batch)
		if err != nil {
			return fail("scan articles", err)
		}
		var list []*brief.Article
		for rows.Next() {
			var a *brief.Article
			a, err = scanArticle(seqRow{rows, &last})
			if err != nil {
				break
			}
			list = append(list, a)
		}
		rows.Close()
		if err == nil {
			err = rows.Err()
		}
		if err != nil {
			return fail("scan articles", err)
		}
		for _, a := range list {
			if err := fn(a); err != nil {
				return err
			}
		}
		if len(list) < batch {
			return nil
		}
	}
}

type seqRow struct {
	rows pgx.Rows
	seq  *int64
}

func (r seqRow) Scan(dest ...any) error { return r.rows.Scan(append([]any{r.seq}, dest...)...) }

// PutStory implements brief.Store.
func (s *Store) PutStory(ctx context.Context, st *brief.Story) error {
	if st == nil || st.ID == "" {
		return fmt.Errorf("put story: no ID: %w", brief.ErrInvalid)
	}
	sum, err := json.Marshal(st.Summary)
	if err != nil {
		return fmt.Errorf("put story %q: %w: %v", st.ID, brief.ErrInvalid, err)
	}
	_, err = s.pool.Exec(ctx, `INSERT INTO stories (id, title, summary, summary_text, updated, articles) VALUES ($1, $2, $3::jsonb, $4, $5, $6::jsonb)
		ON CONFLICT (id) DO UPDATE SET title = excluded.title, summary = excluded.summary, summary_text = excluded.summary_text,
		updated = excluded.updated, articles = excluded.articles`,
		st.ID, st.Title, string(sum), column.SummaryText(st.Summary), st.Updated.UnixNano(), column.List(st.Articles))
	if err != nil {
		return fail("put story "+st.ID, err)
	}
	return nil
}

const storyColumns = `id, title, summary, updated, articles`

func scanStory(r pgx.Row) (*brief.Story, error) {
	var st brief.Story
	var updated int64
	if err := r.Scan(&st.ID, &st.Title, &st.Summary, &updated, &st.Articles); err != nil {
		return nil, err
	}
	st.Updated = time.Unix(0, updated).UTC()
	if len(st.Articles) == 0 {
		st.Articles = nil
	}
	return &st, nil
}

// Story implements brief.Store.
func (s *Store) Story(ctx context.Context, id string) (*brief.Story, error) {
	st, err := scanStory(s.pool.QueryRow(ctx, `SELECT `+storyColumns+` FROM stories WHERE id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("story %q: %w", id, brief.ErrNotFound)
	}
	if err != nil {
		return nil, fail("story "+id, err)
	}
	return st, nil
}

// Stories implements brief.Store.
func (s *Store) Stories(ctx context.Context, limit int, cur string) ([]*brief.Story, string, error) {
	if limit <= 0 {
		return nil, "", fmt.Errorf("stories: limit %d: %w", limit, brief.ErrInvalid)
	}
	var rows pgx.Rows
	var err error
	if cur == "" {
		rows, err = s.pool.Query(ctx, `SELECT `+storyColumns+` FROM stories ORDER BY updated DESC, id DESC LIMIT $1`, limit+1)
	} else {
		t, id, derr := cursor.Decode(cur)
		if derr != nil {
			return nil, "", derr
		}
		rows, err = s.pool.Query(ctx, `SELECT `+storyColumns+` FROM stories
			WHERE (updated, id) < ($1, $2) ORDER BY updated DESC, id DESC LIMIT $3`, t.UnixNano(), id, limit+1)
	}
	if err != nil {
		return nil, "", fail("stories", err)
	}
	list, err := scanStories(rows)
	if err != nil {
		return nil, "", fail("stories", err)
	}
	next := ""
	if len(list) > limit {
		list = list[:limit]
		next = cursor.Encode(list[limit-1].Updated, list[limit-1].ID)
	}
	return list, next, nil
}

func scanStories(rows pgx.Rows) ([]*brief.Story, error) {
	defer rows.Close()
	var list []*brief.Story
	for rows.Next() {
		st, err := scanStory(rows)
		if err != nil {
			return nil, err
		}
		list = append(list, st)
	}
	return list, rows.Err()
}

// Search implements brief.Store: words match whole words, ignoring case;
// results are ordered by ts_rank.
func (s *Store) Search(ctx context.Context, q string, limit int) (*brief.SearchResult, error) {
	words := query.Words(q)
	if len(words) == 0 {
		return nil, fmt.Errorf("search %q: no words: %w", q, brief.ErrInvalid)
	}
	if limit <= 0 {
		return nil, fmt.Errorf("search: limit %d: %w", limit, brief.ErrInvalid)
	}
	m := strings.Join(words, " ")
	res := &brief.SearchResult{}
	rows, err := s.pool.Query(ctx, `SELECT `+articleColumns+` FROM articles, plainto_tsquery('simple', $1) q
		WHERE search @@ q ORDER BY ts_rank(search, q) DESC, seq DESC LIMIT $2`, m, limit)
	if err != nil {
		return nil, fail("search", err)
	}
	defer rows.Close()
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, fail("search", err)
		}
		res.Articles = append(res.Articles, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fail("search", err)
	}
	srows, err := s.pool.Query(ctx, `SELECT `+storyColumns+` FROM stories, plainto_tsquery('simple', $1) q
		WHERE search @@ q ORDER BY ts_rank(search, q) DESC, updated DESC LIMIT $2`, m, limit)
	if err != nil {
		return nil, fail("search", err)
	}
	if res.Stories, err = scanStories(srows); err != nil {
		return nil, fail("search", err)
	}
	return res, nil
}

// AddFeed implements brief.Store.
func (s *Store) AddFeed(ctx context.Context, f *brief.Feed) error {
	if f == nil || f.URL == "" {
		return fmt.Errorf("add feed: no URL: %w", brief.ErrInvalid)
	}
	_, err := s.pool.Exec(ctx, `INSERT INTO feeds (url, etag, last_modified, added, checked) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (url) DO NOTHING`,
		f.URL, f.ETag, f.LastModified, f.Added.UnixNano(), column.Nanos(f.Checked))
	if err != nil {
		return fail("add feed "+f.URL, err)
	}
	return nil
}

// Feeds implements brief.Store.
func (s *Store) Feeds(ctx context.Context) ([]*brief.Feed, error) {
	rows, err := s.pool.Query(ctx, `SELECT url, etag, last_modified, added, checked FROM feeds ORDER BY seq`)
	if err != nil {
		return nil, fail("feeds", err)
	}
	defer rows.Close()
	var out []*brief.Feed
	for rows.Next() {
		var f brief.Feed
		var added, checked int64
		if err := rows.Scan(&f.URL, &f.ETag, &f.LastModified, &added, &checked); err != nil {
			return nil, fail("feeds", err)
		}
		f.Added, f.Checked = column.Time(added), column.Time(checked)
		out = append(out, &f)
	}
	if err := rows.Err(); err != nil {
		return nil, fail("feeds", err)
	}
	return out, nil
}

// UpdateFeed implements brief.Store.
func (s *Store) UpdateFeed(ctx context.Context, f *brief.Feed) error {
	if f == nil || f.URL == "" {
		return fmt.Errorf("update feed: no URL: %w", brief.ErrInvalid)
	}
	tag, err := s.pool.Exec(ctx, `UPDATE feeds SET etag = $1, last_modified = $2, checked = $3 WHERE url = $4`,
		f.ETag, f.LastModified, column.Nanos(f.Checked), f.URL)
	if err != nil {
		return fail("update feed "+f.URL, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("feed %q: %w", f.URL, brief.ErrNotFound)
	}
	return nil
}

// Close implements brief.Store.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}
