package hostile

// A tiny compound-file (OLE) writer: the legacy and encrypted files of the
// corpus, and every test that needs a .xls, .et or .doc made to measure
// (export/xls, export/tasksheet), use this one. FAT sectors first, then the
// directory, then each stream in one chain; streams are padded to 4096
// bytes so none goes to the mini stream.

import (
	"bytes"
	"encoding/binary"
	"math"
	"unicode/utf16"
)

var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// le lays out values little-endian.
func le(parts ...any) []byte {
	var b bytes.Buffer
	for _, p := range parts {
		switch v := p.(type) {
		case byte:
			b.WriteByte(v)
		case uint16:
			binary.Write(&b, binary.LittleEndian, v)
		case uint32:
			binary.Write(&b, binary.LittleEndian, v)
		case float64:
			binary.Write(&b, binary.LittleEndian, math.Float64bits(v))
		case []byte:
			b.Write(v)
		default:
			panic("le: unsupported type")
		}
	}
	return b.Bytes()
}

func wide(s string) []byte {
	var out []byte
	for _, u := range utf16.Encode([]rune(s)) {
		out = binary.LittleEndian.AppendUint16(out, u)
	}
	return out
}

// Stream is one named stream of a compound file.
type Stream struct {
	Name string
	Data []byte
}

// CompoundFile writes a compound (OLE) file, as .xls, .et, .doc and
// encrypted Office files are: FAT sectors first, then the directory, then
// each stream in one contiguous chain. Version 3 (512-byte sectors) as
// Excel writes it, unless the header's 109 FAT slots would not reach: then
// version 4 (4096-byte sectors), which reaches 400 MiB without a DIFAT.
func CompoundFile(streams ...Stream) []byte {
	total := 0
	for _, s := range streams {
		total += len(s.Data)
	}
	if total > 109*128*512*9/10 {
		return compoundFileSized(12, streams...)
	}
	return compoundFileSized(9, streams...)
}

func compoundFileSized(shift uint16, streams ...Stream) []byte {
	sect := 1 << shift
	perFat := sect / 4
	const (
		endOfChain = 0xFFFFFFFE
		fatSect    = 0xFFFFFFFD
		free       = 0xFFFFFFFF
	)
	var nData []int
	total := 0
	for i := range streams {
		if len(streams[i].Data) < 4096 { // below the cutoff it would go to the mini stream
			streams[i].Data = append(bytes.Clone(streams[i].Data), make([]byte, 4096-len(streams[i].Data))...)
		}
		n := (len(streams[i].Data) + sect - 1) / sect
		nData = append(nData, n)
		total += n
	}
	nDir := (len(streams) + 1 + sect/128 - 1) / (sect / 128)
	nFat := 1
	for nFat*perFat < nFat+nDir+total {
		nFat++
	}
	fat := make([]uint32, nFat*perFat)
	for i := range fat {
		fat[i] = free
	}
	for i := range nFat {
		fat[i] = fatSect
	}
	chain := func(start, n int) {
		for i := start; i < start+n-1; i++ {
			fat[i] = uint32(i + 1)
		}
		fat[start+n-1] = endOfChain
	}
	chain(nFat, nDir)
	starts := make([]int, len(streams))
	next := nFat + nDir
	for i, n := range nData {
		starts[i] = next
		chain(next, n)
		next += n
	}

	version, dirSects := uint16(3), 0
	if shift == 12 {
		version, dirSects = 4, nDir
	}
	h := le(oleMagic, make([]byte, 16), uint16(0x3E), version, uint16(0xFFFE), shift, uint16(6),
		make([]byte, 6), uint32(dirSects), uint32(nFat), uint32(nFat), uint32(0), uint32(4096),
		uint32(endOfChain), uint32(0), uint32(endOfChain), uint32(0))
	for i := range 109 {
		if i < nFat {
			h = le(h, uint32(i))
		} else {
			h = le(h, uint32(free))
		}
	}
	out := append(h, make([]byte, sect-len(h))...)
	for _, v := range fat {
		out = binary.LittleEndian.AppendUint32(out, v)
	}
	entry := func(name string, typ byte, right, child uint32, start uint32, size int) []byte {
		n := make([]byte, 64)
		copy(n, wide(name))
		nameLen := uint16(0)
		if name != "" {
			nameLen = uint16(2 * (len(utf16.Encode([]rune(name))) + 1))
		}
		return le(n, nameLen, typ, byte(1), uint32(free), right, child, make([]byte, 16+4+16), start, uint32(size), uint32(0))
	}
	var dir []byte
	child := uint32(free)
	if len(streams) > 0 {
		child = 1
	}
	dir = append(dir, entry("Root Entry", 5, free, child, endOfChain, 0)...)
	for i, s := range streams {
		right := uint32(free)
		if i+1 < len(streams) {
			right = uint32(i + 2)
		}
		dir = append(dir, entry(s.Name, 2, right, free, uint32(starts[i]), len(s.Data))...)
	}
	for len(dir) < nDir*sect {
		dir = append(dir, entry("", 0, free, free, 0, 0)...)
	}
	out = append(out, dir...)
	for i, s := range streams {
		out = append(out, s.Data...)
		out = append(out, make([]byte, nData[i]*sect-len(s.Data))...)
	}
	return out
}

func rec(typ uint16, body ...any) []byte {
	d := le(body...)
	return le(typ, uint16(len(d)), d)
}

// biffWorkbook is a BIFF8 Workbook stream with one sheet holding a header
// row of labels and a number, enough for a reader to recognise a .xls.
func biffWorkbook() []byte {
	bof := func(dt uint16) []byte {
		return rec(0x0809, uint16(0x0600), dt, uint16(0x0DBB), uint16(0x07CC), uint32(0), uint32(0x06))
	}
	label := func(r, c uint16, s string) []byte {
		return rec(0x0204, r, c, uint16(0), uint16(len([]rune(s))), byte(1), wide(s))
	}
	var g []byte
	g = append(g, bof(0x0005)...)
	g = append(g, rec(0x0042, uint16(1200))...)
	g = append(g, rec(0x00E0, uint16(0), uint16(0), uint16(1), make([]byte, 14))...)
	name := wide("任务分解表")
	bsAt := len(g)
	g = append(g, rec(0x0085, uint32(0), byte(0), byte(0), byte(len(name)/2), byte(1), name)...)
	g = append(g, rec(0x000A)...)
	binary.LittleEndian.PutUint32(g[bsAt+4:], uint32(len(g)))
	g = append(g, bof(0x0010)...)
	g = append(g, label(0, 0, "序号")...)
	g = append(g, label(0, 1, "工作任务")...)
	g = append(g, rec(0x0203, uint16(1), uint16(0), uint16(0), 1.0)...)
	g = append(g, label(1, 1, "完善依法决策机制")...)
	g = append(g, rec(0x000A)...)
	return g
}
