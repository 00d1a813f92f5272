package textin

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// Decode turns the bytes of a text file into a UTF-8 string with "\n" line
// endings. Offices exchange plans as UTF-8 (WPS, web pages), UTF-16 (Word's
// "Unicode text") and above all GBK (Notepad on a Chinese Windows), and the
// clerk cannot be asked which; so the encoding is detected: BOMs first, then
// UTF-16 by its zero bytes, then UTF-8 if it (almost) validates, else
// GB18030, a superset of GBK. Bytes that are not text give a *fileerr.Error of kind
// ErrBinary.
func Decode(b []byte) (string, error) {
	s, err := decode(b)
	if err != nil {
		return "", err
	}
	s = strings.TrimPrefix(s, "\ufeff")
	return normalizeNewlines(s), nil
}

func decode(b []byte) (string, error) {
	switch {
	case bytes.HasPrefix(b, bomUTF8):
		return checkText(strings.ToValidUTF8(string(b[len(bomUTF8):]), "\ufffd"))
	case bytes.HasPrefix(b, bomUTF16LE):
		return decodeUTF16(b[2:], false)
	case bytes.HasPrefix(b, bomUTF16BE):
		return decodeUTF16(b[2:], true)
	}
	if bigEndian, ok := sniffUTF16(b); ok {
		if s, err := decodeUTF16(b, bigEndian); err == nil {
			return s, nil
		}
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return "", newError(ErrBinary, errNUL)
	}
	if utf8.Valid(b) {
		return checkText(string(b))
	}
	if mostlyUTF8(b) {
		return checkText(strings.ToValidUTF8(string(b), "\ufffd"))
	}
	s, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	if err != nil {
		return "", newError(ErrBinary, err)
	}
	return checkText(string(s))
}

// sniffUTF16 recognises UTF-16 without a BOM: ASCII characters (digits,
// punctuation, line breaks) leave a zero byte on one side of every pair
// and rarely on the other (only CJK characters such as 一 U+4E00 put a zero
// there). The sample is the first 8 KiB; the decoded text is checked after.
func sniffUTF16(b []byte) (bigEndian, ok bool) {
	n := min(len(b), 8<<10) &^ 1
	if n < 2 {
		return false, false
	}
	var zeroEven, zeroOdd int
	for i := 0; i < n; i += 2 {
		if b[i] == 0 {
			zeroEven++
		}
		if b[i+1] == 0 {
			zeroOdd++
		}
	}
	pairs := n / 2
	switch {
	case zeroOdd*50 >= pairs && zeroEven*3 <= zeroOdd:
		return false, true
	case zeroEven*50 >= pairs && zeroOdd*3 <= zeroEven:
		return true, true
	}
	return false, false
}

func decodeUTF16(b []byte, bigEndian bool) (string, error) {
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	return checkText(string(utf16.Decode(u)))
}

// mostlyUTF8 accepts UTF-8 with a few broken bytes (a file cut short, one
// bad character pasted from a web page): GBK read as UTF-8 yields almost no
// valid multi-byte sequences, real UTF-8 almost only valid ones.
func mostlyUTF8(b []byte) bool {
	var good, bad int
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		switch {
		case r == utf8.RuneError && size <= 1:
			bad++
		case size > 1:
			good++
		}
		b = b[max(size, 1):]
	}
	return good > 0 && good >= 8*bad
}

// checkText refuses a decoding that is mostly control characters,
// replacement characters or private-use code points: what binary data looks
// like once forced through a text decoder.
func checkText(s string) (string, error) {
	var total, bad int
	for _, r := range s {
		total++
		if isBadRune(r) {
			bad++
		}
	}
	// More than 5% bad, and not just one or two odd characters in a
	// short file.
	if bad*20 > total && (bad >= 3 || bad*2 > total) {
		return "", newError(ErrBinary, errUndecodable)
	}
	return s, nil
}

func isBadRune(r rune) bool {
	switch r {
	case '\t', '\n', '\r', '\f', '\v', 0x1a: // 0x1a: DOS end-of-file mark
		return false
	case utf8.RuneError, 0:
		return true
	}
	return unicode.IsControl(r) || unicode.Is(unicode.Co, r) || unicode.Is(unicode.Cs, r)
}

// normalizeNewlines turns CRLF, lone CR and the Unicode line and paragraph
// separators into "\n", and drops the DOS end-of-file mark.
func normalizeNewlines(s string) string {
	if !strings.ContainsAny(s, "\r\u2028\u2029\x1a") {
		return s
	}
	var sb strings.Builder
	sb.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch r {
		case '\r':
			if i < len(s) && s[i] == '\n' {
				i++
			}
			sb.WriteByte('\n')
		case '\u2028', '\u2029':
			sb.WriteByte('\n')
		case 0x1a:
		default:
			sb.WriteString(s[i-size : i])
		}
	}
	return sb.String()
}
