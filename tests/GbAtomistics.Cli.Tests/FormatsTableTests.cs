using GbAtomistics.Cli.Commands;
using GbAtomistics.Tests;

namespace GbAtomistics.Cli.Tests;

public sealed class FormatsTableTests
{
    [Fact]
    public void TheReadmeTableIsTheRegistry()
    {
        string readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        string table = FormatsCommand.Markdown();
        Assert.True(readme.Contains(table, StringComparison.Ordinal), "README.md's formats table differs from 'gbat formats --markdown':\n" + table);
    }
}
