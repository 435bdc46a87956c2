using Gongkai.Application;
using Gongkai.Application.Catalog;

namespace Gongkai.Tests.Catalog;

/// <summary>The body sanitizer on its own: no shared lock, bounded work, only its own error for bad input.</summary>
public sealed class BodySanitizerTests
{
    private readonly BodySanitizer _sanitizer = new();

    // A 1 MB deeply nested body once held a global lock for 45 s, and another agency's one-line save waited for it.
    [Fact]
    public async Task OneLongSave_DoesNotHoldUpAnotherAgencysShortSave()
    {
        var longBody = string.Concat(Enumerable.Repeat("<p><strong>第一条</strong> 为了规范政府信息公开工作，制定本办法。</p>", 14_000));
        var longSave = Task.Run(() => _sanitizer.Sanitize(longBody), TestContext.Current.CancellationToken);
        while (longSave.Status is TaskStatus.Created or TaskStatus.WaitingForActivation or TaskStatus.WaitingToRun)
        {
            await Task.Yield();
        }

        var shortSave = await Task.Run(() => _sanitizer.Sanitize("<p>一行通知</p>"), TestContext.Current.CancellationToken);

        Assert.Equal("<p>一行通知</p>", shortSave);
        Assert.False(longSave.IsCompleted, "The long save finished first: the body is too short to show that the two overlap.");
        await longSave;
    }

    [Theory]
    [InlineData("<p>甲<p>乙<p>丙", 0)]
    [InlineData("<div><div><span>文</span></div></div>", 3)]
    [InlineData("<div><!-- <div><div> --><br/><img src=x></div>", 1)]
    [InlineData("<table><tr><td><table><tr><td>嵌套表格</td></tr></table></td></tr></table>", 2)]
    public void Nesting_CountsElementsThatMustBeClosed(string html, int depth) =>
        Assert.Equal(depth, HtmlNesting.MaxDepth(html));

    /// <summary>Random tags, nesting and sizes: every input ends in clean HTML or the sanitizer's own message, quickly.</summary>
    [Fact]
    public void Fuzz_RandomMarkup_EndsInCleanHtmlOrAValidationErrorWithinTheTimeBound()
    {
        string[] tags = ["div", "p", "span", "b", "i", "table", "tr", "td", "ul", "li", "form", "input", "script", "a", "img", "iframe", "svg", "math", "font", "h1"];
        string[] attributes = ["", " class=\"x\"", " onclick=\"x()\"", " href=\"javascript:x\"", " style=\"color:red\"", " src=\"data:,x\""];
        var random = new Random(20261129);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        for (var n = 0; n < 300; n++)
        {
            var html = new System.Text.StringBuilder();
            var open = new Stack<string>();
            var steps = random.Next(1, n % 10 == 0 ? 60_000 : 600);
            for (var s = 0; s < steps; s++)
            {
                switch (random.Next(4))
                {
                    case 0 or 1:
                        var tag = tags[random.Next(tags.Length)];
                        html.Append('<').Append(tag).Append(attributes[random.Next(attributes.Length)]).Append('>');
                        open.Push(tag);
                        break;
                    case 2 when open.Count > 0:
                        html.Append("</").Append(open.Pop()).Append('>');
                        break;
                    default:
                        html.Append(random.Next(3) == 0 ? "&lt;<\"'&" : "政府信息公开");
                        break;
                }
            }
            try
            {
                var clean = _sanitizer.Sanitize(html.ToString());
                Assert.DoesNotContain("<script", clean, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("<form", clean, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("<input", clean, StringComparison.OrdinalIgnoreCase);
            }
            catch (ValidationException)
            {
                // Refused with a message: fine.
            }
        }
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        Assert.True(elapsed < TimeSpan.FromSeconds(60), $"300 random bodies took {elapsed.TotalSeconds:F1} s.");
    }
}
