package data

import (
	"errors"
	"slices"
	"testing"
)

func mustAdd(t *testing.T, s *Store, name string, aliases ...string) Department {
	t.Helper()
	d, err := s.AddDepartment(name, aliases...)
	if err != nil {
		t.Fatalf("AddDepartment(%q): %v", name, err)
	}
	return d
}

func TestAddAndResolve(t *testing.T) {
	s := openTemp(t)
	hr := mustAdd(t, s, "人力资源分局", "人资分局", "人力资源局")
	mustAdd(t, s, "党 政 办")

	for _, tc := range []struct {
		query string
		want  string
		err   error
	}{
		{"人力资源分局", "人力资源分局", nil},
		{"人资分局", "人力资源分局", nil},
		{"人力资源局", "人力资源分局", nil},
		{" 人资分局、", "人力资源分局", nil},
		{"党政办", "党政办", nil},
		{"党　政　办", "党政办", nil},
		{"法制办", "", ErrNotFound},
		{"", "", ErrNotFound},
	} {
		d, err := s.ResolveDepartment(tc.query)
		if !errors.Is(err, tc.err) || d.Name != tc.want {
			t.Errorf("Resolve(%q) = %q, %v; want %q, %v", tc.query, d.Name, err, tc.want, tc.err)
		}
	}
	if hr.ID == 0 {
		t.Error("department got id 0")
	}
}

func TestAddRefusesTakenAndEmptyNames(t *testing.T) {
	s := openTemp(t)
	mustAdd(t, s, "人力资源分局", "人资分局")
	for _, tc := range []struct {
		name    string
		aliases []string
		err     error
	}{
		{"人力资源分局", nil, ErrExists},
		{"人 力 资 源 分 局", nil, ErrExists},
		{"人资分局", nil, ErrExists},
		{"社会事务局", []string{"人资分局"}, ErrExists},
		{"  ", nil, ErrInvalid},
		{"、", nil, ErrInvalid},
		{"社会事务局", []string{"人力资源分局"}, ErrExists},
		{"社会事务局", []string{""}, ErrInvalid},
	} {
		if _, err := s.AddDepartment(tc.name, tc.aliases...); !errors.Is(err, tc.err) {
			t.Errorf("AddDepartment(%q, %q) = %v; want %v", tc.name, tc.aliases, err, tc.err)
		}
	}
	// A refused add changes nothing: no half-registered 社会事务局.
	all, _ := s.Departments()
	if len(all) != 1 {
		t.Errorf("register has %d departments after refused adds; want 1: %+v", len(all), all)
	}
	if _, err := s.ResolveDepartment("社会事务局"); !errors.Is(err, ErrNotFound) {
		t.Errorf("refused department resolves: %v", err)
	}
}

func TestAddDropsAliasesThatRepeatTheName(t *testing.T) {
	s := openTemp(t)
	d := mustAdd(t, s, "党政办", "党 政 办", "党政综合办", "党政综合办 ")
	if !slices.Equal(d.Aliases, []string{"党政综合办"}) {
		t.Errorf("aliases = %q; want only 党政综合办", d.Aliases)
	}
	if _, err := s.AddAlias("党政办", "党政办"); !errors.Is(err, ErrExists) {
		t.Errorf("alias equal to the name = %v; want ErrExists", err)
	}
}

func TestAliasesAddAndRemove(t *testing.T) {
	s := openTemp(t)
	mustAdd(t, s, "监察室")
	mustAdd(t, s, "法制办")
	if _, err := s.AddAlias("监察室", "镇监察室"); err != nil {
		t.Fatal(err)
	}
	if d, err := s.ResolveDepartment("镇监察室"); err != nil || d.Name != "监察室" {
		t.Fatalf("alias does not resolve: %+v %v", d, err)
	}
	if _, err := s.AddAlias("法制办", "镇监察室"); !errors.Is(err, ErrExists) {
		t.Errorf("alias claimed twice: %v", err)
	}
	if _, err := s.RemoveAlias("监察室"); !errors.Is(err, ErrInvalid) {
		t.Errorf("removing the canonical name as an alias = %v; want ErrInvalid", err)
	}
	d, err := s.RemoveAlias("镇监察室")
	if err != nil || len(d.Aliases) != 0 {
		t.Fatalf("RemoveAlias = %+v, %v", d, err)
	}
	if _, err := s.ResolveDepartment("镇监察室"); !errors.Is(err, ErrNotFound) {
		t.Errorf("removed alias still resolves: %v", err)
	}
}

