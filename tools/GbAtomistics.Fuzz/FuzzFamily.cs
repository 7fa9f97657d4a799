namespace GbAtomistics.Fuzz;

/// <summary>
/// One reader family under test: its seed inputs, the file name a mutated input is written under, and how one input
/// is read. <see cref="Read"/> takes the path of the mutated file and must consume all of it.
/// </summary>
/// <param name="Name">Family name used in reports and regression file names (dump, data, log, …).</param>
/// <param name="Seeds">The unmutated inputs, as bytes, with the name each came from.</param>
/// <param name="FileName">Name of the file the mutated bytes are written to (some readers look at it).</param>
/// <param name="Read">Reads the whole file at the given path; throws for bad content.</param>
/// <param name="Compress">
/// For the gzip and bzip2 families: compresses a (mutated) plain input; the seeds are plain and half the inputs are
/// mutated before compression, half after it (corrupt compressed data). Null for plain families.
/// </param>
/// <param name="IsRefusal">True for the exception a refusal must be (the located error type of the family).</param>
internal sealed record FuzzFamily(
    string Name,
    IReadOnlyList<(string Name, byte[] Bytes)> Seeds,
    string FileName,
    Action<string> Read,
    Func<Exception, bool> IsRefusal,
    Func<byte[], byte[]>? Compress = null);
