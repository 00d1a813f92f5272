// Samplereport writes a three-page 年度报告 in the shape of the seed reports
// (沙门镇 2023) the way the program does, data.Report → reportout → docx,
// for a look by eye at the 公文 layout: title, addressee, opening, the four
// mandated parts with （一） headings (some run in), signature, date and
// contact line. Render it to PNG with scripts/render.sh.
//
//	go run ./internal/tools/samplereport -o /tmp/docx/sample-report.docx
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"fazhi/data"
	"fazhi/export/reportout"
)

func main() {
	out := flag.String("o", "", "the .docx file to write (replaced if it exists)")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: go run ./internal/tools/samplereport -o sample-report.docx")
		os.Exit(2)
	}
	if err := os.MkdirAll(filepath.Dir(*out), 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "samplereport:", err)
		os.Exit(1)
	}
	if err := reportout.WriteDocx(*out, sample(), true); err != nil {
		fmt.Fprintln(os.Stderr, "samplereport:", err)
		os.Exit(1)
	}
}

func sample() data.Report {
	date, err := data.ParseDate("2024-01-27")
	if err != nil {
		panic(err)
	}
	return data.Report{
		Year:      2023,
		Title:     "沙门镇人民政府关于2023年度\n法治政府建设情况的报告",
		Addressee: "玉环市人民政府：",
		Opening:   "2023年，我镇坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，全面落实法治政府建设各项任务，现将有关情况报告如下：",
		Sections: []data.Section{
			{Key: data.SectionMeasures, Heading: "2023年度推进法治政府建设的主要举措和成效", Text: "" +
				"（一）强化责任意识，筑牢思想根基。一是加强政治理论学习。通过党委理论中心组会议、支部“三会一课”、党日活动等，结合主题教育，以原原本本学、交流研讨、现场教育等形式，进一步加强全体干部政治理论学习，牢固树立法治观念、严格依法依规履职。二是压紧压实法治责任。成立以党委书记为组长的法治建设工作领导小组，将法治工作纳入绩效考核重要内容；镇主要负责人切实履行推进法治建设第一责任人职责，将法治建设履职情况列入年终述职报告。\n" +
				"（二）健全制度体系，强化依法行政\n" +
				"一是健全审查讨论机制。出台《沙门镇合法性审查运行机制》《沙门镇合法性审查工作流程图》等；将学苑路、天佑路建设工程等列入2023年度重大行政决策事项，严格落实公众参与、专家论证、风险评估、合法性审查和集体讨论决定等程序；废止不宜继续执行的规范性文件10件，新增行政规范性文件合法性审核率、规范率均达100%。\n" +
				"二是完善法律顾问机制。全年邀请法律顾问参与合法性审查80余次，涵盖文旅、城乡建设、污水零直排等领域；对专业性和技术性较强的重大决策事项，邀请法律顾问、专家学者列席会议，提高决策的科学性和可操作性。\n" +
				"（三）注重法治实效，优化工作方式\n" +
				"一是畅通便民渠道。落实乡镇权责清单、执法监管事项清单，在便民大厅进行公布；设立法律援助窗口，联合市司法局每周三邀请援助律师入驻，为群众提供法律咨询、先行调解、法律援助等服务。二是构建全覆盖的网格体系。按照“地缘相近、人缘相亲、全域覆盖”的原则，设立62个农村网格和15个专属网格。"},
			{Key: data.SectionShortcomings, Heading: "2023年度推进法治政府建设存在的不足和原因", Text: "" +
				"一年来，我镇在推进法治政府建设方面取得了一定成绩，但也存在一些不足：一是对法律法规的学习和理解还不够，大部分机关干部只熟悉自己业务领域的法律法规。二是执法队伍建设力度还不够，执法队伍中具有法律专业知识的人员偏少，数字执法效能不明显。三是法治宣传教育有待加强，普法宣传形式不够灵活多样，“以案释法”推广不够。"},
			{Key: data.SectionLeaders, Heading: "党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况", Text: "" +
				"镇党委书记、镇长认真履行法治建设第一责任人职责，全年主持召开法治建设专题会议4次，听取政法委员、司法所、综治办工作情况汇报，将法治建设成效纳入领导班子工作实绩考核评价体系。共接收人大代表建议12条，办理完结12条；处理矛盾纠纷742起，矛盾化解率达95%，群众满意度超过98%。综合行政执法队全年办理一般程序案件89件，处罚金额90910元；办理简易程序案件147件，处罚金额4960元。"},
			{Key: data.SectionPlans, Heading: "2024年度推进法治政府建设的主要安排", Text: "" +
				"（一）持之以恒强化理论学习。健全完善学习培训、集中学法制度，结合“线上+线下”课程培训模式，提高运用法治思维和法治方式解决问题的能力。\n" +
				"（二）真抓实干强化队伍建设。逐步完善“大综合一体化”行政执法工作，建立健全行政执法人员常态化学习机制，进一步增强执法力量。\n" +
				"（三）多措并举开展普法宣传。充分运用新媒体、新技术开展精准普法，增强法治教育的互动性和吸引力，在全社会营造良好的法治氛围。"},
		},
		Signature: []string{"沙门镇人民政府"},
		Date:      date,
		Contact:   "（联系人：张三，联系电话：0576-87000000）",
	}
}
