using System.Collections.Concurrent;
using System.Diagnostics;
using GbAtomistics.Analysis;
using GbAtomistics.Core;
using GbAtomistics.IO;

namespace GbAtomistics.Pipelines.Running;

/// <summary>
/// Reads a trajectory once and feeds every selected frame to every analysis. Frame k goes to lane k mod 16, each lane
/// holds its own accumulators (a thread serves the lanes l with l mod T = its index), and the lanes are merged in lane
/// order, so every run gives the same numbers whatever the thread count. Memory is a few frames per worker,
/// whatever the length of the trajectory.
/// </summary>
public static class FrameRunner
{
    /// <summary>Accumulator lanes: frames are split between them the same way for any number of threads (at most this many).</summary>
    private const int Lanes = 16;

    /// <summary>
    /// Runs the analyses over the selected frames. <paramref name="begin"/> creates one analysis's empty
    /// accumulator from the first selected frame (called once per lane); <paramref name="ordered"/> ones receive every
    /// frame in time order on the reading thread. Returns the merged accumulators in the order of
    /// <paramref name="begin"/>, then those of <paramref name="ordered"/>.
    /// </summary>
    public static RunOutcome Run(
        TrajectoryInput input, IReadOnlyList<Func<Frame, IFrameAccumulator>> begin, int threads = 1, IReadOnlyList<Func<Frame, IFrameAccumulator>>? ordered = null)
    {
        if (Execution.ProgressScope.Current is not { } progress)
        {
            return Run(input, begin, threads, ordered ?? [], null);
        }

        string label = Execution.ProgressScope.Label(input.Path);
        progress.PassStarted(label, input.Path, Execution.ProgressScope.Size(input.Path));
        try
        {
            return Run(input, begin, threads, ordered ?? [], (frames, bytes) => progress.FrameRead(label, frames, bytes));
        }
        finally
        {
            progress.PassFinished(label);
        }
    }

    /// <summary>
    /// Runs frame-parallel analyses (<paramref name="begin"/>, merged as above) and analyses that need every frame in
    /// time order (<paramref name="ordered"/>, e.g. the MSD), all in one pass: the reading thread feeds each frame to the
    /// ordered accumulators before handing it to a worker. Returns the accumulators of <paramref name="begin"/> followed by
    /// those of <paramref name="ordered"/>. <paramref name="progress"/> is called on the reading thread after each frame
    /// read with the frames read and bytes read so far.
    /// </summary>
    public static RunOutcome Run(
        TrajectoryInput input,
        IReadOnlyList<Func<Frame, IFrameAccumulator>> begin,
        int threads,
        IReadOnlyList<Func<Frame, IFrameAccumulator>> ordered,
        Action<int, long>? progress)
    {
        if (threads < 1)
        {
            throw new InputException($"--threads {threads}: expected at least 1");
        }

        Plotting.Renderer.Prepare(); // every analysis ends in plots: start the renderer while frames are read
        var watch = Stopwatch.StartNew();
        using ITrajectoryReader reader = FormatRegistry.OpenReader(input.Path, input.ReadOptions, input.Format);
        FrameSelection selection = input.Frames;
        var first = new Frame();
        if (!NextSelected(reader, selection, first))
        {
            throw new InputException($"{input.Path}: no frame matches the selection (the file has {reader.FrameIndex} frames)");
        }

        // Frame k goes to lane k mod Lanes whatever the number of threads; each lane accumulates its frames in order
        // and the lanes are merged in order, so the sums (and every output) are the same for any --threads.
        int lanes = begin.Count == 0 ? 1 : Lanes;
        int workers = Math.Min(threads, lanes);
        IFrameAccumulator[] inOrder = ordered.Select(b => b(first)).ToArray();
        var feed = new Feed(reader, inOrder, progress);
        var accumulators = new IFrameAccumulator[lanes][];
        for (int l = 0; l < lanes; l++)
        {
            accumulators[l] = begin.Select(b => b(first)).ToArray();
        }

        int used;
        if (workers == 1)
        {
            used = RunSerial(reader, selection, first, accumulators, input.Path, feed);
        }
        else
        {
            used = RunParallel(reader, selection, first, accumulators, workers, input.Path, feed);
        }

        for (int l = 1; l < lanes; l++)
        {
            for (int a = 0; a < begin.Count; a++)
            {
                accumulators[0][a].Merge(accumulators[l][a]);
            }
        }

        return new RunOutcome([.. accumulators[0], .. inOrder], used, reader.FrameIndex, watch.Elapsed);
    }

