package data

import (
	"slices"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// Levels of government an office can sit at; the level decides report
// deadlines (a county reports by 1 March) and whether 汇总 makes sense.
const (
	LevelTownship = "乡镇"
	LevelCounty   = "县区"
	LevelCity     = "地市"
)

// Levels lists the choices in the order the 设置 view offers them.
var Levels = []string{LevelTownship, LevelCounty, LevelCity}

// Profile is the office itself (单位信息): it heads every exported file, and
// its names sign the annual report.
type Profile struct {
	Name     string `json:"name"`     // 单位名称, e.g. 黄江镇人民政府
	Party    string `json:"party"`    // 党委名称, e.g. 中共黄江镇委员会
	Short    string `json:"short"`    // 简称, e.g. 黄江镇: starts every file name
	Level    string `json:"level"`    // 层级: one of Levels
	Superior string `json:"superior"` // 上级机关: the report's addressee
	Contact  string `json:"contact"`  // 联系人
	Phone    string `json:"phone"`    // 联系电话
}

// ShortName is the 简称 to put in titles and file names: the one the user
// gave, else the unit's name without 人民政府 (黄江镇人民政府 → 黄江镇).
func (p Profile) ShortName() string {
	if s := strings.TrimSpace(p.Short); s != "" {
		return s
	}
	for _, suffix := range []string{"人民政府办公室", "人民政府", "街道办事处", "办事处"} {
		if s, ok := strings.CutSuffix(strings.TrimSpace(p.Name), suffix); ok && s != "" {
			if suffix == "街道办事处" {
				return s + "街道"
			}
			return s
		}
	}
	return strings.TrimSpace(p.Name)
}

// clean trims every field and checks the few rules a profile has, so that a
// bad level or phone is caught when typed, not when a report is exported.
func (p Profile) clean() (Profile, error) {
	for _, f := range []*string{&p.Name, &p.Party, &p.Short, &p.Level, &p.Superior, &p.Contact, &p.Phone} {
		*f = strings.TrimSpace(*f)
	}
	if p.Level != "" {
		ok := false
		for _, l := range Levels {
			ok = ok || l == p.Level
		}
		if !ok {
			return p, errBadLevel(p.Level)
		}
	}
	for _, r := range p.Phone {
		if !(r >= '0' && r <= '9' || strings.ContainsRune(" -+()（）转－", r)) {
			return p, errBadPhone(p.Phone)
		}
	}
	return p, nil
}

// Profile returns the stored profile; an office that has not filled it in
// yet gets the zero Profile, not an error.
func (s *Store) Profile() (Profile, error) {
	var p Profile
	err := s.view(func(tx *bolt.Tx) error {
		_, err := getJSON(tx.Bucket(bucketProfile), keyProfile, &p)
		return err
	})
	return p, err
}

// SetProfile validates and stores the whole profile in one transaction.
func (s *Store) SetProfile(p Profile) (Profile, error) {
	p, err := p.clean()
	if err != nil {
		return p, err
	}
	return p, s.update(func(tx *bolt.Tx) error {
		return putJSON(tx.Bucket(bucketProfile), keyProfile, p)
	})
}

// ExpectedUnits is the list of units that owe a return for the 汇总
// (应报送的单位), as the clerk last gave it, so the summary can name the
// missing ones; nil when never given. It lives in the data file, so the
// command line and backups see what the window saved.
func (s *Store) ExpectedUnits() ([]string, error) {
	var units []string
	err := s.view(func(tx *bolt.Tx) error {
		_, err := getJSON(tx.Bucket(bucketProfile), keyExpectedUnits, &units)
		return err
	})
	return units, err
}

// SetExpectedUnits stores the list of units that owe a return, each name
// normalised, empties and repeats dropped; an empty list clears it.
func (s *Store) SetExpectedUnits(units []string) error {
	var clean []string
	for _, u := range units {
		if n := NormalizeName(u); n != "" && !slices.Contains(clean, n) {
			clean = append(clean, n)
		}
	}
	return s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketProfile)
		if len(clean) == 0 {
			return b.Delete(keyExpectedUnits)
		}
		return putJSON(b, keyExpectedUnits, clean)
	})
}
