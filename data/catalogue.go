package data

// DefaultCatalogue is the statistics a township's rule-of-law office keeps,
// built from what the seed reports actually give (信访 331宗 办结率100%;
// 人民调解 2707件, 成功2633件; 法律顾问 出具书面法律意见124份; 执法证 申领64个…).
// Every rate names its numerator and denominator, and is computed.
func DefaultCatalogue() []Indicator {
	c := func(code, name, unit, cat string, kind Kind, aliases ...string) Indicator {
		return Indicator{Code: code, Name: name, Unit: unit, Category: cat, Kind: kind, Aliases: aliases}
	}
	rate := func(code, name, cat, num, den string, aliases ...string) Indicator {
		return Indicator{Code: code, Name: name, Unit: "%", Category: cat, Kind: KindRate, Num: num, Den: den, Aliases: aliases}
	}
	const (
		doc     = "规范性文件"
		decide  = "重大行政决策"
		counsel = "法律顾问"
		enforce = "行政执法"
		open    = "政务公开与代表建议"
		dispute = "矛盾纠纷化解"
		review  = "行政复议与诉讼"
		study   = "学法与普法"
	)
	return []Indicator{
		c("A01", "规范性文件制发数", "件", doc, KindCount, "制发规范性文件"),
		c("A02", "规范性文件合法性审核数", "件", doc, KindCount, "合法性审核规范性文件"),
		rate("A03", "规范性文件合法性审核率", doc, "A02", "A01"),
		c("A04", "规范性文件备案数", "件", doc, KindCount, "报备规范性文件"),
		rate("A05", "规范性文件备案率", doc, "A04", "A01"),
		c("A06", "规范性文件清理数", "件", doc, KindCount, "清理规范性文件"),
		c("A07", "规范性文件废止数", "件", doc, KindCount, "废止规范性文件"),

		c("B01", "重大行政决策事项数", "项", decide, KindCount, "重大行政决策"),
		c("B02", "重大行政决策经合法性审查数", "项", decide, KindCount),
		rate("B03", "重大行政决策合法性审查率", decide, "B02", "B01"),

		c("C01", "法律顾问出具法律意见数", "份", counsel, KindCount, "出具书面法律意见"),
		c("C02", "法律顾问审查合同数", "份", counsel, KindCount, "审查合同"),
		c("C03", "法律顾问解答咨询数", "次", counsel, KindCount, "解答法律咨询"),

		c("D01", "行政执法人员数", "人", enforce, KindCount, "执法人员"),
		c("D02", "持证执法人员数", "人", enforce, KindCount, "持有执法证人员"),
		rate("D03", "执法人员持证率", enforce, "D02", "D01"),
		c("D04", "新申领执法证数", "个", enforce, KindCount, "申领执法证"),
		c("D05", "执法案卷评查数", "卷", enforce, KindCount, "评查案卷"),
		c("D06", "行政处罚一般程序案件数", "件", enforce, KindCount),
		c("D07", "行政处罚简易程序案件数", "件", enforce, KindCount),
		c("D08", "罚没金额", "万元", enforce, KindAmount, "罚没款"),

		c("E01", "人大代表建议收到数", "件", open, KindCount, "收到人大代表建议"),
		c("E02", "人大代表建议办结数", "件", open, KindCount, "办结人大代表建议"),
		rate("E03", "人大代表建议办结率", open, "E02", "E01"),
		c("E04", "政府信息主动公开数", "条", open, KindCount, "主动公开政府信息"),
		c("E05", "政府信息依申请公开数", "件", open, KindCount, "依申请公开"),
		c("E06", "依申请公开按时答复数", "件", open, KindCount),
		rate("E07", "依申请公开按时答复率", open, "E06", "E05"),

		c("F01", "信访受理数", "宗", dispute, KindCount, "受理信访案件", "信访案件"),
		c("F02", "信访办结数", "宗", dispute, KindCount, "办结信访案件", "信访案件办结数"),
		rate("F03", "信访办结率", dispute, "F02", "F01"),
		c("F04", "人民调解案件数", "件", dispute, KindCount, "调解案件", "人民调解受理数"),
		c("F05", "人民调解成功数", "件", dispute, KindCount, "调解成功"),
		rate("F06", "人民调解成功率", dispute, "F05", "F04", "调解成功率"),
		c("F07", "人民调解涉及金额", "万元", dispute, KindAmount, "调解涉及金额"),
		c("F08", "劳动人事争议仲裁收案数", "件", dispute, KindCount),
		c("F09", "劳动人事争议仲裁结案数", "件", dispute, KindCount),
		rate("F10", "劳动人事争议仲裁结案率", dispute, "F09", "F08"),

		c("G01", "行政复议被申请数", "件", review, KindCount, "被申请行政复议"),
		c("G02", "行政复议纠错数", "件", review, KindCount, "被纠错"),
		rate("G03", "行政复议纠错率", review, "G02", "G01"),
		c("G04", "行政诉讼应诉数", "件", review, KindCount, "行政应诉案件"),
		c("G05", "行政诉讼败诉数", "件", review, KindCount),
		rate("G06", "行政诉讼败诉率", review, "G05", "G04"),
		c("G07", "负责人出庭应诉数", "件", review, KindCount, "行政机关负责人出庭应诉"),
		rate("G08", "负责人出庭应诉率", review, "G07", "G04"),

		c("H01", "领导干部学法次数", "次", study, KindCount, "学法", "集体学法"),
		c("H02", "法治培训期数", "期", study, KindCount, "法治培训"),
		c("H03", "法治培训人次", "人次", study, KindCount, "培训人次"),
		c("H04", "普法活动场次", "场", study, KindCount, "普法活动"),
		c("H05", "普法资料发放份数", "份", study, KindCount, "发放宣传资料"),
		c("H06", "普法受教育人次", "人次", study, KindCount, "受教育群众"),
		c("H07", "民主法治示范村（社区）数", "个", study, KindCount, "民主法治示范村"),
	}
}
