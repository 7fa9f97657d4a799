using System.Diagnostics;

namespace GbAtomistics.Fuzz;

/// <summary>
/// Runs one input of a family on its own thread with a time limit, measuring what the thread allocated. A thread
/// that overruns is left behind (it is a background thread) and reported as a hang.
/// </summary>
internal sealed class Executor
{
    private readonly TimeSpan _timeLimit;
    private readonly long _memoryLimit;

    public Executor(TimeSpan timeLimit, long memoryLimit)
    {
        _timeLimit = timeLimit;
        _memoryLimit = memoryLimit;
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> and reads it with <paramref name="family"/>.</summary>
    public Outcome Run(FuzzFamily family, byte[] bytes, string path)
    {
        File.WriteAllBytes(path, bytes);
        Exception? error = null;
        long allocated = 0;
        var watch = Stopwatch.StartNew();
        var thread = new Thread(
            () =>
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                try
                {
                    family.Read(path);
                }
                catch (Exception e)
                {
                    error = e;
                }
                finally
                {
                    allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                }
            },
            16 << 20)
        {
            IsBackground = true,
            Name = "fuzz " + family.Name,
        };
        thread.Start();
        if (!thread.Join(_timeLimit))
        {
            return new Outcome(OutcomeKind.Hang, watch.Elapsed, 0, null);
        }

        watch.Stop();
        if (error is OutOfMemoryException || allocated > _memoryLimit)
        {
            return new Outcome(OutcomeKind.Memory, watch.Elapsed, allocated, error);
        }

        if (error is null)
        {
            return new Outcome(OutcomeKind.Accepted, watch.Elapsed, allocated, null);
        }

        return new Outcome(family.IsRefusal(error) ? OutcomeKind.Refused : OutcomeKind.Crash, watch.Elapsed, allocated, error);
    }
}
