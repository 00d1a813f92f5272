package textin

import (
	"bytes"
	"io"
	"strings"
	"unicode/utf16"

	"fazhi/export/fileerr"
)

var (
	magicZip = []byte("PK\x03\x04")
	magicOLE = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	magicPDF = []byte("%PDF-")
	magicRTF = []byte(`{\rtf`)
)

// ReadFile reads a plan the user picked, whatever it is, as text. The
// content decides, not the extension: users rename files, and mail clients
// mangle names. A .docx gives its paragraphs joined by "\n"; a text file
// goes through Decode; an old .doc/.wps, an encrypted document, a PDF or an
// RTF file gives a *fileerr.Error telling the user to save it as .docx or .txt.
func ReadFile(path string) (string, error) {
	s, err := readFile(path)
	if err != nil {
		return "", fileerr.Of(err, fileerr.Document, path)
	}
	return s, nil
}

func readFile(path string) (string, error) {
	f, st, err := fileerr.Open(path, fileerr.Document)
	if err != nil {
		return "", err
	}
	defer f.Close()
	head := make([]byte, 8)
	n, err := f.ReadAt(head, 0)
	if err != nil && err != io.EOF {
		return "", newError(fileerr.ErrUnreadable, err)
	}
	head = head[:n]
	if st.Size() == 0 {
		return "", newError(fileerr.ErrEmpty, nil)
	}
	switch {
	case bytes.HasPrefix(head, magicZip):
		paras, err := ReadDocx(f, st.Size())
		if err != nil {
			return "", err
		}
		text := strings.Join(paras, "\n")
		if strings.TrimSpace(text) == "" {
			return "", newError(fileerr.ErrEmpty, nil)
		}
		return text, nil
	case bytes.HasPrefix(head, magicOLE):
		return "", oleError(f)
	case bytes.HasPrefix(head, magicPDF):
		return "", newError(ErrPDF, nil)
	case bytes.HasPrefix(head, magicRTF):
		return "", newError(ErrRTF, nil)
	}
	if st.Size() > MaxSize {
		return "", newError(errLimit, nil)
	}
	b, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return "", newError(fileerr.ErrUnreadable, err)
	}
	if len(b) > MaxSize {
		return "", newError(errLimit, nil)
	}
	text, err := Decode(b)
	if err == nil && strings.TrimSpace(text) == "" {
		return "", newError(fileerr.ErrEmpty, nil)
	}
	return text, err
}

// utf16le is a stream name as the OLE directory stores it.
func utf16le(name string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(name)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return append(b, 0, 0) // the terminating NUL: "Book" must not match "Workbook"'s tail alone
}

var (
	workbookStream = utf16le("Workbook")
	bookStream     = utf16le("Book")
	wordStream     = utf16le("WordDocument")
)

// encryptedPackage is the stream name (UTF-16LE in the OLE directory) under
// which Office stores a password-protected .docx/.xlsx.
var encryptedPackage = func() []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune("EncryptedPackage")) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}()

// oleError tells an encrypted Office file from an old .doc/.wps: the remedy
// differs (remove the password vs. save in a new format).
func oleError(r io.Reader) error {
	b, _ := io.ReadAll(io.LimitReader(r, MaxSize))
	if bytes.Contains(b, encryptedPackage) {
		return newError(fileerr.ErrEncrypted, nil)
	}
	// An .xls or WPS .et holds a Workbook (or, before Excel 97, Book)
	// stream and no WordDocument (a .doc may embed a spreadsheet).
	if (bytes.Contains(b, workbookStream) || bytes.Contains(b, bookStream)) && !bytes.Contains(b, wordStream) {
		return newError(ErrNotDocx, errSpreadsheet)
	}
	return newError(ErrOldWord, nil)
}
