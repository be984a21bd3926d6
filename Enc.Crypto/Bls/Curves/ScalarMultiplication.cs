namespace Enc.Crypto.Bls.Curves;

/// <summary>
/// Scalar multiplication algorithms shared by G1 and G2. Scalars are big-endian byte strings of
/// any length (a secret key is 32 bytes).
/// </summary>
internal static class ScalarMultiplication
{
    private const int WindowBits = 4;
    private const int TableSize = 1 << WindowBits;

    /// <summary>
    /// [k]P in constant time for secret scalars: a fixed 4-bit window over every nibble of the
    /// scalar (leading zero nibbles included), each table entry chosen by scanning the whole table
    /// with branch-free selection, and complete addition formulas. The sequence of operations
    /// and memory accesses depends only on the scalar's length.
    /// </summary>
    public static TPoint MultiplyConstantTime<TPoint>(in TPoint point, ReadOnlySpan<byte> scalarBigEndian)
        where TPoint : unmanaged, IProjectivePoint<TPoint>
    {
        Span<TPoint> table = stackalloc TPoint[TableSize];
        table[0] = TPoint.Identity;
        table[1] = point;
        for (var i = 2; i < TableSize; i++)
        {
            table[i] = table[i - 1] + point;
        }

        var acc = TPoint.Identity;
        foreach (var b in scalarBigEndian)
        {
            acc = AddWindow(acc, table, b >> 4);
            acc = AddWindow(acc, table, b & 0x0f);
        }

        return acc;
    }

    /// <summary>
    /// [k]P for a public scalar by plain double-and-add from the most significant set bit. Its
    /// running time depends on the scalar: never use it with secrets.
    /// </summary>
    public static TPoint MultiplyVariableTime<TPoint>(in TPoint point, ReadOnlySpan<byte> scalarBigEndian)
        where TPoint : unmanaged, IProjectivePoint<TPoint>
    {
        var acc = TPoint.Identity;
        foreach (var b in scalarBigEndian)
        {
            for (var bit = 7; bit >= 0; bit--)
            {
                acc = acc.Double();
                if (((b >> bit) & 1) == 1)
                {
                    acc += point;
                }
            }
        }

        return acc;
    }

    /// <summary>[k]P for a public 64-bit scalar (double-and-add; variable time).</summary>
    public static TPoint MultiplyVariableTime<TPoint>(in TPoint point, ulong scalar)
        where TPoint : unmanaged, IProjectivePoint<TPoint>
    {
        var acc = TPoint.Identity;
        for (var bit = 63 - System.Numerics.BitOperations.LeadingZeroCount(scalar); bit >= 0; bit--)
        {
            acc = acc.Double();
            if (((scalar >> bit) & 1) == 1)
            {
                acc += point;
            }
        }

        return acc;
    }

    private static TPoint AddWindow<TPoint>(in TPoint acc, ReadOnlySpan<TPoint> table, int window)
        where TPoint : unmanaged, IProjectivePoint<TPoint>
    {
        var shifted = acc;
        for (var i = 0; i < WindowBits; i++)
        {
            shifted = shifted.Double();
        }

        var entry = table[0];
        for (var i = 1; i < TableSize; i++)
        {
            entry = TPoint.ConditionalSelect(entry, table[i], i == window);
        }

        return shifted + entry;
    }
}
