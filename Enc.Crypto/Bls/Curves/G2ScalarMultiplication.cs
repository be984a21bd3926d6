namespace Enc.Crypto.Bls.Curves;

/// <summary>
/// Constant-time scalar multiplication in G2 with the ψ endomorphism (Galbraith–Lin–Scott, four
/// dimensions). On G2, ψ acts as multiplication by x, so [|x|]P = −ψ(P) and a scalar written in
/// base |x| (<see cref="AbsXDigits"/>) gives
/// [k]P = [d0]P + [d1](−ψ(P)) + [d2]ψ²(P) + [d3](−ψ³(P)) with 64-bit digits (65 for d3).
/// One joint double-and-add over the four digits then needs 65 doublings and 65 additions,
/// against 256 doublings and 64 additions for a 4-bit window over the whole scalar.
/// </summary>
/// <remarks>
/// Valid only for points of the prime-order subgroup G2 (hash-to-curve outputs, decoded and
/// checked signatures). Constant time in the scalar: the digit extraction is branch-free, the
/// 16-entry table of subset sums is read by a full scan with masked selection, the formulas are
/// complete (the identity and equal points need no special case), and the sequence of operations
/// depends only on the scalar's maximum length (32 bytes).
/// </remarks>
internal static class G2ScalarMultiplication
{
    private const int TableSize = 16;

    /// <summary>[k]P for P in G2 and a big-endian scalar of at most 32 bytes, in constant time.</summary>
    /// <exception cref="ArgumentException">The scalar is longer than 32 bytes.</exception>
    public static G2Projective MultiplyConstantTime(in G2Projective point, ReadOnlySpan<byte> scalarBigEndian)
    {
        AbsXDigits.Decompose(scalarBigEndian, out var d0, out var d1, out var d2, out var d3, out var d3Top);

        var psi = point.Psi();
        var psi2 = psi.Psi();
        ReadOnlySpan<G2Projective> bases = [point, -psi, psi2, -psi2.Psi()];

        // table[j] = Σ bases[i] over the set bits i of j.
        Span<G2Projective> table = stackalloc G2Projective[TableSize];
        table[0] = G2Projective.Identity;
        for (var j = 1; j < TableSize; j++)
        {
            var lowest = System.Numerics.BitOperations.TrailingZeroCount(j);
            table[j] = table[j & (j - 1)] + bases[lowest];
        }

        // Bit 64 exists only in d3.
        var acc = Select(table, (int)(d3Top << 3));
        for (var bit = 63; bit >= 0; bit--)
        {
            acc = acc.Double();
            var index = (int)(((d0 >> bit) & 1) | (((d1 >> bit) & 1) << 1) | (((d2 >> bit) & 1) << 2) | (((d3 >> bit) & 1) << 3));
            acc += Select(table, index);
        }

        return acc;
    }

    /// <summary>Reads table[index] by scanning every entry with masked selection.</summary>
    private static G2Projective Select(ReadOnlySpan<G2Projective> table, int index)
    {
        var entry = table[0];
        for (var i = 1; i < TableSize; i++)
        {
            entry = G2Projective.ConditionalSelect(entry, table[i], i == index);
        }

        return entry;
    }
}
