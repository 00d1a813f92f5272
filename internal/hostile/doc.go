// Package hostile makes the bad and hostile files every import must refuse
// cleanly (empty, renamed, truncated, zip bombs, legacy and encrypted Office
// files, a full-height sheet, odd encodings…) and the digest that proves the
// data file was left alone. It is a test corpus, not a file format, so it
// lives under internal/ beside testfiles rather than among the readers of
// export/: only tests import it, the corpus is generated into a test's
// temporary folder, never shipped.
//
// To run the corpus through a new import path, add a row to that path's
// table in its test (see hostile_test.go in the module root for the plan
// import): every file of Corpus must give a Chinese message that says what
// to do, within the time and memory bounds, and leave Digest unchanged.
package hostile
