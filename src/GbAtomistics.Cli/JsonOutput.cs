using System.Text.Encodings.Web;
using System.Text.Json;

namespace GbAtomistics.Cli;

/// <summary>The JSON settings of every <c>--json</c> output: indented, UTF-8 symbols kept readable.</summary>
internal static class JsonOutput
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
