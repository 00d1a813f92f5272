package reportin

import (
	"strings"
	"unicode"
)

// tailChrome: words that follow a report's text on a web page (links to
// other news, the site's footer). Once the report has begun, a line with one
// of them ends it; before, the line alone is dropped.
var tailChrome = []string{
	"相关新闻", "相关链接", "相关文章", "相关阅读", "上一篇", "下一篇", "版权所有", "Copyright",
	"扫一扫", "分享到", "打印本页", "关闭窗口", "返回顶部", "网站地图", "ICP备", "公网安备", "网站标识码",
}

// strongChrome: words of a page's header that never occur in a report's
// own sentences; a line with one of them is dropped.
var strongChrome = []string{
	"索引号", "发布机构", "信息名称", "生成日期", "成文日期", "公开日期", "主题分类", "体裁分类",
	"所在位置", "当前位置", "访问量", "浏览次数", "阅读次数", "点击数", "责任编辑", "【字体", "字号:",
	"【打印", "【关闭",
}

// weakChrome: header words a report may also use in a sentence; they drop
// a line only when it has no sentence punctuation.
var weakChrome = []string{
	"来源:", "发布时间", "发布日期", "时效:", "首页", "打印", "关闭", "浏览", "文件编号", "发文字号", "作者:", "编辑:",
}

func isTailChrome(f string) bool {
	for _, w := range tailChrome {
		if strings.Contains(f, w) {
			return true
		}
	}
	return false
}

// isDebris classifies one folded, trimmed line as page chrome: header
// words, or no letter at all (|||| rows, ![]() image links, a lone "-").
func isDebris(f string) bool {
	for _, w := range strongChrome {
		if strings.Contains(f, w) {
			return true
		}
	}
	if !strings.ContainsAny(f, "。,;") {
		for _, w := range weakChrome {
			if strings.Contains(f, w) {
				return true
			}
		}
	}
	for _, r := range f {
		if unicode.Is(unicode.Han, r) || unicode.IsDigit(r) || unicode.IsLetter(r) {
			return false
		}
	}
	return true
}
