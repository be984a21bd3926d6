using System.Runtime.CompilerServices;
using Enc.Crypto.Bls.Fields;

namespace Enc.Crypto.Bls.Curves;

/// <summary>
/// Complete addition and doubling on y² = x³ + b in homogeneous projective coordinates
/// (x = X/Z, y = Y/Z), after Renes, Costello and Batina, "Complete addition formulas for prime
/// order elliptic curves" (EUROCRYPT 2016), algorithms 7, 8 and 9 for a = 0. The formulas have no
/// exceptional cases on these curves (no points of order two), so they contain no branches: the
/// same code handles P + P, P + (−P) and the identity (0 : 1 : 0), which is what the
/// constant-time scalar multiplication needs.
/// </summary>
/// <typeparam name="T">The coordinate field (F_p for G1, F_p² for G2).</typeparam>
internal static class ProjectiveFormulas<T>
    where T : struct, ICurveField<T>
{
    /// <summary>(X3 : Y3 : Z3) = (X1 : Y1 : Z1) + (X2 : Y2 : Z2). 12 multiplications.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Add(
        in T x1, in T y1, in T z1, in T x2, in T y2, in T z2, out T x3, out T y3, out T z3)
    {
        var t0 = x1 * x2;
        var t1 = y1 * y2;
        var t2 = z1 * z2;
        var t3 = (x1 + y1) * (x2 + y2) - (t0 + t1);
        var t4 = (y1 + z1) * (y2 + z2) - (t1 + t2);
        var u = (x1 + z1) * (x2 + z2) - (t0 + t2);
        Finish(t0, t1, t2.MulByCurveB3(), t3, t4, u, out x3, out y3, out z3);
    }

    /// <summary>(X3 : Y3 : Z3) = (X1 : Y1 : Z1) + (x2, y2) for an affine, non-identity second operand. 11 multiplications.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void AddAffine(
        in T x1, in T y1, in T z1, in T x2, in T y2, out T x3, out T y3, out T z3)
    {
        var t0 = x1 * x2;
        var t1 = y1 * y2;
        var t3 = (x2 + y2) * (x1 + y1) - (t0 + t1);
        var t4 = y2 * z1 + y1;
        var u = x2 * z1 + x1;
        Finish(t0, t1, z1.MulByCurveB3(), t3, t4, u, out x3, out y3, out z3);
    }

    /// <summary>
    /// The common tail of algorithms 7 and 8: t0 = X1X2, t1 = Y1Y2, b3z = 3b·Z1Z2, t3 = X1Y2 + X2Y1,
    /// t4 = Y1Z2 + Y2Z1, u = X1Z2 + X2Z1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Finish(
        in T t0, in T t1, in T b3z, in T t3, in T t4, in T u, out T x3, out T y3, out T z3)
    {
        var threeT0 = t0.Double() + t0;
        var sum = t1 + b3z;
        var diff = t1 - b3z;
        var b3u = u.MulByCurveB3();
        x3 = t3 * diff - t4 * b3u;
        y3 = diff * sum + b3u * threeT0;
        z3 = t4 * sum + threeT0 * t3;
    }

    /// <summary>(X3 : Y3 : Z3) = 2·(X : Y : Z). 6 multiplications and 2 squarings.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Double(in T x, in T y, in T z, out T x3, out T y3, out T z3)
    {
        var t0 = y.Square();
        var z8 = t0.Double().Double().Double();
        var t1 = y * z;
        var t2 = z.Square().MulByCurveB3();
        var xOut = t2 * z8;
        var yOut = t0 + t2;
        var zOut = t1 * z8;
        var threeT2 = t2.Double() + t2;
        var t0m = t0 - threeT2;
        yOut = t0m * yOut + xOut;
        var xy = x * y;
        x3 = (t0m * xy).Double();
        y3 = yOut;
        z3 = zOut;
    }

    /// <summary>True when (X : Y : Z) satisfies Y²Z = X³ + bZ³ (the identity (0 : 1 : 0) does).</summary>
    public static bool IsOnCurve(in T x, in T y, in T z)
    {
        var lhs = y.Square() * z;
        var rhs = x.Square() * x + z.Square() * z.MulByCurveB();
        return lhs == rhs;
    }

    /// <summary>Projective equality: X1·Z2 = X2·Z1 and Y1·Z2 = Y2·Z1 (handles the identity).</summary>
    public static bool AreEqual(in T x1, in T y1, in T z1, in T x2, in T y2, in T z2)
    {
        var sameX = x1 * z2 == x2 * z1;
        var sameY = y1 * z2 == y2 * z1;
        var bothIdentity = z1.IsZero & z2.IsZero;
        var neitherIdentity = !z1.IsZero & !z2.IsZero;
        return bothIdentity | (neitherIdentity & sameX & sameY);
    }
}
