using System.Text.Encodings.Web;
using System.Text.Json;

namespace GbAtomistics.Pipelines.Running;

/// <summary>
/// The JSON settings of every file and summary gbat writes: indented, readable symbols, and <c>null</c> for a missing
/// or undefined number (NaN, ±∞; see <see cref="NonFiniteAsNullConverter"/>), so the files are standard JSON.
/// </summary>
public static class Json
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new NonFiniteAsNullConverter() },
    };
}
