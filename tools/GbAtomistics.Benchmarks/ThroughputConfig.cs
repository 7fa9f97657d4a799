using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace GbAtomistics.Benchmarks;

/// <summary>Adds an MB/s column (file bytes ÷ mean time) to the default configuration.</summary>
public sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig()
    {
        AddColumn(new ThroughputColumn());
    }

    private sealed class ThroughputColumn : IColumn
    {
        public string Id => "MBps";

        public string ColumnName => "MB/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Decompressed file bytes per second of mean time (1 MB = 10^6 bytes)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            if (summary[benchmarkCase]?.ResultStatistics is not { } stats || !TryFileBytes(benchmarkCase, out long bytes))
            {
                return "-";
            }

            double seconds = stats.Mean / 1e9;
            return (bytes / seconds / 1e6).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        private static bool TryFileBytes(BenchmarkCase benchmarkCase, out long bytes)
        {
            // The benchmark runs in a child process, so the size is taken from the file on disk here.
            int atoms = (int)benchmarkCase.Parameters["Atoms"];
            int frames = (int)benchmarkCase.Parameters["Frames"];
            string path = Path.Combine(Program.DataFolder, $"bench_{atoms}x{frames}.lammpstrj");
            bytes = File.Exists(path) ? new FileInfo(path).Length : 0;
            return bytes > 0;
        }
    }
}
