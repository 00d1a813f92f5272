package action

import (
	"fazhi/data"
	"fazhi/export/backup"
)

// Open opens the data file both doors work on: path, or the default
// location when path is empty. It is the one place a store is opened for
// the clerk, so whatever every change needs (the automatic backup before a
// change that replaces or merges data) is wired here once.
func Open(path string) (*data.Store, error) {
	if path == "" {
		var err error
		if path, err = data.DefaultPath(); err != nil {
			return nil, err
		}
	}
	return backup.OpenStore(path)
}
