using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Enc.Crypto.Bls.Fields;

/// <content>
/// F_p² addition and subtraction on 512-bit vectors. The twelve limbs of an element (c0.L0..L5,
/// c1.L0..L5, 96 contiguous bytes: see the layout note on <see cref="Fp"/>'s limbs) are one 512-bit
/// vector (lanes 0–7) and one 256-bit vector (lanes 8–11). Limbs are added lane-wise; the carries
/// between lanes are resolved from two bit masks with one integer addition (carry-lookahead: lane i
/// generates a carry when its sum wrapped and passes one on when it is all ones, so the carries into
/// the lanes are ((G ≪ 1) + P) ⊕ P). Bits 5 and 11 are the top limbs of c0 and c1: every chain is cut
/// there, so no carry crosses from c0 into c1, and a top limb's carry or borrow out is read separately.
/// Branch-free and table-free: the same instructions run for every value.
/// </content>
internal readonly partial struct Fp2
{
    private const uint TopLimbBits = (1u << 5) | (1u << 11);
    private const uint FirstCoefficientLanes = 0x3F;
    private const uint SecondCoefficientLanes = 0xFC0;

    /// <summary>
    /// True when <see cref="AddVector"/> and <see cref="SubtractVector"/> run on hardware vectors
    /// (AVX-512 here); otherwise the operators use the scalar limb code.
    /// </summary>
    internal static bool VectorArithmeticSupported => Vector512.IsHardwareAccelerated;

    /// <summary>a + b: lane-wise sum with its carries, then p subtracted from each coefficient that is ≥ p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Fp2 AddVector(in Fp2 a, in Fp2 b)
    {
        Load(a, out var a0, out var a1);
        Load(b, out var b0, out var b1);
        var s0 = a0 + b0;
        var s1 = a1 + b1;
        ApplyCarries(ref s0, ref s1, a0, a1);

        var d0 = s0;
        var d1 = s1;
        var below = SubtractWithBorrows(ref d0, ref d1, ModulusLow(), ModulusHigh());
        var keep = CoefficientLanes(below);
        return Store(
            Vector512.ConditionalSelect(LaneMaskLow(keep), s0, d0),
            Vector256.ConditionalSelect(LaneMaskHigh(keep), s1, d1));
    }

    /// <summary>a − b: lane-wise difference with its borrows, then p added to each coefficient that went negative.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Fp2 SubtractVector(in Fp2 a, in Fp2 b)
    {
        Load(a, out var d0, out var d1);
        Load(b, out var b0, out var b1);
        var negative = CoefficientLanes(SubtractWithBorrows(ref d0, ref d1, b0, b1));

        // The carry out of a top limb is the wrap back into range and is dropped (the chain is cut there).
        var t0 = d0 + (ModulusLow() & LaneMaskLow(negative));
        var t1 = d1 + (ModulusHigh() & LaneMaskHigh(negative));
        ApplyCarries(ref t0, ref t1, d0, d1);
        return Store(t0, t1);
    }

    /// <summary>
    /// Completes the lane-wise sum s = x + y (given s and x) by adding the carries between lanes
    /// within each coefficient; a top limb's carry out is dropped.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ApplyCarries(ref Vector512<ulong> s0, ref Vector256<ulong> s1, Vector512<ulong> x0, Vector256<ulong> x1)
    {
        var generate = Bits(Vector512.LessThan(s0, x0), Vector256.LessThan(s1, x1)) & ~TopLimbBits;
        var propagate = Bits(Vector512.Equals(s0, Vector512<ulong>.AllBitsSet), Vector256.Equals(s1, Vector256<ulong>.AllBitsSet)) & ~TopLimbBits;
        var carryIn = ((generate << 1) + propagate) ^ propagate;
        s0 -= LaneMaskLow(carryIn);
        s1 -= LaneMaskHigh(carryIn);
    }

    /// <summary>
    /// d −= y per coefficient with the borrows between lanes (generated where d &lt; y, passed on where
    /// d = y); returns the lanes' borrow-out bits, of which bits 5 and 11 say that a coefficient was below y.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint SubtractWithBorrows(ref Vector512<ulong> d0, ref Vector256<ulong> d1, Vector512<ulong> y0, Vector256<ulong> y1)
    {
        var generate = Bits(Vector512.LessThan(d0, y0), Vector256.LessThan(d1, y1));
        var propagate = Bits(Vector512.Equals(d0, y0), Vector256.Equals(d1, y1));
        var g = generate & ~TopLimbBits;
        var p = propagate & ~TopLimbBits;
        var borrowIn = ((g << 1) + p) ^ p;
        d0 = d0 - y0 + LaneMaskLow(borrowIn);
        d1 = d1 - y1 + LaneMaskHigh(borrowIn);
        return generate | (propagate & borrowIn);
    }

    /// <summary>All six lanes of each coefficient whose top-limb bit (5 or 11) is set in <paramref name="bits"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint CoefficientLanes(uint bits) =>
        (FirstCoefficientLanes & (0u - ((bits >> 5) & 1))) | (SecondCoefficientLanes & (0u - ((bits >> 11) & 1)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Load(in Fp2 value, out Vector512<ulong> low, out Vector256<ulong> high)
    {
        ref var limbs = ref Unsafe.As<Fp2, ulong>(ref Unsafe.AsRef(in value));
        low = Vector512.LoadUnsafe(ref limbs);
        high = Vector256.LoadUnsafe(ref limbs, 8);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Fp2 Store(Vector512<ulong> low, Vector256<ulong> high)
    {
        Unsafe.SkipInit(out Fp2 result);
        ref var limbs = ref Unsafe.As<Fp2, ulong>(ref result);
        low.StoreUnsafe(ref limbs);
        high.StoreUnsafe(ref limbs, 8);
        return result;
    }

    /// <summary>p's limbs in lanes 0–7 (c0's six, then c1's first two); built from constants, so the JIT folds it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> ModulusLow() => Vector512.Create(
        FpConstants.P0, FpConstants.P1, FpConstants.P2, FpConstants.P3, FpConstants.P4, FpConstants.P5, FpConstants.P0, FpConstants.P1);

    /// <summary>p's limbs in lanes 8–11 (c1's last four).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> ModulusHigh() => Vector256.Create(FpConstants.P2, FpConstants.P3, FpConstants.P4, FpConstants.P5);

    /// <summary>One bit per lane (lanes 0–7, then 8–11) from two comparison results.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Bits(Vector512<ulong> low, Vector256<ulong> high) =>
        (uint)low.ExtractMostSignificantBits() | ((uint)high.ExtractMostSignificantBits() << 8);

    /// <summary>All-ones in lanes 0–7 whose bit is set, zero elsewhere.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> LaneMaskLow(uint bits)
    {
        var laneBits = Vector512.Create(1UL, 2, 4, 8, 16, 32, 64, 128);
        return Vector512.Equals(Vector512.Create((ulong)bits) & laneBits, laneBits);
    }

    /// <summary>All-ones in lanes 8–11 whose bit is set, zero elsewhere.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> LaneMaskHigh(uint bits)
    {
        var laneBits = Vector256.Create(1UL, 2, 4, 8);
        return Vector256.Equals(Vector256.Create((ulong)(bits >> 8)) & laneBits, laneBits);
    }
}
