using GbAtomistics.Fuzz;
using GbAtomistics.Tests;

namespace GbAtomistics.IO.Tests.Reliability;

/// <summary>
/// A short deterministic pass of tools/GbAtomistics.Fuzz: a fixed number of seeded mutations per reader family,
/// each of which must be accepted or refused with the located error, within the time and allocation limits.
/// tools/fuzz.sh runs the long campaign.
/// </summary>
public sealed class FuzzPassTests
{
    [Fact]
    public void SeededMutationsOfEveryFamilyEndInAcceptanceOrALocatedError()
    {
        IReadOnlyList<FuzzFamily> families = FuzzFamilies.Build(TestPaths.RepositoryRoot, TestPaths.CorpusOrNull);
        var campaign = new Campaign(families, new CampaignOptions { ExecutionsPerFamily = 150, Seed = 20261130 });
        IReadOnlyList<FamilyStats> stats = campaign.Run();
        Assert.Equal(families.Count, stats.Count);
        Assert.All(stats, s => Assert.Equal(150, s.Executions));
        string[] failures = stats.SelectMany(s => s.Failures).ToArray();
        Assert.True(failures.Length == 0, string.Join(Environment.NewLine, failures));
        Assert.All(stats, s => Assert.True(s.Refused > 0, $"{s.Family}: no mutation was refused; the mutations do not reach the reader"));
    }
}