func TestRename(t *testing.T) {
	s := openTemp(t)
	mustAdd(t, s, "人资分局", "人力资源局")
	mustAdd(t, s, "法制办")

	d, err := s.RenameDepartment("人资分局", "人力资源分局")
	if err != nil {
		t.Fatal(err)
	}
	if d.Name != "人力资源分局" || !slices.Contains(d.Aliases, "人资分局") {
		t.Errorf("after rename: %+v; want new name with old one kept as alias", d)
	}
	for _, n := range []string{"人力资源分局", "人资分局", "人力资源局"} {
		if got, err := s.ResolveDepartment(n); err != nil || got.ID != d.ID {
			t.Errorf("Resolve(%q) after rename = %+v, %v", n, got, err)
		}
	}
	// Promoting an alias to the name.
	d, err = s.RenameDepartment("人力资源分局", "人力资源局")
	if err != nil || d.Name != "人力资源局" || slices.Contains(d.Aliases, "人力资源局") {
		t.Errorf("promote alias: %+v, %v", d, err)
	}
	if _, err := s.RenameDepartment("人力资源局", "法制办"); !errors.Is(err, ErrExists) {
		t.Errorf("rename onto another department's name = %v; want ErrExists", err)
	}
	if _, err := s.RenameDepartment("不存在", "新名"); !errors.Is(err, ErrNotFound) {
		t.Errorf("rename of unknown = %v; want ErrNotFound", err)
	}
}

func TestMergeMovesReferences(t *testing.T) {
	s := openTemp(t)
	from := mustAdd(t, s, "人资分局", "人力资源局")
	into := mustAdd(t, s, "人力资源分局")
	other := mustAdd(t, s, "法制办")

	both, err := s.SaveTask(Task{Year: 2024, No: 1, Text: "两者都牵头", Lead: []uint64{into.ID, from.ID}, Cooperate: []uint64{other.ID}})
	if err != nil {
		t.Fatal(err)
	}
	coop, _ := s.SaveTask(Task{Year: 2024, No: 2, Text: "配合", Lead: []uint64{other.ID}, Cooperate: []uint64{from.ID}})
	untouched, _ := s.SaveTask(Task{Year: 2024, No: 3, Text: "无关", Responsible: []uint64{other.ID}})

	merged, err := s.MergeDepartments("人资分局", "人力资源分局")
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range []string{"人资分局", "人力资源局"} {
		if !slices.Contains(merged.Aliases, a) {
			t.Errorf("merged department lacks alias %q: %+v", a, merged)
		}
		if d, err := s.ResolveDepartment(a); err != nil || d.ID != into.ID {
			t.Errorf("Resolve(%q) after merge = %+v, %v", a, d, err)
		}
	}
	if _, err := s.Department(from.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("merged-away department still stored: %v", err)
	}
	for _, tc := range []struct {
		id               uint64
		lead, coop, resp []uint64
	}{
		{both.ID, []uint64{into.ID}, []uint64{other.ID}, nil},
		{coop.ID, []uint64{other.ID}, []uint64{into.ID}, nil},
		{untouched.ID, nil, nil, []uint64{other.ID}},
	} {
		got, err := s.Task(tc.id)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got.Lead, tc.lead) || !slices.Equal(got.Cooperate, tc.coop) || !slices.Equal(got.Responsible, tc.resp) {
			t.Errorf("task %d after merge: lead %v coop %v resp %v; want %v %v %v", tc.id, got.Lead, got.Cooperate, got.Responsible, tc.lead, tc.coop, tc.resp)
		}
	}
	if _, err := s.MergeDepartments("人力资源分局", "人资分局"); !errors.Is(err, ErrInvalid) {
		t.Errorf("merging a department into itself (by alias) = %v; want ErrInvalid", err)
	}
}

func TestDeleteRefusesReferencedDepartment(t *testing.T) {
	s := openTemp(t)
	used := mustAdd(t, s, "法制办")
	mustAdd(t, s, "错字办")
	if _, err := s.SaveTask(Task{Year: 2024, No: 1, Responsible: []uint64{used.ID}}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteDepartment("法制办"); !errors.Is(err, ErrReferenced) {
		t.Errorf("delete of referenced = %v; want ErrReferenced", err)
	}
	if err := s.DeleteDepartment("错字办"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ResolveDepartment("错字办"); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted department resolves: %v", err)
	}
	if _, err := s.AddDepartment("错字办"); err != nil {
		t.Errorf("name of a deleted department cannot be reused: %v", err)
	}
}

func TestDuplicateSuggestions(t *testing.T) {
	s := openTemp(t)
	for _, n := range []string{"人力资源分局", "人资分局", "人力资源局", "监察室", "镇监察室", "党政办", "党建办", "法制办"} {
		mustAdd(t, s, n)
	}
	got, err := s.DuplicateSuggestions()
	if err != nil {
		t.Fatal(err)
	}
	var pairs []string
	for _, g := range got {
		if g.Reason == "" {
			t.Errorf("suggestion %s~%s has no reason", g.A.Name, g.B.Name)
		}
		pairs = append(pairs, g.A.Name+"~"+g.B.Name)
	}
	want := []string{"人力资源分局~人资分局", "人力资源分局~人力资源局", "监察室~镇监察室"}
	if !slices.Equal(pairs, want) {
		t.Errorf("suggestions = %v; want %v", pairs, want)
	}
	// Suggestions never merge: all eight are still separate.
	if all, _ := s.Departments(); len(all) != 8 {
		t.Errorf("suggesting changed the register: %d departments", len(all))
	}

	sugg, err := s.SuggestDepartments("人 资 分 局")
	if err != nil || len(sugg) != 1 || sugg[0].Name != "人力资源分局" {
		t.Errorf("SuggestDepartments(人资分局) = %+v, %v", sugg, err)
	}
}
