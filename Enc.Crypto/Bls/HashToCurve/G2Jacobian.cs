using Enc.Crypto.Bls.Curves;
using Enc.Crypto.Bls.Fields;

namespace Enc.Crypto.Bls.HashToCurve;

/// <summary>
/// A G2 point in Jacobian coordinates (x = X/Z², y = Y/Z³), used only for the public chains of
/// cofactor clearing, where doubling dominates: the a = 0 Jacobian doubling costs 1M + 5S in F_p²
/// against 6M + 2S for the complete homogeneous formulas.
/// </summary>
/// <remarks>
/// The formulas are incomplete, so <see cref="Add"/> detects its exceptional cases (an identity
/// operand, P + P, P + (−P)) and handles them; E2 has odd order, so no point doubles to the
/// identity except the identity itself. Variable time: public points only.
/// </remarks>
internal readonly struct G2Jacobian
{
    private readonly Fp2 _x;
    private readonly Fp2 _y;
    private readonly Fp2 _z;

    private G2Jacobian(in Fp2 x, in Fp2 y, in Fp2 z)
    {
        _x = x;
        _y = y;
        _z = z;
    }

    private static G2Jacobian Identity => new(Fp2.One, Fp2.One, Fp2.Zero);

    private bool IsIdentity => _z.IsZero;

    /// <summary>(X : Y : Z) homogeneous ↦ (X·Z : Y·Z² : Z) Jacobian.</summary>
    public static G2Jacobian FromProjective(in G2Projective p) =>
        p.IsIdentity ? Identity : new(p.X * p.Z, p.Y * p.Z.Square(), p.Z);

    /// <summary>(X : Y : Z) Jacobian ↦ (X·Z : Y : Z³) homogeneous.</summary>
    public G2Projective ToProjective() =>
        IsIdentity ? G2Projective.Identity : new(_x * _z, _y, _z.Square() * _z);

    /// <summary>[|x|]·P for the BLS parameter |x| = 0xd201000000010000: 63 doublings and 5 additions.</summary>
    public static G2Projective MultiplyByAbsX(in G2Projective point)
    {
        var p = FromProjective(point);
        var acc = p;
        for (int bit = 62; bit >= 0; bit--)
        {
            acc = acc.Double();
            if (((CurveConstants.AbsX >> bit) & 1) == 1)
            {
                acc = acc.Add(p);
            }
        }

        return acc.ToProjective();
    }

    /// <summary>2·this (dbl-2009-l, a = 0).</summary>
    public G2Jacobian Double()
    {
        var a = _x.Square();
        var b = _y.Square();
        var c = b.Square();
        var d = ((_x + b).Square() - a - c).Double();
        var e = a.Double() + a;
        var f = e.Square();
        var x3 = f - d.Double();
        var y3 = (e * (d - x3)) - c.Double().Double().Double();
        var z3 = (_y * _z).Double();
        return new G2Jacobian(x3, y3, z3);
    }

    /// <summary>this + <paramref name="q"/> (add-2007-bl), with the exceptional cases handled.</summary>
    public G2Jacobian Add(in G2Jacobian q)
    {
        if (IsIdentity)
        {
            return q;
        }

        if (q.IsIdentity)
        {
            return this;
        }

        var z1z1 = _z.Square();
        var z2z2 = q._z.Square();
        var u1 = _x * z2z2;
        var u2 = q._x * z1z1;
        var s1 = _y * q._z * z2z2;
        var s2 = q._y * _z * z1z1;
        var h = u2 - u1;
        var r = (s2 - s1).Double();
        if (h.IsZero)
        {
            return r.IsZero ? Double() : Identity;
        }

        var i = h.Double().Square();
        var j = h * i;
        var v = u1 * i;
        var x3 = r.Square() - j - v.Double();
        var y3 = (r * (v - x3)) - (s1 * j).Double();
        var z3 = ((_z + q._z).Square() - z1z1 - z2z2) * h;
        return new G2Jacobian(x3, y3, z3);
    }
}
