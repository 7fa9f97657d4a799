using System.Text.Json;
using System.Text.Json.Serialization;

namespace GbAtomistics.Pipelines.Running;

/// <summary>
/// Writes NaN and ±∞ as JSON <c>null</c> (a missing or undefined number) and reads <c>null</c> back as NaN, so every
/// file gbat writes is plain JSON that any reader, gbat's own included, can parse. Named literals ("NaN",
/// "Infinity") written by earlier versions are still read.
/// </summary>
internal sealed class NonFiniteAsNullConverter : JsonConverter<double>
{
    public override bool HandleNull => true;

    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => double.NaN,
        JsonTokenType.Number => reader.GetDouble(),
        JsonTokenType.String => reader.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            string s => throw new JsonException($"expected a number or null, found \"{s}\""),
            null => double.NaN,
        },
        _ => throw new JsonException($"expected a number or null, found {reader.TokenType}"),
    };

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
