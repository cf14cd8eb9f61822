using MudBlazor;

namespace EdgeKv.Web.Theming;

/// <summary>
/// The console's one MudTheme: Tencent Cloud's brand blue on a dark top bar (as the EdgeOne console), system fonts with
/// the CJK faces first in line for Chinese, sentence-case buttons, and a dark palette of the same hues.
/// </summary>
public static class ConsoleTheme
{
    /// <summary>The theme every page renders with.</summary>
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0052d9",
            Secondary = "#5f6b7a",
            Tertiary = "#00a870",
            Info = "#0594fa",
            Success = "#00a870",
            Warning = "#e37318",
            Error = "#d54941",
            AppbarBackground = "#1b2331",
            AppbarText = "#ffffff",
            Background = "#f3f5f8",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            DrawerText = "#1f2937",
            DrawerIcon = "#5f6b7a",
            TextPrimary = "#1f2937",
            TextSecondary = "#5f6b7a",
            LinesDefault = "#e3e6eb",
            TableLines = "#e3e6eb",
            TableHover = "#f2f6ff",
            Divider = "#e3e6eb",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#4c8dff",
            Secondary = "#9aa5b4",
            Tertiary = "#2bc48a",
            Info = "#4fb3ff",
            Success = "#2bc48a",
            Warning = "#f5a05a",
            Error = "#f0746c",
            AppbarBackground = "#111722",
            AppbarText = "#e8ecf2",
            Background = "#151b26",
            Surface = "#1d2431",
            DrawerBackground = "#1a202c",
            DrawerText = "#d7dde6",
            DrawerIcon = "#9aa5b4",
            TextPrimary = "#e8ecf2",
            TextSecondary = "#a7b0bd",
            LinesDefault = "#2e3848",
            TableLines = "#2e3848",
            TableHover = "#232c3b",
            Divider = "#2e3848",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily =
                [
                    "-apple-system", "BlinkMacSystemFont", "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
                    "Noto Sans CJK SC", "Noto Sans SC", "Helvetica Neue", "Arial", "sans-serif",
                ],
            },
            // Buttons read as words, not shouted: no ALL-CAPS in English.
            Button = new ButtonTypography { TextTransform = "none", FontWeight = "500" },
        },
        LayoutProperties = new LayoutProperties
        {
            DefaultBorderRadius = "6px",
            AppbarHeight = "56px",
            DrawerWidthLeft = "232px",
        },
    };
}
