using Enc.Crypto.Bls.Fields;

namespace Enc.Crypto.Bls.Curves;

/// <summary>
/// A point of the G2 curve y² = x³ + 4(u + 1) over F_p² in affine coordinates, or the point at
/// infinity (flagged; its coordinates are zero).
/// </summary>
internal readonly partial struct G2Affine : IEquatable<G2Affine>
{
    public readonly Fp2 X;
    public readonly Fp2 Y;
    private readonly bool _isIdentity;

    /// <summary>Creates the finite point (x, y) without any check.</summary>
    public G2Affine(in Fp2 x, in Fp2 y)
    {
        X = x;
        Y = y;
        _isIdentity = false;
    }

    private G2Affine(in Fp2 x, in Fp2 y, bool isIdentity)
    {
        X = x;
        Y = y;
        _isIdentity = isIdentity;
    }

    /// <summary>The point at infinity.</summary>
    public static G2Affine Identity => new(Fp2.Zero, Fp2.Zero, true);

    /// <summary>The standard generator of G2.</summary>
    public static G2Affine Generator => CurveConstants.G2Generator;

    /// <summary>True for the point at infinity.</summary>
    public bool IsIdentity => _isIdentity;

    /// <summary>True when y² = x³ + 4(u + 1), or for the identity.</summary>
    public bool IsOnCurve => _isIdentity | (Y.Square() == X.Square() * X + Fp2.One.MulByCurveB());

    /// <summary>True when the point lies in the order-r subgroup G2 (see <see cref="G2Projective.IsInSubgroup"/>).</summary>
    public bool IsInSubgroup => G2Projective.FromAffine(this).IsInSubgroup;

    /// <summary>The negated point (x, −y).</summary>
    public static G2Affine operator -(in G2Affine a) =>
        new(a.X, Fp2.ConditionalSelect(-a.Y, a.Y, a._isIdentity), a._isIdentity);

    public static G2Affine ConditionalSelect(in G2Affine a, in G2Affine b, bool choice) => new(
        Fp2.ConditionalSelect(a.X, b.X, choice),
        Fp2.ConditionalSelect(a.Y, b.Y, choice),
        (a._isIdentity & !choice) | (b._isIdentity & choice));

    public static bool operator ==(in G2Affine a, in G2Affine b) =>
        (a._isIdentity & b._isIdentity) | (!a._isIdentity & !b._isIdentity & (a.X == b.X) & (a.Y == b.Y));

    public static bool operator !=(in G2Affine a, in G2Affine b) => !(a == b);

    public bool Equals(G2Affine other) => this == other;

    public override bool Equals(object? obj) => obj is G2Affine other && this == other;

    public override int GetHashCode() => _isIdentity ? 0 : HashCode.Combine(X, Y);

    public override string ToString() => _isIdentity ? "G2(infinity)" : $"G2({X}, {Y})";
}
