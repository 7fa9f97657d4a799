using System.Globalization;

namespace GbAtomistics.Core;

/// <summary>
/// How every CSV table writes a number: nine significant digits, invariant culture, and an empty cell for a value
/// that could not be computed (NaN or infinite), so that spreadsheet and pandas users read a missing value instead of
/// the text "NaN". The command that wrote the table says on stderr which cells are empty and why.
/// </summary>
public static class CsvNumber
{
    /// <summary>The cell text of <paramref name="value"/>: empty when it is not finite.</summary>
    public static string Format(double value) =>
        double.IsFinite(value) ? value.ToString("G9", CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>The cell text of <paramref name="value"/>: empty when it is null or not finite.</summary>
    public static string Format(double? value) => value is { } v ? Format(v) : string.Empty;
}
