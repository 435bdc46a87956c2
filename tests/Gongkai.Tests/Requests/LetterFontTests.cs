using Gongkai.Documents;

namespace Gongkai.Tests.Requests;

/// <summary>Where the PDF letter's Chinese font comes from, and what happens on a machine without one.</summary>
public sealed class LetterFontTests
{
    [Fact]
    public void WithoutAnyChineseFont_NoFontIsFound_SoOnlyTheWordLetterIsMade()
    {
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".ttf");

        Assert.Null(CjkFontResolver.FindFontFile(missing, [missing + ".ttc"]));
        Assert.Contains("fonts-noto-cjk", CjkFontResolver.MissingFontMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void TheConfiguredFont_ComesBeforeTheSystemFonts()
    {
        var configured = Path.GetTempFileName();
        var system = Path.GetTempFileName();
        try
        {
            Assert.Equal(configured, CjkFontResolver.FindFontFile(configured, [system]));
            Assert.Equal(system, CjkFontResolver.FindFontFile(configured + ".missing", [system]));
        }
        finally
        {
            File.Delete(configured);
            File.Delete(system);
        }
    }
}
