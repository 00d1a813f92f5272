package tasksheet

import (
	"maps"
	"slices"
	"testing"

	"fazhi/data"
)

// TestRoundTrip: importing what we exported gives back the same tasks,
// fields and extra columns (the promise). Fields are compared as
// the clerk sees them: the deadline by its label, progress by date,
// department and text.
func TestRoundTrip(t *testing.T) {
	in := sample()
	p, _, err := ReadFile(writeFile(t, in), Options{Year: 2024})
	if err != nil {
		t.Fatal(err)
	}
	if p.Blocked() {
		t.Fatalf("our own export is blocked: %v", p.Problems)
	}
	for _, pr := range p.Problems {
		t.Errorf("problem reading our own export: %s", pr)
	}
	got := p.Import.Tasks
	if len(got) != len(in.Tasks) {
		t.Fatalf("%d tasks back; want %d", len(got), len(in.Tasks))
	}
	if !slices.EqualFunc(p.Import.Plan.Chapters, in.Plan.Chapters, func(a, b data.Chapter) bool { return a.No == b.No && a.Title == b.Title }) {
		t.Errorf("chapters %+v; want %+v", p.Import.Plan.Chapters, in.Plan.Chapters)
	}
	for i, want := range in.Tasks {
		g := got[i]
		no := want.No
		check := func(field string, got, want any) {
			t.Helper()
			if !equal(got, want) {
				t.Errorf("task %d %s = %#v; want %#v", no, field, got, want)
			}
		}
		check("chapter", g.Chapter, want.Chapter)
		check("no", g.No, want.No)
		check("text", g.Text, want.Text)
		check("lead", g.LeadNames, want.LeadNames)
		check("cooperate", g.CooperateNames, want.CooperateNames)
		check("responsible", g.ResponsibleNames, want.ResponsibleNames)
		check("all relevant", g.AllRelevant, want.AllRelevant)
		check("status", g.Status, want.Status)
		check("long term", g.LongTerm, want.LongTerm)
		check("deadline", g.Deadline, want.Deadline)
		check("deadline label", g.DeadlineLabel(), want.DeadlineLabel())
		check("extra", g.Extra, want.Extra)

		// Progress comes back oldest first, each with its date and department.
		wantP := slices.Clone(want.Progress)
		slices.SortFunc(wantP, func(a, b data.Progress) int { return a.Date.Compare(b.Date) })
		check("progress count", len(g.Progress), len(wantP))
		for j := range min(len(g.Progress), len(wantP)) {
			check("progress date", g.Progress[j].Date, wantP[j].Date)
			check("progress text", g.Progress[j].Text, wantP[j].Text)
			check("progress department", g.ProgressDepts[j], in.Depts[wantP[j].Dept])
		}
	}
}

func equal(a, b any) bool {
	switch a := a.(type) {
	case []string:
		b := b.([]string)
		return len(a) == 0 && len(b) == 0 || slices.Equal(a, b)
	case map[string]string:
		b := b.(map[string]string)
		return len(a) == 0 && len(b) == 0 || maps.Equal(a, b)
	}
	return a == b
}
