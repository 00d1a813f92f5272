// Package plan splits a 实施方案 or 工作要点 — the city's plan as the clerk
// receives it, pasted or read by export/textin — into chapters (一、…) and
// numbered tasks, each with its lead, cooperating and responsible
// departments and its deadline. The result is the preview the clerk checks
// before anything is saved as a 任务分解表.
//
// Parse is pure and never panics: it only reads the string it is given, and
// whatever it cannot place is kept (Plan.Preamble, Chapter.Preamble,
// Plan.Closing, Plan.Dropped, Plan.Unplaced) so the preview can show it
// marked instead of losing it.
//
// How the text is read, file by file:
//
//   - fold.go: one-rune-for-one-rune folding (full-width → half-width, the
//     Traditional forms of our keywords → Simplified), so every matcher works
//     on one spelling while the output keeps the words as written.
//   - markers.go: chapter and task numbers (一、 （一） 1. 1、 1． （1） 一是),
//     accepted only in sequence, so that a body pasted as ONE line can still
//     be split and "统一登记、" is never a chapter.
//   - structure.go: which numbering is the task level in each chapter, the
//     chapter preambles, sections (（一） above 1.), the plan's end.
//   - task.go, note.go: a task's text, title and responsibility note, in
//     parentheses at the end or on 责任单位：/牵头单位：/配合单位： lines.
//   - deadline.go: 到2017年底, 6月底前, 三季度末, 年内, 上半年, 长期坚持…, the
//     closing default (各项工作任务原则上应当在2018年年底前完成) and the
//     plan year.
//   - debris.go: web-page leftovers before the title and after the end.
//
// Department names are only trimmed and lightly normalised; resolving
// aliases (人资分局 → 人力资源分局) is the department register's job (data).
package plan
