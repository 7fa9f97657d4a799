using System.Collections.Concurrent;
using GbAtomistics.Core;
using GbAtomistics.IO;

namespace GbAtomistics.Pipelines.Running;

/// <summary>
/// Delivers the selected frames of a trajectory in time order to one consumer while several readers parse them in
/// parallel: reader r opens the file itself, parses the selected frames whose ordinal is r modulo the reader count
/// and skips the others (skipping counts lines without tokenising them). For analyses that need every frame in order
/// (MSD), where parsing the text is the slow part. Memory: a few frames per reader.
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
        readers = Math.Max(1, readers);
        var full = Enumerable.Range(0, readers).Select(_ => new BlockingCollection<Frame>(FramesPerReader)).ToArray();
        var free = Enumerable.Range(0, readers).Select(_ => new BlockingCollection<Frame>()).ToArray();
        var failures = new Exception?[readers];
        using var cancel = new CancellationTokenSource();
        var tasks = new Task[readers];
        for (int r = 0; r < readers; r++)
        {
            for (int k = 0; k < FramesPerReader + 1; k++)
            {
                free[r].Add(new Frame());
            }

            int me = r;
            tasks[r] = Task.Factory.StartNew(
                () =>
                {
                    try
                    {
                        ReadShare(input, me, readers, full[me], free[me], cancel.Token);
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
                TaskCreationOptions.LongRunning);
        }

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
            Task.WaitAll(tasks);
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

    private static void ReadShare(TrajectoryInput input, int me, int readers, BlockingCollection<Frame> full, BlockingCollection<Frame> free, CancellationToken cancel)
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

            full.Add(frame, cancel);
        }
    }
}
