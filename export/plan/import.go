package plan

import "fazhi/data"

// Import turns a parsed plan into the form the store imports (and the
// preview shows) for year: tasks in plan order under their chapters,
// departments still as names for the register to resolve.
func (p *Plan) Import(year int, source string) data.PlanImport {
	imp := data.PlanImport{Plan: data.Plan{Year: year, Title: p.Title, Closing: p.Closing, Source: source}}
	for _, ch := range p.Chapters {
		imp.Plan.Chapters = append(imp.Plan.Chapters, data.Chapter{No: ch.No, Title: ch.Title, Preamble: ch.Preamble})
		for _, t := range ch.Tasks {
			task := data.Task{
				Chapter: ch.No, No: t.No, Title: t.Title, Text: t.Text,
				AllRelevant: t.AllRelevant, DeadlineText: t.DeadlineText, LongTerm: t.LongTerm,
				DeadlineSource: deadlineSources[t.DeadlineSource],
			}
			if d, ok := t.DeadlineDate(); ok {
				task.Deadline = data.DateOf(d)
			}
			imp.Tasks = append(imp.Tasks, data.TaskDraft{
				Task: task, LeadNames: t.Lead, CooperateNames: t.Cooperate, ResponsibleNames: t.Responsible,
			})
		}
	}
	return imp
}

// deadlineSources maps the parser's sources onto the store's, which decide
// what a carry-over to the next year moves.
var deadlineSources = map[DeadlineSource]string{
	FromTask:    data.DeadlineInline,
	FromClosing: data.DeadlineClosing,
	FromYear:    data.DeadlineYearEnd,
}
