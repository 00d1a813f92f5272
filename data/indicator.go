package data

import (
	"cmp"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Kind is what an indicator counts, which decides its rules: a count is a
// whole number, an amount may have decimals, a rate is computed from two
// others and never typed, a text is kept as written.
type Kind string

// The kinds, as `stats list --json` spells them.
const (
	KindCount  Kind = "count"
	KindAmount Kind = "amount"
	KindRate   Kind = "rate"
	KindText   Kind = "text"
)

// Indicator is one figure the statistical returns ask for (信访受理数) with
// what the rules need to know about it.
type Indicator struct {
	Code     string   `json:"code"`
	Name     string   `json:"name"`
	Unit     string   `json:"unit"`
	Category string   `json:"category"`
	Kind     Kind     `json:"kind"`
	Num      string   `json:"num,omitempty"` // a rate's numerator (code)
	Den      string   `json:"den,omitempty"` // a rate's denominator (code)
	Aliases  []string `json:"aliases,omitempty"`
	Retired  bool     `json:"retired,omitempty"`
	Seq      int      `json:"seq"` // order in the entry view and the returns
}

// Value is one indicator's figure for a period, with the explanation a
// 核实 check asks for kept beside it.
type Value struct {
	Value   float64   `json:"value"`
	Text    string    `json:"text,omitempty"` // for text indicators
	Explain string    `json:"explain,omitempty"`
	At      time.Time `json:"at"`
}

// valueKey is year (8 bytes), quarter (1 byte, 0 = the whole year) and the
// indicator's code: a year's values sort together, by quarter.
func valueKey(year, quarter int, code string) []byte {
	k := make([]byte, 9, 9+len(code))
	binary.BigEndian.PutUint64(k, uint64(year))
	k[8] = byte(quarter)
	return append(k, code...)
}

func valuePrefix(year, quarter int) []byte { return valueKey(year, quarter, "") }

// Indicators lists the catalogue in order, retired ones included (they
// keep their history). The default catalogue is written when a file is
// created or migrated (seedCatalogue), so this only reads.
func (s *Store) Indicators() ([]Indicator, error) {
	var out []Indicator
	if err := s.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketIndicators).ForEach(func(_, v []byte) error {
			var ind Indicator
			if err := json.Unmarshal(v, &ind); err != nil {
				return err
			}
			out = append(out, ind)
			return nil
		})
	}); err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(a, b Indicator) int { return cmp.Compare(a.Seq, b.Seq) })
	return out, nil
}

// ResolveIndicator finds an indicator by code, name or alias, the way the
// clerk or a template writes it (spaces and widths do not matter).
func (s *Store) ResolveIndicator(name string) (Indicator, error) {
	all, err := s.Indicators()
	if err != nil {
		return Indicator{}, err
	}
	if ind, ok := findIndicator(all, name); ok {
		return ind, nil
	}
	return Indicator{}, userErr(ErrNoIndicator, "没有名为“%s”的统计指标。请核对指标的名称或代码。", name)
}

func findIndicator(all []Indicator, name string) (Indicator, bool) {
	n := NormalizeName(name)
	if n == "" {
		return Indicator{}, false
	}
	for _, ind := range all {
		if strings.EqualFold(ind.Code, n) || NormalizeName(ind.Name) == n {
			return ind, true
		}
		for _, a := range ind.Aliases {
			if NormalizeName(a) == n {
				return ind, true
			}
		}
	}
	return Indicator{}, false
}

// changeIndicator rewrites one indicator in a transaction, checking that
// its names stay unique across the catalogue.
func (s *Store) changeIndicator(name string, fn func(ind *Indicator, all []Indicator) error) (Indicator, error) {
	all, err := s.Indicators()
	if err != nil {
		return Indicator{}, err
	}
	ind, ok := findIndicator(all, name)
	if !ok {
		return Indicator{}, userErr(ErrNoIndicator, "没有名为“%s”的统计指标。", name)
	}
	if err := fn(&ind, all); err != nil {
		return Indicator{}, err
	}
	return ind, s.update(func(tx *bolt.Tx) error {
		return putJSON(tx.Bucket(bucketIndicators), []byte(ind.Code), ind)
	})
}

// nameTaken says whether n already names another indicator than code.
func nameTaken(all []Indicator, n, code string) bool {
	other, ok := findIndicator(all, n)
	return ok && other.Code != code
}

