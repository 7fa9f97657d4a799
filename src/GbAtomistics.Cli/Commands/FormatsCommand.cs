using System.CommandLine;
using System.Text.Json;
using GbAtomistics.IO;
using GbAtomistics.Pipelines.Running;

namespace GbAtomistics.Cli.Commands;

/// <summary><c>gbat formats</c>: the format registry as a table or JSON.</summary>
internal static class FormatsCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        Option<bool> json = CommonOptions.Json();
        var markdown = new Option<bool>("--markdown") { Description = "Print the list as the Markdown table of the README" };
        var command = new Command("formats", "List the file formats gbat reads and writes\n\nExample:\n  gbat formats --json")
        {
            json, markdown,
        };
        command.SetAction(parse => CommandRunner.Run(stderr, () =>
        {
            if (parse.GetValue(json))
            {
                var rows = FormatRegistry.All.Select(f => new
                {
                    name = f.Name,
                    kind = f.Kind.ToString().ToLowerInvariant(),
                    read = f.CanRead,
                    write = f.CanWrite,
                    extensions = f.Extensions,
                    name_markers = f.NameMarkers,
                    description = f.Description,
                });
                stdout.WriteLine(JsonSerializer.Serialize(rows, GbAtomistics.Pipelines.Running.Json.Options));
                return ExitCodes.Success;
            }

            if (parse.GetValue(markdown))
            {
                stdout.Write(Markdown());
                return ExitCodes.Success;
            }

            stdout.WriteLine($"{"name",-14} {"kind",-10} {"read",-4} {"write",-5} {"recognised by",-38} description");
            foreach (FileFormat f in FormatRegistry.All)
            {
                string by = string.Join(" ", f.NameMarkers.Concat(f.Extensions.Select(e => "*" + e)));
                stdout.WriteLine(
                    $"{f.Name,-14} {f.Kind.ToString().ToLowerInvariant(),-10} {(f.CanRead ? "yes" : "no"),-4} {(f.CanWrite ? "yes" : "no"),-5} {by,-38} {f.Description}");
            }

            stdout.WriteLine();
            stdout.WriteLine("Compressed files (.gz, .bz2) are read transparently; detection also looks at the content.");
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The registry as a Markdown table (the README's, checked by a test).</summary>
    internal static string Markdown()
    {
        var text = new System.Text.StringBuilder("| name | kind | read | write | file names | what |\n|---|---|---|---|---|---|\n");
        foreach (FileFormat f in FormatRegistry.All)
        {
            string names = string.Join(", ", f.NameMarkers.Concat(f.Extensions.Select(e => "*" + e)).Select(n => $"`{n}`"));
            text.Append($"| `{f.Name}` | {f.Kind.ToString().ToLowerInvariant()} | {(f.CanRead ? "yes" : "no")} | {(f.CanWrite ? "yes" : "no")} | {names} | {f.Description} |\n");
        }

        return text.ToString();
    }
}
