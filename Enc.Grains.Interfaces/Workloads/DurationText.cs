using System.Globalization;
using System.Text;

namespace Enc.Grains.Interfaces.Workloads;

/// <summary>
/// Durations written like Go/Nomad/Kubernetes: a sequence of number+unit pairs, units <c>ms s m h</c>
/// (e.g. <c>500ms</c>, <c>10s</c>, <c>1m30s</c>, <c>2h</c>). A bare <c>0</c> is zero.
/// </summary>
public static class DurationText
{
    /// <summary>Parses a duration; returns false with a reason when malformed or negative.</summary>
    public static bool TryParse(string? text, out TimeSpan value, out string error)
    {
        value = TimeSpan.Zero;
        error = "";
        var s = text?.Trim() ?? "";
        if (s == "0")
        {
            return true;
        }

        if (s.Length == 0)
        {
            error = "must be a duration such as 500ms, 10s, 1m30s or 2h";
            return false;
        }

        var i = 0;
        double totalMs = 0;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
            {
                i++;
            }

            var unitStart = i;
            while (i < s.Length && char.IsAsciiLetter(s[i]))
            {
                i++;
            }

            if (!double.TryParse(s.AsSpan(start, unitStart - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
                || UnitMilliseconds(s[unitStart..i]) is not { } unitMs)
            {
                error = $"'{s}' is not a duration (expected e.g. 500ms, 10s, 1m30s, 2h)";
                return false;
            }

            totalMs += amount * unitMs;
        }

        if (totalMs > TimeSpan.MaxValue.TotalMilliseconds / 2)
        {
            error = $"'{s}' is too long";
            return false;
        }

        value = TimeSpan.FromMilliseconds(totalMs);
        return true;
    }

    /// <summary>Formats a duration in the same notation: <c>1m30s</c>, <c>500ms</c>, <c>0s</c>.</summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        var sb = new StringBuilder();
        if (value.Days > 0 || value.Hours > 0)
        {
            sb.Append((long)value.TotalHours).Append('h');
        }

        if (value.Minutes > 0)
        {
            sb.Append(value.Minutes).Append('m');
        }

        if (value.Seconds > 0)
        {
            sb.Append(value.Seconds).Append('s');
        }

        if (value.Milliseconds > 0)
        {
            sb.Append(value.Milliseconds).Append("ms");
        }

        return sb.ToString();
    }

    private static double? UnitMilliseconds(string unit) => unit switch
    {
        "ms" => 1,
        "s" => 1000,
        "m" => 60_000,
        "h" => 3_600_000,
        _ => null,
    };
}
