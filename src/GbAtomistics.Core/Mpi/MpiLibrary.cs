using System.Runtime.InteropServices;

namespace GbAtomistics.Core.Mpi;

/// <summary>
/// The few MPI calls gbat needs, bound at run time to the machine's MPI shared library: OpenMPI's
/// <c>libmpi.so.40</c> or MPICH's <c>libmpi.so.12</c>, or the file named by <c>GBAT_MPI_LIBRARY</c>. The two differ
/// in how handles are passed (OpenMPI: addresses of predefined objects such as <c>ompi_mpi_comm_world</c>; MPICH:
/// integer constants from its <c>mpi.h</c>); both are passed as pointer-sized integers, which the C calling convention
/// reads correctly for MPICH's <c>int</c> handles too.
/// </summary>
internal sealed unsafe class MpiLibrary
{
    private readonly delegate* unmanaged<int*, nint, int> _init;
    private readonly delegate* unmanaged<int> _finalize;
    private readonly delegate* unmanaged<nint, int*, int> _rank;
    private readonly delegate* unmanaged<nint, int*, int> _size;
    private readonly delegate* unmanaged<void*, void*, int, nint, nint, nint, int> _allreduce;
    private readonly delegate* unmanaged<void*, int, nint, int, nint, int> _bcast;
    private readonly delegate* unmanaged<nint, int, int> _abort;
    private readonly delegate* unmanaged<void*, int*, int*, nint, void*, int*, int*, nint, nint, int> _alltoallv;
    private readonly delegate* unmanaged<void*, void*, int, nint, nint, nint, int> _exscan;

    private MpiLibrary(nint handle, string path)
    {
        Path = path;
        nint Export(string name) => NativeLibrary.GetExport(handle, name);
        _init = (delegate* unmanaged<int*, nint, int>)Export("MPI_Init");
        _finalize = (delegate* unmanaged<int>)Export("MPI_Finalize");
        _rank = (delegate* unmanaged<nint, int*, int>)Export("MPI_Comm_rank");
        _size = (delegate* unmanaged<nint, int*, int>)Export("MPI_Comm_size");
        _allreduce = (delegate* unmanaged<void*, void*, int, nint, nint, nint, int>)Export("MPI_Allreduce");
        _bcast = (delegate* unmanaged<void*, int, nint, int, nint, int>)Export("MPI_Bcast");
        _abort = (delegate* unmanaged<nint, int, int>)Export("MPI_Abort");
        _alltoallv = (delegate* unmanaged<void*, int*, int*, nint, void*, int*, int*, nint, nint, int>)Export("MPI_Alltoallv");
        _exscan = (delegate* unmanaged<void*, void*, int, nint, nint, nint, int>)Export("MPI_Exscan");
        if (NativeLibrary.TryGetExport(handle, "ompi_mpi_comm_world", out nint world))
        {
            World = world;
            Double = Export("ompi_mpi_double");
            Int = Export("ompi_mpi_int");
            Byte = Export("ompi_mpi_byte");
            Sum = Export("ompi_mpi_op_sum");
            Min = Export("ompi_mpi_op_min");
            InPlace = 1;
        }
        else
        {
            // MPICH ABI (also Intel MPI, MVAPICH): predefined handles are integers fixed by its mpi.h.
            World = 0x44000000;
            Double = 0x4c00080b;
            Int = 0x4c000405;
            Byte = 0x4c00010d;
            Sum = 0x58000003;
            Min = 0x58000002;
            InPlace = -1;
        }
    }

    /// <summary>The library loaded.</summary>
    public string Path { get; }

    public nint World { get; }

    public nint Double { get; }

    public nint Int { get; }

    public nint Byte { get; }

    public nint Sum { get; }

    public nint Min { get; }

    /// <summary>MPI_IN_PLACE: (void*)1 in OpenMPI, (void*)-1 in MPICH.</summary>
    public nint InPlace { get; }

    /// <summary>Loads the MPI library (<c>GBAT_MPI_LIBRARY</c>, else OpenMPI's, else MPICH's); a clear error when none loads.</summary>
    public static MpiLibrary Load()
    {
        string? given = Environment.GetEnvironmentVariable("GBAT_MPI_LIBRARY");
        string[] candidates = given is { Length: > 0 } ? [given] : ["libmpi.so.40", "libmpi.so.12", "libmpi.so"];
        foreach (string name in candidates)
        {
            if (NativeLibrary.TryLoad(name, out nint handle))
            {
                return new MpiLibrary(handle, name);
            }
        }

        throw new InputException(
            $"started by an MPI launcher, but no MPI library could be loaded (tried {string.Join(", ", candidates)}); " +
            "install OpenMPI or MPICH, or name the library in GBAT_MPI_LIBRARY");
    }

    public void Init() => Check(_init(null, 0), "MPI_Init");

    public void Close() => _finalize();

    public int Rank()
    {
        int rank;
        Check(_rank(World, &rank), "MPI_Comm_rank");
        return rank;
    }

    public int Size()
    {
        int size;
        Check(_size(World, &size), "MPI_Comm_size");
        return size;
    }

    public void AllReduce(Span<double> values, nint op)
    {
        fixed (double* p = values)
        {
            Check(_allreduce((void*)InPlace, p, values.Length, Double, op, World), "MPI_Allreduce");
        }
    }

    public void AllReduce(Span<int> values, nint op)
    {
        fixed (int* p = values)
        {
            Check(_allreduce((void*)InPlace, p, values.Length, Int, op, World), "MPI_Allreduce");
        }
    }

    public void Broadcast(Span<byte> bytes, int root)
    {
        fixed (byte* p = bytes)
        {
            Check(_bcast(p, bytes.Length, Byte, root, World), "MPI_Bcast");
        }
    }

    public void Abort(int code) => _abort(World, code);

    /// <summary>MPI_Alltoallv on bytes: send[sendOffsets[q] ..][..sendCounts[q]] goes to rank q; counts are in bytes.</summary>
    public void AllToAll(ReadOnlySpan<byte> send, ReadOnlySpan<int> sendCounts, ReadOnlySpan<int> sendOffsets,
        Span<byte> receive, ReadOnlySpan<int> receiveCounts, ReadOnlySpan<int> receiveOffsets)
    {
        fixed (byte* s = send)
        fixed (byte* r = receive)
        fixed (int* sc = sendCounts)
        fixed (int* so = sendOffsets)
        fixed (int* rc = receiveCounts)
        fixed (int* ro = receiveOffsets)
        {
            // A non-null address even for empty buffers: some MPI builds check the pointer before the counts.
            byte dummy = 0;
            Check(_alltoallv(send.IsEmpty ? &dummy : s, sc, so, Byte, receive.IsEmpty ? &dummy : r, rc, ro, Byte, World), "MPI_Alltoallv");
        }
    }

    /// <summary>MPI_Exscan with MPI_SUM: <paramref name="result"/> gets the sums of <paramref name="values"/> over the lower ranks (undefined on rank 0).</summary>
    public void ExclusiveSum(ReadOnlySpan<double> values, Span<double> result)
    {
        fixed (double* v = values)
        fixed (double* r = result)
        {
            Check(_exscan(v, r, values.Length, Double, Sum, World), "MPI_Exscan");
        }
    }

    private static void Check(int code, string call)
    {
        if (code != 0)
        {
            throw new InvalidOperationException($"{call} failed with MPI error {code}");
        }
    }
}
