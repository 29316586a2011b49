package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/briefnews/brief/server"
	"github.com/briefnews/brief/store/memory"
)

func Example() {
	s := &server.Server{Store: memory.New()}
	if err := s.Recover(context.Background()); err != nil {
		panic(err)
	}
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()

	resp, err := http.Post(ts.URL+"/api/articles", "application/json", strings.NewReader(`{
		"title": "Bridge collapses in Ostby",
		"text": "A road bridge over the Vell river in Ostby collapsed early on Tuesday, officials said. Rescue teams pulled eleven people from the river.",
		"outlet": "Norland Herald",
		"published": "2024-03-05T08:00:00Z"}`))
	if err != nil {
		panic(err)
	}
	resp.Body.Close()
	fmt.Println(resp.Status)

	resp, err = http.Get(ts.URL + "/api/stories?limit=10")
	if err != nil {
		panic(err)
	}
	defer resp.Body.Close()
	var list struct {
		Stories []struct {
			Title    string
			Articles []string
		}
	}
	json.NewDecoder(resp.Body).Decode(&list)
	for _, st := range list.Stories {
		fmt.Printf("%s: %d article(s)\n", st.Title, len(st.Articles))
	}
	// Output:
	// 201 Created
	// Bridge collapses in Ostby: 1 article(s)
}
