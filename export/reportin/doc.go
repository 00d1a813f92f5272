// Package reportin reads a past 法治政府建设年度报告 — a .txt in any common
// encoding or a .docx, often copied from a government web site — into a
// data.Report, so that last year's report is at hand while this year's is
// written.
//
// What it recognises:
//
//   - the title, the 主送 line (市委：), the opening paragraphs, and the
//     一、… parts, each mapped to its mandated part by meaning, whatever its
//     wording and order (主要做法 and 工作回顾 are the 主要举措和成效;
//     存在问题 and 问题与不足 the 不足; 工作计划 and 下一步工作打算 the
//     主要安排; a 第一责任人 part the leaders' duties);
//   - the signature lines, the date (2021年1月27日, 二〇二一年一月二十七日,
//     2021-01-27, or digits whose 年月日 a web page lost) and the
//     （联系人…联系电话…） line at the end;
//   - a web page pasted as one line: it is cut at the headings inside it;
//   - page chrome (索引号, 发布日期, 访问量, `|` table rows, image links) and
//     everything from 相关新闻 on, which are dropped and listed in Dropped.
//
// Parse is pure and never fails: text that is not a report gives a Result
// without sections, which ReadFile turns into an error for the user.
package reportin
