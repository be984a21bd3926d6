using System.Numerics;

namespace Enc.Crypto.Bls.Fields;

/// <content>One batch of 62 division steps on the low words of f and g.</content>
internal static partial class BernsteinYangInverse
{
    /// <summary>
    /// Runs 62 divsteps on the low 64 bits of f (odd) and g, which determine them exactly, and
    /// returns the new η = −δ with the transition matrix scaled by 2⁶².
    /// </summary>
    /// <remarks>
    /// A divstep with g even only halves g, so a run of zero bits is one shift (count trailing
    /// zeros). With g odd: if η &lt; 0 the step swaps, (f, g) ← (g, −f) and η ← −η; then, while
    /// η ≥ 0, the following steps add f to g whenever g is odd, which together add w·f for the w
    /// that clears the low bits of g: w = −g·f⁻¹ mod 2ᵏ, for k up to min(η + 1, steps left).
    /// f⁻¹ mod 2⁴ is f + 8·((f + 1) &gt;&gt; 2 &amp; 1) (f·f ≡ 1 mod 8), and −f⁻¹ mod 2⁶ is
    /// f·(f² − 2) (one Newton step from f⁻¹ ≡ f mod 8); after a swap η is usually larger, so the
    /// six-bit form is worth its extra multiplication there. Matrix entries are kept as unsigned
    /// words (wrapping arithmetic equals signed arithmetic mod 2⁶⁴; the true values fit).
    /// </remarks>
    internal static long Divsteps62(long eta, ulong f0, ulong g0, out DivstepMatrix matrix)
    {
        ulong u = 1, v = 0, q = 0, r = 1;
        var f = f0;
        var g = g0;
        var left = LimbBits;
        while (true)
        {
            // The sentinel bits above 'left' stop the count at the steps remaining.
            var zeros = BitOperations.TrailingZeroCount(g | (ulong.MaxValue << left));
            g >>= zeros;
            u <<= zeros;
            v <<= zeros;
            eta -= zeros;
            left -= zeros;
            if (left == 0)
            {
                break;
            }

            // g is odd here.
            ulong w;
            int limit;
            if (eta < 0)
            {
                eta = -eta;
                (f, g) = (g, 0 - f);
                (u, q) = (q, 0 - u);
                (v, r) = (r, 0 - v);
                limit = Math.Min((int)eta + 1, left);
                var mask = (ulong.MaxValue >> (64 - limit)) & 63;
                w = f * g * ((f * f) - 2) & mask;
            }
            else
            {
                limit = Math.Min((int)eta + 1, left);
                var mask = (ulong.MaxValue >> (64 - limit)) & 15;
                var inverse = f + (((f + 1) & 4) << 1);
                w = (0 - inverse) * g & mask;
            }

            g += f * w;
            q += u * w;
            r += v * w;
        }

        matrix = new DivstepMatrix((long)u, (long)v, (long)q, (long)r);
        return eta;
    }
}
