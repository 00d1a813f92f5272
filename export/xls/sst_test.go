package xls

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"fazhi/export/fileerr"
)

// encodeSST writes strs as Excel does: segments of at most limit bytes, a
// string header never split, characters split with the option byte
// restated in each CONTINUE. flip makes a Latin-1 string change between
// compressed and UTF-16 at every continuation, which Excel may do; extras
// adds formatting runs and phonetic data to some strings.
func encodeSST(strs []string, limit int, flip, extras bool) [][]byte {
	segs := [][]byte{le(uint32(len(strs)), uint32(len(strs)))}
	cur := func() *[]byte { return &segs[len(segs)-1] }
	for i, s := range strs {
		units := utf16.Encode([]rune(s))
		latin := !slices.ContainsFunc(units, func(u uint16) bool { return u > 0xFF })
		isWide := !latin
		runs, ext := 0, 0
		if extras && i%3 == 1 {
			runs = 2
		}
		if extras && i%4 == 2 {
			ext = 5
		}
		flags := byte(0)
		if isWide {
			flags |= 1
		}
		head := le(uint16(len(units)), flags)
		if runs > 0 {
			head[2] |= 0x08
			head = le(head, uint16(runs))
		}
		if ext > 0 {
			head[2] |= 0x04
			head = le(head, uint32(ext))
		}
		if len(*cur())+len(head) > limit {
			segs = append(segs, nil)
		}
		*cur() = append(*cur(), head...)
		for len(units) > 0 {
			width := 1
			if isWide {
				width = 2
			}
			space := (limit - len(*cur())) / width
			if space == 0 {
				if flip && latin {
					isWide = !isWide
				}
				flag := byte(0)
				if isWide {
					flag = 1
				}
				segs = append(segs, []byte{flag})
				continue
			}
			n := min(space, len(units))
			for _, u := range units[:n] {
				if isWide {
					*cur() = le(*cur(), u)
				} else {
					*cur() = append(*cur(), byte(u))
				}
			}
			units = units[n:]
		}
		for range 4*runs + ext { // no option byte: this is not character data
			if len(*cur()) >= limit {
				segs = append(segs, nil)
			}
			*cur() = append(*cur(), 0xAB)
		}
	}
	return segs
}

// sstCases are decoded by TestDecodeSST and seed FuzzSST.
var sstCases = []struct {
	name   string
	strs   []string
	limit  int
	flip   bool
	extras bool
}{
	{"one record", []string{"行政复议", "ok", ""}, 8224, false, false},
	{"split every few bytes", []string{"Hello世界", "中文ABC", "跨段", "x"}, 9, false, false},
	{"compression flips at each continuation", []string{"Latin-1 only, long enough to split", "é"}, 12, true, false},
	{"runs and phonetic data across boundaries", []string{"甲", "乙丙丁", "abc", "戊", "己庚"}, 7, false, true},
	{"surrogate pair split", []string{"𠮷野家𠮷", "末"}, 10, false, false},
	{"long string over several CONTINUEs", []string{strings.Repeat("法治政府建设", 3000), "end"}, 8224, true, true},
}

func TestDecodeSST(t *testing.T) {
	for _, c := range sstCases {
		t.Run(c.name, func(t *testing.T) {
			got, err := decodeSST(encodeSST(c.strs, c.limit, c.flip, c.extras))
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, c.strs) {
				t.Errorf("got %q\nwant %q", got, c.strs)
			}
		})
	}
	for _, bad := range [][][]byte{
		nil,
		{le(uint32(1))},
		{le(uint32(1), uint32(1), uint16(3), byte(0), "ab")},                       // cut short
		{le(uint32(1), uint32(1), uint16(3), byte(0), "ab"), nil},                  // empty CONTINUE
		{le(uint32(1), uint32(1), uint16(1), byte(0x08), uint16(9), "a", "12345")}, // runs past the end
		{le(uint32(1), uint32(1), uint16(1), byte(0x04), uint32(1<<31), "a")},      // absurd phonetic size
	} {
		if _, err := decodeSST(bad); !errors.Is(err, fileerr.ErrDamaged) {
			t.Errorf("decodeSST(%q) = %v, want fileerr.ErrDamaged", bad, err)
		}
	}
}

// FuzzSST checks that any segments decode without panic, and that strings
// encoded the way Excel does, with arbitrary split points, come back intact.
func FuzzSST(f *testing.F) {
	for _, c := range sstCases {
		// A 50 KB seed would spend the fuzzing time on minimising it; the
		// short cases already cover every kind of split.
		if s := strings.Join(c.strs, "\x00"); len(s) < 4096 {
			f.Add(s, uint16(c.limit), c.flip, c.extras)
		}
	}
	f.Fuzz(func(t *testing.T, joined string, limit uint16, flip, extras bool) {
		// The same bytes, cut at limit, as hostile input.
		raw := []byte(joined)
		var segs [][]byte
		for step := max(1, int(limit%64)); len(raw) > step; raw = raw[step:] {
			segs = append(segs, raw[:step])
		}
		if got, err := decodeSST(append(segs, raw)); err == nil && len(got) > len(joined)/3+1 {
			t.Fatalf("%d strings from %d bytes", len(got), len(joined))
		}

		strs := strings.Split(joined, "\x00")
		for i, s := range strs {
			strs[i] = string([]rune(s)) // invalid UTF-8 cannot be stored, only U+FFFD
			if len(utf16.Encode([]rune(s))) > 0xFFFF {
				t.Skip("longer than a 16-bit character count")
			}
		}
		l := 11 + int(limit%8224) // room for the longest header and one character
		got, err := decodeSST(encodeSST(strs, l, flip, extras))
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, strs) {
			t.Fatalf("limit %d: got %q, want %q", l, got, strs)
		}
	})
}
