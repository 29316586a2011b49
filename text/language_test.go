package text_test

import (
	"testing"

	"github.com/briefnews/brief/text"
)

func TestLanguage(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"english", "The city council voted on Tuesday to close the old bridge for repairs after engineers found cracks in two of its steel beams.", "en"},
		{"german", "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke zu schließen, nachdem Ingenieure Risse in zwei Stahlträgern gefunden hatten.", "de"},
		{"french", "Le conseil municipal a décidé mardi de fermer le vieux pont après que des ingénieurs ont découvert des fissures dans deux poutres.", "fr"},
		{"spanish", "El ayuntamiento decidió el martes cerrar el viejo puente después de que los ingenieros encontraran grietas en dos de sus vigas.", "es"},
		{"russian", "Городской совет во вторник решил закрыть старый мост после того, как инженеры обнаружили трещины в двух стальных балках.", "ru"},
		{"too short", "Yes.", ""},
		{"empty", "", ""},
		{"digits", "12345 67890 2026-03-14", ""},
	}
	for _, tt := range tests {
		if got := text.Language(tt.in); got != tt.want {
			t.Errorf("%s: Language(%.30q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func BenchmarkLanguage(b *testing.B) {
	s := "The city council voted on Tuesday to close the old bridge for repairs after engineers found cracks in two of its steel beams. "
	for len(s) < 8000 {
		s += s
	}
	b.SetBytes(1024)
	for i := 0; i < b.N; i++ {
		text.Language(s)
	}
}
