// Package sqlite is a brief.Store in a SQLite database file, through the
// pure-Go driver modernc.org/sqlite. The database runs in WAL mode with
// synchronous=FULL, so a write is durable when its method returns; full-text
// search uses FTS5.
package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/store/internal/column"
	"github.com/briefnews/brief/store/internal/cursor"
	"github.com/briefnews/brief/store/internal/query"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

var _ brief.Store = (*Store)(nil)

// Store is a brief.Store in one SQLite file. It is safe for concurrent use;
// writers are serialised by SQLite, waiting up to BusyTimeout.
type Store struct {
	db   *sql.DB
	path string
}

// BusyTimeout is how long a write waits for another writer's lock.
const BusyTimeout = 10 * time.Second

// Open opens the database at path, creating it if absent, and applies the
// schema migrations it lacks.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, fmt.Errorf("sqlite: empty path: %w", brief.ErrInvalid)
	}
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", BusyTimeout.Milliseconds()))
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(FULL)")
	q.Add("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("sqlite %s: %w: %v", path, brief.ErrUnavailable, err)
	}
	s := &Store{db: db, path: path}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// migrations are the schema versions in order; migration i brings the
// schema to version i+1. Append only.
var migrations = []string{
	`CREATE TABLE articles (
		seq INTEGER PRIMARY KEY AUTOINCREMENT,
		id TEXT NOT NULL UNIQUE,
		url TEXT NOT NULL,
		title TEXT NOT NULL,
		outlet TEXT NOT NULL,
		author TEXT NOT NULL,
		published INTEGER,
		language TEXT NOT NULL,
		text TEXT NOT NULL,
		source TEXT NOT NULL,
		outlets TEXT NOT NULL,
		duplicates TEXT NOT NULL
	);
	CREATE UNIQUE INDEX articles_url ON articles(url) WHERE url <> '';
	CREATE TABLE stories (
		id TEXT PRIMARY KEY,
		title TEXT NOT NULL,
		summary TEXT NOT NULL,
		updated INTEGER NOT NULL,
		articles TEXT NOT NULL
	);
	CREATE INDEX stories_updated ON stories(updated DESC, id DESC);
	CREATE TABLE feeds (
		seq INTEGER PRIMARY KEY AUTOINCREMENT,
		url TEXT NOT NULL UNIQUE,
		etag TEXT NOT NULL,
		last_modified TEXT NOT NULL,
		added INTEGER NOT NULL,
		checked INTEGER NOT NULL
	);`,
	`CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='seq');
	CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
		INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
	END;
	CREATE VIRTUAL TABLE stories_fts USING fts5(id UNINDEXED, title, summary);`,
}

func (s *Store) migrate(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.fail("migrate", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied INTEGER NOT NULL)`); err != nil {
		return s.fail("migrate", err)
	}
	var version int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&version); err != nil {
		return s.fail("migrate", err)
	}
	if version > len(migrations) {
		return fmt.Errorf("sqlite %s: schema version %d is newer than this program's %d: %w", s.path, version, len(migrations), brief.ErrInvalid)
	}
	for v := version; v < len(migrations); v++ {
		if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
			return s.fail(fmt.Sprintf("migration %d", v+1), err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, applied) VALUES (?, ?)`, v+1, time.Now().Unix()); err != nil {
			return s.fail("migrate", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return s.fail("migrate", err)
	}
	return nil
}

// fail wraps a database error as ErrUnavailable, or passes a context error.
func (s *Store) fail(op string, err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("sqlite %s: %s: %w", s.path, op, err)
	}
	return fmt.Errorf("sqlite %s: %s: %w: %v", s.path, op, brief.ErrUnavailable, err)
}

func nanos(t time.Time) sql.NullInt64 {
	if t.IsZero() {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: t.UnixNano(), Valid: true}
}

func fromNanos(n sql.NullInt64) time.Time {
	if !n.Valid {
		return time.Time{}
	}
	return time.Unix(0, n.Int64).UTC()
}

// PutArticles implements brief.Store.
func (s *Store) PutArticles(ctx context.Context, articles []*brief.Article) ([]brief.PutResult, error) {
	for i, a := range articles {
		if a == nil || a.ID == "" {
			return nil, fmt.Errorf("put article %d: no ID: %w", i, brief.ErrInvalid)
		}
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, s.fail("put articles", err)
	}
	defer tx.Rollback()
	out := make([]brief.PutResult, len(articles))
	for i, a := range articles {
		var id string
		err := tx.QueryRowContext(ctx, `SELECT id FROM articles WHERE id = ? OR (url = ? AND url <> '') LIMIT 1`, a.ID, a.URL).Scan(&id)
		switch {
		case err == nil:
			out[i] = brief.PutResult{ID: id}
			continue
		case !errors.Is(err, sql.ErrNoRows):
			return nil, s.fail("put articles", err)
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO articles (id, url, title, outlet, author, published, language, text, source, outlets, duplicates)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			a.ID, a.URL, a.Title, a.Outlet, a.Author, nanos(a.Published), a.Language, a.Text, a.Source, column.List(a.Outlets), column.List(a.Duplicates))
		if err != nil {
			return nil, s.fail("put article "+a.ID, err)
		}
		out[i] = brief.PutResult{ID: a.ID, New: true}
	}
	if err := tx.Commit(); err != nil {
		return nil, s.fail("put articles", err)
	}
	return out, nil
}

