package xls

import (
	"errors"
	"slices"
	"testing"

	"fazhi/export/fileerr"
)

func TestRecords(t *testing.T) {
	budget := 1 << 20
	r := &records{b: append(append(rec(recSST, "ab"), rec(recContinue, "cd")...), rec(recContinue, "")...), budget: &budget}
	typ, body, err := r.next()
	if err != nil || typ != recSST {
		t.Fatalf("next: %x %v", typ, err)
	}
	segs, err := r.continued(body)
	if err != nil || !slices.EqualFunc(segs, [][]byte{[]byte("ab"), []byte("cd"), {}}, slices.Equal) {
		t.Fatalf("continued: %q %v", segs, err)
	}
	for _, bad := range [][]byte{
		{0x09},                          // header cut short
		le(uint16(1), uint16(5), "abc"), // body cut short
		le(uint16(1), uint16(maxRecordLen+1), make([]byte, maxRecordLen+1)),
	} {
		b := 1 << 20
		if _, _, err := (&records{b: bad, budget: &b}).next(); !errors.Is(err, fileerr.ErrDamaged) {
			t.Errorf("next(% X…) = %v, want fileerr.ErrDamaged", bad[:2], err)
		}
	}
	small := 3
	if _, _, err := (&records{b: rec(recEOF), budget: &small}).next(); !errors.Is(err, fileerr.ErrDamaged) {
		t.Errorf("over budget: %v", err)
	}
}

func TestCheckBOF(t *testing.T) {
	for _, c := range []struct {
		typ  uint16
		body []byte
		dt   uint16
		err  error
	}{
		{recBOF, le(uint16(0x0600), uint16(0x0010), make([]byte, 12)), 0x0010, nil},
		{recBOF, le(uint16(0x0500), uint16(0x0005)), 0, ErrOldBIFF},
		{recBOF2, nil, 0, ErrOldBIFF},
		{recBOF3, nil, 0, ErrOldBIFF},
		{recBOF4, nil, 0, ErrOldBIFF},
		{recBOF, le(uint16(0x0600)), 0, fileerr.ErrDamaged},
		{recEOF, nil, 0, fileerr.ErrDamaged},
	} {
		dt, err := checkBOF(c.typ, c.body)
		if dt != c.dt || !errors.Is(err, c.err) || (c.err == nil) != (err == nil) {
			t.Errorf("checkBOF(%#x, % X) = %#x %v, want %#x %v", c.typ, c.body, dt, err, c.dt, c.err)
		}
	}
}
