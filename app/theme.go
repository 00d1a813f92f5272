package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"fazhi/assets"
)

// Theme names as stored in preferences.
const (
	ThemeLight = "light"
	ThemeDark  = "dark"
)

// officeTheme is Fyne's default theme with our CJK font and a fixed
// variant: offices print what they see, so light is the default whatever the
// desktop prefers, and dark is a choice made in 设置.
type officeTheme struct {
	variant fyne.ThemeVariant
}

func newTheme(name string) fyne.Theme {
	if name == ThemeDark {
		return officeTheme{variant: theme.VariantDark}
	}
	return officeTheme{variant: theme.VariantLight}
}

func (t officeTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return theme.DefaultTheme().Color(n, t.variant)
}

func (t officeTheme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Bold {
		return assets.FontBold
	}
	return assets.FontRegular
}

func (t officeTheme) Icon(n fyne.ThemeIconName) fyne.Resource {
	return theme.DefaultTheme().Icon(n)
}

func (t officeTheme) Size(n fyne.ThemeSizeName) float32 {
	// Chinese at Fyne's default 14 is cramped: one step up reads like Word's 五号/小四.
	if n == theme.SizeNameText {
		return 15
	}
	return theme.DefaultTheme().Size(n)
}
