namespace GbAtomistics.IO;

/// <summary>
/// The rules by which the frames of several files join into one trajectory, applied step by step: at the start of a
/// file, frames that repeat steps the previous file already gave (a restart) are dropped; a gap between files (the
/// first new step further from the last than the dump interval seen so far) and steps that do not increase within a
/// file are errors.
/// </summary>
internal sealed class StepSequence
{
    private long? _last;
    private long? _interval;
    private bool _newFile;

    /// <summary>The last step kept, or null before the first frame.</summary>
    public long? Last => _last;

    /// <summary>A new file starts (after at least one other).</summary>
    public void NewFile() => _newFile = true;

    /// <summary>
    /// Whether the frame of <paramref name="step"/> is kept (false: a restart overlap, dropped). Throws what
    /// <paramref name="error"/> makes of the message for a step that goes back or a gap after
    /// <paramref name="previousFile"/>.
    /// </summary>
    public bool Keep(long step, string previousFile, Func<string, Exception> error)
    {
        if (_last is { } last)
        {
            if (step <= last)
            {
                if (_newFile)
                {
                    return false;
                }

                throw error($"expected steps to increase, found step {step} after {last}");
            }

            if (_newFile && _interval is { } interval && step - last > interval)
            {
                throw error($"expected step {last + interval} (the next after step {last}, the last of {previousFile}), found step {step}: frames are missing between the files");
            }

            _interval ??= _newFile ? null : step - last;
        }

        _newFile = false;
        _last = step;
        return true;
    }
}
