package server

import (
	"encoding/json"
	"errors"
	"log"
	"net/http"

	"github.com/briefnews/brief"
)

// errMethod is the kind of a request whose path is served but not with its
// method.
var errMethod = errors.New("method not allowed")

// codes maps each error kind of package brief, and errMethod, to its HTTP
// status. Errors of no listed kind are 500 and their text is logged, not
// sent.
var codes = []struct {
	kind   error
	status int
}{
	{brief.ErrInvalid, http.StatusBadRequest},
	{brief.ErrEmpty, http.StatusBadRequest},
	{brief.ErrNotFound, http.StatusNotFound},
	{brief.ErrTooLarge, http.StatusRequestEntityTooLarge},
	{brief.ErrUnavailable, http.StatusServiceUnavailable},
	{errMethod, http.StatusMethodNotAllowed},
}

// status returns the HTTP status of err.
func status(err error) int {
	for _, c := range codes {
		if errors.Is(err, c.kind) {
			return c.status
		}
	}
	return http.StatusInternalServerError
}

// errorBody is the JSON body of an error response. Input names the bad
// record of a request body ("body#2", "body:3") when there is one.
type errorBody struct {
	Error string `json:"error"`
	Input string `json:"input,omitempty"`
}

// writeError writes err as a JSON error with the status of its kind.
func writeError(w http.ResponseWriter, r *http.Request, logger *log.Logger, err error) {
	code := status(err)
	body := errorBody{Error: err.Error()}
	var ie *brief.InputError
	if errors.As(err, &ie) {
		body.Input = ie.Input
	}
	if code == http.StatusInternalServerError || code == http.StatusServiceUnavailable {
		logger.Printf("%s %s: %v", r.Method, r.URL.Path, err)
		if code == http.StatusInternalServerError {
			body = errorBody{Error: "internal error"}
		}
	}
	writeJSON(w, code, body)
}

// writeJSON writes v as a JSON response with the given status.
func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}
