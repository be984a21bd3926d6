namespace Enc.Ledger.Receipts;

/// <summary>
/// A hybrid logical clock reading: wall-clock milliseconds since the Unix epoch plus a logical counter that
/// orders events within (or ahead of) one millisecond. Ordered by wall time, then counter.
/// </summary>
/// <param name="WallMilliseconds">Milliseconds since 1970-01-01T00:00:00Z; never negative.</param>
/// <param name="Counter">Logical counter.</param>
public readonly record struct HybridLogicalTimestamp(long WallMilliseconds, uint Counter) : IComparable<HybridLogicalTimestamp>
{
    /// <inheritdoc />
    public int CompareTo(HybridLogicalTimestamp other)
    {
        var wall = WallMilliseconds.CompareTo(other.WallMilliseconds);
        return wall != 0 ? wall : Counter.CompareTo(other.Counter);
    }

    /// <summary>True when <paramref name="left"/> orders before <paramref name="right"/>.</summary>
    public static bool operator <(HybridLogicalTimestamp left, HybridLogicalTimestamp right) => left.CompareTo(right) < 0;

    /// <summary>True when <paramref name="left"/> orders after <paramref name="right"/>.</summary>
    public static bool operator >(HybridLogicalTimestamp left, HybridLogicalTimestamp right) => left.CompareTo(right) > 0;

    /// <summary>True when <paramref name="left"/> does not order after <paramref name="right"/>.</summary>
    public static bool operator <=(HybridLogicalTimestamp left, HybridLogicalTimestamp right) => left.CompareTo(right) <= 0;

    /// <summary>True when <paramref name="left"/> does not order before <paramref name="right"/>.</summary>
    public static bool operator >=(HybridLogicalTimestamp left, HybridLogicalTimestamp right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() =>
        $"{DateTimeOffset.FromUnixTimeMilliseconds(WallMilliseconds):yyyy-MM-ddTHH:mm:ss.fffZ}+{Counter}";
}
