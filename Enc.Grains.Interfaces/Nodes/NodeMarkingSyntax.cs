using Enc.Grains.Interfaces.Workloads;

namespace Enc.Grains.Interfaces.Nodes;

/// <summary>
/// Parses kubectl-style node label and taint arguments into a <see cref="NodeMarkingChange"/>.
/// Errors are <see cref="ArgumentException"/>s naming the offending argument.
/// </summary>
public static class NodeMarkingSyntax
{
    /// <summary>Label keys starting with this prefix are reserved for ENC (drivers, OS, architecture).</summary>
    public const string ReservedPrefix = "enc.";

    /// <summary>Parses taint arguments: <c>key=value:Effect</c>, <c>key:Effect</c>, <c>key:Effect-</c>, <c>key-</c>.</summary>
    public static NodeMarkingChange ParseTaints(IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var add = new List<NodeTaint>();
        var remove = new List<NodeTaint>();
        foreach (var argument in arguments)
        {
            var text = argument?.Trim() ?? "";
            if (text.EndsWith('-'))
            {
                var body = text[..^1];
                var colon = body.IndexOf(':', StringComparison.Ordinal);
                var key = colon < 0 ? body : body[..colon];
                var effect = colon < 0 ? TaintEffect.Invalid : ParseEffect(body[(colon + 1)..], text);
                remove.Add(new NodeTaint { Key = CheckKey(key.Split('=')[0], text), Effect = effect });
                continue;
            }

            var sep = text.LastIndexOf(':');
            if (sep < 0)
            {
                throw new ArgumentException($"taint '{text}': expected key=value:Effect, key:Effect, key:Effect- or key- (Effect is NoSchedule, PreferNoSchedule or NoExecute)", nameof(arguments));
            }

            var keyValue = text[..sep];
            var eq = keyValue.IndexOf('=', StringComparison.Ordinal);
            var taintKey = eq < 0 ? keyValue : keyValue[..eq];
            var value = eq < 0 ? "" : keyValue[(eq + 1)..];
            if (!WorkloadNameRules.IsLabelValue(value))
            {
                throw new ArgumentException($"taint '{text}': value '{value}' is not a valid taint value (up to 63 letters, digits, '-', '_', '.')", nameof(arguments));
            }

            add.Add(new NodeTaint { Key = CheckKey(taintKey, text), Value = value, Effect = ParseEffect(text[(sep + 1)..], text) });
        }

        return new NodeMarkingChange { AddTaints = add, RemoveTaints = remove };
    }

    /// <summary>Parses label arguments: <c>key=value</c> sets, <c>key-</c> removes.</summary>
    public static NodeMarkingChange ParseLabels(IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var set = new Dictionary<string, string>(StringComparer.Ordinal);
        var remove = new List<string>();
        foreach (var argument in arguments)
        {
            var text = argument?.Trim() ?? "";
            if (text.EndsWith('-') && !text.Contains('=', StringComparison.Ordinal))
            {
                remove.Add(CheckLabelKey(text[..^1], text));
                continue;
            }

            var eq = text.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                throw new ArgumentException($"label '{text}': expected key=value or key-", nameof(arguments));
            }

            var value = text[(eq + 1)..];
            if (!WorkloadNameRules.IsLabelValue(value))
            {
                throw new ArgumentException($"label '{text}': value '{value}' is not a valid label value (up to 63 letters, digits, '-', '_', '.')", nameof(arguments));
            }

            set[CheckLabelKey(text[..eq], text)] = value;
        }

        return new NodeMarkingChange { SetLabels = set, RemoveLabels = remove };
    }

    /// <summary>Throws when <paramref name="change"/> holds an invalid key, value or effect (the node grain re-checks what clients send).</summary>
    public static void ThrowIfInvalid(NodeMarkingChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        foreach (var (key, value) in change.SetLabels)
        {
            CheckLabelKey(key, key + "=" + value);
            if (!WorkloadNameRules.IsLabelValue(value))
            {
                throw new ArgumentException($"label '{key}={value}': value is not a valid label value", nameof(change));
            }
        }

        foreach (var key in change.RemoveLabels)
        {
            CheckLabelKey(key, key + "-");
        }

        foreach (var taint in change.AddTaints)
        {
            CheckKey(taint.Key, taint.ToString());
            if (taint.Effect is not (TaintEffect.NoSchedule or TaintEffect.PreferNoSchedule or TaintEffect.NoExecute))
            {
                throw new ArgumentException($"taint '{taint}': effect must be NoSchedule, PreferNoSchedule or NoExecute", nameof(change));
            }

            if (!WorkloadNameRules.IsLabelValue(taint.Value))
            {
                throw new ArgumentException($"taint '{taint}': value is not a valid taint value", nameof(change));
            }
        }

        foreach (var taint in change.RemoveTaints)
        {
            CheckKey(taint.Key, taint.Key + "-");
        }
    }

    private static TaintEffect ParseEffect(string text, string argument) => text switch
    {
        "NoSchedule" => TaintEffect.NoSchedule,
        "PreferNoSchedule" => TaintEffect.PreferNoSchedule,
        "NoExecute" => TaintEffect.NoExecute,
        _ => throw new ArgumentException($"taint '{argument}': effect '{text}' must be NoSchedule, PreferNoSchedule or NoExecute", nameof(argument)),
    };

    private static string CheckKey(string key, string argument) =>
        WorkloadNameRules.IsLabelKey(key)
            ? key
            : throw new ArgumentException($"taint '{argument}': key '{key}' is not a valid key (prefix/name, name up to 63 letters, digits, '-', '_', '.')", nameof(argument));

    private static string CheckLabelKey(string key, string argument)
    {
        if (!WorkloadNameRules.IsLabelKey(key))
        {
            throw new ArgumentException($"label '{argument}': key '{key}' is not a valid label key", nameof(argument));
        }

        return key.StartsWith(ReservedPrefix, StringComparison.Ordinal)
            ? throw new ArgumentException($"label '{argument}': keys starting with '{ReservedPrefix}' are reserved for ENC", nameof(argument))
            : key;
    }
}
