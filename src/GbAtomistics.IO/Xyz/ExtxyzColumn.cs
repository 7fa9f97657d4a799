namespace GbAtomistics.IO.Xyz;

/// <summary>
/// One entry of an extended-XYZ <c>Properties</c> value (<c>name:type:count</c>), with what it fills and, for extra
/// columns, the index of the first of its <see cref="Width"/> extra arrays.
/// </summary>
internal readonly record struct ExtxyzColumn(string Name, char Type, int Width, ExtxyzColumnKind Kind, int ExtraIndex);
