package data

import "testing"

func TestNormalizeName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"党政办", "党政办"},
		{"党 政 办", "党政办"},
		{"党\u3000政\u3000办", "党政办"},
		{" 法制办\n", "法制办"},
		{"法制\r\n办", "法制办"},
		{"、法制办，", "法制办"},
		{"法制办。", "法制办"},
		{"“法制办”", "法制办"},
		{"（法制办）", "法制办"},
		{"(法制办)", "法制办"},
		{"法制办）", "法制办"},
		{"司法所（公共法律服务站）", "司法所(公共法律服务站)"},
		{"ＡＢＣ科", "ABC科"},
		{"第１网格", "第1网格"},
		{"\ufeff党政办", "党政办"},
		{"", ""},
		{"、，。", ""},
	} {
		if got := NormalizeName(tc.in); got != tc.want {
			t.Errorf("NormalizeName(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

func TestLikelySame(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"人资分局", "人力资源分局", true},
		{"人力资源局", "人力资源分局", true},
		{"镇监察室", "监察室", true},
		{"经发局", "经济发展局", true},
		{"街道党政办", "党政办", true},
		{"党政办", "党建办", false},
		{"法制办", "党政办", false},
		{"综合办", "综合行政执法办公室", false},
		{"市场监管分局", "场监管分局", false},
		{"办", "党政办", false},
		{"党政办", "党政办", false},
	} {
		if got, why := likelySame(tc.a, tc.b); got != tc.want {
			t.Errorf("likelySame(%q, %q) = %v (%s); want %v", tc.a, tc.b, got, why, tc.want)
		}
		if got, _ := likelySame(tc.b, tc.a); got != tc.want {
			t.Errorf("likelySame is not symmetric for %q, %q", tc.a, tc.b)
		}
	}
}

func FuzzNormalizeName(f *testing.F) {
	for _, s := range []string{"党 政 办", "（法制办）", "、，", "司法所（公共法律服务站）", "((", "))法"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := NormalizeName(s)
		if NormalizeName(n) != n {
			t.Errorf("not idempotent: %q → %q → %q", s, n, NormalizeName(n))
		}
	})
}

func TestSplitNames(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"党政办、法制办，司法所", []string{"党政办", "法制办", "司法所"}},
		{"人资分局; 人力资源局", []string{"人资分局", "人力资源局"}},
		{"、、", nil},
		{"", nil},
	} {
		got := SplitNames(tc.in)
		if len(got) != len(tc.want) {
			t.Errorf("SplitNames(%q) = %q; want %q", tc.in, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("SplitNames(%q) = %q; want %q", tc.in, got, tc.want)
			}
		}
	}
}
