using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using GbAtomistics.Core;
using GbAtomistics.IO.Lammps;

namespace GbAtomistics.Benchmarks;

/// <summary>
/// Benchmarks of the IO hot paths. <c>--quick [atoms] [frames]</c> times reading a synthetic dump with a Stopwatch
/// (no BenchmarkDotNet), <c>--quick FILE</c> an existing dump (wall and CPU time per pass; with the environment
/// variable GBAT_SERIAL set, frames are parsed on one core); <c>--rdf-quick [dump] [r_max] [bins] [pairs] [--pairs-only]</c> times the
/// RDF hot path (see <see cref="RdfQuick"/>); any other arguments go to BenchmarkDotNet (for example <c>--filter *Dump*</c>).
/// </summary>
public static class Program
{
    /// <summary>Where the synthetic inputs live (kept between runs so they are made once).</summary>
    public static string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "gbat-bench");

    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--quick")
        {
            if (args.Length > 1 && File.Exists(args[1]))
            {
                Quick(args[1]);
                return 0;
            }

            int atoms = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
            int frames = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
            Quick(SyntheticDump.Create(DataFolder, atoms, frames));
            return 0;
        }

        if (args.Length > 0 && args[0] == "--rdf-quick")
        {
            RdfQuick.Run(
                args.Length > 1 ? args[1] : null,
                args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 10.0,
                args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 200,
                args.Length > 4 ? args[4] : null,
                args.Length > 5 && args[5] == "--pairs-only");
            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }

    private static void Quick(string path)
    {
        long bytes = new FileInfo(path).Length;
        Console.WriteLine(FormattableString.Invariant($"{path}: {bytes / 1e6:F1} MB"));
        var frame = new Frame();
        for (int run = 0; run < 5; run++)
        {
            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            int n = 0;
            long atomsRead = 0;
            long afterFirst = 0;
            using (var reader = new LammpsDumpReader(path, Environment.GetEnvironmentVariable("GBAT_SERIAL") is null ? null : new GbAtomistics.IO.ReadOptions { ParallelAtoms = int.MaxValue }))
            {
                while (reader.Read(frame))
                {
                    if (n++ == 0)
                    {
                        afterFirst = GC.GetAllocatedBytesForCurrentThread();
                    }

                    atomsRead += frame.Count;
                }
            }

            watch.Stop();
            long allocatedEnd = GC.GetAllocatedBytesForCurrentThread();
            long allocated = allocatedEnd - allocatedBefore;
            double steady = n > 1 ? (allocatedEnd - afterFirst) / (double)(n - 1) : 0;
            double seconds = watch.Elapsed.TotalSeconds;
            double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            Console.WriteLine(FormattableString.Invariant(
                $"read {run}: {n} frames in {seconds * 1e3:F0} ms = {bytes / seconds / 1e6:F0} MB/s ({cpu * 1e3:F0} ms of CPU), {atomsRead / seconds / 1e6:F1} M atoms/s, allocated {allocated / 1024.0:F0} KiB in all (reader buffers and scratch sized on the first frame), {steady:F0} B/frame after the first"));
        }

        var skipWatch = Stopwatch.StartNew();
        int skipped = 0;
        using (var reader = new LammpsDumpReader(path, Environment.GetEnvironmentVariable("GBAT_SERIAL") is null ? null : new GbAtomistics.IO.ReadOptions { ParallelAtoms = int.MaxValue }))
        {
            while (reader.Skip())
            {
                skipped++;
            }
        }

        Console.WriteLine(FormattableString.Invariant($"skip: {skipped} frames in {skipWatch.Elapsed.TotalMilliseconds:F0} ms = {bytes / skipWatch.Elapsed.TotalSeconds / 1e6:F0} MB/s"));
    }
}
