using System.CommandLine;
using System.Text.Json;
using GbAtomistics.Core;
using GbAtomistics.IO;
using GbAtomistics.Pipelines.Running;

namespace GbAtomistics.Cli.Commands;

/// <summary>
/// <c>gbat convert IN OUT</c>: streams the selected frames of IN into OUT. The output appears whole or not at
/// all, never replaces an input, and replaces an existing file only with <c>--overwrite</c>.
/// </summary>
internal static class ConvertCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var input = new Argument<string>("IN") { Description = "Structure or trajectory to read" };
        var output = new Argument<string>("OUT") { Description = "File to write; its format comes from the name or --to" };
        Option<string?> format = CommonOptions.Format();
        var to = new Option<string?>("--to") { Description = "Output format (see 'gbat formats')", HelpName = "NAME" };
        Option<string?> typeMap = CommonOptions.TypeMap();
        Option<string?> timestep = CommonOptions.Timestep();
        Option<string?> units = CommonOptions.Units();
        Option<int> first = CommonOptions.FirstFrame();
        Option<int?> last = CommonOptions.LastFrame();
        Option<int> every = CommonOptions.Every();
        var atomStyle = new Option<string?>("--atom-style")
        {
            Description = "LAMMPS data output style: atomic or charge (default: charge when the input has charges)",
            HelpName = "STYLE",
        };
        var cartesian = new Option<bool>("--cartesian") { Description = "POSCAR output in Cartesian instead of Direct coordinates" };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace OUT if it exists (never an input)" };
        var keepWhole = new Option<bool>("--keep-whole-frames")
        {
            Description = "When IN ends inside a frame (a killed run), write the whole frames before it instead of failing",
        };
        Option<bool> quiet = CommonOptions.Quiet();
        Option<bool> json = CommonOptions.Json();
        var command = new Command(
            "convert",
            "Convert between formats, streaming frame by frame\n\n" +
            "Examples:\n  gbat convert dump.lammpstrj frames.extxyz --type-map 1=Li,2=O,3=Cl\n" +
            "  gbat convert XDATCAR last.data --first-frame 2 --last-frame 2 --atom-style atomic")
        {
            input, output, format, to, typeMap, timestep, units, first, last, every, atomStyle, cartesian, overwrite, keepWhole, quiet, json,
        };
        command.SetAction(parse => CommandRunner.Run(stderr, () =>
        {
            string inPath = parse.GetValue(input)!;
            string outPath = parse.GetValue(output)!;
            var selection = new FrameSelection(parse.GetValue(first), parse.GetValue(last), parse.GetValue(every));
            ReadOptions readOptions = CommonOptions.ReadOptions(parse.GetValue(typeMap), parse.GetValue(timestep), parse.GetValue(units));
            var writeOptions = new WriteOptions
            {
                Overwrite = parse.GetValue(overwrite),
                Inputs = [inPath],
                AtomStyle = parse.GetValue(atomStyle),
                Cartesian = parse.GetValue(cartesian),
                TypeMap = readOptions.TypeMap,
            };

            FileFormat outFormat = FormatRegistry.DetectForWriting(outPath, parse.GetValue(to));
            bool isInput = string.Equals(Path.GetFullPath(outPath), Path.GetFullPath(inPath), StringComparison.Ordinal);
            if (!isInput && !writeOptions.Overwrite && File.Exists(outPath))
            {
                throw new InputException($"{outPath}: already exists; give --overwrite to replace it, or choose another name");
            }

            OutputFile.CheckTarget(outPath, writeOptions.Overwrite, writeOptions.Inputs);
            using ITrajectoryReader reader = FormatRegistry.OpenReader(inPath, readOptions, parse.GetValue(format));
            var result = Convert(reader, outFormat, outPath, writeOptions, selection, parse.GetValue(keepWhole));

            if (parse.GetValue(json))
            {
                stdout.WriteLine(JsonSerializer.Serialize(
                    new
                    {
                        input = inPath,
                        input_format = reader.FormatName,
                        output = outPath,
                        output_format = outFormat.Name,
                        frames_written = result.Written,
                        frames_read = result.Read,
                        truncated = result.Truncation?.Message,
                    },
                    GbAtomistics.Pipelines.Running.Json.Options));
            }
            else if (!parse.GetValue(quiet))
            {
                stdout.WriteLine($"wrote {result.Written} frame{(result.Written == 1 ? "" : "s")} to {outPath} ({outFormat.Name})");
            }

            if (result.Truncation is { } t && !parse.GetValue(quiet))
            {
                stderr.WriteLine($"gbat: warning: {t.Message}; kept the whole frames");
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static (int Read, int Written, InputFormatException? Truncation) Convert(
        ITrajectoryReader reader, FileFormat outFormat, string outPath, WriteOptions options, FrameSelection selection, bool keepWhole)
    {
        var frame = new Frame();
        int written = 0;
        InputFormatException? truncation = null;
        using IFrameWriter writer = outFormat.CreateWriter!(outPath, options);
        try
        {
            while (!selection.IsPastEnd(reader.FrameIndex))
            {
                if (!selection.Includes(reader.FrameIndex))
                {
                    if (!reader.Skip())
                    {
                        break;
                    }

                    continue;
                }

                if (!reader.Read(frame))
                {
                    break;
                }

                if (written == 1 && outFormat.Kind == FormatKind.Structure)
                {
                    throw new InputException(
                        $"{outPath}: {outFormat.Name} holds one structure but more than one frame is selected; " +
                        "choose one with --first-frame N --last-frame N");
                }

                writer.Write(frame);
                written++;
            }
        }
        catch (InputFormatException e) when (e.IsTruncation && keepWhole)
        {
            truncation = e;
        }

        if (written == 0)
        {
            throw new InputException($"{reader.Path}: no frame matches the selection (the file has {reader.FrameIndex} frames)");
        }

        writer.Complete();
        return (reader.FrameIndex, written, truncation);
    }
}
