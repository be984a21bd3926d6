using System.Runtime.CompilerServices;
using Enc.Crypto.Bls.Fields;

namespace Enc.Crypto.Bls.Curves;

/// <summary>
/// A point of y² = x³ + b in Jacobian coordinates (x = X/Z², y = Y/Z³), used only for the public
/// chains of multiplication by the BLS parameter (subgroup checks, cofactor clearing), where
/// doubling dominates: the a = 0 Jacobian doubling costs 2M + 5S against 6M + 2S for the complete
/// homogeneous formulas.
/// </summary>
/// <remarks>
/// The formulas are incomplete, so <see cref="Add"/> detects its exceptional cases (an identity
/// operand, P + P, P + (−P)) and handles them; no point of these curves other than the identity
/// doubles to the identity (the group orders are odd). Variable time: public points only.
/// </remarks>
/// <typeparam name="T">The coordinate field (F_p for G1, F_p² for G2).</typeparam>
internal readonly struct JacobianPoint<T>
    where T : unmanaged, ICurveField<T>
{
    private readonly T _x;
    private readonly T _y;
    private readonly T _z;

    private JacobianPoint(in T x, in T y, in T z)
    {
        _x = x;
        _y = y;
        _z = z;
    }

    private static JacobianPoint<T> Identity => new(T.One, T.One, T.Zero);

    private bool IsIdentity => _z.IsZero;

    /// <summary>
    /// [|x|]·P for the BLS parameter |x| = 0xd201000000010000 (63 doublings and 5 additions), with
    /// P and the result in homogeneous projective coordinates (X : Y : Z), the identity having Z = 0.
    /// </summary>
    public static void MultiplyByAbsX(in T x, in T y, in T z, out T x3, out T y3, out T z3)
    {
        var p = FromHomogeneous(x, y, z);

        // A decoded point (subgroup checks) arrives with Z = 1: its five additions can then use the
        // cheaper mixed formula.
        var affine = z == T.One;
        var acc = p;
        for (var bit = 62; bit >= 0; bit--)
        {
            acc = acc.Double();
            if (((CurveConstants.AbsX >> bit) & 1) == 1)
            {
                acc = affine ? acc.AddAffine(p) : acc.Add(p);
            }
        }

        acc.ToHomogeneous(out x3, out y3, out z3);
    }

    /// <summary>(X : Y : Z) homogeneous ↦ (X·Z : Y·Z² : Z) Jacobian; Z = 0 is the identity.</summary>
    public static JacobianPoint<T> FromHomogeneous(in T x, in T y, in T z) =>
        z.IsZero ? Identity : new JacobianPoint<T>(x * z, y * z.Square(), z);

    /// <summary>(X : Y : Z) Jacobian ↦ (X·Z : Y : Z³) homogeneous; the identity becomes (0 : 1 : 0).</summary>
    public void ToHomogeneous(out T x, out T y, out T z)
    {
        if (IsIdentity)
        {
            x = T.Zero;
            y = T.One;
            z = T.Zero;
            return;
        }

        x = _x * _z;
        y = _y;
        z = _z.Square() * _z;
    }

    /// <summary>2·this (dbl-2009-l, a = 0).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public JacobianPoint<T> Double()
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
        return new JacobianPoint<T>(x3, y3, z3);
    }

    /// <summary>
    /// this + <paramref name="q"/> for a second operand with Z = 1 (madd-2007-bl: 7M + 4S against
    /// 11M + 5S), with the exceptional cases handled.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public JacobianPoint<T> AddAffine(in JacobianPoint<T> q)
    {
        if (IsIdentity)
        {
            return q;
        }

        var z1z1 = _z.Square();
        var u2 = q._x * z1z1;
        var s2 = q._y * _z * z1z1;
        var h = u2 - _x;
        var r = (s2 - _y).Double();
        if (h.IsZero)
        {
            return r.IsZero ? Double() : Identity;
        }

        var hh = h.Square();
        var i = hh.Double().Double();
        var j = h * i;
        var v = _x * i;
        var x3 = r.Square() - j - v.Double();
        var y3 = (r * (v - x3)) - (_y * j).Double();
        var z3 = (_z + h).Square() - z1z1 - hh;
        return new JacobianPoint<T>(x3, y3, z3);
    }

    /// <summary>this + <paramref name="q"/> (add-2007-bl), with the exceptional cases handled.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public JacobianPoint<T> Add(in JacobianPoint<T> q)
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
        return new JacobianPoint<T>(x3, y3, z3);
    }
}
