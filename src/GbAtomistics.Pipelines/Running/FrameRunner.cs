using System.Collections.Concurrent;
using System.Diagnostics;
using GbAtomistics.Analysis;
using GbAtomistics.Core;
using GbAtomistics.Core.Mpi;
using GbAtomistics.IO;

namespace GbAtomistics.Pipelines.Running;

/// <summary>
/// Reads a trajectory once and feeds every selected frame to every analysis. Frame k goes to lane k mod 16, each lane
/// holds its own accumulators (a thread serves the lanes l with l mod T = its index), and the lanes are merged in lane
/// order, so every run gives the same numbers whatever the thread count. Memory is a few frames per worker,
/// whatever the length of the trajectory. Under MPI a plain trajectory is cut into byte ranges and a dump in several
/// files into blocks of files, one share per rank; other inputs are read by every rank, which accumulates the selected
/// frames s with s mod N = its rank. The sums are added over the ranks at the end, so every rank ends with the totals.
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

        // Under MPI, selected frame s belongs to rank s mod N. Every rank reads the first selected frame (it sets up the
        // accumulators); the others are parsed only by their owner and skipped cheaply elsewhere, unless an ordered
        // analysis (the MSD) needs every frame on every rank.
        var cursor = new Cursor(reader, input.Frames, readForeign: ordered.Count > 0);
        var first = new Frame();
        if (!cursor.Next(first, readForeign: true))
        {
            throw new InputException($"{input.Path}: no frame matches the selection (the file has {reader.FrameIndex} frames)");
        }

        // Owned frame k goes to lane k mod Lanes whatever the number of threads; each lane accumulates its frames in
        // order and the lanes are merged in order, so the sums (and every output) are the same for any --threads.
        int lanes = begin.Count == 0 ? 1 : Lanes;
        int workers = Math.Min(threads, lanes);
        IFrameAccumulator[] inOrder = ordered.Select(b => b(first)).ToArray();
        var feed = new Feed(reader, inOrder, progress);
        var accumulators = new IFrameAccumulator[lanes][];
        for (int l = 0; l < lanes; l++)
        {
            accumulators[l] = begin.Select(b => b(first)).ToArray();
        }

        // Shares of the frames (byte ranges, blocks of files) need every ordered analysis (the MSD) to accept frames in
        // blocks, one block per rank.
        int selected, read;
        bool blocks = MpiWorld.IsParallel && inOrder.All(a => a is IFrameBlockAccumulator);
        string? splittable = blocks ? TrajectoryRanges.SplittableFormat(input.Path, input.Format) : null;
        if (blocks && (splittable is not null || FileShares.CanShare(input.Path, input.Format)))
        {
            foreach (IFrameBlockAccumulator a in inOrder.Cast<IFrameBlockAccumulator>())
            {
                a.HoldFrameBlock();
            }

            (selected, read) = splittable is not null
                ? RunRange(input, splittable, accumulators, workers, feed, first.Count)
                : RunFiles(input, first, accumulators, workers, feed);
            foreach (IFrameBlockAccumulator a in inOrder.Cast<IFrameBlockAccumulator>())
            {
                a.ExchangeOverRanks();
            }
        }
        else
        {
            if (MpiWorld.IsParallel)
            {
                RunNotes.Add($"{input.Path}: read whole by each of the {MpiWorld.Size} MPI ranks ({WhyNotSplit(input, inOrder)}), which share the selected frames round-robin; the reading is not divided");
            }

            Exception? failure = null;
            try
            {
                Process(cursor, first, accumulators, workers, input.Path, feed);
            }
            catch (Exception e) when (MpiWorld.IsParallel)
            {
                failure = e;
            }

            MpiWorld.Agree(failure); // a rank that failed ends every rank with its message
            (selected, read) = (cursor.Selected, reader.FrameIndex);
        }

        for (int l = 1; l < lanes; l++)
        {
            for (int a = 0; a < begin.Count; a++)
            {
                accumulators[0][a].Merge(accumulators[l][a]);
            }
        }

        if (MpiWorld.IsParallel)
        {
            foreach (IFrameAccumulator a in accumulators[0])
            {
                (a as IReducibleAccumulator ?? throw new NotSupportedException($"{a.GetType().Name} cannot be summed over MPI ranks")).Sums().SumOverRanks();
            }
        }

        return new RunOutcome([.. accumulators[0], .. inOrder], selected, read, watch.Elapsed);
    }

    /// <summary>Why <paramref name="input"/> is not cut into byte ranges under MPI, for the note that says so.</summary>
    private static string WhyNotSplit(TrajectoryInput input, IFrameAccumulator[] ordered)
    {
        if (ordered.Any(a => a is not IFrameBlockAccumulator))
        {
            return "an analysis of this pass needs every frame on every rank";
        }

        if (TrajectoryFiles.IsMulti(input.Path))
        {
            return "only LAMMPS dumps in several files are shared out by file";
        }

        string format = FormatRegistry.DetectForReading(input.Path, input.Format).Name;
        return TrajectoryRanges.IsSplitFormat(format)
            ? "a compressed file or an XDATCAR without configuration lines cannot be entered in the middle; decompress it, or write the run as several files, to divide the reading"
            : $"{format} files are not split";
    }

    private static void Process(Cursor cursor, Frame first, IFrameAccumulator[][] accumulators, int workers, string path, Feed feed)
    {
        if (workers == 1)
        {
            RunSerial(cursor, first, accumulators, path, feed);
        }
        else
        {
            RunParallel(cursor, first, accumulators, workers, path, feed);
        }
    }

    /// <summary>
    /// MPI over a plain LAMMPS dump or extended XYZ file: rank r reads only the frames that start in the r-th of N
    /// equal byte ranges (resynchronised on the format's frame marker, <see cref="TrajectoryRanges"/>), after counting them so that the frame selection applies to the global
    /// frame indices exactly as serially. Returns the selected and read frames of the whole file.
    /// </summary>
    private static (int Selected, int Read) RunRange(TrajectoryInput input, string format, IFrameAccumulator[][] accumulators, int workers, Feed feed, int atoms)
    {
        string path = input.Path;
        int rank = MpiWorld.Rank, size = MpiWorld.Size;
        long length = new FileInfo(path).Length;
        long start = TrajectoryRanges.FrameStart(path, length * rank / size, format);
        long end = rank + 1 < size ? TrajectoryRanges.FrameStart(path, length * (rank + 1) / size, format) : length;

        int count = 0;
        Exception? failure = null;
        try
        {
            using ITrajectoryReader counter = TrajectoryRanges.OpenRange(path, start, end, 0, format, input.ReadOptions);
            while (counter.Skip())
            {
                count++;
            }
        }
        catch (Exception e)
        {
            failure = e;
        }

        MpiWorld.Agree(failure);
        double[] counts = MpiWorld.Gather(count);
        int offset = (int)counts.Take(rank).Sum();
        int selected = RunShare(input, offset, first => TrajectoryRanges.OpenRange(path, start, end, first, format, input.ReadOptions), accumulators, workers, feed, atoms);
        return (selected, (int)counts.Sum());
    }

    /// <summary>
    /// MPI over a LAMMPS dump written as several files: rank r reads a contiguous block of the files, first listing
    /// their steps (atom lines skipped), so that every rank knows which frames are restart overlaps and how many frames
    /// come before its own, then reading its frames (<see cref="FileShares"/>). Returns the selected and read frames.
    /// </summary>
    private static (int Selected, int Read) RunFiles(TrajectoryInput input, Frame first, IFrameAccumulator[][] accumulators, int workers, Feed feed)
    {
        IReadOnlyList<string> files = TrajectoryFiles.Expand(input.Path);
        int rank = MpiWorld.Rank, size = MpiWorld.Size;
        int from = FileShares.FirstFile(files.Count, rank, size), to = FileShares.FirstFile(files.Count, rank + 1, size);

        // Each rank lists the steps of its files: [frames of file, steps...] per file, then every rank gets all lists.
        var mine = new List<long>();
        Exception? failure = null;
        try
        {
            for (int f = from; f < to; f++)
            {
                long[] steps = FileShares.Steps(files[f], input.ReadOptions);
                mine.Add(steps.Length);
                mine.AddRange(steps);
            }
        }
        catch (Exception e)
        {
            failure = e;
        }

        MpiWorld.Agree(failure);
        long[] all = MpiWorld.AllGather<long>([.. mine]);
        var lists = new List<long[]>();
        for (int k = 0; k < all.Length; k += 1 + (int)all[k])
        {
            lists.Add(all[(k + 1)..(k + 1 + (int)all[k])]);
        }

        int[] drops = FileShares.LeadingDrops(input.Path, files, lists);
        int[] kept = [.. lists.Select((l, f) => l.Length - drops[f])];
        int offset = kept.Take(from).Sum();
        long[] ids = first.Ids[..first.Count];
        int selected = RunShare(input, offset, _ => FileShares.Open(input.Path, files, from, to, drops, ids, input.ReadOptions, input.Format), accumulators, workers, feed, first.Count);
        return (selected, kept.Sum());
    }

    /// <summary>
    /// Reads this rank's share of the frames (the reader <paramref name="open"/> gives, whose frame 0 is frame
    /// <paramref name="offset"/> of the whole trajectory) into the accumulators; returns the selected frames of all ranks.
    /// </summary>
    private static int RunShare(TrajectoryInput input, int offset, Func<int, ITrajectoryReader> open, IFrameAccumulator[][] accumulators, int workers, Feed feed, int atoms)
    {
        int selected = 0;
        Exception? failure = null;
        try
        {
            using ITrajectoryReader reader = open(offset);
            var cursor = new Cursor(reader, input.Frames, readForeign: false, frameOffset: offset);
            var frame = new Frame();
            if (cursor.Next(frame))
            {
                if (frame.Count != atoms)
                {
                    CheckAtoms(frame, atoms, cursor.FrameIndex - 1, input.Path);
                }

                Process(cursor, frame, accumulators, workers, input.Path, feed);
            }

            selected = cursor.Selected;
        }
        catch (Exception e)
        {
            failure = e;
        }

        MpiWorld.Agree(failure);
        Span<double> total = [selected];
        MpiWorld.Sum(total);
        return (int)total[0];
    }

    private static void RunSerial(Cursor cursor, Frame first, IFrameAccumulator[][] accumulators, string path, Feed feed)
    {
        int owned = 0;
        Frame frame = first;
        int atoms = first.Count;
        do
        {
            CheckAtoms(frame, atoms, cursor.FrameIndex - 1, path);
            feed.Ordered(frame);
            if (cursor.Owned)
            {
                AccumulateAll(accumulators[owned++ % accumulators.Length], frame);
            }
        }
        while (cursor.Next(frame));
    }

    private static void RunParallel(Cursor cursor, Frame first, IFrameAccumulator[][] accumulators, int workers, string path, Feed feed)
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
                                AccumulateAll(accumulators[lane], f);
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

        int owned = 0;
        int atoms = first.Count;
        try
        {
            Frame next = first;
            do
            {
                CheckAtoms(next, atoms, cursor.FrameIndex - 1, path);
                feed.Ordered(next);
                if (cursor.Owned)
                {
                    int lane = owned++ % lanes;
                    queues[lane % workers].Add((next, lane));
                    next = free.Take();
                }

                if (Volatile.Read(ref failure) is not null)
                {
                    break;
                }
            }
            while (cursor.Next(next));
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

    /// <summary>
    /// Walks the selected frames: <see cref="Selected"/> counts them, <see cref="Owned"/> says whether the current one
    /// belongs to this MPI rank (always, serially). Frames that are not selected, and selected frames of other ranks when
    /// they need not be read, are skipped without parsing.
    /// </summary>
    private sealed class Cursor(ITrajectoryReader reader, FrameSelection selection, bool readForeign, int? frameOffset = null)
    {
        private readonly bool _readForeign = readForeign;

        /// <summary>Selected frames passed so far, the current one included.</summary>
        public int Selected { get; private set; }

        /// <summary>Whether the current frame is this rank's: every frame of a byte range, else every N-th selected one.</summary>
        public bool Owned => frameOffset is not null || (Selected - 1) % MpiWorld.Size == MpiWorld.Rank;

        /// <summary>Frames of the file passed so far (for a byte range, counted from the start of the file).</summary>
        public int FrameIndex => reader.FrameIndex + (frameOffset ?? 0);

        /// <summary>Reads the next frame this rank handles into <paramref name="frame"/>; false at the end.</summary>
        public bool Next(Frame frame, bool? readForeign = null)
        {
            while (!selection.IsPastEnd(FrameIndex))
            {
                if (selection.Includes(FrameIndex))
                {
                    Selected++;
                    if (Owned || (readForeign ?? _readForeign))
                    {
                        return reader.Read(frame);
                    }
                }

                if (!reader.Skip())
                {
                    return false;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// Feeds one frame to the analyses of a lane, one after another on this thread; with more than one, analyses that
    /// ask for the same cell list of the frame (same atoms and cut-off) share one build.
    /// </summary>
    private static void AccumulateAll(IFrameAccumulator[] accumulators, Frame frame)
    {
        using CellListPool.Scope shared = accumulators.Length > 1 ? CellListPool.Share(frame) : default;
        foreach (IFrameAccumulator a in accumulators)
        {
            a.Accumulate(frame);
        }
    }

    /// <summary>What the reading thread does with each selected frame besides handing it on: ordered analyses, progress.</summary>
    private sealed class Feed(ITrajectoryReader reader, IFrameAccumulator[] ordered, Action<int, long>? progress)
    {
        public void Ordered(Frame frame)
        {
            AccumulateAll(ordered, frame);
            progress?.Invoke(reader.FrameIndex, reader.BytesRead);
        }
    }
}
