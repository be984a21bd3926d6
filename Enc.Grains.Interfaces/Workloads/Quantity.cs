using System.Globalization;

namespace Enc.Grains.Interfaces.Workloads;

/// <summary>
/// Kubernetes-style resource quantities: a decimal number with an optional binary suffix
/// (<c>Ki Mi Gi Ti Pi Ei</c>), decimal suffix (<c>n u m k M G T P E</c>) or exponent (<c>1e3</c>, <c>5E-2</c>).
/// Examples: <c>250m</c>, <c>1</c>, <c>1.5</c>, <c>64Mi</c>, <c>1Gi</c>, <c>500M</c>, <c>1e3</c>.
/// </summary>
public static class Quantity
{
    private static readonly (string Suffix, decimal Factor)[] Suffixes =
    [
        ("Ki", 1024m), ("Mi", 1024m * 1024), ("Gi", 1024m * 1024 * 1024), ("Ti", 1024m * 1024 * 1024 * 1024),
        ("Pi", 1024m * 1024 * 1024 * 1024 * 1024), ("Ei", 1024m * 1024 * 1024 * 1024 * 1024 * 1024),
        ("n", 0.000000001m), ("u", 0.000001m), ("m", 0.001m), ("k", 1e3m), ("M", 1e6m), ("G", 1e9m),
        ("T", 1e12m), ("P", 1e15m), ("E", 1e18m),
    ];

    /// <summary>Parses a quantity into its exact decimal value; returns false with a reason when malformed or negative.</summary>
    public static bool TryParse(string? text, out decimal value, out string error)
    {
        value = 0;
        error = "";
        var s = text?.Trim() ?? "";
        if (s.Length == 0)
        {
            error = "must be a quantity such as 250m, 1.5, 64Mi or 1Gi";
            return false;
        }

        var numberEnd = 0;
        if (s[0] is '+' or '-')
        {
            numberEnd = 1;
        }

        while (numberEnd < s.Length && (char.IsAsciiDigit(s[numberEnd]) || s[numberEnd] == '.'))
        {
            numberEnd++;
        }

        var number = s[..numberEnd];
        var suffix = s[numberEnd..];
        if (!decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var mantissa)
            || number.Count(c => c == '.') > 1 || !number.Any(char.IsAsciiDigit))
        {
            error = $"'{s}' is not a quantity (expected a number with an optional suffix such as m, k, M, G, Ki, Mi, Gi)";
            return false;
        }

        if (!TryApplySuffix(mantissa, suffix, out value))
        {
            error = $"'{s}' has an unknown suffix '{suffix}' or is too large (suffixes: n u m k M G T P E Ki Mi Gi Ti Pi Ei, or e<exponent>)";
            return false;
        }

        if (value < 0)
        {
            error = $"'{s}' is negative";
            return false;
        }

        return true;
    }

    /// <summary>Parses CPU: the value in cores, returned as millicores rounded up (<c>250m</c> → 250, <c>1.5</c> → 1500).</summary>
    public static bool TryParseMillicores(string? text, out long millicores, out string error) =>
        TryScale(text, 1000m, out millicores, out error);

    /// <summary>Parses a byte count (memory, disk) or bits per second (bandwidth), rounded up to a whole unit.</summary>
    public static bool TryParseUnits(string? text, out long units, out string error) =>
        TryScale(text, 1m, out units, out error);

    /// <summary>Formats millicores the way a user writes them: <c>250m</c>, <c>2</c>.</summary>
    public static string FormatMillicores(long millicores) =>
        millicores % 1000 == 0
            ? (millicores / 1000).ToString(CultureInfo.InvariantCulture)
            : millicores.ToString(CultureInfo.InvariantCulture) + "m";

    /// <summary>Formats bytes with the largest exact binary suffix: <c>64Mi</c>, <c>1Gi</c>, <c>1500</c>.</summary>
    public static string FormatBytes(long bytes)
    {
        string[] names = ["Ei", "Pi", "Ti", "Gi", "Mi", "Ki"];
        for (var i = 0; i < names.Length; i++)
        {
            var factor = 1L << (10 * (names.Length - i));
            if (bytes != 0 && bytes % factor == 0)
            {
                return (bytes / factor).ToString(CultureInfo.InvariantCulture) + names[i];
            }
        }

        return bytes.ToString(CultureInfo.InvariantCulture);
    }

    private static bool TryScale(string? text, decimal scale, out long result, out string error)
    {
        result = 0;
        if (!TryParse(text, out var value, out error))
        {
            return false;
        }

        try
        {
            var scaled = decimal.Ceiling(value * scale);
            if (scaled > long.MaxValue)
            {
                error = $"'{text}' is too large";
                return false;
            }

            result = (long)scaled;
            return true;
        }
        catch (OverflowException)
        {
            error = $"'{text}' is too large";
            return false;
        }
    }

    private static bool TryApplySuffix(decimal mantissa, string suffix, out decimal value)
    {
        value = 0;
        try
        {
            if (suffix.Length == 0)
            {
                value = mantissa;
                return true;
            }

            foreach (var (name, factor) in Suffixes)
            {
                if (suffix == name)
                {
                    value = mantissa * factor;
                    return true;
                }
            }

            // An exponent (1e3, 5E-2) is checked after the suffixes so that "Ei" stays exbibytes.
            if (suffix[0] is 'e' or 'E' && suffix.Length > 1)
            {
                if (!int.TryParse(suffix.AsSpan(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent)
                    || exponent is > 28 or < -28)
                {
                    return false;
                }

                value = mantissa;
                for (var i = 0; i < Math.Abs(exponent); i++)
                {
                    value = exponent > 0 ? value * 10 : value / 10;
                }

                return true;
            }

            return false;
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}
