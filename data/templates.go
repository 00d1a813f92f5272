package data

import (
	"strings"

	bolt "go.etcd.io/bbolt"
)

// MappedCell ties one cell of a city's return template to an indicator:
// where its value goes on export and comes from on import.
type MappedCell struct {
	Sheet string `json:"sheet"`
	Row   int    `json:"row"` // zero-based
	Col   int    `json:"col"` // zero-based
	Code  string `json:"code"`
	// Label is the template's own wording, kept to show the mapping.
	Label string `json:"label,omitempty"`
}

// TemplateMap is the mapping the clerk accepted for one template layout,
// found again next year by the layout's fingerprint.
type TemplateMap struct {
	Fingerprint string       `json:"fingerprint"`
	Name        string       `json:"name,omitempty"` // file it was first seen in
	Cells       []MappedCell `json:"cells"`
}

// SaveTemplateMap keeps a mapping for its fingerprint, replacing an older
// one, so the same layout maps itself next time.
func (s *Store) SaveTemplateMap(m TemplateMap) error {
	if strings.TrimSpace(m.Fingerprint) == "" {
		return userErr(ErrInvalid, "模板没有可识别的栏目，无法保存对应关系。")
	}
	return s.update(func(tx *bolt.Tx) error {
		return putJSON(tx.Bucket(bucketStatMaps), []byte(m.Fingerprint), m)
	})
}

// TemplateMapFor returns the mapping kept for a fingerprint, if any.
func (s *Store) TemplateMapFor(fingerprint string) (TemplateMap, bool, error) {
	var m TemplateMap
	var ok bool
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		ok, err = getJSON(tx.Bucket(bucketStatMaps), []byte(fingerprint), &m)
		return err
	})
	return m, ok, err
}
