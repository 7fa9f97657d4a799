using GbAtomistics.Core;
using GbAtomistics.Core.Unwrapping;

namespace GbAtomistics.Core.Tests.Unwrapping;

public class UnwrapperTests
{
    private static Frame Frame(Box box, Vec3[] positions, CoordinateKind kind = CoordinateKind.Wrapped, Int3[]? images = null)
    {
        var f = new Frame { Box = box, Coordinates = kind };
        f.Resize(positions.Length);
        positions.CopyTo(f.Positions, 0);
        if (images is not null)
        {
            images.CopyTo(f.EnsureImages(), 0);
        }

        return f;
    }

    [Fact]
    public void AutoPicksColumnsThenImagesThenDisplacements()
    {
        Box box = Box.Orthogonal(10, 10, 10);
        var columns = new Unwrapper();
        columns.Update(Frame(box, [new Vec3(1, 2, 3)], CoordinateKind.Unwrapped));
        Assert.Equal(UnwrapMode.Columns, columns.Resolved);

        var images = new Unwrapper();
        images.Update(Frame(box, [new Vec3(1, 2, 3)], images: [new Int3(1, -2, 0)]));
        Assert.Equal(UnwrapMode.Images, images.Resolved);
        Assert.Equal(new Vec3(11, -18, 3), images.Positions[0]);

        var steps = new Unwrapper();
        steps.Update(Frame(box, [new Vec3(9.5, 0.5, 5)]));
        steps.Update(Frame(box, [new Vec3(0.5, 9.5, 5)]));
        Assert.Equal(UnwrapMode.Displacements, steps.Resolved);
        Assert.Equal(10.5, steps.Positions[0].X, 12);
        Assert.Equal(-0.5, steps.Positions[0].Y, 12);
        Assert.Null(steps.Warning);
    }

    [Fact]
    public void TriclinicStepsUseTheCellVectors()
    {
        Box box = Box.FromVectors(new Vec3(10, 0, 0), new Vec3(4, 9, 0), new Vec3(1, 2, 8));
        var u = new Unwrapper(UnwrapMode.Displacements);
        Vec3 start = box.ToCartesian(new Vec3(0.95, 0.5, 0.5));
        Vec3 moved = start + new Vec3(1.0, 0.3, -0.2);
        u.Update(Frame(box, [start]));
        u.Update(Frame(box, [box.Wrap(moved)]));
        Assert.Equal(moved.X, u.Positions[0].X, 12);
        Assert.Equal(moved.Y, u.Positions[0].Y, 12);
        Assert.Equal(moved.Z, u.Positions[0].Z, 12);
    }

    [Fact]
    public void LargeStepsAreCountedAndMissingDataIsAnError()
    {
        Box box = Box.Orthogonal(10, 10, 10);
        var u = new Unwrapper(UnwrapMode.Displacements);
        u.Update(Frame(box, [new Vec3(1, 1, 1)]));
        u.Update(Frame(box, [new Vec3(5.6, 1, 1)]));
        Assert.Equal(1, u.LargeSteps);
        Assert.Equal(1, u.FirstLargeStepFrame);
        Assert.Equal(0.46, u.LargestStepFraction, 12);
        Assert.Contains("0.46", u.Warning);

        Assert.Throws<InputException>(() => new Unwrapper(UnwrapMode.Images).Update(Frame(box, [Vec3.Zero])));
        Assert.Throws<InputException>(() => new Unwrapper(UnwrapMode.Columns).Update(Frame(box, [Vec3.Zero])));
        var changing = new Unwrapper();
        changing.Update(Frame(box, [Vec3.Zero]));
        Assert.Throws<InputException>(() => changing.Update(Frame(box, [Vec3.Zero, Vec3.Zero])));
    }
}
