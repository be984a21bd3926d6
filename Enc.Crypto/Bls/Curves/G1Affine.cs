using Enc.Crypto.Bls.Fields;

namespace Enc.Crypto.Bls.Curves;

/// <summary>
/// A point of the G1 curve y² = x³ + 4 over F_p in affine coordinates, or the point at
/// infinity (flagged; its coordinates are zero).
/// </summary>
internal readonly partial struct G1Affine : IEquatable<G1Affine>
{
    public readonly Fp X;
    public readonly Fp Y;
    private readonly bool _isIdentity;

    /// <summary>Creates the finite point (x, y) without any check.</summary>
    public G1Affine(in Fp x, in Fp y)
    {
        X = x;
        Y = y;
        _isIdentity = false;
    }

    private G1Affine(in Fp x, in Fp y, bool isIdentity)
    {
        X = x;
        Y = y;
        _isIdentity = isIdentity;
    }

    /// <summary>The point at infinity.</summary>
    public static G1Affine Identity => new(Fp.Zero, Fp.Zero, true);

    /// <summary>The standard generator of G1.</summary>
    public static G1Affine Generator => CurveConstants.G1Generator;

    /// <summary>True for the point at infinity.</summary>
    public bool IsIdentity => _isIdentity;

    /// <summary>True when y² = x³ + 4, or for the identity.</summary>
    public bool IsOnCurve => _isIdentity | (Y.Square() == X.Square() * X + Fp.One.MulByCurveB());

    /// <summary>True when the point lies in the order-r subgroup G1 (see <see cref="G1Projective.IsInSubgroup"/>).</summary>
    public bool IsInSubgroup => G1Projective.FromAffine(this).IsInSubgroup;

    /// <summary>The negated point (x, −y).</summary>
    public static G1Affine operator -(in G1Affine a) =>
        new(a.X, Fp.ConditionalSelect(-a.Y, a.Y, a._isIdentity), a._isIdentity);

    public static G1Affine ConditionalSelect(in G1Affine a, in G1Affine b, bool choice) => new(
        Fp.ConditionalSelect(a.X, b.X, choice),
        Fp.ConditionalSelect(a.Y, b.Y, choice),
        (a._isIdentity & !choice) | (b._isIdentity & choice));

    public static bool operator ==(in G1Affine a, in G1Affine b) =>
        (a._isIdentity & b._isIdentity) | (!a._isIdentity & !b._isIdentity & (a.X == b.X) & (a.Y == b.Y));

    public static bool operator !=(in G1Affine a, in G1Affine b) => !(a == b);

    public bool Equals(G1Affine other) => this == other;

    public override bool Equals(object? obj) => obj is G1Affine other && this == other;

    public override int GetHashCode() => _isIdentity ? 0 : HashCode.Combine(X, Y);

    public override string ToString() => _isIdentity ? "G1(infinity)" : $"G1({X}, {Y})";
}