    private static int RunSerial(ITrajectoryReader reader, FrameSelection selection, Frame first, IFrameAccumulator[][] accumulators, string path, Feed feed)
    {
        int used = 0;
        Frame frame = first;
        int atoms = first.Count;
        do
        {
            CheckAtoms(frame, atoms, reader.FrameIndex - 1, path);
            feed.Ordered(frame);
            foreach (IFrameAccumulator a in accumulators[used % accumulators.Length])
            {
                a.Accumulate(frame);
            }

            used++;
        }
        while (NextSelected(reader, selection, frame));
        return used;
    }

    private static int RunParallel(
        ITrajectoryReader reader, FrameSelection selection, Frame first, IFrameAccumulator[][] accumulators, int workers, string path, Feed feed)
    {
        int lanes = accumulators.Length;
        var free = new BlockingCollection<Frame>();
        for (int k = 0; k < (2 * workers) + 1; k++)
        {
            free.Add(new Frame());
        }

        // Worker w owns the lanes l with l mod workers = w, so no lane is touched by two threads.
        var queues = Enumerable.Range(0, workers).Select(_ => new BlockingCollection<(Frame Frame, int Lane)>(2)).ToArray();
        Exception? failure = null;
        var tasks = new Task[workers];
        for (int w = 0; w < workers; w++)
        {
            int worker = w;
            tasks[w] = Task.Factory.StartNew(
                () =>
                {
                    foreach (var (f, lane) in queues[worker].GetConsumingEnumerable())
                    {
                        try
                        {
                            if (Volatile.Read(ref failure) is null)
                            {
                                foreach (IFrameAccumulator a in accumulators[lane])
                                {
                                    a.Accumulate(f);
                                }
                            }
                        }
                        catch (Exception e)
                        {
                            Interlocked.CompareExchange(ref failure, e, null);
                        }
                        finally
                        {
                            free.Add(f);
                        }
                    }
                },
                TaskCreationOptions.LongRunning);
        }

        int used = 0;
        int atoms = first.Count;
        try
        {
            Frame next = first;
            do
            {
                CheckAtoms(next, atoms, reader.FrameIndex - 1, path);
                feed.Ordered(next);
                int lane = used % lanes;
                queues[lane % workers].Add((next, lane));
                used++;
                next = free.Take();
                if (Volatile.Read(ref failure) is not null)
                {
                    break;
                }
            }
            while (NextSelected(reader, selection, next));
        }
        finally
        {
            foreach (var q in queues)
            {
                q.CompleteAdding();
            }

            Task.WaitAll(tasks);
        }

        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }

        return used;
    }

    /// <summary>Reads the next selected frame into <paramref name="frame"/>, skipping the others cheaply.</summary>
    private static bool NextSelected(ITrajectoryReader reader, FrameSelection selection, Frame frame)
    {
        while (!selection.IsPastEnd(reader.FrameIndex))
        {
            if (selection.Includes(reader.FrameIndex))
            {
                return reader.Read(frame);
            }

            if (!reader.Skip())
            {
                return false;
            }
        }

        return false;
    }

    private static void CheckAtoms(Frame frame, int atoms, int index, string path)
    {
        if (frame.Count != atoms)
        {
            throw new InputException(
                $"{path}: frame {index} has {frame.Count} atoms but the first analysed frame has {atoms}; " +
                "analyses need the same atoms in every frame (select frames with --first-frame/--last-frame)");
        }
    }

    /// <summary>What the reading thread does with each selected frame besides handing it on: ordered analyses, progress.</summary>
    private sealed class Feed(ITrajectoryReader reader, IFrameAccumulator[] ordered, Action<int, long>? progress)
    {
        public void Ordered(Frame frame)
        {
            foreach (IFrameAccumulator a in ordered)
            {
                a.Accumulate(frame);
            }

            progress?.Invoke(reader.FrameIndex, reader.BytesRead);
        }
    }
}
