using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using System.Text;

namespace GbAtomistics.Core.Mpi;

/// <summary>
/// The MPI job gbat runs in, if any. When gbat is started by <c>mpirun</c>/<c>mpiexec</c> (OpenMPI, MPICH) or
/// <c>srun</c> (PMI/PMIx), <see cref="Start"/> loads the MPI library and joins the job; otherwise nothing MPI is loaded,
/// <see cref="Size"/> is 1 and every method is a no-op, so serial behaviour is unchanged. Collective methods must be
/// called by every rank in the same order.
/// </summary>
public static class MpiWorld
{
    private static MpiLibrary? _library;

    /// <summary>This process's rank (0 when not under MPI).</summary>
    public static int Rank { get; private set; }

    /// <summary>The number of ranks (1 when not under MPI).</summary>
    public static int Size { get; private set; } = 1;

    /// <summary>Whether more than one rank shares the work.</summary>
    public static bool IsParallel => Size > 1;

    /// <summary>The MPI library in use, or null.</summary>
    public static string? Library => _library?.Path;

    /// <summary>Whether an MPI launcher started this process (its rank variables are set).</summary>
    public static bool Launched =>
        new[] { "OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK", "PMI_RANK", "MPI_LOCALNRANKS" }
            .Any(v => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(v)));

    /// <summary>Joins the MPI job when launched by one; otherwise does nothing.</summary>
    public static void Start()
    {
        if (_library is not null || !Launched || Environment.GetEnvironmentVariable("GBAT_NO_MPI") == "1")
        {
            return;
        }

        _library = MpiLibrary.Load();
        _library.Init();
        Rank = _library.Rank();
        Size = _library.Size();
    }

    /// <summary>Leaves the MPI job (every rank, at the end).</summary>
    public static void Stop()
    {
        _library?.Close();
        _library = null;
    }

    /// <summary>Ends every rank at once with <paramref name="code"/> (for a failure outside a collective).</summary>
    public static void Abort(int code) => _library?.Abort(code);

    /// <summary>Replaces <paramref name="values"/> by their sums over all ranks (the same result on every rank).</summary>
    public static void Sum(Span<double> values)
    {
        if (IsParallel)
        {
            _library!.AllReduce(values, _library.Sum);
        }
    }

    /// <summary>
    /// Replaces <paramref name="values"/> by the sums of the values of the lower ranks (zeros on rank 0): an exclusive
    /// prefix sum over ranks.
    /// </summary>
    public static void ExclusiveSum(Span<double> values)
    {
        if (!IsParallel)
        {
            values.Clear();
            return;
        }

        double[] result = new double[values.Length];
        _library!.ExclusiveSum(values, result);
        if (Rank == 0)
        {
            Array.Clear(result);
        }

        result.CopyTo(values);
    }

    /// <summary>One value from every rank, in rank order (the same array on every rank).</summary>
    public static double[] Gather(double value)
    {
        double[] all = new double[Size];
        all[Rank] = value;
        Sum(all);
        return all;
    }

    /// <summary>
    /// The items of every rank, concatenated in rank order (the same array on every rank); serially, a copy of
    /// <paramref name="mine"/>.
    /// </summary>
    public static T[] AllGather<T>(ReadOnlySpan<T> mine)
        where T : unmanaged
    {
        if (!IsParallel)
        {
            return mine.ToArray();
        }

        var send = new T[mine.Length * Size];
        var counts = new int[Size];
        for (int q = 0; q < Size; q++)
        {
            mine.CopyTo(send.AsSpan(q * mine.Length));
            counts[q] = mine.Length;
        }

        return Exchange<T>(send, counts);
    }

    /// <summary>
    /// Personalised all-to-all exchange: the first <paramref name="sendCounts"/>[0] items of <paramref name="send"/> go
    /// to rank 0, the next <paramref name="sendCounts"/>[1] to rank 1, and so on; returns what every rank sent to this
    /// one, concatenated in rank order. Serially, returns a copy of <paramref name="send"/>.
    /// </summary>
    public static T[] Exchange<T>(ReadOnlySpan<T> send, ReadOnlySpan<int> sendCounts)
        where T : unmanaged
    {
        if (!IsParallel)
        {
            return send.ToArray();
        }

        int size = Unsafe.SizeOf<T>();
        var receiveCounts = new int[Size];
        var ones = new int[Size];
        var offsets = new int[Size];
        for (int q = 0; q < Size; q++)
        {
            ones[q] = sizeof(int);
            offsets[q] = q * sizeof(int);
        }

        _library!.AllToAll(
            MemoryMarshal.AsBytes(sendCounts), ones, offsets,
            MemoryMarshal.AsBytes(receiveCounts.AsSpan()), ones, offsets);

        int[] sendBytes = ByteCounts(sendCounts, size, out int[] sendOffsets, "send");
        int[] receiveBytes = ByteCounts(receiveCounts, size, out int[] receiveOffsets, "receive");
        var received = new T[receiveCounts.Sum(c => (long)c)];
        _library.AllToAll(
            MemoryMarshal.AsBytes(send), sendBytes, sendOffsets,
            MemoryMarshal.AsBytes(received.AsSpan()), receiveBytes, receiveOffsets);
        return received;
    }

    private static int[] ByteCounts(ReadOnlySpan<int> counts, int itemSize, out int[] offsets, string what)
    {
        var bytes = new int[counts.Length];
        offsets = new int[counts.Length];
        long offset = 0;
        for (int q = 0; q < counts.Length; q++)
        {
            long b = (long)counts[q] * itemSize;
            if (b > int.MaxValue || offset > int.MaxValue)
            {
                throw new InputException(
                    $"an MPI exchange would {what} {offset + b} bytes, more than one call can carry (2 GiB): use more ranks so that each holds less");
            }

            bytes[q] = (int)b;
            offsets[q] = (int)offset;
            offset += b;
        }

        return bytes;
    }

    /// <summary>The bytes of rank <paramref name="root"/> on every rank (the others pass anything, e.g. empty).</summary>
    public static byte[] Broadcast(byte[] bytes, int root)
    {
        if (!IsParallel)
        {
            return bytes;
        }

        Span<int> length = [Rank == root ? bytes.Length : 0];
        _library!.AllReduce(length, _library.Sum);
        byte[] result = Rank == root ? bytes : new byte[length[0]];
        _library.Broadcast(result, root);
        return result;
    }

    /// <summary>Replaces <paramref name="values"/> by their maxima over all ranks.</summary>
    public static void Max(Span<int> values)
    {
        if (!IsParallel)
        {
            return;
        }

        for (int i = 0; i < values.Length; i++)
        {
            values[i] = -values[i];
        }

        _library!.AllReduce(values, _library.Min);
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = -values[i];
        }
    }

    /// <summary>
    /// A collective check after work each rank did alone: when any rank failed, every rank throws the failure of the
    /// lowest failing rank (an <see cref="InputException"/> with its message on the others), so all ranks end with the
    /// same located message instead of some waiting for ever in the next collective.
    /// </summary>
    public static void Agree(Exception? failure)
    {
        if (!IsParallel)
        {
            if (failure is not null)
            {
                ExceptionDispatchInfo.Throw(failure);
            }

            return;
        }

        Span<int> who = [failure is null ? Size : Rank];
        _library!.AllReduce(who, _library.Min);
        if (who[0] == Size)
        {
            return;
        }

        byte[] message = Broadcast(
            who[0] == Rank ? Encoding.UTF8.GetBytes(failure is InputException ? failure.Message : $"rank {Rank}: internal error: {failure}") : [],
            who[0]);
        if (failure is not null && who[0] == Rank)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        throw new InputException(Encoding.UTF8.GetString(message));
    }
}
