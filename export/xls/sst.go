package xls

import (
	"encoding/binary"
	"fmt"
	"strings"
	"unicode/utf16"

	"fazhi/export/fileerr"
)

// segReader reads a record body and its CONTINUE records as one byte
// sequence, except for string characters: where characters cross into a
// CONTINUE record, that record starts with a fresh option byte saying
// whether the rest is compressed (one byte per character) or UTF-16.
type segReader struct {
	segs [][]byte
	seg  int
	pos  int
}

// atEnd reports whether every byte of every segment has been consumed.
func (r *segReader) atEnd() bool {
	for r.seg < len(r.segs) && r.pos >= len(r.segs[r.seg]) {
		r.seg++
		r.pos = 0
	}
	return r.seg >= len(r.segs)
}

// read copies len(p) plain bytes, crossing segments without any flag byte.
func (r *segReader) read(p []byte) error {
	for n := 0; n < len(p); {
		if r.atEnd() {
			return fmt.Errorf("%w: string data runs past its record", fileerr.ErrDamaged)
		}
		c := copy(p[n:], r.segs[r.seg][r.pos:])
		r.pos += c
		n += c
	}
	return nil
}

// skip passes over n plain bytes (rich-text runs, phonetic data), which may
// themselves span CONTINUE records.
func (r *segReader) skip(n int) error {
	for n > 0 {
		if r.atEnd() {
			return fmt.Errorf("%w: string extension runs past its record", fileerr.ErrDamaged)
		}
		c := min(n, len(r.segs[r.seg])-r.pos)
		r.pos += c
		n -= c
	}
	return nil
}

func (r *segReader) u8() (byte, error) {
	var b [1]byte
	err := r.read(b[:])
	return b[0], err
}

func (r *segReader) u16() (uint16, error) {
	var b [2]byte
	err := r.read(b[:])
	return binary.LittleEndian.Uint16(b[:]), err
}

func (r *segReader) u32() (uint32, error) {
	var b [4]byte
	err := r.read(b[:])
	return binary.LittleEndian.Uint32(b[:]), err
}

// chars reads cch characters, compressed when wide is false. Excel starts a
// CONTINUE even when not one character fits, and a wide string may leave a
// stray odd byte before the boundary; both cases advance to the next segment
// and take its option byte, as Excel does.
func (r *segReader) chars(cch int, wide bool) (string, error) {
	units := make([]uint16, 0, cch)
	for len(units) < cch {
		width := 1
		if wide {
			width = 2
		}
		var avail int
		if r.seg < len(r.segs) {
			avail = (len(r.segs[r.seg]) - r.pos) / width
		}
		if avail == 0 {
			r.seg++
			r.pos = 0
			if r.seg >= len(r.segs) || len(r.segs[r.seg]) == 0 {
				return "", fmt.Errorf("%w: string of %d characters cut short", fileerr.ErrDamaged, cch)
			}
			wide = r.segs[r.seg][0]&0x01 != 0
			r.pos = 1
			continue
		}
		n := min(avail, cch-len(units))
		b := r.segs[r.seg][r.pos:]
		for i := range n {
			if wide {
				units = append(units, binary.LittleEndian.Uint16(b[2*i:]))
			} else {
				units = append(units, uint16(b[i]))
			}
		}
		r.pos += n * width
	}
	if !wide {
		// Compressed strings are Latin-1, where every byte is its own rune;
		// skipping utf16.Decode keeps the common ASCII case cheap.
		var sb strings.Builder
		sb.Grow(len(units))
		for _, u := range units {
			sb.WriteRune(rune(u))
		}
		return sb.String(), nil
	}
	// Decoding after collecting keeps surrogate pairs that straddle a
	// CONTINUE boundary intact.
	return string(utf16.Decode(units)), nil
}

// unicodeString reads an XLUnicodeRichExtendedString: the form used by the
// SST, and, with the rich and extended flags clear, by LABEL, STRING and
// FORMAT (XLUnicodeString). Formatting runs and phonetic data are skipped:
// an importer needs the text only.
func (r *segReader) unicodeString() (string, error) {
	cch, err := r.u16()
	if err != nil {
		return "", err
	}
	flags, err := r.u8()
	if err != nil {
		return "", err
	}
	var runs, ext uint32
	if flags&0x08 != 0 {
		n, err := r.u16()
		if err != nil {
			return "", err
		}
		runs = uint32(n)
	}
	if flags&0x04 != 0 {
		if ext, err = r.u32(); err != nil {
			return "", err
		}
		if ext > MaxStreamSize {
			return "", fmt.Errorf("%w: phonetic block of %d bytes", fileerr.ErrDamaged, ext)
		}
	}
	s, err := r.chars(int(cch), flags&0x01 != 0)
	if err != nil {
		return "", err
	}
	if err := r.skip(4*int(runs) + int(ext)); err != nil {
		return "", err
	}
	return s, nil
}

// decodeSST reads the shared string table from the SST record and its
// CONTINUE records. The declared count is not trusted: the table stops where
// the data ends (some writers overstate it), and memory is reserved only for
// as many strings as the bytes could hold, three bytes being the smallest.
func decodeSST(segs [][]byte) ([]string, error) {
	r := &segReader{segs: segs}
	if _, err := r.u32(); err != nil { // cstTotal counts uses, not strings
		return nil, err
	}
	unique, err := r.u32()
	if err != nil {
		return nil, err
	}
	size := 0
	for _, s := range segs {
		size += len(s)
	}
	out := make([]string, 0, min(int64(unique), int64(size/3)))
	for i := uint32(0); i < unique && !r.atEnd(); i++ {
		s, err := r.unicodeString()
		if err != nil {
			return nil, fmt.Errorf("shared string %d: %w", i, err)
		}
		out = append(out, s)
	}
	return out, nil
}