// AddIndicator adds an indicator of the office's own to the catalogue.
func (s *Store) AddIndicator(ind Indicator) (Indicator, error) {
	all, err := s.Indicators()
	if err != nil {
		return Indicator{}, err
	}
	ind.Name = NormalizeName(ind.Name)
	if ind.Name == "" {
		return Indicator{}, userErr(ErrInvalid, "指标名称不能为空。")
	}
	if _, ok := findIndicator(all, ind.Name); ok {
		return Indicator{}, userErr(ErrExists, "已经有名为“%s”的指标了。", ind.Name)
	}
	switch ind.Kind {
	case KindCount, KindAmount, KindText:
	case KindRate:
		num, okN := findIndicator(all, ind.Num)
		den, okD := findIndicator(all, ind.Den)
		if !okN || !okD {
			return Indicator{}, userErr(ErrInvalid, "比率指标要写明分子和分母是哪两个已有指标。")
		}
		ind.Num, ind.Den, ind.Unit = num.Code, den.Code, "%"
	default:
		return Indicator{}, userErr(ErrInvalid, "指标类型“%s”无效，应为 count、amount、rate 或 text。", ind.Kind)
	}
	if ind.Code == "" {
		ind.Code = fmt.Sprintf("U%02d", len(all)+1)
	}
	if _, ok := findIndicator(all, ind.Code); ok {
		return Indicator{}, userErr(ErrExists, "指标代码“%s”已被使用。", ind.Code)
	}
	if ind.Category == "" {
		ind.Category = "其他"
	}
	ind.Seq = len(all) + 1
	return ind, s.update(func(tx *bolt.Tx) error {
		return putJSON(tx.Bucket(bucketIndicators), []byte(ind.Code), ind)
	})
}

// RenameIndicator gives an indicator a new name; the old one stays as an
// alias, so last year's templates still map.
func (s *Store) RenameIndicator(old, newName string) (Indicator, error) {
	return s.changeIndicator(old, func(ind *Indicator, all []Indicator) error {
		n := NormalizeName(newName)
		if n == "" {
			return userErr(ErrInvalid, "新名称不能为空。")
		}
		if nameTaken(all, n, ind.Code) {
			return userErr(ErrExists, "已经有名为“%s”的指标了。", n)
		}
		ind.Aliases = append(ind.Aliases, ind.Name)
		ind.Name = n
		return nil
	})
}

// AliasIndicator records another label a template uses for an indicator.
func (s *Store) AliasIndicator(name, alias string) (Indicator, error) {
	return s.changeIndicator(name, func(ind *Indicator, all []Indicator) error {
		a := NormalizeName(alias)
		if a == "" {
			return userErr(ErrInvalid, "别名不能为空。")
		}
		if nameTaken(all, a, ind.Code) {
			return userErr(ErrExists, "“%s”已经是另一个指标的名称或别名。", a)
		}
		if !slices.Contains(ind.Aliases, a) && a != ind.Name {
			ind.Aliases = append(ind.Aliases, a)
		}
		return nil
	})
}

// RetireIndicator takes an indicator out of use; its values stay, so past
// years still show and compare.
func (s *Store) RetireIndicator(name string, retired bool) (Indicator, error) {
	return s.changeIndicator(name, func(ind *Indicator, _ []Indicator) error {
		ind.Retired = retired
		return nil
	})
}

// Entry is one typed figure for SetValues: an indicator (by name, code or
// alias) and the text as typed.
type Entry struct {
	Name, Text string
}

// Cleaned is a typed figure after tolerant reading: what will be kept, shown
// to the clerk before it is (2.5万 → 25000).
type Cleaned struct {
	Indicator Indicator
	Typed     string
	Value     float64
	Text      string // text indicators
}

// CleanEntries reads typed figures without storing them; an unknown
// indicator, a rate typed by hand or an unreadable number fails the lot.
func (s *Store) CleanEntries(entries []Entry) ([]Cleaned, error) {
	all, err := s.Indicators()
	if err != nil {
		return nil, err
	}
	var out []Cleaned
	for _, e := range entries {
		ind, ok := findIndicator(all, e.Name)
		if !ok {
			return nil, userErr(ErrNoIndicator, "没有名为“%s”的统计指标。请核对指标的名称或代码。", e.Name)
		}
		c := Cleaned{Indicator: ind, Typed: e.Text}
		switch ind.Kind {
		case KindRate:
			return nil, userErr(ErrInvalid, "“%s”是比率，由“%s”和“%s”自动计算，不能直接填写。", ind.Name, nameOf(all, ind.Num), nameOf(all, ind.Den))
		case KindText:
			c.Text = strings.TrimSpace(e.Text)
		default:
			v, err := ParseFigure(e.Text)
			if err != nil {
				return nil, userErr(ErrInvalid, "“%s”的值“%s”读不懂：%s", ind.Name, e.Text, Message(err))
			}
			c.Value = v
		}
		out = append(out, c)
	}
	return out, nil
}

