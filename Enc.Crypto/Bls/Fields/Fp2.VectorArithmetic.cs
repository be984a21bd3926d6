using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Enc.Crypto.Bls.Fields;

/// <content>
/// F_p² addition and subtraction on 512-bit vectors. The twelve limbs of an element (c0.L0..L5,
/// c1.L0..L5, 96 bytes) are one 512-bit vector (lanes 0–7) and one 256-bit vector (lanes 8–11).
/// Limbs are added lane-wise; the carries between lanes are resolved from two bit masks with one
/// integer addition (carry-lookahead: lane i generates a carry when its sum wrapped and passes
/// one on when it is all ones, so the carries into the lanes are ((G ≪ 1) + P) ⊕ P). Bits 5 and
/// 11 are the top limbs of c0 and c1; chains are cut there so no carry crosses coefficients.
/// Branch-free and table-free: the same instructions run for every value.
/// </content>
internal readonly partial struct Fp2
{
    private const uint TopLimbBits = (1u << 5) | (1u << 11);
    private const uint FirstCoefficientLanes = 0x3F;
    private const uint SecondCoefficientLanes = 0xFC0;

    private static readonly Vector512<ulong> ModulusLanesLow = Vector512.Create(
        FpConstants.P0, FpConstants.P1, FpConstants.P2, FpConstants.P3, FpConstants.P4, FpConstants.P5, FpConstants.P0, FpConstants.P1);

    private static readonly Vector256<ulong> ModulusLanesHigh = Vector256.Create(FpConstants.P2, FpConstants.P3, FpConstants.P4, FpConstants.P5);

    private static readonly Vector512<ulong> LaneBitsLow = Vector512.Create(1UL, 2, 4, 8, 16, 32, 64, 128);

    private static readonly Vector256<ulong> LaneBitsHigh = Vector256.Create(1UL, 2, 4, 8);

    /// <summary>
    /// True when <see cref="AddVector"/> and <see cref="SubtractVector"/> run on hardware vectors
    /// (AVX-512 here); otherwise the operators use the scalar limb code.
    /// </summary>
    internal static bool VectorArithmeticSupported => Vector512.IsHardwareAccelerated;

    /// <summary>a + b: lane-wise sum, carries resolved, then p subtracted where the sum is ≥ p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Fp2 AddVector(in Fp2 a, in Fp2 b)
    {
        Load(a, out var a0, out var a1);
        Load(b, out var b0, out var b1);
        var s0 = a0 + b0;
        var s1 = a1 + b1;

        // a, b < p < 2³⁸¹: the top limbs neither wrap nor are all ones, so no chain crosses them.
        var carryIn = CarryIn(
            Bits(Vector512.LessThan(s0, a0), Vector256.LessThan(s1, a1)),
            Bits(Vector512.Equals(s0, Vector512<ulong>.AllBitsSet), Vector256.Equals(s1, Vector256<ulong>.AllBitsSet)));
        s0 -= LaneMaskLow(carryIn);
        s1 -= LaneMaskHigh(carryIn);

        // s − p: a borrow is generated where s < p and passed on where s = p; the borrow out of a
        // top limb means s < p, so that coefficient keeps s.
        var d0 = s0 - ModulusLanesLow;
        var d1 = s1 - ModulusLanesHigh;
        var generate = Bits(Vector512.LessThan(s0, ModulusLanesLow), Vector256.LessThan(s1, ModulusLanesHigh));
        var propagate = Bits(Vector512.Equals(s0, ModulusLanesLow), Vector256.Equals(s1, ModulusLanesHigh));
        var borrowIn = CarryIn(generate & ~TopLimbBits, propagate & ~TopLimbBits);
        d0 += LaneMaskLow(borrowIn);
        d1 += LaneMaskHigh(borrowIn);
        var keep = CoefficientLanes(generate | (propagate & borrowIn));
        return Store(
            Vector512.ConditionalSelect(LaneMaskLow(keep), s0, d0),
            Vector256.ConditionalSelect(LaneMaskHigh(keep), s1, d1));
    }

    /// <summary>a − b: lane-wise difference, borrows resolved, then p added where it went negative.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Fp2 SubtractVector(in Fp2 a, in Fp2 b)
    {
        Load(a, out var a0, out var a1);
        Load(b, out var b0, out var b1);
        var d0 = a0 - b0;
        var d1 = a1 - b1;
        var generate = Bits(Vector512.LessThan(a0, b0), Vector256.LessThan(a1, b1));
        var propagate = Bits(Vector512.Equals(a0, b0), Vector256.Equals(a1, b1));
        var borrowIn = CarryIn(generate & ~TopLimbBits, propagate & ~TopLimbBits);
        d0 += LaneMaskLow(borrowIn);
        d1 += LaneMaskHigh(borrowIn);

        // Add p to each coefficient that borrowed out of its top limb; the carry out of that top
        // limb is the wrap back into range and is dropped (the chain is cut there).
        var negative = CoefficientLanes(generate | (propagate & borrowIn));
        var t0 = d0 + (ModulusLanesLow & LaneMaskLow(negative));
        var t1 = d1 + (ModulusLanesHigh & LaneMaskHigh(negative));
        var carryIn = CarryIn(
            Bits(Vector512.LessThan(t0, d0), Vector256.LessThan(t1, d1)) & ~TopLimbBits,
            Bits(Vector512.Equals(t0, Vector512<ulong>.AllBitsSet), Vector256.Equals(t1, Vector256<ulong>.AllBitsSet)) & ~TopLimbBits);
        return Store(t0 - LaneMaskLow(carryIn), t1 - LaneMaskHigh(carryIn));
    }

    /// <summary>The lanes that receive a carry, from the generate and propagate bit masks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint CarryIn(uint generate, uint propagate) => ((generate << 1) + propagate) ^ propagate;

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

    /// <summary>One bit per lane (lanes 0–7, then 8–11) from two comparison results.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Bits(Vector512<ulong> low, Vector256<ulong> high) =>
        (uint)low.ExtractMostSignificantBits() | ((uint)high.ExtractMostSignificantBits() << 8);

    /// <summary>All-ones in lanes 0–7 whose bit is set, zero elsewhere.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> LaneMaskLow(uint bits) =>
        Vector512.Equals(Vector512.Create((ulong)bits) & LaneBitsLow, LaneBitsLow);

    /// <summary>All-ones in lanes 8–11 whose bit is set, zero elsewhere.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> LaneMaskHigh(uint bits) =>
        Vector256.Equals(Vector256.Create((ulong)(bits >> 8)) & LaneBitsHigh, LaneBitsHigh);
}
