// Package assets holds what is compiled into the program: the CJK font
// subsets (and their licence), the icon and, as they arrive, default
// templates. Embedding them means the window renders Chinese on a PC with no
// Chinese fonts and the program is one file to copy.
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed fonts/NotoSansSC-Regular-subset.otf
var fontRegular []byte

//go:embed fonts/NotoSansSC-Bold-subset.otf
var fontBold []byte

//go:embed fonts/OFL.txt
var fontLicence string

//go:embed icon.png
var icon []byte

// FontRegular covers every CJK Unified Ideograph (U+4E00–U+9FFF), so names
// such as 镕 喆 堃 render without a system font.
var FontRegular = fyne.NewStaticResource("NotoSansSC-Regular-subset.otf", fontRegular)

// FontBold is used for headings; it covers GB2312 only, to keep the binary small.
var FontBold = fyne.NewStaticResource("NotoSansSC-Bold-subset.otf", fontBold)

// FontLicence is the SIL Open Font License the fonts ship under; the 关于
// dialog shows it, as the licence asks.
var FontLicence = fontLicence

// Icon is the window and application icon.
var Icon = fyne.NewStaticResource("icon.png", icon)
