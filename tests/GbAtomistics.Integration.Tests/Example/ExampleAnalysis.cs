namespace GbAtomistics.Integration.Tests.Example;

/// <summary>Output folders of the end-to-end analysis of one bicrystal trajectory, and the files each must hold.</summary>
internal sealed class ExampleAnalysis(string root)
{
    public string CoordinationMetadata { get; } = Path.Combine(root, "coordination-metadata");

    public string CoordinationAuto { get; } = Path.Combine(root, "coordination-auto");

    public string RdfGb { get; } = Path.Combine(root, "rdf-gb");

    public string RdfBulk { get; } = Path.Combine(root, "rdf-bulk");

    public string RdfControl { get; } = Path.Combine(root, "rdf-control");

    public string Msd { get; } = Path.Combine(root, "msd");

    public IEnumerable<string> ExpectedFiles()
    {
        foreach (string folder in new[] { CoordinationMetadata, CoordinationAuto })
        {
            foreach (string name in new[]
            {
                "coordination.csv", "coordination-summary.csv", "coordination-profile.csv", "coordination.json",
                "coordination.png", "coordination-profile.png", "coordination-atoms.dump", "coordination-atoms.extxyz",
            })
            {
                yield return Path.Combine(folder, name);
            }
        }

        foreach (string folder in new[] { RdfGb, RdfBulk, RdfControl })
        {
            yield return Path.Combine(folder, "rdf.csv");
            yield return Path.Combine(folder, "rdf.json");
            yield return Path.Combine(folder, "rdf.png");
        }

        yield return Path.Combine(Msd, "msd.csv");
        yield return Path.Combine(Msd, "msd.json");
        yield return Path.Combine(Msd, "msd.png");
    }
}
