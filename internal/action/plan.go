package action

import (
	"fmt"
	"path/filepath"

	"fazhi/data"
	"fazhi/export/backup"
	"fazhi/export/plan"
	"fazhi/export/textin"
)

// PlanRead is a 实施方案 / 工作要点 as the parser understood it: the parse
// itself (for what it left out) and the import it proposes.
type PlanRead struct {
	Parsed *plan.Plan
	Import data.PlanImport
}

// ParsePlan splits a plan's text into chapters and tasks for year; source
// is the file name the plan record keeps (empty for pasted text).
func ParsePlan(text string, year int, source string) PlanRead {
	parsed := plan.Parse(text, year)
	return PlanRead{Parsed: parsed, Import: parsed.Import(year, source)}
}

// ReadPlan reads a plan file (.txt in any common encoding, or .docx) and
// parses it. A file with no numbered task is refused here, so neither door
// stores an empty table.
func ReadPlan(path string, year int) (PlanRead, error) {
	text, err := textin.ReadFile(path)
	if err != nil {
		return PlanRead{}, err
	}
	r := ParsePlan(text, year, filepath.Base(path))
	return r, r.Check()
}

// Check says why the plan cannot be stored as it stands: no numbered task
// was found. The window shows the same sentence while the clerk edits.
func (r PlanRead) Check() error {
	if len(r.Import.Tasks) > 0 {
		return nil
	}
	name := r.Import.Plan.Source
	if name == "" {
		name = "原文"
	}
	return &data.UserError{
		Msg: fmt.Sprintf("“%s”中没有找到编号的任务（如“1.”“（一）”“一是”）。请确认选对了文件；如果方案没有编号，请先在 Word 或 WPS 中给任务编上号再导入。", name),
		Err: data.ErrInvalid,
	}
}

// PlanPreview is what a clerk checks before a plan or 任务分解表 is stored:
// the tasks with every name resolved through the register, the names the
// register lacks (they would be registered), and for each of those the
// registered departments it may be.
type PlanPreview struct {
	Shown   data.PlanImport
	Fresh   []string
	Suggest map[string][]string
	// Warning is set when the deadlines point at another year than the
	// one imported into (every task would show as overdue).
	Warning string
}

// PreviewPlan resolves an import against the register; nothing is written.
func PreviewPlan(s *data.Store, imp data.PlanImport) (PlanPreview, error) {
	shown, err := s.ResolveNames(imp)
	if err != nil {
		return PlanPreview{}, err
	}
	fresh, err := s.NewDepartments(imp)
	if err != nil {
		return PlanPreview{}, err
	}
	p := PlanPreview{Shown: shown, Fresh: fresh, Suggest: map[string][]string{}, Warning: imp.YearWarning()}
	for _, n := range fresh {
		sugg, err := s.SuggestDepartments(n)
		if err != nil {
			return PlanPreview{}, err
		}
		for _, d := range sugg {
			p.Suggest[n] = append(p.Suggest[n], d.Name)
		}
	}
	return p, nil
}

// SavePlan stores an import as its year's 任务分解表, with the clerk's
// alias answers (imp.Aliases), in one transaction; replace allows it to
// take the place of the year's existing table. The store backs the data
// up first (Open wires that).
func SavePlan(s *data.Store, imp data.PlanImport, replace bool) (data.ImportResult, error) {
	return s.ImportPlan(imp, replace)
}

// CarryPlan copies a year's tasks (without their progress) into the next
// year, deadlines moved on by a year; the store backs up first.
func CarryPlan(s *data.Store, from, to int) (data.ImportResult, error) {
	return s.CarryPlan(from, to)
}

// MergeDepartments makes from (and its aliases) aliases of into and points
// every task at into; the store backs up first, and without the backup
// nothing merges.
func MergeDepartments(s *data.Store, from, into string) (data.Department, error) {
	return s.MergeDepartments(from, into)
}

// Restored is what a restore did: where the data from before it was kept,
// and what the restored file holds.
type Restored struct {
	Safety backup.Info
	File   data.FileInfo
}

// Restore replaces the data with a backup file after checking that file
// and backing up the current data; holders of s see the restored data.
func Restore(s *data.Store, path string) (Restored, error) {
	safety, info, err := backup.Restore(s, path)
	return Restored{Safety: safety, File: info}, err
}
