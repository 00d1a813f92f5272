package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

// node is a generic XML element, enough to walk any part of the package.
type node struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Nodes   []node     `xml:",any"`
	Text    string     `xml:",chardata"`
}

// attr returns the attribute with the given local name ("" if absent).
// WordprocessingML attributes all live in the w: namespace, so the local name
// is unambiguous. A nil node has no attributes, so lookups chain.
func (n *node) attr(local string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.Attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// child returns the first child with the given local name, or nil.
func (n *node) child(local string) *node {
	for i := range n.Nodes {
		if n.Nodes[i].XMLName.Local == local {
			return &n.Nodes[i]
		}
	}
	return nil
}

// path follows child(local) down a path of local names.
func (n *node) path(locals ...string) *node {
	for _, l := range locals {
		if n == nil {
			return nil
		}
		n = n.child(l)
	}
	return n
}

// all collects every descendant with the given local name, in order.
func (n *node) all(local string) []*node {
	var out []*node
	var walk func(*node)
	walk = func(m *node) {
		for i := range m.Nodes {
			c := &m.Nodes[i]
			if c.XMLName.Local == local {
				out = append(out, c)
			}
			walk(c)
		}
	}
	walk(n)
	return out
}

func writeDoc(t testing.TB, d Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, d); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

// unzip returns every file of a zip by name.
func unzip(t testing.TB, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		files[f.Name] = b
	}
	return files
}

// parseXML parses one part strictly (encoding/xml rejects what XML 1.0
// forbids, such as control characters) into a node tree.
func parseXML(t testing.TB, name string, b []byte) *node {
	t.Helper()
	var n node
	if err := xml.Unmarshal(b, &n); err != nil {
		t.Fatalf("%s does not parse: %v\n%s", name, err, b)
	}
	return &n
}

// openPart unzips data and parses the named part.
func openPart(t testing.TB, data []byte, name string) *node {
	t.Helper()
	b, ok := unzip(t, data)[name]
	if !ok {
		t.Fatalf("no %s in the package", name)
	}
	return parseXML(t, name, b)
}

// gotPara is what a reader sees of one paragraph.
type gotPara struct {
	Style string
	Text  string // w:t pieces joined, w:tab as \t, run-in text after " | "
	Keep  string // "" (style decides), "on" or "off"
}

func paragraphsOf(doc *node) []gotPara {
	var out []gotPara
	for _, p := range doc.all("p") {
		g := gotPara{Style: p.path("pPr", "pStyle").attr("val")}
		if k := p.path("pPr", "keepNext"); k != nil {
			g.Keep = "on"
			if k.attr("val") == "0" {
				g.Keep = "off"
			}
		}
		var sb strings.Builder
		for _, r := range p.Nodes {
			if r.XMLName.Local != "r" {
				continue
			}
			if r.path("rPr", "rStyle").attr("val") == bodyCharStyle {
				sb.WriteString(" | ")
			}
			for _, c := range r.Nodes {
				switch c.XMLName.Local {
				case "t":
					sb.WriteString(c.Text)
				case "tab":
					sb.WriteString("\t")
				}
			}
		}
		g.Text = sb.String()
		out = append(out, g)
	}
	return out
}