func nameOf(all []Indicator, code string) string {
	for _, ind := range all {
		if ind.Code == code {
			return ind.Name
		}
	}
	return code
}

// SetValues stores typed figures for a year (quarter 0) or a quarter, all in
// one transaction; an explanation already given is kept.
func (s *Store) SetValues(year, quarter int, entries []Entry) ([]Cleaned, error) {
	if year < 1900 || year > 9999 || quarter < 0 || quarter > 4 {
		return nil, userErr(ErrInvalid, "年度或季度无效。")
	}
	cleaned, err := s.CleanEntries(entries)
	if err != nil {
		return nil, err
	}
	return cleaned, s.update(func(tx *bolt.Tx) error { return putValues(tx, year, quarter, cleaned) })
}

// ImportValues stores a year's figures read from a returned 统计报表, as
// SetValues does, after the step before a change (ChangeImport). A return
// that changes no figure makes no backup and writes nothing.
func (s *Store) ImportValues(year int, entries []Entry) ([]Cleaned, error) {
	if year < 1900 || year > 9999 {
		return nil, userErr(ErrInvalid, "年度无效。")
	}
	cleaned, err := s.CleanEntries(entries)
	if err != nil {
		return nil, err
	}
	check := func(tx *bolt.Tx) error {
		cur, err := yearValues(tx, year)
		if err != nil {
			return err
		}
		for _, c := range cleaned {
			if old, had := cur[c.Indicator.Code]; !had || old.Value != c.Value || old.Text != c.Text {
				return nil
			}
		}
		return errNoChange
	}
	return cleaned, s.change(ChangeImport, check, func(tx *bolt.Tx) error { return putValues(tx, year, 0, cleaned) })
}

// putValues writes cleaned figures, keeping each one's explanation.
func putValues(tx *bolt.Tx, year, quarter int, cleaned []Cleaned) error {
	now := time.Now()
	b := tx.Bucket(bucketValues)
	for _, c := range cleaned {
		k := valueKey(year, quarter, c.Indicator.Code)
		var v Value
		if _, err := getJSON(b, k, &v); err != nil {
			return err
		}
		v.Value, v.Text, v.At = c.Value, c.Text, now
		if err := putJSON(b, k, v); err != nil {
			return err
		}
	}
	return nil
}

// ClearValue removes a year's figure (the clerk emptied the field).
func (s *Store) ClearValue(year int, name string) error {
	ind, err := s.ResolveIndicator(name)
	if err != nil {
		return err
	}
	return s.update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketValues).Delete(valueKey(year, 0, ind.Code))
	})
}

// Explain keeps the written explanation a 核实 check asks for.
func (s *Store) Explain(year int, name, text string) error {
	ind, err := s.ResolveIndicator(name)
	if err != nil {
		return err
	}
	if ind.Kind == KindRate { // a rate's explanation sits on the rate itself
		return s.update(func(tx *bolt.Tx) error {
			k := valueKey(year, 0, ind.Code)
			var v Value
			if _, err := getJSON(tx.Bucket(bucketValues), k, &v); err != nil {
				return err
			}
			v.Explain, v.At = strings.TrimSpace(text), time.Now()
			return putJSON(tx.Bucket(bucketValues), k, v)
		})
	}
	return s.update(func(tx *bolt.Tx) error {
		k := valueKey(year, 0, ind.Code)
		var v Value
		found, err := getJSON(tx.Bucket(bucketValues), k, &v)
		if err != nil {
			return err
		}
		if !found {
			return userErr(ErrNotFound, "%d年还没有填写“%s”，请先填写数值再写说明。", year, ind.Name)
		}
		v.Explain = strings.TrimSpace(text)
		return putJSON(tx.Bucket(bucketValues), k, v)
	})
}

// yearValues reads the whole-year values of year by code.
func yearValues(tx *bolt.Tx, year int) (map[string]Value, error) {
	out := map[string]Value{}
	prefix := valuePrefix(year, 0)
	c := tx.Bucket(bucketValues).Cursor()
	for k, v := c.Seek(prefix); k != nil && len(k) >= 9 && string(k[:9]) == string(prefix); k, v = c.Next() {
		var val Value
		if err := json.Unmarshal(v, &val); err != nil {
			return nil, err
		}
		out[string(k[9:])] = val
	}
	return out, nil
}
