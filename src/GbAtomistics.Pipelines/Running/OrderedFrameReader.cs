using System.Collections.Concurrent;
using GbAtomistics.Core;
using GbAtomistics.IO;

namespace GbAtomistics.Pipelines.Running;

/// <summary>
/// Delivers the selected frames of a trajectory in time order to one consumer while several readers parse them in
/// parallel: reader r opens the file itself, parses the selected frames whose ordinal is r modulo the reader count
/// and skips the others (skipping counts lines without tokenising them). For analyses that need every frame in order
/// (MSD), where parsing the text is the slow part. Reader 0 reads the first selected frame alone; when it parsed that
/// frame on all cores (a large LAMMPS dump or extended XYZ frame) it stays the only reader, since a second one would
/// find no core free and only add the skipping. Memory: a few frames per reader.
/// </summary>
public static class OrderedFrameReader
{
    private const int FramesPerReader = 3;

    /// <summary>
    /// Calls <paramref name="consume"/> with each selected frame in order (the frame is reused afterwards: copy what
    /// must be kept). Returns the number of frames consumed. A reader's error is rethrown after the frames before it.
    /// </summary>
    public static int Run(TrajectoryInput input, int readers, Action<Frame> consume)
    {
        Plotting.Renderer.Prepare(); // the MSD ends in plots: start the renderer while frames are read
        int most = Math.Max(1, readers);
        var full = Enumerable.Range(0, most).Select(_ => new BlockingCollection<Frame>(FramesPerReader)).ToArray();
        var free = Enumerable.Range(0, most).Select(_ => new BlockingCollection<Frame>()).ToArray();
        var failures = new Exception?[most];
        using var cancel = new CancellationTokenSource();
        var tasks = new List<Task>();
        readers = most;

        // Reader 0 decides, after its first frame and before handing it on, how many readers share the frames; the
        // others start then.
        void Start(int me, Func<ITrajectoryReader, int>? decide)
        {
            for (int k = 0; k < FramesPerReader + 1; k++)
            {
                free[me].Add(new Frame());
            }

            tasks.Add(Task.Factory.StartNew(
                () =>
                {
                    try
                    {
                        ReadShare(input, me, readers, full[me], free[me], decide, cancel.Token);
                    }
                    catch (OperationCanceledException) when (cancel.IsCancellationRequested)
                    {
                    }
                    catch (Exception e)
                    {
                        failures[me] = e;
                    }
                    finally
                    {
                        full[me].CompleteAdding();
                    }
                },
                TaskCreationOptions.LongRunning));
        }

        Start(0, reader =>
        {
            readers = reader.ReadOnAllCores ? 1 : most;
            for (int r = 1; r < readers; r++)
            {
                Start(r, null);
            }

            return readers;
        });

        int used = 0;
        Execution.IPipelineProgress? progress = Execution.ProgressScope.Current;
        string label = progress is null ? string.Empty : Execution.ProgressScope.Label(input.Path);
        progress?.PassStarted(label, input.Path, -1);
        try
        {
            while (full[used % readers].TryTake(out Frame? frame, Timeout.Infinite))
            {
                try
                {
                    consume(frame);
                    progress?.FrameRead(label, used + 1, 0);
                }
                finally
                {
                    free[used % readers].Add(frame);
                }

                used++;
            }
        }
        finally
        {
            cancel.Cancel();
            Task.WaitAll(tasks.ToArray());
            progress?.PassFinished(label);
        }

        // The reader whose share ended first holds the earliest error (or the clean end of the file).
        int stopped = used % readers;
        if (failures[stopped] is { } failure)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }

        if (used == 0)
        {
            throw new InputException($"{input.Path}: no frame matches the selection");
        }

        return used;
    }

    /// <summary>
    /// Reads the share of reader <paramref name="me"/> of <paramref name="readers"/>; <paramref name="decide"/>, when
    /// given, is called after the first frame read and returns the reader count from then on.
    /// </summary>
    private static void ReadShare(
        TrajectoryInput input, int me, int readers, BlockingCollection<Frame> full, BlockingCollection<Frame> free, Func<ITrajectoryReader, int>? decide, CancellationToken cancel)
    {
        using ITrajectoryReader reader = FormatRegistry.OpenReader(input.Path, input.ReadOptions, input.Format);
        FrameSelection selection = input.Frames;
        int ordinal = 0;
        while (!selection.IsPastEnd(reader.FrameIndex))
        {
            bool mine = false;
            if (selection.Includes(reader.FrameIndex))
            {
                mine = ordinal % readers == me;
                ordinal++;
            }

            if (!mine)
            {
                if (!reader.Skip())
                {
                    return;
                }

                continue;
            }

            Frame frame = free.Take(cancel);
            if (!reader.Read(frame))
            {
                return;
            }

            if (decide is not null)
            {
                readers = decide(reader);
                decide = null;
            }

            full.Add(frame, cancel);
        }
    }
}
