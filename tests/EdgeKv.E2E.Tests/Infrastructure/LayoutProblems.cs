using Microsoft.Playwright;

namespace EdgeKv.E2E.Tests.Infrastructure;

/// <summary>
/// What is wrong with a page as a person would see it, measured from the boxes and colours the browser laid out:
/// the page scrolling sideways, a header's actions or a control past the right edge, a column squeezed to nothing, a
/// cell cutting its text, a button whose text is the colour of what lies behind it (white on white), and words left
/// untranslated (Chinese on an English page) or a resource key shown as it is.
/// </summary>
internal static class LayoutProblems
{
    // Runs in the page; returns one sentence per problem. Elements marked .cell-ellipsis or .page-title cut their text
    // on purpose and show it whole in a tooltip. Text typed by the test's users is ASCII, so CJK on an English page is
    // always the console's own words.
    private const string Script = """
        (lang) => {
          const problems = [];
          const seen = e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
            return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
          const label = e => (e.innerText || e.getAttribute('aria-label') || e.className || e.tagName).toString().trim().slice(0, 60);
          const width = document.documentElement.clientWidth;
          if (document.documentElement.scrollWidth > width + 1)
            problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px wide in a ${width} px window`);
          for (const e of document.querySelectorAll('.page-actions, button, a.mud-button-root, .mud-chip, input'))
            if (seen(e) && e.getBoundingClientRect().right > width + 1)
              problems.push(`'${label(e)}' ends at x ${Math.round(e.getBoundingClientRect().right)}, past the ${width} px window`);
          for (const head of document.querySelectorAll('th'))
            if (seen(head) && head.innerText.trim() && head.getBoundingClientRect().width < 48)
              problems.push(`the column '${label(head)}' is squeezed to ${Math.round(head.getBoundingClientRect().width)} px`);
          for (const cell of document.querySelectorAll('td'))
            if (seen(cell) && cell.scrollWidth > cell.clientWidth + 1 && !cell.querySelector('.mud-table-cell-custom-group'))
              problems.push(`the cell '${label(cell)}' needs ${cell.scrollWidth} px and shows ${cell.clientWidth} px`);
          const rgb = c => (c.match(/[\d.]+/g) || []).map(Number);
          const luminance = ([r, g, b]) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
            return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
          const backdrop = e => { for (let n = e; n; n = n.parentElement) { const c = rgb(getComputedStyle(n).backgroundColor);
            if (c.length >= 3 && (c.length < 4 || c[3] > 0.5)) return c; } return [255, 255, 255]; };
          for (const e of document.querySelectorAll('button, a.mud-button-root, .mud-chip')) {
            if (!seen(e) || !e.innerText.trim()) continue;
            const fg = rgb(getComputedStyle(e).color), bg = backdrop(e);
            const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
            const contrast = (hi + 0.05) / (lo + 0.05);
            if (contrast < 2.5) problems.push(`'${label(e)}' has contrast ${contrast.toFixed(2)} against its background`);
          }
          // The page's own words: the language switch names the other language on purpose.
          const text = [...document.querySelectorAll('.mud-main-content, .mud-drawer, .mud-dialog, .account-main')].map(e => e.innerText).join('\n');
          const key = text.match(/\b(Common|Kv|Nav|Records|Admin|Tokens|Projects|Bindings|Namespace|Status|DomainError|Account|Theme|Home|Audit|Usage)\.[A-Z][A-Za-z.]*/);
          if (key) problems.push(`a resource key is shown as it is: ${key[0]}`);
          if (lang === 'en') { const cjk = text.match(/[\u3400-\u9fff]+/); if (cjk) problems.push(`Chinese on an English page: ${cjk[0]}`); }
          return problems;
        }
        """;

    /// <summary>Every problem of the page as it is laid out now, in words; empty when a person would see nothing wrong.</summary>
    public static async Task<IReadOnlyList<string>> OfAsync(IPage page, string language) =>
        await page.EvaluateAsync<string[]>(Script, language);
}
