using Enc.Crypto.Bls.Fields;

namespace Enc.Crypto.Bls.Curves;

/// <summary>
/// Constant-time scalar multiplication in G2 with the ψ endomorphism (Galbraith–Lin–Scott, four
/// dimensions). On G2, ψ acts as multiplication by x, so [|x|]P = −ψ(P) and a scalar written in
/// base |x| (<see cref="AbsXDigits"/>) gives
/// [k]P = [k0]P + [k1](−ψ(P)) + [k2]ψ²(P) + [k3](−ψ³(P)) with digits below 2⁶⁴ (after reducing k mod r).
/// The digits are recoded into signed columns (<see cref="GlvSacRecoding"/>), so one joint
/// double-and-add needs 64 doublings and 64 additions of ±(one of 8 table entries), plus one
/// final subtraction of P when k0 was even.
/// </summary>
/// <remarks>
/// Valid only for points of the prime-order subgroup G2 (hash-to-curve outputs, decoded and
/// checked signatures). Constant time in the scalar: the reduction and recoding are branch-free,
/// the 8-entry table is read by a full scan with masked selection, the sign is applied by a masked
/// negation, the final correction is computed always and selected, the formulas are complete (the
/// identity and equal points need no special case), and the sequence of operations is the same
/// for every scalar of at most 32 bytes.
/// </remarks>
internal static class G2ScalarMultiplication
{
    private const int TableSize = 8;

    /// <summary>[k]P for P in G2 and a big-endian scalar of at most 32 bytes, in constant time.</summary>
    /// <exception cref="ArgumentException">The scalar is longer than 32 bytes.</exception>
    public static G2Projective MultiplyConstantTime(in G2Projective point, ReadOnlySpan<byte> scalarBigEndian)
    {
        Span<byte> negative = stackalloc byte[GlvSacRecoding.Columns];
        Span<byte> subset = stackalloc byte[GlvSacRecoding.Columns];
        var subtractPoint = GlvSacRecoding.Recode(scalarBigEndian, negative, subset);

        var psi = point.Psi();
        var psi2 = psi.Psi();
        ReadOnlySpan<G2Projective> bases = [-psi, psi2, -psi2.Psi()];

        // table[u] = P + Σ bases[j] over the set bits j of u.
        Span<G2Projective> table = stackalloc G2Projective[TableSize];
        table[0] = point;
        for (var u = 1; u < TableSize; u++)
        {
            var lowest = System.Numerics.BitOperations.TrailingZeroCount(u);
            table[u] = table[u & (u - 1)] + bases[lowest];
        }

        // The top column's sign is +1.
        var acc = Select(table, subset[GlvSacRecoding.Columns - 1]);
        for (var i = GlvSacRecoding.Columns - 2; i >= 0; i--)
        {
            acc = acc.Double();
            var entry = Select(table, subset[i]);
            acc += new G2Projective(entry.X, Fp2.ConditionalSelect(entry.Y, -entry.Y, negative[i] == 1), entry.Z);
        }

        negative.Clear();
        subset.Clear();
        return G2Projective.ConditionalSelect(acc, acc - point, subtractPoint == 1);
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
