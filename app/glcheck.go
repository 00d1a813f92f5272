package app

import (
	"errors"
	"runtime"
	"strings"
)

// ErrNoGraphics: no window can be opened here, because there is no display
// or no usable OpenGL driver (virtual machines, remote desktop sessions and
// servers). Fyne draws with OpenGL and, left alone, only logs the failure and
// exits, which for a Windows program without a console means it vanishes.
var ErrNoGraphics = errors.New("no display or OpenGL driver for the window")

// GraphicsError says why CheckGraphics found the window cannot open. Detail
// is GLFW's own description, shown to whoever supports the user.
type GraphicsError struct {
	NoDisplay bool // no display at all, rather than a display without OpenGL
	Detail    string
}

func (e *GraphicsError) Error() string {
	return "cannot open a window: " + e.Detail
}

// Unwrap lets callers test errors.Is(err, ErrNoGraphics).
func (e *GraphicsError) Unwrap() error { return ErrNoGraphics }

// UserMessage names the cause and the fix, for a message box or stderr.
func (e *GraphicsError) UserMessage() string {
	var b strings.Builder
	b.WriteString("无法打开程序窗口：")
	switch {
	case e.NoDisplay:
		b.WriteString("没有找到图形桌面（未设置 DISPLAY，或远程登录没有转发图形界面）。请在桌面环境中运行本程序。")
	case runtime.GOOS == "windows":
		b.WriteString("这台电脑没有可用的 OpenGL 显卡驱动（常见于虚拟机和远程桌面）。" +
			"请安装显卡驱动，或把 opengl32.dll（Mesa 软件渲染）放到程序旁边。")
	default:
		b.WriteString("这台电脑没有可用的 OpenGL 显卡驱动（常见于虚拟机和远程桌面）。" +
			"请安装显卡驱动（或软件渲染包，如 Debian、统信、麒麟上的 libgl1-mesa-dri）。")
	}
	b.WriteString("命令行功能仍可使用：fazhi --help")
	if d := strings.TrimSpace(e.Detail); d != "" {
		b.WriteString("\n（技术信息：" + d + "）")
	}
	return b.String()
}
