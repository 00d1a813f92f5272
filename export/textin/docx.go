package textin

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strings"
)

// MaxSize caps what this package reads: a text file, or the uncompressed
// word/document.xml of a .docx. A 实施方案 is well under 1 MB; the cap is
// there so that a zip bomb (a few kilobytes that inflate to gigabytes) is
// refused with fileerr.ErrTooLarge instead of exhausting memory.
const MaxSize = 64 << 20

// maxXML is MaxSize, as a variable so that tests can make a small bomb.
var maxXML int64 = MaxSize

// Namespaces whose w:p, w:t … we read. Strict OOXML (ISO 29500 strict)
// uses a different URI; hand-made files sometimes declare none.
const (
	nsWord       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWordStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMarkupComp = "http://schemas.openxmlformats.org/markup-compatibility/2006"
	nsOfficeRels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
	nsStrictRels = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
)

// ReadDocx returns the paragraphs of a Word .docx in document order. A
// paragraph's runs are concatenated (w:tab → "\t", w:br → "\n"); a table
// row becomes one string with its cells joined by "\t" (paragraphs inside
// a cell joined by a space), so a 任务分解表 pasted into Word still reads
// row by row. Deleted text (tracked changes), field codes and the fallback
// copy of text boxes are skipped.
//
// Errors are *fileerr.Error of kind ErrNotDocx (not a zip, no document part,
// damaged XML) or fileerr.ErrTooLarge (document.xml inflates beyond MaxSize).
func ReadDocx(r io.ReaderAt, size int64) ([]string, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, newError(ErrNotDocx, err)
	}
	f := mainPart(zr)
	if f == nil || !isWordPart(f.Name) {
		// A real .xlsx or .pptx names its workbook or presentation as the
		// main part: not a document whatever its extension says.
		return nil, newError(ErrNotDocx, errNoDocument)
	}
	if f.UncompressedSize64 > uint64(maxXML) {
		return nil, newError(errLimit, nil)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, newError(ErrNotDocx, err)
	}
	defer rc.Close()
	lr := &capReader{r: rc, left: maxXML}
	paras, err := readDocumentXML(lr)
	if lr.hit {
		return nil, newError(errLimit, nil)
	}
	if err != nil {
		return nil, newError(ErrNotDocx, err)
	}
	return paras, nil
}

// isWordPart tells a Word main part from the main part of another Office
// package (xl/workbook.xml, ppt/presentation.xml).
func isWordPart(name string) bool {
	lower := strings.ToLower(strings.TrimPrefix(name, "/"))
	return !strings.HasPrefix(lower, "xl/") && !strings.HasPrefix(lower, "ppt/")
}

// mainPart finds word/document.xml, or whatever the package relationships
// name as the main document (some converters write word/document2.xml).
// Part names in a zip package compare case-insensitively.
func mainPart(zr *zip.Reader) *zip.File {
	find := func(name string) *zip.File {
		name = strings.TrimPrefix(name, "/")
		for _, f := range zr.File {
			if strings.EqualFold(f.Name, name) {
				return f
			}
		}
		return nil
	}
	if f := find("word/document.xml"); f != nil {
		return f
	}
	rels := find("_rels/.rels")
	if rels == nil || rels.UncompressedSize64 > 1<<20 {
		return nil
	}
	rc, err := rels.Open()
	if err != nil {
		return nil
	}
	defer rc.Close()
	var doc struct {
		Rels []struct {
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if xml.NewDecoder(io.LimitReader(rc, 1<<20)).Decode(&doc) != nil {
		return nil
	}
	for _, rel := range doc.Rels {
		if rel.Type == nsOfficeRels || rel.Type == nsStrictRels {
			return find(path.Clean("/" + rel.Target))
		}
	}
	return nil
}

// capReader reads at most left bytes and then fails, remembering that the
// cap (not the data) ended the read.
type capReader struct {
	r    io.Reader
	left int64
	hit  bool
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		// One more byte tells a file of exactly the cap from a bigger one.
		var one [1]byte
		if n, _ := c.r.Read(one[:]); n > 0 {
			c.hit = true
			return 0, errLimit
		}
		return 0, io.EOF
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}

// docxReader accumulates paragraphs while streaming document.xml tokens.
type docxReader struct {
	out    []string
	paras  []*strings.Builder // open w:p, innermost last (text boxes nest them)
	tables []*table           // open w:tbl, innermost last
	names  []string           // local names of the open Word elements
	inText int                // depth inside w:t
	skip   int                // depth inside an element we ignore
}

type table struct {
	cells []string // finished cells of the current row
	cell  []string // paragraphs of the current cell
	open  bool     // inside a w:tc
}

func readDocumentXML(r io.Reader) ([]string, error) {
	d := xml.NewDecoder(r)
	dr := &docxReader{out: []string{}}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			dr.start(t.Name)
		case xml.EndElement:
			dr.end(t.Name)
		case xml.CharData:
			if dr.skip == 0 && dr.inText > 0 && len(dr.paras) > 0 {
				dr.paras[len(dr.paras)-1].Write(t)
			}
		}
	}
	// A truncated document: keep what was read rather than nothing.
	for len(dr.paras) > 0 {
		dr.end(xml.Name{Space: nsWord, Local: "p"})
	}
	return dr.out, nil
}

