using System.Globalization;

namespace Enc.Grains.Interfaces.Workloads.Loading;

/// <summary>Typed access to <see cref="SpecNode"/> values that records an error (with the field path) instead of throwing.</summary>
internal sealed class SpecFieldReader
{
    private readonly List<WorkloadSpecError> _errors = [];

    /// <summary>Errors recorded so far.</summary>
    public IReadOnlyList<WorkloadSpecError> Errors => _errors;

    /// <summary>Records an error for <paramref name="path"/>.</summary>
    public void Error(string path, string message) => _errors.Add(new WorkloadSpecError { Field = path, Message = message });

    /// <summary>True when an error was recorded for <paramref name="path"/> or a field below it.</summary>
    public bool HasErrorAt(string path) =>
        _errors.Any(e => e.Field == path || e.Field.StartsWith(path + ".", StringComparison.Ordinal) || e.Field.StartsWith(path + "[", StringComparison.Ordinal));

    /// <summary>Returns the map's entries, or null (with an error) when the node is not a map. Unknown keys are reported.</summary>
    public Dictionary<string, SpecNode>? Map(SpecNode? node, string path, IReadOnlyCollection<string> knownKeys)
    {
        if (node is null or SpecScalar { Value: null })
        {
            return null;
        }

        if (node is not SpecMap map)
        {
            Error(path.Length == 0 ? "(document)" : path, "must be a mapping of fields");
            return null;
        }

        var result = new Dictionary<string, SpecNode>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Entries)
        {
            var fieldPath = Join(path, key);
            if (!knownKeys.Contains(key))
            {
                Error(fieldPath, $"unknown field (known: {string.Join(", ", knownKeys)})");
            }
            else if (!result.TryAdd(key, value))
            {
                Error(fieldPath, "is given more than once");
            }
        }

        return result;
    }

    /// <summary>A scalar string, or null when absent/null or not a scalar (then an error).</summary>
    public string? String(IReadOnlyDictionary<string, SpecNode>? map, string key, string path)
    {
        if (map is null || !map.TryGetValue(key, out var node))
        {
            return null;
        }

        if (node is SpecScalar s)
        {
            return s.Value;
        }

        Error(Join(path, key), "must be a single value, not a list or mapping");
        return null;
    }

    /// <summary>An integer, <paramref name="fallback"/> when absent, or fallback plus an error when malformed.</summary>
    public int Int(IReadOnlyDictionary<string, SpecNode>? map, string key, string path, int fallback)
    {
        var text = String(map, key, path);
        if (text is null)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(Join(path, key), $"'{text}' is not a whole number");
        return fallback;
    }

    /// <summary>A duration, <paramref name="fallback"/> when absent, or fallback plus an error when malformed.</summary>
    public TimeSpan Duration(IReadOnlyDictionary<string, SpecNode>? map, string key, string path, TimeSpan fallback)
    {
        var text = String(map, key, path);
        if (text is null)
        {
            return fallback;
        }

        if (DurationText.TryParse(text, out var value, out var error))
        {
            return value;
        }

        Error(Join(path, key), error);
        return fallback;
    }

    /// <summary>A quantity via <paramref name="parse"/>, <paramref name="fallback"/> when absent, 0 plus an error when malformed.</summary>
    public long Quantity(IReadOnlyDictionary<string, SpecNode>? map, string key, string path, long fallback, QuantityParser parse)
    {
        var text = String(map, key, path);
        return text is null ? fallback : ParseQuantity(text, Join(path, key), parse) ?? 0;
    }

    /// <summary>An optional quantity via <paramref name="parse"/>: null when absent, null plus an error when malformed.</summary>
    public long? OptionalQuantity(IReadOnlyDictionary<string, SpecNode>? map, string key, string path, QuantityParser parse)
    {
        var text = String(map, key, path);
        return text is null ? null : ParseQuantity(text, Join(path, key), parse);
    }

    private long? ParseQuantity(string text, string fieldPath, QuantityParser parse)
    {
        if (parse(text, out var value, out var error))
        {
            return value;
        }

        Error(fieldPath, error);
        return null;
    }

    /// <summary>An enum value matched case-insensitively, ignoring '-' and '_'; <paramref name="fallback"/> when absent.</summary>
    public TEnum Enum<TEnum>(IReadOnlyDictionary<string, SpecNode>? map, string key, string path, TEnum fallback, string expected)
        where TEnum : struct, System.Enum
    {
        var text = String(map, key, path);
        return text is null ? fallback : ParseEnum(text, Join(path, key), fallback, expected);
    }

    /// <summary>Matches <paramref name="text"/> to an enum member name (not the invalid sentinel), or records an error.</summary>
    public TEnum ParseEnum<TEnum>(string text, string fieldPath, TEnum fallback, string expected)
        where TEnum : struct, System.Enum
    {
        var normalized = text.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        foreach (var value in System.Enum.GetValues<TEnum>())
        {
            var name = value.ToString();
            if (Convert.ToInt32(value, CultureInfo.InvariantCulture) != 0 && string.Equals(name, normalized, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        Error(fieldPath, $"'{text}' is not one of {expected}");
        return default;
    }

    /// <summary>A list of strings; a single scalar counts as a one-element list.</summary>
    public IReadOnlyList<string> StringList(IReadOnlyDictionary<string, SpecNode>? map, string key, string path)
    {
        if (map is null || !map.TryGetValue(key, out var node) || node is SpecScalar { Value: null })
        {
            return [];
        }

        switch (node)
        {
            case SpecScalar s:
                return [s.Value!];
            case SpecList list:
                var result = new List<string>(list.Items.Count);
                for (var i = 0; i < list.Items.Count; i++)
                {
                    if (list.Items[i] is SpecScalar { Value: { } v })
                    {
                        result.Add(v);
                    }
                    else
                    {
                        Error($"{Join(path, key)}[{i}]", "must be a string");
                    }
                }

                return result;
            default:
                Error(Join(path, key), "must be a list of strings");
                return [];
        }
    }

    /// <summary>A string-to-string mapping (env, labels, node selector); null values are kept as "" with an error.</summary>
    public IReadOnlyDictionary<string, string> StringMap(IReadOnlyDictionary<string, SpecNode>? map, string key, string path)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (map is null || !map.TryGetValue(key, out var node) || node is SpecScalar { Value: null })
        {
            return result;
        }

        if (node is not SpecMap m)
        {
            Error(Join(path, key), "must be a mapping of names to values");
            return result;
        }

        foreach (var (name, value) in m.Entries)
        {
            var fieldPath = Join(Join(path, key), name);
            if (value is SpecScalar { Value: { } v })
            {
                if (!result.TryAdd(name, v))
                {
                    Error(fieldPath, "is given more than once");
                }
            }
            else
            {
                Error(fieldPath, value is SpecScalar ? "must have a value (use \"\" for empty)" : "must be a single value");
            }
        }

        return result;
    }

    /// <summary>Joins a parent path and a key with '.'.</summary>
    public static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;
}

/// <summary>Signature of the <see cref="Workloads.Quantity"/> parse methods.</summary>
internal delegate bool QuantityParser(string text, out long value, out string error);
