namespace GbAtomistics.IO.Xyz;

/// <summary>What an extended-XYZ property column fills in a frame.</summary>
internal enum ExtxyzColumnKind
{
    Species,
    Position,
    Id,
    Type,
    Velocity,
    Force,
    Charge,
    Extra,
    Ignored,
}
