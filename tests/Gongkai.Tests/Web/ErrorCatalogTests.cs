using System.Runtime.CompilerServices;
using Gongkai.Web.Errors;

namespace Gongkai.Tests.Web;

/// <summary>The error table covers every error the domain and the use cases throw, with stable, distinct keys.</summary>
public sealed class ErrorCatalogTests
{
    [Fact]
    public void EveryDomainAndApplicationException_HasARowInTheErrorTable()
    {
        var thrown = new[] { typeof(Gongkai.Domain.Catalog.WorkflowException).Assembly, typeof(Gongkai.Application.ValidationException).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => typeof(Exception).IsAssignableFrom(t) && !t.IsAbstract)
            .ToList();

        // Without a row the API would answer 500 and a form would lose the user's input: add the type to ErrorCatalog.
        var unmapped = thrown.Where(t => ErrorCatalog.ForException((Exception)RuntimeHelpers.GetUninitializedObject(t)) is null).Select(t => t.FullName);

        Assert.NotEmpty(thrown);
        Assert.Empty(unmapped);
    }

    [Fact]
    public void TheTablesRows_HaveDistinctKeys_ChineseTitles_AndErrorStatuses()
    {
        var rows = typeof(ErrorCatalog).GetFields().Where(f => f.FieldType == typeof(ErrorEntry)).Select(f => (ErrorEntry)f.GetValue(null)!).ToList();

        Assert.Equal(rows.Count, rows.Select(r => r.Key).Distinct().Count());
        Assert.All(rows, r => Assert.InRange(r.Status, 400, 599));
        Assert.All(rows, r => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", r.Title + r.Detail));
        Assert.All(rows, r => Assert.StartsWith("urn:gongkai:error:", r.Type, StringComparison.Ordinal));
    }
}
