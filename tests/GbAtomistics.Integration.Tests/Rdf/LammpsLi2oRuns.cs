using GbAtomistics.Tests;

namespace GbAtomistics.Integration.Tests.Rdf;

/// <summary>
/// Short Li2O runs made by LAMMPS itself from <c>tools/reference/li2o-rdf.in</c> (324 atoms, 1000 K, 6 frames 10 fs
/// apart), once per geometry and shared by the tests of a class; the folders are deleted afterwards.
/// </summary>
public sealed class LammpsLi2oRuns : IDisposable
{
    /// <summary>compute rdf cut-off (Å): beyond half the smallest perpendicular width of the triclinic cell (6.3 Å).</summary>
    public const double RMax = 7.0;

    public const int Bins = 140;

    /// <summary>Frames averaged by fix ave/time: steps 10…50; the dump has these and step 0 (frame 0).</summary>
    public const int AveragedFrames = 5;

    private readonly Dictionary<bool, string> _folders = [];
    private readonly Lock _lock = new();

    /// <summary>
    /// The run folder for the orthogonal cell (newton on) or the triclinic one (xy = xz = a, newton off: the 2021
    /// Debian build loses pairs of triclinic cells with newton on, LAMMPS issue #2759). Skips the test when lmp or python3
    /// is absent.
    /// </summary>
    public string Folder(bool triclinic)
    {
        string lmp = ExternalTools.Require("lmp", "lammps");
        string python = ExternalTools.Require("python3", "python3");
        lock (_lock)
        {
            if (_folders.TryGetValue(triclinic, out string? existing))
            {
                return existing;
            }

            string folder = TestPaths.NewTempDir();
            string tools = Path.Combine(TestPaths.RepositoryRoot, "tools");
            ExternalTools.Run(
                python, [Path.Combine(tools, "testdata", "pedone_li2o_table.py"), "pedone_li2o.table"], folder, TimeSpan.FromSeconds(60));
            File.Copy(Path.Combine(tools, "reference", "li2o-rdf.in"), Path.Combine(folder, "li2o-rdf.in"));
            string rmax = RMax.ToString(System.Globalization.CultureInfo.InvariantCulture);
            ExternalTools.Run(
                lmp,
                ["-in", "li2o-rdf.in", "-log", "log.lammps", "-screen", "none",
                 "-var", "tilt", triclinic ? "1" : "0", "-var", "newton", triclinic ? "off" : "on",
                 "-var", "every", "10", "-var", "frames", AveragedFrames.ToString(System.Globalization.CultureInfo.InvariantCulture),
                 "-var", "rmax", rmax, "-var", "bins", Bins.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                folder,
                TimeSpan.FromSeconds(120));
            _folders[triclinic] = folder;
            return folder;
        }
    }

    public void Dispose()
    {
        foreach (string folder in _folders.Values)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary folder is harmless.
            }
        }
    }
}
