using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Enc.Crypto.Bls.Fields;

/// <summary>
/// An element of the BLS12-381 base field F_p, p = 0x1a0111ea…aaab (381 bits), held as six
/// little-endian 64-bit limbs in Montgomery form (the value a is stored as a·2³⁸⁴ mod p and is
/// always fully reduced, so limb equality is value equality).
/// </summary>
/// <remarks>
/// All arithmetic (add, subtract, multiply, square, negate, conditional select, equality) is
/// branch-free and allocation-free. Exponentiation-based operations (inverse, square root) use
/// public exponents only, so their running time does not depend on the operand.
/// </remarks>
internal readonly partial struct Fp : ICurveField<Fp>
{
    // Layout: six contiguous little-endian limbs, no padding (48 bytes). F_p²'s vector arithmetic
    // (Fp2.VectorArithmetic.cs) reads and writes an Fp2 as the twelve words of its two Fp; a test checks it.
    internal readonly ulong L0, L1, L2, L3, L4, L5;

    private static readonly Fp MontgomeryOne = FromRawLimbs(BigIntegerLimbs.ToLimbs(FpConstants.R, 6));
    private static readonly Fp MontgomeryR2 = FromRawLimbs(BigIntegerLimbs.ToLimbs(FpConstants.R2, 6));

    /// <summary>Creates an element from raw Montgomery-form limbs (no conversion, no check).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal Fp(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4, ulong l5)
    {
        L0 = l0;
        L1 = l1;
        L2 = l2;
        L3 = l3;
        L4 = l4;
        L5 = l5;
    }

    /// <summary>The additive identity.</summary>
    public static Fp Zero => default;

    /// <summary>The multiplicative identity.</summary>
    public static Fp One => MontgomeryOne;

    /// <summary>True when this element is zero (branch-free).</summary>
    public bool IsZero => (L0 | L1 | L2 | L3 | L4 | L5) == 0;

    /// <summary>True when this element is one.</summary>
    public bool IsOne => this == MontgomeryOne;

    private static Fp FromRawLimbs(ReadOnlySpan<ulong> l) => new(l[0], l[1], l[2], l[3], l[4], l[5]);

    /// <summary>Converts canonical little-endian limbs (value &lt; p) into Montgomery form.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Fp FromCanonical(in Fp canonical) => canonical * MontgomeryR2;

    /// <summary>The element equal to a small integer.</summary>
    public static Fp FromUInt64(ulong value) => FromCanonical(new Fp(value, 0, 0, 0, 0, 0));

    /// <summary>The element equal to <paramref name="value"/> mod p (start-up constants and tests only).</summary>
    public static Fp FromBigInteger(BigInteger value)
    {
        var reduced = BigInteger.Remainder(value, FpConstants.Modulus);
        if (reduced.Sign < 0)
        {
            reduced += FpConstants.Modulus;
        }

        return FromCanonical(FromRawLimbs(BigIntegerLimbs.ToLimbs(reduced, 6)));
    }

    /// <summary>The canonical integer value in [0, p) (tests and diagnostics only).</summary>
    public BigInteger ToBigInteger()
    {
        var c = ToCanonical();
        return BigIntegerLimbs.FromLimbs([c.L0, c.L1, c.L2, c.L3, c.L4, c.L5]);
    }

    /// <summary>Leaves Montgomery form: the limbs of the result hold the canonical value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal Fp ToCanonical() => this * new Fp(1, 0, 0, 0, 0, 0);

    /// <summary>
    /// Decodes a 48-byte big-endian integer. Returns false (and zero) when the length is wrong or
    /// the value is not below p; the comparison with p is branch-free.
    /// </summary>
    public static bool TryFromBigEndian(ReadOnlySpan<byte> bytes, out Fp value)
    {
        if (bytes.Length != FpConstants.ByteLength)
        {
            value = Zero;
            return false;
        }

        var raw = ReadBigEndian(bytes);
        var borrow = 0UL;
        _ = LimbArithmetic.SubtractWithBorrow(raw.L0, FpConstants.P0, ref borrow);
        _ = LimbArithmetic.SubtractWithBorrow(raw.L1, FpConstants.P1, ref borrow);
        _ = LimbArithmetic.SubtractWithBorrow(raw.L2, FpConstants.P2, ref borrow);
        _ = LimbArithmetic.SubtractWithBorrow(raw.L3, FpConstants.P3, ref borrow);
        _ = LimbArithmetic.SubtractWithBorrow(raw.L4, FpConstants.P4, ref borrow);
        _ = LimbArithmetic.SubtractWithBorrow(raw.L5, FpConstants.P5, ref borrow);

        // borrow == 1 exactly when raw < p. Convert unconditionally and decide at the end.
        var converted = FromCanonical(ConditionalSelect(Zero, raw, borrow == 1));
        value = converted;
        return borrow == 1;
    }

    /// <summary>Decodes a 48-byte big-endian integer that must be below p.</summary>
    /// <exception cref="ArgumentException">The length is not 48 or the value is not below p.</exception>
    public static Fp FromBigEndian(ReadOnlySpan<byte> bytes) =>
        TryFromBigEndian(bytes, out var value)
            ? value
            : throw new ArgumentException("A field element must be 48 big-endian bytes below p.", nameof(bytes));

    /// <summary>
    /// Reduces a 64-byte big-endian integer modulo p (RFC 9380 hash_to_field with L = 64).
    /// Branch-free: the value is split as hi·2³⁸⁴ + lo and both halves are folded in Montgomery form.
    /// </summary>
    public static Fp FromBytesWide(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != 64)
        {
            throw new ArgumentException("Wide reduction needs exactly 64 bytes.", nameof(bytes));
        }

        var hi = new Fp(
            BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes),
            0, 0, 0, 0);
        var lo = ReduceBelowTwoTo384(ReadBigEndian(bytes[16..]));

        // lo < p and hi < 2¹²⁸ < p are valid Montgomery inputs. The raw limbs R² are the Montgomery
        // form of the value R = 2³⁸⁴, so the sum below is (lo + hi·2³⁸⁴) in Montgomery form.
        return FromCanonical(lo) + FromCanonical(hi) * MontgomeryR2;
    }

    /// <summary>Writes the canonical value as 48 big-endian bytes.</summary>
    public void ToBigEndian(Span<byte> destination)
    {
        if (destination.Length < FpConstants.ByteLength)
        {
            throw new ArgumentException("Destination needs 48 bytes.", nameof(destination));
        }

        var c = ToCanonical();
        BinaryPrimitives.WriteUInt64BigEndian(destination, c.L5);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], c.L4);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], c.L3);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], c.L2);
        BinaryPrimitives.WriteUInt64BigEndian(destination[32..], c.L1);
        BinaryPrimitives.WriteUInt64BigEndian(destination[40..], c.L0);
    }

    /// <summary>Returns the canonical value as 48 big-endian bytes.</summary>
    public byte[] ToBigEndian()
    {
        var bytes = new byte[FpConstants.ByteLength];
        ToBigEndian(bytes);
        return bytes;
    }

    /// <summary>RFC 9380 sgn0 for F_p: the parity of the canonical value.</summary>
    public bool Sgn0() => (ToCanonical().L0 & 1) == 1;

    /// <summary>
    /// True when the canonical value is greater than (p − 1)/2, i.e. it is the larger of the pair
    /// {y, −y} (the ZCash serialization sign rule). Branch-free.
    /// </summary>
    public bool IsLexicographicallyLargest()
    {
        // value > (p-1)/2  ⇔  value - (p+1)/2 does not borrow.
        var c = ToCanonical();
        var half = FpConstants.PMinus1Over2;
        var borrow = 0UL;
        _ = LimbArithmetic.SubtractWithBorrow(c.L0, half[0] + 1, ref borrow);
        _ = LimbArithmetic.SubtractWithBorrow(c.L1, half[1], ref borrow);
        _ = LimbArithmetic.SubtractWithBorrow(c.L2, half[2], ref borrow);
        _ = LimbArithmetic.SubtractWithBorrow(c.L3, half[3], ref borrow);
        _ = LimbArithmetic.SubtractWithBorrow(c.L4, half[4], ref borrow);
        _ = LimbArithmetic.SubtractWithBorrow(c.L5, half[5], ref borrow);
        return borrow == 0;
    }

    /// <summary>Returns <paramref name="b"/> when <paramref name="choice"/> is true, else <paramref name="a"/>, without branching.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp ConditionalSelect(in Fp a, in Fp b, bool choice)
    {
        var mask = LimbArithmetic.MaskFromBit(Unsafe.BitCast<bool, byte>(choice));
        return new Fp(
            a.L0 ^ ((a.L0 ^ b.L0) & mask),
            a.L1 ^ ((a.L1 ^ b.L1) & mask),
            a.L2 ^ ((a.L2 ^ b.L2) & mask),
            a.L3 ^ ((a.L3 ^ b.L3) & mask),
            a.L4 ^ ((a.L4 ^ b.L4) & mask),
            a.L5 ^ ((a.L5 ^ b.L5) & mask));
    }

    /// <summary>Branch-free equality.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator ==(in Fp a, in Fp b) =>
        ((a.L0 ^ b.L0) | (a.L1 ^ b.L1) | (a.L2 ^ b.L2) | (a.L3 ^ b.L3) | (a.L4 ^ b.L4) | (a.L5 ^ b.L5)) == 0;

    public static bool operator !=(in Fp a, in Fp b) => !(a == b);

    public bool Equals(Fp other) => this == other;

    public override bool Equals(object? obj) => obj is Fp other && this == other;

    public override int GetHashCode() => HashCode.Combine(L0, L1, L2, L3, L4, L5);

    /// <summary>Canonical value in hexadecimal (diagnostics; never used for secrets).</summary>
    public override string ToString() => "0x" + Convert.ToHexStringLower(ToBigEndian());

    private static Fp ReadBigEndian(ReadOnlySpan<byte> bytes) => new(
        BinaryPrimitives.ReadUInt64BigEndian(bytes[40..]),
        BinaryPrimitives.ReadUInt64BigEndian(bytes[32..]),
        BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]),
        BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]),
        BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
        BinaryPrimitives.ReadUInt64BigEndian(bytes));

    /// <summary>Reduces any 384-bit value (&lt; 2³⁸⁴ &lt; 8p) below p by conditional subtraction of 4p, 2p and p.</summary>
    private static Fp ReduceBelowTwoTo384(in Fp raw)
    {
        var x = raw;
        for (var shift = 2; shift >= 0; shift--)
        {
            x = SubtractIfNoBorrow(x, shift);
        }

        return x;
    }

    /// <summary>Computes x − (p ≪ shift) and keeps it only when it does not go negative (branch-free).</summary>
    private static Fp SubtractIfNoBorrow(in Fp x, int shift)
    {
        // p < 2³⁸¹, so p ≪ 2 still fits in 384 bits.
        var m0 = FpConstants.P0 << shift;
        var m1 = (FpConstants.P1 << shift) | (shift == 0 ? 0 : FpConstants.P0 >> (64 - shift));
        var m2 = (FpConstants.P2 << shift) | (shift == 0 ? 0 : FpConstants.P1 >> (64 - shift));
        var m3 = (FpConstants.P3 << shift) | (shift == 0 ? 0 : FpConstants.P2 >> (64 - shift));
        var m4 = (FpConstants.P4 << shift) | (shift == 0 ? 0 : FpConstants.P3 >> (64 - shift));
        var m5 = (FpConstants.P5 << shift) | (shift == 0 ? 0 : FpConstants.P4 >> (64 - shift));
        var borrow = 0UL;
        var d0 = LimbArithmetic.SubtractWithBorrow(x.L0, m0, ref borrow);
        var d1 = LimbArithmetic.SubtractWithBorrow(x.L1, m1, ref borrow);
        var d2 = LimbArithmetic.SubtractWithBorrow(x.L2, m2, ref borrow);
        var d3 = LimbArithmetic.SubtractWithBorrow(x.L3, m3, ref borrow);
        var d4 = LimbArithmetic.SubtractWithBorrow(x.L4, m4, ref borrow);
        var d5 = LimbArithmetic.SubtractWithBorrow(x.L5, m5, ref borrow);
        return ConditionalSelect(new Fp(d0, d1, d2, d3, d4, d5), x, borrow == 1);
    }
}
