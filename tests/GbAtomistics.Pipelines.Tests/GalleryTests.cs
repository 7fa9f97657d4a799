using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GbAtomistics.Tests;

namespace GbAtomistics.Pipelines.Tests;

/// <summary>
/// The README's gallery (<c>tools/gallery/*.png</c>) shows the worked example's main plots. This test runs the worked
/// example and checks that the gallery is current: <c>tools/gallery/MANIFEST</c> records a fingerprint of the tables
/// behind each picture (every number rounded to 6 significant digits, so the last bits of a machine's arithmetic do
/// not matter) and of the plotting code; a change to either makes the test fail until
/// <c>tools/gallery/make-gallery.sh</c> is run, which runs this test with <c>GBAT_UPDATE_GALLERY=1</c> to copy the
/// pictures and rewrite the manifest.
/// </summary>
public sealed class GalleryTests
{
    /// <summary>Gallery picture, the example output it is copied from, and the tables it draws.</summary>
    private static readonly (string Picture, string Source, string[] Tables)[] Pictures =
    [
        ("msd.png", "li2o-s5-310-1000K/msd.png", ["li2o-s5-310-1000K/msd.csv", "li2o-s5-310-1000K/conductivity.csv"]),
        ("rdf-bulk-vs-gb.png", "li2o-s5-310-1000K/rdf-regions-Li-O.png", ["li2o-s5-310-1000K/rdf-bulk.csv", "li2o-s5-310-1000K/rdf-gb.csv", "li2o-s5-310-1000K/rdf.csv"]),
        ("coordination-profile.png", "li2o-s5-310-1000K/profile-coordination.png", ["li2o-s5-310-1000K/profile.csv", "li2o-s5-310-1000K/coordination-profile.csv"]),
        ("potential.png", "li2o-s5-310-1000K/potential.png", ["li2o-s5-310-1000K/potential.csv"]),
        ("arrhenius.png", "arrhenius-gb-parallel/arrhenius.png", ["arrhenius-gb-parallel/arrhenius.csv"]),
        ("polycrystal.png", "polycrystal/polycrystal.png", ["polycrystal/polycrystal.csv"]),
    ];

    private static string Gallery => Path.Combine(TestPaths.RepositoryRoot, "tools", "gallery");

    [Fact]
    public void TheReadmeGalleryIsCurrent()
    {
        string output = Path.Combine(TestPaths.NewTempDir(), "results");
        var (code, _, err) = Gbat.Run("run", Path.Combine(TestPaths.TestData, "example", "pipeline.yaml"), "--output", output, "--quiet");
        Assert.True(code == 0, err);
        string manifest = Manifest(output);
        string manifestPath = Path.Combine(Gallery, "MANIFEST");
        if (Environment.GetEnvironmentVariable("GBAT_UPDATE_GALLERY") == "1")
        {
            foreach (var (picture, source, _) in Pictures)
            {
                File.Copy(Path.Combine(output, source), Path.Combine(Gallery, picture), overwrite: true);
            }

            File.WriteAllText(manifestPath, manifest);
        }

        Assert.True(File.Exists(manifestPath), "tools/gallery/MANIFEST is missing: run tools/gallery/make-gallery.sh");
        Assert.True(
            File.ReadAllText(manifestPath) == manifest,
            "the README gallery is out of date (the worked example's tables or the plotting code changed): run tools/gallery/make-gallery.sh\n" + manifest);
        foreach (var (picture, _, _) in Pictures)
        {
            byte[] png = File.ReadAllBytes(Path.Combine(Gallery, picture));
            Assert.True(png.Length > 10_000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', picture);
        }

        string readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md"));
        Assert.All(Pictures, p => Assert.Contains($"(tools/gallery/{p.Picture})", readme, StringComparison.Ordinal));
    }

    private static string Manifest(string output)
    {
        var sb = new StringBuilder("# Fingerprints of what the README gallery shows; written by tools/gallery/make-gallery.sh.\n");
        sb.Append(CultureInfo.InvariantCulture, $"plotting-code {Hash(PlottingCode())}\n");
        foreach (var (picture, source, tables) in Pictures)
        {
            string data = string.Concat(tables.Select(t => Rounded(File.ReadAllText(Path.Combine(output, t)))));
            sb.Append(CultureInfo.InvariantCulture, $"{picture} {source} {Hash(data)}\n");
        }

        return sb.ToString();
    }

    /// <summary>The plotting code the gallery's pictures are drawn by (the shared style and their figure classes).</summary>
    private static string PlottingCode()
    {
        string dir = Path.Combine(TestPaths.RepositoryRoot, "src", "GbAtomistics.Plotting");
        string[] files = ["Chart.cs", "LogAxis.cs", "MsdPlot.cs", "RdfPlot.cs", "CoordinationPlot.cs", "ProfilePlot.cs", "ArrheniusPlot.cs", "PolycrystalPlot.cs"];
        return string.Concat(files.Select(f => File.ReadAllText(Path.Combine(dir, f)).ReplaceLineEndings("\n")));
    }

    /// <summary>The table with every number rounded to 6 significant digits.</summary>
    private static string Rounded(string csv) => string.Join('\n', csv.ReplaceLineEndings("\n").Split('\n').Select(line =>
        string.Join(',', line.Split(',').Select(cell =>
            double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v.ToString("G6", CultureInfo.InvariantCulture) : cell))));

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
