namespace GbAtomistics.Core;

/// <summary>
/// Which frames of a trajectory to use: 0-based <see cref="First"/> to <see cref="Last"/> inclusive, every
/// <see cref="Every"/>-th frame counted from <see cref="First"/>. The same words as the CLI options
/// <c>--first-frame</c>, <c>--last-frame</c> and <c>--every</c>.
/// </summary>
public sealed record FrameSelection
{
    public static readonly FrameSelection All = new();

    public FrameSelection(int first = 0, int? last = null, int every = 1)
    {
        if (first < 0)
        {
            throw new InputException($"--first-frame {first}: expected a frame index ≥ 0");
        }

        if (last is { } l && l < first)
        {
            throw new InputException($"--last-frame {l}: expected an index ≥ --first-frame {first}");
        }

        if (every < 1)
        {
            throw new InputException($"--every {every}: expected a stride ≥ 1");
        }

        First = first;
        Last = last;
        Every = every;
    }

    public int First { get; }

    /// <summary>Last frame index included, or null for the end of the file.</summary>
    public int? Last { get; }

    public int Every { get; }

    /// <summary>True when frame <paramref name="index"/> is selected.</summary>
    public bool Includes(int index) => index >= First && (Last is null || index <= Last) && (index - First) % Every == 0;

    /// <summary>True when no frame at or after <paramref name="index"/> is selected.</summary>
    public bool IsPastEnd(int index) => Last is { } l && index > l;
}
