namespace Gongkai.Documents.Tests;

public class DocumentsAssemblyTests
{
    [Fact]
    public void TheLibrary_DependsOnNoStorageNoWebAndNoOtherGongkaiProject()
    {
        var references = typeof(WordWriter).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, n => n.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
            || n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || n.StartsWith("Gongkai.", StringComparison.Ordinal));
    }
}