const articleColumns = `id, url, title, outlet, author, published, language, text, source, outlets, duplicates`

type scanner interface{ Scan(dest ...any) error }

func scanArticle(r scanner) (*brief.Article, error) {
	var a brief.Article
	var pub sql.NullInt64
	var outlets, dups string
	if err := r.Scan(&a.ID, &a.URL, &a.Title, &a.Outlet, &a.Author, &pub, &a.Language, &a.Text, &a.Source, &outlets, &dups); err != nil {
		return nil, err
	}
	a.Published = fromNanos(pub)
	if err := json.Unmarshal([]byte(outlets), &a.Outlets); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(dups), &a.Duplicates); err != nil {
		return nil, err
	}
	return &a, nil
}

// Article implements brief.Store.
func (s *Store) Article(ctx context.Context, id string) (*brief.Article, error) {
	a, err := scanArticle(s.db.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %q: %w", id, brief.ErrNotFound)
	}
	if err != nil {
		return nil, s.fail("article "+id, err)
	}
	return a, nil
}

// ScanArticles implements brief.Store. It reads in batches, so fn may
// run while other goroutines write.
func (s *Store) ScanArticles(ctx context.Context, fn func(*brief.Article) error) error {
	const batch = 500
	last := int64(0)
	for {
		rows, err := s.db.QueryContext(ctx, `SELECT seq, `+articleColumns+` FROM articles WHERE seq > ? ORDER BY seq LIMIT ?`, last, batch)
		if err != nil {
			return s.fail("scan articles", err)
		}
		var list []*brief.Article
		for rows.Next() {
			var a *brief.Article
			a, err = scanArticle(seqScanner{rows, &last})
			if err != nil {
				break
			}
			list = append(list, a)
		}
		if err == nil {
			err = rows.Err()
		}
		rows.Close()
		if err != nil {
			return s.fail("scan articles", err)
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

// seqScanner scans a leading seq column into seq, then the rest.
type seqScanner struct {
	rows *sql.Rows
	seq  *int64
}

func (r seqScanner) Scan(dest ...any) error {
	return r.rows.Scan(append([]any{r.seq}, dest...)...)
}

// PutStory implements brief.Store.
func (s *Store) PutStory(ctx context.Context, st *brief.Story) error {
	if st == nil || st.ID == "" {
		return fmt.Errorf("put story: no ID: %w", brief.ErrInvalid)
	}
	sum, err := json.Marshal(st.Summary)
	if err != nil {
		return fmt.Errorf("put story %q: %w: %v", st.ID, brief.ErrInvalid, err)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.fail("put story", err)
	}
	defer tx.Rollback()
	_, err = tx.ExecContext(ctx, `INSERT INTO stories (id, title, summary, updated, articles) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET title = excluded.title, summary = excluded.summary, updated = excluded.updated, articles = excluded.articles`,
		st.ID, st.Title, string(sum), st.Updated.UnixNano(), column.List(st.Articles))
	if err == nil {
		_, err = tx.ExecContext(ctx, `DELETE FROM stories_fts WHERE id = ?`, st.ID)
	}
	if err == nil {
		_, err = tx.ExecContext(ctx, `INSERT INTO stories_fts (id, title, summary) VALUES (?, ?, ?)`, st.ID, st.Title, column.SummaryText(st.Summary))
	}
	if err == nil {
		err = tx.Commit()
	}
	if err != nil {
		return s.fail("put story "+st.ID, err)
	}
	return nil
}

const storyColumns = `id, title, summary, updated, articles`

func scanStory(r scanner) (*brief.Story, error) {
	var st brief.Story
	var sum, arts string
	var updated int64
	if err := r.Scan(&st.ID, &st.Title, &sum, &updated, &arts); err != nil {
		return nil, err
	}
	st.Updated = time.Unix(0, updated).UTC()
	if err := json.Unmarshal([]byte(sum), &st.Summary); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(arts), &st.Articles); err != nil {
		return nil, err
	}
	return &st, nil
}

// Story implements brief.Store.
func (s *Store) Story(ctx context.Context, id string) (*brief.Story, error) {
	st, err := scanStory(s.db.QueryRowContext(ctx, `SELECT `+storyColumns+` FROM stories WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("story %q: %w", id, brief.ErrNotFound)
	}
	if err != nil {
		return nil, s.fail("story "+id, err)
	}
	return st, nil
}

// Stories implements brief.Store.
func (s *Store) Stories(ctx context.Context, limit int, cur string) ([]*brief.Story, string, error) {
	if limit <= 0 {
		return nil, "", fmt.Errorf("stories: limit %d: %w", limit, brief.ErrInvalid)
	}
	var rows *sql.Rows
	var err error
	if cur == "" {
		rows, err = s.db.QueryContext(ctx, `SELECT `+storyColumns+` FROM stories ORDER BY updated DESC, id DESC LIMIT ?`, limit+1)
	} else {
		t, id, derr := cursor.Decode(cur)
		if derr != nil {
			return nil, "", derr
		}
		n := t.UnixNano()
		rows, err = s.db.QueryContext(ctx, `SELECT `+storyColumns+` FROM stories
			WHERE updated < ? OR (updated = ? AND id < ?) ORDER BY updated DESC, id DESC LIMIT ?`, n, n, id, limit+1)
	}
	if err != nil {
		return nil, "", s.fail("stories", err)
	}
	list, err := scanStories(rows)
	if err != nil {
		return nil, "", s.fail("stories", err)
	}
	next := ""
	if len(list) > limit {
		list = list[:limit]
		next = cursor.Encode(list[limit-1].Updated, list[limit-1].ID)
	}
	return list, next, nil
}

func scanStories(rows *sql.Rows) ([]*brief.Story, error) {
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

// matchQuery turns q into an FTS5 query requiring each of its words, or ""
// when q has none. Words hold only letters and digits, so quoting them
// makes any input a valid query.
func matchQuery(q string) string {
	words := query.Words(q)
	for i, w := range words {
		words[i] = `"` + w + `"`
	}
	return strings.Join(words, " ")
}

// Search implements brief.Store: words match whole words, ignoring case;
// results are ordered by FTS5 rank.
func (s *Store) Search(ctx context.Context, q string, limit int) (*brief.SearchResult, error) {
	m := matchQuery(q)
	if m == "" {
		return nil, fmt.Errorf("search %q: no words: %w", q, brief.ErrInvalid)
	}
	if limit <= 0 {
		return nil, fmt.Errorf("search: limit %d: %w", limit, brief.ErrInvalid)
	}
	res := &brief.SearchResult{}
	rows, err := s.db.QueryContext(ctx, `SELECT `+prefix("a.", articleColumns)+` FROM articles_fts f JOIN articles a ON a.seq = f.rowid
		WHERE articles_fts MATCH ? ORDER BY f.rank LIMIT ?`, m, limit)
	if err != nil {
		return nil, s.fail("search", err)
	}
	defer rows.Close()
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, s.fail("search", err)
		}
		res.Articles = append(res.Articles, a)
	}
	if err := rows.Err(); err != nil {
		return nil, s.fail("search", err)
	}
	srows, err := s.db.QueryContext(ctx, `SELECT `+prefix("s.", storyColumns)+` FROM stories_fts f JOIN stories s ON s.id = f.id
		WHERE stories_fts MATCH ? ORDER BY f.rank LIMIT ?`, m, limit)
	if err != nil {
		return nil, s.fail("search", err)
	}
	if res.Stories, err = scanStories(srows); err != nil {
		return nil, s.fail("search", err)
	}
	return res, nil
}

func prefix(p, columns string) string {
	cols := strings.Split(columns, ", ")
	for i, c := range cols {
		cols[i] = p + c
	}
	return strings.Join(cols, ", ")
}

// AddFeed implements brief.Store.
func (s *Store) AddFeed(ctx context.Context, f *brief.Feed) error {
	if f == nil || f.URL == "" {
		return fmt.Errorf("add feed: no URL: %w", brief.ErrInvalid)
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO feeds (url, etag, last_modified, added, checked) VALUES (?, ?, ?, ?, ?) ON CONFLICT (url) DO NOTHING`,
		f.URL, f.ETag, f.LastModified, f.Added.UnixNano(), column.Nanos(f.Checked))
	if err != nil {
		return s.fail("add feed "+f.URL, err)
	}
	return nil
}

// Feeds implements brief.Store.
func (s *Store) Feeds(ctx context.Context) ([]*brief.Feed, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT url, etag, last_modified, added, checked FROM feeds ORDER BY seq`)
	if err != nil {
		return nil, s.fail("feeds", err)
	}
	defer rows.Close()
	var out []*brief.Feed
	for rows.Next() {
		var f brief.Feed
		var added, checked int64
		if err := rows.Scan(&f.URL, &f.ETag, &f.LastModified, &added, &checked); err != nil {
			return nil, s.fail("feeds", err)
		}
		f.Added, f.Checked = column.Time(added), column.Time(checked)
		out = append(out, &f)
	}
	if err := rows.Err(); err != nil {
		return nil, s.fail("feeds", err)
	}
	return out, nil
}

// UpdateFeed implements brief.Store.
func (s *Store) UpdateFeed(ctx context.Context, f *brief.Feed) error {
	if f == nil || f.URL == "" {
		return fmt.Errorf("update feed: no URL: %w", brief.ErrInvalid)
	}
	res, err := s.db.ExecContext(ctx, `UPDATE feeds SET etag = ?, last_modified = ?, checked = ? WHERE url = ?`,
		f.ETag, f.LastModified, column.Nanos(f.Checked), f.URL)
	if err != nil {
		return s.fail("update feed "+f.URL, err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return fmt.Errorf("feed %q: %w", f.URL, brief.ErrNotFound)
	}
	return nil
}

// Close implements brief.Store.
func (s *Store) Close() error { return s.db.Close() }
