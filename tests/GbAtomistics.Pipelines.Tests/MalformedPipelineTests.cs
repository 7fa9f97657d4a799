using GbAtomistics.Pipelines.Definition;
using GbAtomistics.Pipelines.Yaml;
using GbAtomistics.Tests;

namespace GbAtomistics.Pipelines.Tests;

/// <summary>Every mistake in a pipeline file is an error located at file:line:column with the key path.</summary>
public sealed class MalformedPipelineTests
{
    private static PipelineException Fails(string yaml)
    {
        string path = Li2oFiles.Pipeline(yaml);
        var e = Assert.Throws<PipelineException>(() => PipelineParser.Load(path));
        Assert.Equal(path, e.File);
        Assert.StartsWith($"{path}:{e.Line}:{e.Column}: ", e.Message, StringComparison.Ordinal);
        return e;
    }

    [Fact]
    public void UnknownKeyListsTheValidOnes()
    {
        PipelineException e = Fails("""
            inputs:
              a:
                file: DUMP
            analyses:
              rdf:
                r-max: 6
                bins_count: 100
            """);
        Assert.Equal(7, e.Line);
        Assert.Equal(5, e.Column);
        Assert.Equal("analyses.rdf.bins_count", e.KeyPath);
        Assert.Contains("unknown key 'bins_count'", e.Message, StringComparison.Ordinal);
        Assert.Contains("valid keys here: inputs, r-max, bins, species, regions", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TextTheYamlScannerCannotReadIsLocated()
    {
        // Found by tools/GbAtomistics.Fuzz (a swapped token): YamlDotNet's scanner throws InvalidOperationException
        // inside an unterminated flow mapping followed by a comment.
        PipelineException e = Fails("""
            defaults:
              charges: {Li: 0.6, O: Pedone     # e, the -1.2} partial charges
            inputs:
              a:
                file: DUMP
            """);
        Assert.True(e.Line >= 1);
        Assert.Contains("expected valid YAML, found text after this point that the YAML scanner cannot read", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TextTheYamlParserRejectsWithAnArgumentExceptionIsLocated()
    {
        // Found by tools/GbAtomistics.Fuzz (seed 7, execution 49249: a long line of spaces and random bytes in the
        // worked example's pipeline): YamlDotNet's node parser throws ArgumentException ("The current event is of an
        // unsupported type"). The input, 132 kB, is kept gzip-compressed beside this test.
        string source = Path.Combine(TestPaths.RepositoryRoot, "tests", "GbAtomistics.Pipelines.Tests", "Fuzz", "unsupported-event.yaml.gz");
        string path = Path.Combine(TestPaths.NewTempDir(), "pipeline.yaml");
        using (var input = new System.IO.Compression.GZipStream(File.OpenRead(source), System.IO.Compression.CompressionMode.Decompress))
        using (FileStream output = File.Create(path))
        {
            input.CopyTo(output);
        }

        var e = Assert.Throws<PipelineException>(() => PipelineParser.Load(path));
        Assert.StartsWith($"{path}:{e.Line}:{e.Column}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("expected valid YAML", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownTopLevelKeySuggestsTheNearOne()
    {
        PipelineException e = Fails("""
            Inputs:
              a:
                file: DUMP
            """);
        Assert.Equal((1, 1), (e.Line, e.Column));
        Assert.Contains("did you mean 'inputs'?", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongTypeSaysWhatWasExpected()
    {
        PipelineException e = Fails("""
            inputs:
              a:
                file: DUMP
            analyses:
              rdf:
                bins: many
            """);
        Assert.Equal((6, 11), (e.Line, e.Column));
        Assert.Equal("analyses.rdf.bins", e.KeyPath);
        Assert.Contains("expected an integer, found 'many'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ListWhereAMappingBelongs()
    {
        PipelineException e = Fails("""
            inputs:
              - DUMP
            analyses: {}
            """);
        Assert.Equal((2, 3), (e.Line, e.Column));
        Assert.Equal("inputs", e.KeyPath);
        Assert.Contains("expected a mapping", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFileIsLocatedAtItsKey()
    {
        PipelineException e = Fails("""
            inputs:
              a:
                type-map: 1=Li,2=O
                file: runs/missing.lammpstrj
            analyses:
              rdf: {}
            """);
        Assert.Equal((4, 11), (e.Line, e.Column));
        Assert.Equal("inputs.a.file", e.KeyPath);
        Assert.Contains("missing.lammpstrj", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadRegionPlaneIsLocated()
    {
        PipelineException e = Fails("""
            inputs:
              a:
                file: DUMP
                planes: [0.25, 1.5]
            analyses:
              rdf: {}
            """);
        Assert.Equal((4, 13), (e.Line, e.Column));
        Assert.Equal("inputs.a.planes", e.KeyPath);
        Assert.Contains("between 0 and 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingMetadataFileIsLocated()
    {
        PipelineException e = Fails("""
            inputs:
              a:
                file: DUMP
                boundaries: nowhere.gb.json
            analyses:
              rdf: {}
            """);
        Assert.Equal((4, 17), (e.Line, e.Column));
        Assert.Contains("no such metadata file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadHalfWidthIsLocated()
    {
        PipelineException e = Fails("""
            inputs:
              a:
                file: DUMP
                planes: [0.25, 0.75]
                half-width: -2
            analyses:
              rdf: {}
            """);
        Assert.Equal((5, 17), (e.Line, e.Column));
        Assert.Equal("inputs.a.half-width", e.KeyPath);
    }

    [Fact]
    public void OptionValueRefusedByTheAnalysisIsLocatedAtItsSection()
    {
        PipelineException e = Fails("""
            inputs:
              a:
                file: DUMP
            analyses:
              rdf:
                r-max: -1
            """);
        Assert.Equal((6, 5), (e.Line, e.Column));
        Assert.Contains("--r-max -1: expected a positive distance", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownInputNameListsTheInputs()
    {
        PipelineException e = Fails("""
            inputs:
              bulk:
                file: DUMP
            analyses:
              msd:
                inputs: [bulk, gb]
            """);
        Assert.Equal((6, 20), (e.Line, e.Column));
        Assert.Equal("analyses.msd.inputs[1]", e.KeyPath);
        Assert.Contains("expected the name of an input (bulk), found 'gb'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ArrheniusNeedsConductivityInputs()
    {
        PipelineException e = Fails("""
            inputs:
              bulk:
                file: DUMP
            analyses:
              arrhenius:
                - name: x
                  inputs: [bulk]
            """);
        Assert.Equal((7, 16), (e.Line, e.Column));
        Assert.Contains("none available here", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void YamlSyntaxErrorIsLocated()
    {
        PipelineException e = Fails("inputs:\n  a:\n    file: DUMP\n   bad: [\n");
        Assert.True(e.Line >= 3, e.Message);
        Assert.Contains("expected valid YAML", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCommandPrintsTheLocatedLineAndExitsOne()
    {
        string path = Li2oFiles.Pipeline("""
            inputs:
              a:
                file: DUMP
                temperature: hot
            analyses: {}
            """);
        var (code, _, err) = Gbat.Run("run", path);
        Assert.Equal(1, code);
        Assert.Equal($"gbat: {path}:4:18: inputs.a.temperature: expected a number, found 'hot'", err.Trim());
    }
}
