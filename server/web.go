package server

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/story"
)

//go:embed web
var webFS embed.FS

var pages = template.Must(template.New("").Funcs(template.FuncMap{
	"date":        formatDate,
	"articlePath": articlePath,
	"citePath":    citePath,
	"webURL":      webURL,
}).ParseFS(webFS, "web/*.html"))

// webRoutes adds the web pages and their static files to mux.
func (s *Server) webRoutes(mux *http.ServeMux) {
	static, _ := fs.Sub(webFS, "web/static")
	files := http.StripPrefix("/static/", http.FileServerFS(static))
	mux.HandleFunc("GET /static/", func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/") { // a directory: no listing
			s.pageError(w, r, fmt.Errorf("%s: %w", r.URL.Path, brief.ErrNotFound))
			return
		}
		files.ServeHTTP(w, r)
	})
	mux.HandleFunc("GET /{$}", s.indexPage)
	mux.HandleFunc("GET /stories/{id}", s.storyPage)
	mux.HandleFunc("GET /articles/{id...}", s.articlePage)
	mux.HandleFunc("GET /", func(w http.ResponseWriter, r *http.Request) {
		err := fmt.Errorf("%s: %w", r.URL.Path, brief.ErrNotFound)
		if strings.HasPrefix(r.URL.Path, "/api/") {
			writeError(w, r, s.logger(), err)
			return
		}
		s.pageError(w, r, err)
	})
}

func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2 Jan 2006 15:04 MST")
}

// webURL returns u when it is an absolute http or https URL, the only
// links to an original the pages show, and "" otherwise.
func webURL(u string) string {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return u
}

// articlePath is the page of an article.
func articlePath(id string) string { return "/articles/" + url.PathEscape(id) }

// citePath is the page of the cited article with the cited span
// highlighted and scrolled to.
func citePath(c brief.Citation) string {
	span := strconv.Itoa(c.Start) + "-" + strconv.Itoa(c.End)
	return articlePath(c.ArticleID) + "?hl=" + span + "#s-" + span
}

