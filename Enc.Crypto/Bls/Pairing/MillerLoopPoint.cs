using System.Runtime.CompilerServices;
using Enc.Crypto.Bls.Curves;
using Enc.Crypto.Bls.Fields;

namespace Enc.Crypto.Bls.Pairing;

/// <summary>
/// The running point T of a Miller loop on the twist, in homogeneous projective coordinates, with
/// the doubling and addition steps that also return the line through the points (formulas of
/// Costello–Lange–Naehrig 2010 as given by Aranha et al., "Faster explicit formulas for computing
/// pairings over ordinary curves", eprint 2010/526, §4, for the M-type twist y² = x³ + 4(u + 1)).
/// A line is returned as the three non-zero F_p² slots (0, 1, 4) of an F_p¹² value; slot 1 still
/// has to be scaled by x_P and slot 4 by y_P.
/// </summary>
internal struct MillerLoopPoint
{
    private Fp2 _x;
    private Fp2 _y;
    private Fp2 _z;

    /// <summary>Starts the loop at a finite affine point Q (Z = 1).</summary>
    public MillerLoopPoint(in G2Affine q)
    {
        _x = q.X;
        _y = q.Y;
        _z = Fp2.One;
    }

    /// <summary>
    /// The running point T as a G2 point. After the loop over the bits of |x| it is [|x|]·Q, or
    /// (0 : 0 : 0) when an exceptional addition occurred (T = Q or T the identity before an addition
    /// step, which the formulas turn into all-zero coordinates that then stay zero): that happens only
    /// for points Q outside G2 (see <see cref="Pairing.MultiPairingIsOne(ReadOnlySpan{G1Affine}, ReadOnlySpan{G2Affine}, out bool)"/>).
    /// </summary>
    public readonly G2Projective RunningPoint => new(_x, _y, _z);

    /// <summary>T ← 2T; returns the tangent line at T.</summary>
    /// <remarks>
    /// The published formulas halve X·Y and b + f; here the new point is returned scaled by 4
    /// instead (X₃ = 2XY(b − f), Y₃ = (b + f)² − 12e², Z₃ = 4bh), the same projective point, so no
    /// multiplication by 1/2 is needed. The line does not depend on the scaling.
    /// Not inlined into the Miller loop: inlined there, the loop's inlining budget ran out and the
    /// F_p² additions inside the step became calls (perf showed them as separate symbols); as its own
    /// method the step keeps more of them inline (Miller loop ≈ 2 % faster in a throw-away harness,
    /// about the noise of this shared machine).
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void Double(out Fp2 c0, out Fp2 c1, out Fp2 c4)
    {
        var a = _x * _y;
        var b = _y.Square();
        var c = _z.Square();
        var e = c.MulByCurveB3();
        var f = e.Double() + e;
        var g = b + f;
        var h = (_y + _z).Square() - (b + c);
        var j = _x.Square();
        var eSquared = e.Square();
        var threeESquared = eSquared.Double() + eSquared;

        _x = (a * (b - f)).Double();
        _y = g.Square() - threeESquared.Double().Double();
        _z = (b * h).Double().Double();

        c0 = e - b;
        c1 = j.Double() + j;
        c4 = -h;
    }

    /// <summary>T ← T + Q for the affine loop point Q; returns the line through T and Q.</summary>
    /// <remarks>Not inlined, for the reason given on <see cref="Double"/>.</remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void Add(in G2Affine q, out Fp2 c0, out Fp2 c1, out Fp2 c4)
    {
        var theta = _y - q.Y * _z;
        var lambda = _x - q.X * _z;
        var c = theta.Square();
        var d = lambda.Square();
        var e = lambda * d;
        var f = _z * c;
        var g = _x * d;
        var h = e + f - g.Double();

        _x = lambda * h;
        _y = theta * (g - h) - e * _y;
        _z *= e;

        c0 = theta * q.X - lambda * q.Y;
        c1 = -theta;
        c4 = lambda;
    }
}
