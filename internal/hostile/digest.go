package hostile

import (
	"crypto/sha256"
	"encoding/hex"

	"fazhi/data"
)

// Digest is the sha256 of a full consistent copy of the store
// (data.Store.WriteTo): equal digests before and after a refused import
// prove the data file did not change by a single byte.
func Digest(s *data.Store) (string, error) {
	h := sha256.New()
	if _, err := s.WriteTo(h); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// DigestFile opens the data file at path, takes its Digest and closes it
// again, for tests whose import ran in another process.
func DigestFile(path string) (string, error) {
	s, err := data.Open(path)
	if err != nil {
		return "", err
	}
	defer s.Close()
	return Digest(s)
}
