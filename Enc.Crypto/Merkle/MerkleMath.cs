using System.Numerics;

namespace Enc.Crypto.Merkle;

/// <summary>Bit arithmetic shared by the Merkle planner and appender.</summary>
internal static class MerkleMath
{
    /// <summary>The largest power of two strictly below <paramref name="n"/> (n ≥ 2), RFC 9162's <c>k</c>.</summary>
    public static long LargestPowerOfTwoBelow(long n) => 1L << FloorLog2(n - 1);

    /// <summary>floor(log2(n)) for n ≥ 1.</summary>
    public static int FloorLog2(long n) => 63 - BitOperations.LeadingZeroCount((ulong)n);
}
