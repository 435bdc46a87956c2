using Gongkai.Domain.Agencies;
using Gongkai.Domain.Catalog;

namespace Gongkai.Domain.Tests.Catalog;

public class StandardColumnsTests
{
    [Theory]
    [InlineData(AgencyKind.Government)]
    [InlineData(AgencyKind.Department)]
    [InlineData(AgencyKind.Township)]
    public void For_EveryKind_HasTheFiveTopColumnsAndAllFifteenArticle20Items(AgencyKind kind)
    {
        var tree = StandardColumns.For(kind);
        Assert.Equal(
            ["政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开年报", "依申请公开"],
            tree.Where(c => c.ParentKey is null).Select(c => c.Name));
        Assert.Equal(15, tree.Count(c => c.Key.StartsWith("art20-", StringComparison.Ordinal)));
        Assert.Equal(tree.Count, tree.Select(c => c.Key).Distinct().Count());
    }

    [Fact]
    public void For_Township_CarriesTheTownshipArticle21Topics()
    {
        var names = StandardColumns.For(AgencyKind.Township).Select(c => c.Name).ToList();
        Assert.Contains("宅基地使用情况审核", names);
        Assert.DoesNotContain("治安管理", names);
    }

    [Fact]
    public void For_ParentsComeBeforeChildren()
    {
        var seen = new HashSet<string>();
        foreach (var c in StandardColumns.For(AgencyKind.Government))
        {
            Assert.True(c.ParentKey is null || seen.Contains(c.ParentKey), c.Key);
            seen.Add(c.Key);
        }
    }
}
