using GbAtomistics.Core;

namespace GbAtomistics.Core.Tests;

public sealed class FrameTests
{
    private static Frame Make(long[] ids)
    {
        var frame = new Frame();
        frame.Resize(ids.Length);
        frame.SetExtraNames(["c_pe"]);
        Vec3[] v = frame.EnsureVelocities();
        for (int i = 0; i < ids.Length; i++)
        {
            frame.Ids[i] = ids[i];
            frame.Types[i] = (int)ids[i] % 3 + 1;
            frame.Positions[i] = new Vec3(ids[i], 0, 0);
            v[i] = new Vec3(0, ids[i], 0);
            frame.Extra(0)[i] = -ids[i];
        }

        return frame;
    }

    [Fact]
    public void SortByIdCarriesEveryArrayAlong()
    {
        Frame frame = Make([40, 3, 17, 1009, 5]);
        Assert.Equal(-1, frame.SortById());
        Assert.Equal([3L, 5, 17, 40, 1009], frame.Ids);
        for (int i = 0; i < frame.Count; i++)
        {
            Assert.Equal(frame.Ids[i], frame.Positions[i].X);
            Assert.Equal(frame.Ids[i], frame.Velocities![i].Y);
            Assert.Equal(-frame.Ids[i], frame.Extra("c_pe")![i]);
            Assert.Equal((int)frame.Ids[i] % 3 + 1, frame.Types[i]);
        }
    }

    [Fact]
    public void SortByIdReportsADuplicate()
    {
        Frame frame = Make([4, 2, 4, 1]);
        Assert.True(frame.SortById() >= 0);
    }

    [Fact]
    public void CloneSharesNothingMutable()
    {
        Frame frame = Make([1, 2, 3]);
        Frame copy = frame.Clone();
        frame.Positions[0] = new Vec3(99, 0, 0);
        frame.Velocities![0] = new Vec3(99, 0, 0);
        frame.Extra(0)[0] = 99;
        Assert.Equal(1, copy.Positions[0].X);
        Assert.Equal(1, copy.Velocities![0].Y);
        Assert.Equal(-1, copy.Extra(0)[0]);
    }

    [Fact]
    public void ResizeKeepsArraysWhenTheCountIsUnchanged()
    {
        Frame frame = Make([1, 2, 3]);
        Vec3[] positions = frame.Positions;
        frame.Resize(3);
        Assert.Same(positions, frame.Positions);
        frame.Resize(5);
        Assert.Equal(5, frame.Positions.Length);
        Assert.Equal(5, frame.Velocities!.Length);
        Assert.Equal(5, frame.Extra(0).Length);
    }
}
