package data

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NormalizeName turns a department name as typed or found in a file into the
// form the register compares: full-width letters, digits and brackets folded
// to half-width (NFKC), every space removed (`党 政 办`, line breaks inside
// Excel cells, ideographic spaces), and stray punctuation or wrapping
// brackets stripped from both ends (`、法制办，`, `（法制办）`).
func NormalizeName(s string) string {
	s = norm.NFKC.String(s)
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
	for {
		t := strings.TrimFunc(s, isStrayPunct)
		if len(t) >= 2 && t[0] == '(' && t[len(t)-1] == ')' {
			t = t[1 : len(t)-1]
		}
		t = trimUnbalanced(t)
		if t == s {
			return s
		}
		s = t
	}
}

// isStrayPunct is punctuation that never starts or ends a department name
// but often clings to one cut out of a sentence or a list.
func isStrayPunct(r rune) bool {
	switch r {
	case '(', ')', '[', ']', '<', '>', '〈', '〉', '《', '》', '【', '】', '〔', '〕', '「', '」', '『', '』':
		return false // brackets: handled as pairs by NormalizeName
	}
	return unicode.IsPunct(r) || unicode.IsSymbol(r)
}

// trimUnbalanced drops a bracket at an end that has no partner inside.
func trimUnbalanced(s string) string {
	if strings.HasPrefix(s, "(") && !strings.Contains(s, ")") {
		s = s[1:]
	}
	if strings.HasSuffix(s, ")") && !strings.Contains(s, "(") {
		s = s[:len(s)-1]
	}
	return s
}

// placePrefixes are the words an office puts before a department's name when
// it means its own (镇监察室 is the 监察室 of this town).
var placePrefixes = []string{"街道", "镇", "乡", "区", "县", "我镇", "本镇"}

// likelySame says whether two normalised names probably name one department,
// and why, so that the user can be asked. It never decides on its own: the
// register only suggests (人资分局 ~ 人力资源分局, 人力资源局 ~ 人力资源分局,
// 镇监察室 ~ 监察室).
func likelySame(a, b string) (bool, string) {
	if a == b || a == "" || b == "" {
		return false, ""
	}
	short, long := a, b
	if utf8.RuneCountInString(short) > utf8.RuneCountInString(long) {
		short, long = long, short
	}
	for _, p := range placePrefixes {
		if long == p+short {
			return true, "只差前缀“" + p + "”"
		}
	}
	sr, lr := []rune(short), []rune(long)
	if len(sr) < 2 || 3*len(sr) < len(lr) {
		return false, ""
	}
	if sr[0] != lr[0] || sr[len(sr)-1] != lr[len(lr)-1] {
		return false, ""
	}
	if isSubsequence(sr, lr) {
		return true, "“" + short + "”像是“" + long + "”的简称"
	}
	return false, ""
}

func isSubsequence(short, long []rune) bool {
	i := 0
	for _, r := range long {
		if i < len(short) && short[i] == r {
			i++
		}
	}
	return i == len(short)
}

// SplitNames splits a list of department names as people type them (`党政办、
// 法制办，司法所`) and normalises each, dropping empties.
func SplitNames(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("、,，;；/／", r)
	}) {
		if n := NormalizeName(f); n != "" {
			out = append(out, n)
		}
	}
	return out
}
