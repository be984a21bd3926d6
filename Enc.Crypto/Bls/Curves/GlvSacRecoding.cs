using System.Buffers.Binary;
using Enc.Crypto.Bls.Fields;

namespace Enc.Crypto.Bls.Curves;

/// <summary>
/// The GLV-SAC signed-digit recoding (Faz-Hernández, Longa and Sánchez, "Efficient and secure
/// algorithms for GLV-based scalar multiplication and their implementation on GLV–GLS curves",
/// CT-RSA 2014, Algorithm 1) of a scalar k &lt; 2²⁵⁶ written in base |x| (<see cref="AbsXDigits"/>):
/// k ≡ Σ<sub>i</sub> s<sub>i</sub>·(B₀ + Σ<sub>j∈u<sub>i</sub></sub> B<sub>j</sub>)·2ⁱ (mod r), one sign
/// s<sub>i</sub> = ±1 and one 3-bit subset u<sub>i</sub> of {B₁, B₂, B₃} per column, so a scalar
/// multiplication needs a table of 8 entries instead of 16 and every column adds a non-identity entry.
/// </summary>
/// <remarks>
/// <para>Steps: reduce k modulo r (so every base-|x| digit is below |x| &lt; 2⁶⁴), make the first
/// digit odd (k₀ + 1 when k₀ is even; <see cref="Recode"/> reports it so that the caller subtracts
/// B₀ once at the end), then write k₀ = 2⁶⁴ + Σ<sub>i&lt;64</sub> (2·bit<sub>i+1</sub>(k₀) − 1)·2ⁱ with
/// digits ±1 only, and each other digit with digits in {0, s<sub>i</sub>}.</para>
/// <para>Constant time in k: the reduction, the parity fix and the recoding are masked bit
/// operations over fixed-length inputs; no branch or memory index depends on k.</para>
/// </remarks>
internal static class GlvSacRecoding
{
    /// <summary>Columns of the recoding: digits below 2⁶⁴ need 64 + 1.</summary>
    public const int Columns = 65;

    /// <summary>
    /// Recodes a big-endian scalar of at most 32 bytes. Column i (0 = least significant) gets
    /// <paramref name="negative"/>[i] = 1 when its sign is −1 and <paramref name="subset"/>[i] = the
    /// 3-bit set of bases B₁..B₃ added to B₀. Returns 1 when B₀ must be subtracted once from the
    /// result (k₀ was even and was recoded as k₀ + 1), else 0.
    /// </summary>
    /// <exception cref="ArgumentException">The scalar is longer than 32 bytes.</exception>
    public static ulong Recode(ReadOnlySpan<byte> scalarBigEndian, Span<byte> negative, Span<byte> subset)
    {
        if (scalarBigEndian.Length > AbsXDigits.MaxScalarLength)
        {
            throw new ArgumentException("The scalar must be at most 32 bytes.", nameof(scalarBigEndian));
        }

        Span<byte> reduced = stackalloc byte[AbsXDigits.MaxScalarLength];
        ReduceModOrder(scalarBigEndian, reduced);
        AbsXDigits.Decompose(reduced, out var k0, out var k1, out var k2, out var k3, out _);
        reduced.Clear();

        // k < r < |x|⁴ after the reduction, so every digit is below |x| and k₀ + 1 ≤ |x| fits.
        var even = (k0 & 1) ^ 1;
        k0 += even;

        // s_i = 2·bit_{i+1}(k₀) − 1 for i < 64 (bit 64 of k₀ is 0, so s_63 = −1; written out because
        // C# masks the shift count k₀ >> 64 to k₀ >> 0) and s_64 = +1.
        for (var i = 0; i < Columns - 2; i++)
        {
            negative[i] = (byte)(((k0 >> (i + 1)) & 1) ^ 1);
        }

        negative[Columns - 2] = 1;
        negative[Columns - 1] = 0;
        subset[..Columns].Clear();
        AddDigit(k1, 0, negative, subset);
        AddDigit(k2, 1, negative, subset);
        AddDigit(k3, 2, negative, subset);
        return even;
    }

    /// <summary>
    /// Writes k_j with digits in {0, s_i}: the digit is s_i when k_j is odd, then
    /// k_j ← (k_j − digit)/2, i.e. ⌊k_j/2⌋ plus one when the digit was −1. Branch-free.
    /// </summary>
    private static void AddDigit(ulong k, int position, ReadOnlySpan<byte> negative, Span<byte> subset)
    {
        for (var i = 0; i < Columns; i++)
        {
            var odd = k & 1;
            subset[i] |= (byte)(odd << position);
            k = (k >> 1) + (odd & negative[i]);
        }
    }

    /// <summary>k mod r for k &lt; 2²⁵⁶ &lt; 3r: two masked conditional subtractions of r.</summary>
    private static void ReduceModOrder(ReadOnlySpan<byte> scalarBigEndian, Span<byte> destination)
    {
        Span<byte> padded = stackalloc byte[AbsXDigits.MaxScalarLength];
        padded.Clear();
        scalarBigEndian.CopyTo(padded[(AbsXDigits.MaxScalarLength - scalarBigEndian.Length)..]);
        var k3 = BinaryPrimitives.ReadUInt64BigEndian(padded);
        var k2 = BinaryPrimitives.ReadUInt64BigEndian(padded[8..]);
        var k1 = BinaryPrimitives.ReadUInt64BigEndian(padded[16..]);
        var k0 = BinaryPrimitives.ReadUInt64BigEndian(padded[24..]);
        padded.Clear();

        SecretKeyScalar.SubtractOrderIfNotBelow(ref k0, ref k1, ref k2, ref k3);
        SecretKeyScalar.SubtractOrderIfNotBelow(ref k0, ref k1, ref k2, ref k3);

        BinaryPrimitives.WriteUInt64BigEndian(destination, k3);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], k2);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], k1);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], k0);
    }
}
