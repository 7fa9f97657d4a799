namespace GbAtomistics.Core.Mpi;

/// <summary>
/// Sends one <see cref="Frame"/> from the MPI rank that holds it to every rank (a per-atom snapshot kept by whichever
/// rank read that frame): step, time, box, species, coordinates kind, ids, types, positions, image flags, charges
/// and the named per-atom columns.
/// </summary>
public static class FrameTransfer
{
    /// <summary>The frame <paramref name="mine"/> of rank <paramref name="root"/>, on every rank (collective).</summary>
    public static Frame Broadcast(Frame? mine, int root)
    {
        byte[] bytes = MpiWorld.Rank == root ? Serialize(mine ?? throw new ArgumentNullException(nameof(mine))) : [];
        return Deserialize(MpiWorld.Broadcast(bytes, root));
    }

    private static byte[] Serialize(Frame f)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream))
        {
            w.Write(f.Step);
            w.Write(f.Time.HasValue);
            w.Write(f.Time ?? 0);
            WriteBox(w, f.Box);
            int[] types = f.Species?.Types.ToArray() ?? [];
            w.Write(types.Length);
            foreach (int t in types)
            {
                w.Write(t);
                w.Write(f.Species!.NameOf(t)!);
            }

            w.Write((int)f.Coordinates);
            w.Write(f.Count);
            for (int i = 0; i < f.Count; i++)
            {
                w.Write(f.Ids[i]);
                w.Write(f.Types[i]);
                Write(w, f.Positions[i]);
            }

            w.Write(f.Images is not null);
            for (int i = 0; f.Images is not null && i < f.Count; i++)
            {
                w.Write(f.Images[i].X);
                w.Write(f.Images[i].Y);
                w.Write(f.Images[i].Z);
            }

            w.Write(f.Charges is not null);
            for (int i = 0; f.Charges is not null && i < f.Count; i++)
            {
                w.Write(f.Charges[i]);
            }

            w.Write(f.ExtraNames.Count);
            for (int e = 0; e < f.ExtraNames.Count; e++)
            {
                w.Write(f.ExtraNames[e]);
                double[] values = f.Extra(e);
                for (int i = 0; i < f.Count; i++)
                {
                    w.Write(values[i]);
                }
            }
        }

        return stream.ToArray();
    }

    private static Frame Deserialize(byte[] bytes)
    {
        using var r = new BinaryReader(new MemoryStream(bytes));
        var f = new Frame { Step = r.ReadInt64() };
        bool hasTime = r.ReadBoolean();
        double time = r.ReadDouble();
        f.Time = hasTime ? time : null;
        f.Box = ReadBox(r);
        int species = r.ReadInt32();
        var names = new Dictionary<int, string>();
        for (int k = 0; k < species; k++)
        {
            int type = r.ReadInt32();
            names[type] = r.ReadString();
        }

        f.Species = species > 0 ? new SpeciesMap(names) : null;
        f.Coordinates = (CoordinateKind)r.ReadInt32();
        int n = r.ReadInt32();
        f.Resize(n);
        for (int i = 0; i < n; i++)
        {
            f.Ids[i] = r.ReadInt64();
            f.Types[i] = r.ReadInt32();
            f.Positions[i] = Read(r);
        }

        if (r.ReadBoolean())
        {
            Int3[] images = f.EnsureImages();
            for (int i = 0; i < n; i++)
            {
                images[i] = new Int3(r.ReadInt32(), r.ReadInt32(), r.ReadInt32());
            }
        }

        if (r.ReadBoolean())
        {
            double[] charges = f.EnsureCharges();
            for (int i = 0; i < n; i++)
            {
                charges[i] = r.ReadDouble();
            }
        }

        int extras = r.ReadInt32();
        var extraNames = new string[extras];
        var extraValues = new double[extras][];
        for (int e = 0; e < extras; e++)
        {
            extraNames[e] = r.ReadString();
            extraValues[e] = new double[n];
            for (int i = 0; i < n; i++)
            {
                extraValues[e][i] = r.ReadDouble();
            }
        }

        f.SetExtraNames(extraNames);
        for (int e = 0; e < extras; e++)
        {
            Array.Copy(extraValues[e], f.Extra(e), n);
        }

        return f;
    }

    /// <summary>The cells of every rank, in rank order (the same list on every rank); exact.</summary>
    public static Box[] AllGather(IReadOnlyList<Box> mine)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream))
        {
            foreach (Box box in mine)
            {
                WriteBox(w, box);
            }
        }

        byte[] all = MpiWorld.AllGather<byte>(stream.ToArray());
        using var r = new BinaryReader(new MemoryStream(all));
        var boxes = new List<Box>();
        while (r.BaseStream.Position < all.Length)
        {
            boxes.Add(ReadBox(r));
        }

        return [.. boxes];
    }

    private static void WriteBox(BinaryWriter w, Box box)
    {
        foreach (Vec3 v in new[] { box.H.C0, box.H.C1, box.H.C2, box.Origin })
        {
            Write(w, v);
        }

        w.Write(box.Periodic.A);
        w.Write(box.Periodic.B);
        w.Write(box.Periodic.C);
    }

    private static Box ReadBox(BinaryReader r)
    {
        Vec3 c0 = Read(r), c1 = Read(r), c2 = Read(r), origin = Read(r);
        return new Box(new Mat3(c0, c1, c2), origin, new PeriodicFlags(r.ReadBoolean(), r.ReadBoolean(), r.ReadBoolean()));
    }

    private static void Write(BinaryWriter w, Vec3 v)
    {
        w.Write(v.X);
        w.Write(v.Y);
        w.Write(v.Z);
    }

    private static Vec3 Read(BinaryReader r) => new(r.ReadDouble(), r.ReadDouble(), r.ReadDouble());
}
