package clean

import "testing"

func TestStripDatePrefix(t *testing.T) {
	tests := []struct{ in, want string }{
		{" date 2017-04-12 The meeting began.", " date 2017-04-12 The meeting began."}, // lines are trimmed before
		{"date 2017-04-12 The meeting began.", "The meeting began."},
		{"Published: 2020-01-02T10:00:00Z The vote was close.", "The vote was close."},
		{"date 2017-04-12", "date 2017-04-12"}, // nothing would be left
		{"The date 2017-04-12 was chosen.", "The date 2017-04-12 was chosen."},
		{"Dated letters arrived.", "Dated letters arrived."},
	}
	for _, tt := range tests {
		if got := stripDatePrefix(tt.in); got != tt.want {
			t.Errorf("stripDatePrefix(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPrefixDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{" date 2017-04-12 The meeting began.", "2017-04-12"},
		{"Published: 2020-01-02T10:00:00Z The vote was close.", "2020-01-02"},
		{"The date 2017-04-12 was chosen.", "0001-01-01"},
		{"", "0001-01-01"},
	}
	for _, tt := range tests {
		if got := prefixDate(tt.in).Format("2006-01-02"); got != tt.want {
			t.Errorf("prefixDate(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestStripDateline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"WASHINGTON (AP) -- The Senate voted.", "The Senate voted."},
		{"BRUSSELS, January 22 (Xinhua) -- Two polls showed a majority.", "Two polls showed a majority."},
		{"FRANKFURT, Germany (AP) _ Europe's new currency will rival the dollar.", "Europe's new currency will rival the dollar."},
		{"MOSCOW (Reuters) - Russia said on Wednesday.", "Russia said on Wednesday."},
		{"LONDON — Prices rose.", "Prices rose."},
		{"WASHINGTON _ The bill passed.", "The bill passed."},
		{"LARAMIE, Wyo. (AP) -- Students gathered.", "Students gathered."},
		// Not datelines.
		{"Moscow - the capital - was quiet.", "Moscow - the capital - was quiet."},
		{"NATO - the alliance - met.", "NATO - the alliance - met."},
		{"The talks -- long expected -- began.", "The talks -- long expected -- began."},
		{"Tillerson said -- again -- that it was over.", "Tillerson said -- again -- that it was over."},
	}
	for _, tt := range tests {
		if got := stripDateline(tt.in); got != tt.want {
			t.Errorf("stripDateline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

type lineTest struct {
	in   string
	want bool
}

func runLineTests(t *testing.T, name string, f func(string) bool, tests []lineTest) {
	t.Helper()
	for _, tt := range tests {
		if got := f(tt.in); got != tt.want {
			t.Errorf("%s(%q) = %v, want %v", name, tt.in, got, tt.want)
		}
	}
}

func TestIsByline(t *testing.T) {
	runLineTests(t, "isByline", isByline, []lineTest{
		{"By Maria Okafor", true},
		{"By DENNIS BERNSTEIN AND LESLIE KEAN", true},
		{"• Jane Doe", true},
		{"- Jane van Doe", true},
		{"Jane Doe, Reuters", true},
		{"Jane Doe, Associated Press", true},
		{"Reporting by Jane Doe; Editing by John Roe", true},
		{"By the end of the week the talks had failed.", false},
		{"By then, prices had risen", false},
		{"• prices rose sharply", false},
		{"Moscow, he said, was ready.", false},
		{"The minister, who spoke in Moscow", false},
	})
}

func TestIsDateLine(t *testing.T) {
	runLineTests(t, "isDateLine", isDateLine, []lineTest{
		{"Posted April 13, 2017", true},
		{"Updated: 3:45 PM ET, Wed April 12, 2017", true},
		{"Published 12 April 2017 at 10:30 GMT", true},
		{"Wednesday, Feb. 09, 2000", true},
		{"April 13th, 2017", true},
		{"12/04/2017", true},
		{"Posted by the editors", false},
		{"April 13 was the day the talks began, 2017 records show.", false},
		{"Updated figures show 40 dead.", false},
		{"Last updated: 10:45 BST", true},
		{"Monday", false},
	})
}

func TestIsNavLine(t *testing.T) {
	runLineTests(t, "isNavLine", isNavLine, []lineTest{
		{"Related:", true},
		{"Read more", true},
		{"Share this", true},
		{"Share this article", true},
		{"Advertisement", true},
		{"Sign up for our newsletter", true},
		{"Read more:", true},
		{"Chemical attack", false},
		{"Read the report.", false},
		{"The talks continue", false},
	})
}

func TestIsFooter(t *testing.T) {
	runLineTests(t, "isFooter", isFooter, []lineTest{
		{"© 2017 The Coastal Ledger", true},
		{"Copyright 2017 The Associated Press. All rights reserved.", true},
		{"This material may not be published, broadcast, rewritten or redistributed.", true},
		{"The copyright dispute went to court.", false},
	})
}

func TestIsCaption(t *testing.T) {
	runLineTests(t, "isCaption", isCaption, []lineTest{
		{"President Donald Trump speaks during a news conference in the East Room of the White House, Wednesday, April 12, 2017, in Washington.", true},
		{"Rescuers search the rubble. (AP Photo/Jane Doe)", true},
		{"Image: Francis Tyers.", true},
		{"Photo: Reuters", true},
		{"FILE - In this photo, the minister arrives in Moscow.", true},
		{"The minister arrived in Moscow on Wednesday, April 12, after a long flight.", false},
		{"The photo was taken in 2016, officials said.", false},
	})
}

func TestIsHeadlineShaped(t *testing.T) {
	runLineTests(t, "isHeadlineShaped", isHeadlineShaped, []lineTest{
		{"Garcia's 10th-inning homer leads White Sox over Twins 3-1", true},
		{"Haley US Ready to Help Bring Syrian Conflict 'To An End'", true},
		{"Talks held in the U.S.", true},
		{"Russia vetoed the resolution.", false},
		{"\"We know they have the expertise\".", false},
		{"He said:", false},
		{"Alone", false},
	})
}

func TestIsTitleCase(t *testing.T) {
	runLineTests(t, "isTitleCase", func(s string) bool { return isTitleCase("en", s) }, []lineTest{
		{"Recently in World News", true},
		{"Trump's Attack on Syria Killed Four Children, State News Agency Claims", true},
		{"Haley US Ready to Help Bring Syrian Conflict 'To An End'", true},
		{"• Leroy Wright", true},
		{"Garcia's 10th-inning homer leads White Sox over Twins 3-1", false},
		{"Russian Federation blocks UN Security Council condemnation of Syria attack", false},
		{"Chemical attack", false},
		{"Moscow", false},
	})
}

func TestInHeadlineList(t *testing.T) {
	lines := []string{
		"Storm closes pass", // 0: title line
		"",
		"Chemical spill", // 2: next to the title only
		"",
		"The road was closed on Monday.",
		"",
		"Council approves new budget",   // 6
		"Ferry fares to rise in spring", // 7
		"",
		"Crews cleared the snow.",
	}
	tests := []struct {
		j         int
		titleLine int
		want      bool
	}{
		{2, 0, false},
		{2, -1, true}, // without a title line, line 0 is a headline too
		{6, 0, true},
		{7, 0, true},
		{4, 0, false},
	}
	for _, tt := range tests {
		if got := inHeadlineList(lines, tt.j, tt.titleLine); got != tt.want {
			t.Errorf("inHeadlineList(lines, %d, %d) = %v, want %v", tt.j, tt.titleLine, got, tt.want)
		}
	}
}