func isWord(n xml.Name) bool {
	switch n.Space {
	case nsWord, nsWordStrict, "", "w":
		return true
	}
	return false
}

func (dr *docxReader) parent() string {
	if len(dr.names) == 0 {
		return ""
	}
	return dr.names[len(dr.names)-1]
}

func (dr *docxReader) start(n xml.Name) {
	if dr.skip > 0 {
		dr.skip++
		return
	}
	if n.Space == nsMarkupComp && n.Local == "Fallback" {
		dr.skip = 1 // the same text box again, for old readers
		return
	}
	local := n.Local
	if !isWord(n) {
		local = "" // keeps the stack balanced; matches nothing below
	}
	switch local {
	case "p":
		dr.paras = append(dr.paras, &strings.Builder{})
	case "t":
		dr.inText++
	case "tab", "ptab":
		dr.runText("\t")
	case "br", "cr":
		dr.runText("\n")
	case "noBreakHyphen":
		dr.runText("-")
	case "tbl":
		dr.tables = append(dr.tables, &table{})
	case "tc":
		if t := dr.table(); t != nil {
			t.open, t.cell = true, nil
		}
	}
	dr.names = append(dr.names, local)
}

// runText writes a run-level character; w:tab also names tab stops inside
// paragraph properties, which are not text.
func (dr *docxReader) runText(s string) {
	if dr.parent() == "r" && len(dr.paras) > 0 {
		dr.paras[len(dr.paras)-1].WriteString(s)
	}
}

func (dr *docxReader) table() *table {
	if len(dr.tables) == 0 {
		return nil
	}
	return dr.tables[len(dr.tables)-1]
}

func (dr *docxReader) end(n xml.Name) {
	if dr.skip > 0 {
		dr.skip--
		return
	}
	if len(dr.names) == 0 {
		return
	}
	local := dr.names[len(dr.names)-1]
	dr.names = dr.names[:len(dr.names)-1]
	switch local {
	case "p":
		if len(dr.paras) > 0 {
			b := dr.paras[len(dr.paras)-1]
			dr.paras = dr.paras[:len(dr.paras)-1]
			dr.emit(b.String())
		}
	case "t":
		dr.inText--
	case "tc":
		if t := dr.table(); t != nil && t.open {
			t.cells = append(t.cells, strings.Join(t.cell, " "))
			t.open, t.cell = false, nil
		}
	case "tr":
		if t := dr.table(); t != nil {
			row := strings.Join(t.cells, "\t")
			t.cells = nil
			if strings.Trim(row, "\t ") == "" {
				row = ""
			}
			// The row belongs to whatever holds the table: the page, or
			// a cell of an outer table.
			dr.tables = dr.tables[:len(dr.tables)-1]
			dr.emit(row)
			dr.tables = append(dr.tables, t)
		}
	case "tbl":
		if len(dr.tables) > 0 {
			dr.tables = dr.tables[:len(dr.tables)-1]
		}
	}
}

// emit hands a finished paragraph to the innermost open cell, else to the
// document.
func (dr *docxReader) emit(s string) {
	if t := dr.table(); t != nil && t.open {
		t.cell = append(t.cell, s)
		return
	}
	dr.out = append(dr.out, s)
}
