using System.Diagnostics;
using System.Globalization;
using GbAtomistics.Fuzz;

// Mutation fuzzing of every reader family. Usage:
//   GbAtomistics.Fuzz [--count N | --seconds S] [--seed K] [--failures DIR] [--corpus DIR] [--family NAME ...]
// Exit 0 when no execution crashed, hung or ran out of memory; 1 otherwise.
var options = new CampaignOptions();
string? corpus = null;
var families = new List<string>();
for (int i = 0; i < args.Length; i++)
{
    string value = i + 1 < args.Length ? args[i + 1] : string.Empty;
    switch (args[i])
    {
        case "--count": options = options with { ExecutionsPerFamily = int.Parse(value, CultureInfo.InvariantCulture) }; i++; break;
        case "--seconds": options = options with { Duration = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) }; i++; break;
        case "--seed": options = options with { Seed = int.Parse(value, CultureInfo.InvariantCulture) }; i++; break;
        case "--failures": options = options with { FailureFolder = value }; i++; break;
        case "--corpus": corpus = value; i++; break;
        case "--family": families.Add(value); i++; break;
        default:
            Console.Error.WriteLine($"unknown argument '{args[i]}'; usage: [--count N | --seconds S] [--seed K] [--failures DIR] [--corpus DIR] [--family NAME]...");
            return 2;
    }
}

options = options with { Families = families };
string root = RepositoryRoot.Find();
corpus ??= Directory.Exists(Path.Combine(root, "..", "shared", "corpus")) ? Path.GetFullPath(Path.Combine(root, "..", "shared", "corpus")) : null;
Console.WriteLine($"seeds from {root}/testdata, tools/GbAtomistics.Fuzz/seeds{(corpus is null ? string.Empty : " and " + corpus)}");
var watch = Stopwatch.StartNew();
var campaign = new Campaign(FuzzFamilies.Build(root, corpus), options);
IReadOnlyList<FamilyStats> stats = campaign.Run(Console.Out);
Console.Write(Campaign.Report(stats, watch.Elapsed));
return stats.Any(s => s.Crashes + s.Hangs + s.MemoryFailures > 0) ? 1 : 0;
