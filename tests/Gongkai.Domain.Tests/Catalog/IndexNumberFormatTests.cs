using Gongkai.Domain.Catalog;

namespace Gongkai.Domain.Tests.Catalog;

public class IndexNumberFormatTests
{
    [Theory]
    [InlineData("{agency}/{year}-{serial:5}", "000014349", 2018, 222, "000014349/2018-00222")]
    [InlineData("{agency}--{year}-{serial:4}", "j602402", 2023, 165, "j602402--2023-0165")]
    [InlineData("{agency}/{year}-{serial}", "0142768-8", 2022, 185, "0142768-8/2022-00185")]
    public void Format_ProducesShapesSeenOnLivePlatforms(string pattern, string agency, int year, int serial, string expected) =>
        Assert.Equal(expected, new IndexNumberFormat(pattern).Format(agency, year, serial));

    [Theory]
    [InlineData("{agency}/{year}")]
    [InlineData("{agency}/{yr}-{serial}")]
    [InlineData("{agency}/{year}-{serial:0}")]
    [InlineData("{agency}/{year}-{serial")]
    public void Constructor_RejectsFormatsThatCannotBeUniqueOrParsed(string pattern) =>
        Assert.Throws<FormatException>(() => new IndexNumberFormat(pattern));
}