// render executes the named page template into a buffer first, so a
// template error becomes a clean 500.
func (s *Server) render(w http.ResponseWriter, r *http.Request, code int, name string, data any) {
	var buf bytes.Buffer
	if err := pages.ExecuteTemplate(&buf, name, data); err != nil {
		s.logger().Printf("%s %s: template %s: %v", r.Method, r.URL.Path, name, err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Content-Security-Policy", "default-src 'self'; style-src 'self'")
	w.WriteHeader(code)
	w.Write(buf.Bytes())
}

func (s *Server) pageError(w http.ResponseWriter, r *http.Request, err error) {
	code := status(err)
	msg := err.Error()
	if code == http.StatusInternalServerError {
		s.logger().Printf("%s %s: %v", r.Method, r.URL.Path, err)
		msg = "internal error"
	}
	s.render(w, r, code, "error.html", map[string]any{"Title": http.StatusText(code), "Message": msg})
}

// indexData is the story list page.
type indexData struct {
	Title   string
	Stories []*brief.Story
	Next    string
	Query   string
	Results *brief.SearchResult
}

func (s *Server) indexPage(w http.ResponseWriter, r *http.Request) {
	d := indexData{Title: "brief"}
	if q := strings.TrimSpace(r.URL.Query().Get("q")); q != "" {
		res, err := s.Store.Search(r.Context(), q, 30)
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		d.Query, d.Results = q, res
		s.render(w, r, http.StatusOK, "index.html", d)
		return
	}
	list, next, err := s.Store.Stories(r.Context(), 30, r.URL.Query().Get("cursor"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	d.Stories, d.Next = list, next
	s.render(w, r, http.StatusOK, "index.html", d)
}

// storyData is the story page.
type storyData struct {
	Title     string
	Story     *brief.Story
	Sentences []sentenceView
	Sources   []*brief.Article
	Entities  []story.Entity
	Timeline  []story.TimelineEntry
	Outlets   map[string]string // article ID → outlet
}

// sentenceView is a summary sentence with the outlets that said the same.
type sentenceView struct {
	brief.SummarySentence
	Outlet string
	Others []otherView
}

type otherView struct {
	Outlet string
	Cite   brief.Citation
}

// outletOf names the source of a for a reader: its outlet, else the host
// of its URL, else its title, shortened.
func outletOf(a *brief.Article) string {
	if a == nil {
		return ""
	}
	if a.Outlet != "" {
		return a.Outlet
	}
	if u, err := url.Parse(a.URL); err == nil && u.Host != "" {
		return strings.TrimPrefix(u.Host, "www.")
	}
	if t := []rune(a.Title); len(t) > 40 {
		return strings.TrimSpace(string(t[:40])) + "…"
	} else if len(t) > 0 {
		return a.Title
	}
	return "source"
}

func (s *Server) storyPage(w http.ResponseWriter, r *http.Request) {
	p, err := s.loadStory(r.Context(), r.PathValue("id"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	byID := map[string]*brief.Article{}
	for _, a := range p.Articles {
		byID[a.ID] = a
	}
	d := storyData{Title: p.Story.Title, Story: p.Story}
	if p.Story.Summary != nil {
		for _, ss := range p.Story.Summary.Sentences {
			sv := sentenceView{SummarySentence: ss, Outlet: outletOf(byID[ss.Source.ArticleID])}
			seen := map[string]bool{sv.Outlet: true}
			for _, c := range ss.Also {
				o := outletOf(byID[c.ArticleID])
				if o == "" || seen[o] {
					continue
				}
				seen[o] = true
				sv.Others = append(sv.Others, otherView{Outlet: o, Cite: c})
			}
			d.Sentences = append(d.Sentences, sv)
		}
	}
	d.Sources = append(d.Sources, p.Articles...)
	sort.SliceStable(d.Sources, func(i, j int) bool { return d.Sources[i].Published.Before(d.Sources[j].Published) })
	if p.View != nil {
		d.Entities = p.View.Entities
		if len(d.Entities) > 12 {
			d.Entities = d.Entities[:12]
		}
		d.Timeline = p.View.Timeline
		if len(d.Timeline) > 20 {
			d.Timeline = d.Timeline[:20]
		}
	}
	s.render(w, r, http.StatusOK, "story.html", d)
}

// articleData is the article page: its text split around the highlighted
// span, if any.
type articleData struct {
	Title                 string
	Article               *brief.Article
	Before, Marked, After string
	MarkID                string
}

func (s *Server) articlePage(w http.ResponseWriter, r *http.Request) {
	a, err := s.Store.Article(r.Context(), r.PathValue("id"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	d := articleData{Title: a.Title, Article: a, Before: a.Text}
	if d.Title == "" {
		d.Title = outletOf(a)
	}
	if start, end, ok := span(r.URL.Query().Get("hl"), a.Text); ok {
		d.Before, d.Marked, d.After = a.Text[:start], a.Text[start:end], a.Text[end:]
		d.MarkID = fmt.Sprintf("s-%d-%d", start, end)
	}
	s.render(w, r, http.StatusOK, "article.html", d)
}

// span parses "START-END" as a non-empty byte span of text that starts and
// ends on character boundaries.
func span(v, text string) (start, end int, ok bool) {
	a, b, found := strings.Cut(v, "-")
	if !found {
		return 0, 0, false
	}
	start, err1 := strconv.Atoi(a)
	end, err2 := strconv.Atoi(b)
	if err1 != nil || err2 != nil || start < 0 || end <= start || end > len(text) {
		return 0, 0, false
	}
	if !utf8.RuneStart(text[start]) || (end < len(text) && !utf8.RuneStart(text[end])) {
		return 0, 0, false
	}
	return start, end, true
}
