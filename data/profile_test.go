package data

import (
	"errors"
	"slices"
	"testing"
)

func TestProfileRoundTrip(t *testing.T) {
	s := openTemp(t)
	if p, err := s.Profile(); err != nil || p != (Profile{}) {
		t.Fatalf("fresh profile = %+v, %v; want zero", p, err)
	}
	in := Profile{Name: " 黄江镇人民政府 ", Party: "中共黄江镇委员会", Level: LevelTownship, Superior: "市委", Contact: "张三", Phone: "0769-83632011"}
	got, err := s.SetProfile(in)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "黄江镇人民政府" {
		t.Errorf("name not trimmed: %q", got.Name)
	}
	stored, _ := s.Profile()
	if stored != got {
		t.Errorf("stored %+v; want %+v", stored, got)
	}
}

func TestProfileRules(t *testing.T) {
	s := openTemp(t)
	for _, tc := range []struct {
		p   Profile
		err error
	}{
		{Profile{Level: "乡镇"}, nil},
		{Profile{Level: "县区"}, nil},
		{Profile{Level: "省"}, ErrInvalid},
		{Profile{Phone: "0769-8363 2011 转 8"}, nil},
		{Profile{Phone: "(0514)87654321"}, nil},
		{Profile{Phone: "打电话"}, ErrInvalid},
	} {
		if _, err := s.SetProfile(tc.p); !errors.Is(err, tc.err) {
			t.Errorf("SetProfile(%+v) = %v; want %v", tc.p, err, tc.err)
		}
	}
	// A refused profile leaves the last good one.
	if p, _ := s.Profile(); p.Phone != "(0514)87654321" {
		t.Errorf("refused profile was stored: %+v", p)
	}
}

func TestShortName(t *testing.T) {
	for _, tc := range []struct {
		p    Profile
		want string
	}{
		{Profile{Name: "黄江镇人民政府"}, "黄江镇"},
		{Profile{Name: "黄江镇人民政府", Short: "黄江"}, "黄江"},
		{Profile{Name: "东城街道办事处"}, "东城街道"},
		{Profile{Name: "扬州市江都区人民政府"}, "扬州市江都区"},
		{Profile{Name: "司法所"}, "司法所"},
		{Profile{}, ""},
	} {
		if got := tc.p.ShortName(); got != tc.want {
			t.Errorf("ShortName(%+v) = %q; want %q", tc.p, got, tc.want)
		}
	}
}

// TestExpectedUnits: the 汇总's list of units that owe a return is kept in
// the data file, cleaned, survives reopening, and an empty list clears it.
func TestExpectedUnits(t *testing.T) {
	s := openTemp(t)
	if got, err := s.ExpectedUnits(); err != nil || got != nil {
		t.Fatalf("fresh file: %q, %v; want none", got, err)
	}
	if err := s.SetExpectedUnits([]string{" 黄江镇 ", "", "企石镇", "黄江镇", "樟 木 头 镇"}); err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	s.Close()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got, _ := s.ExpectedUnits(); !slices.Equal(got, []string{"黄江镇", "企石镇", "樟木头镇"}) {
		t.Errorf("after reopening: %q", got)
	}
	if err := s.SetExpectedUnits(nil); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.ExpectedUnits(); got != nil {
		t.Errorf("after clearing: %q", got)
	}
}
