package textin

import "testing"

func TestParseNumeral(t *testing.T) {
	for _, c := range []struct {
		in   string
		n, j int
		ok   bool
	}{
		{"一、", 1, 1, true}, {"十、", 10, 1, true}, {"十二、", 12, 2, true}, {"二十、", 20, 2, true},
		{"九十九", 99, 3, true}, {"三十五是", 35, 3, true}, {"是", 0, 0, false}, {"", 0, 0, false},
	} {
		n, j, ok := ParseNumeral([]rune(c.in), 0)
		if n != c.n || j != c.j || ok != c.ok {
			t.Errorf("ParseNumeral(%q) = %d %d %v; want %d %d %v", c.in, n, j, ok, c.n, c.j, c.ok)
		}
	}
}
