using Enc.Scheduling.Validation;

namespace Enc.Scheduling.Options;

/// <summary>Validates <see cref="SchedulerOptions"/> against the plugin and algorithm registries.</summary>
public static class SchedulerOptionsValidator
{
    /// <summary>Every invalid option; empty when valid.</summary>
    public static IReadOnlyList<ValidationError> Validate(SchedulerOptions options, PluginRegistry plugins, AlgorithmRegistry algorithms)
    {
        var errors = new List<ValidationError>();
        if (!algorithms.Contains(options.DefaultAlgorithm))
        {
            errors.Add(new(nameof(options.DefaultAlgorithm), $"'{options.DefaultAlgorithm}' is not a registered algorithm ({string.Join(", ", algorithms.Names)})"));
        }

        if (options.DefaultResourceStrategy is not (ResourceStrategyNames.Binpack or ResourceStrategyNames.Spread))
        {
            errors.Add(new(nameof(options.DefaultResourceStrategy), "must be 'binpack' or 'spread'"));
        }

        if (options.PercentageOfNodesToScore is < 0 or > 100)
        {
            errors.Add(new(nameof(options.PercentageOfNodesToScore), "must be 0 (adaptive) or 1..100"));
        }

        if (options.MinFeasibleNodesToScore < 1)
        {
            errors.Add(new(nameof(options.MinFeasibleNodesToScore), "must be at least 1"));
        }

        if (options.MaxFeasibleNodesToScore < options.MinFeasibleNodesToScore)
        {
            errors.Add(new(nameof(options.MaxFeasibleNodesToScore), "must be at least MinFeasibleNodesToScore"));
        }

        if (options.MaxBindAttempts < 1)
        {
            errors.Add(new(nameof(options.MaxBindAttempts), "must be at least 1"));
        }

        for (var i = 0; i < options.Plugins.Count; i++)
        {
            if (!plugins.Contains(options.Plugins[i]))
            {
                errors.Add(new($"{nameof(options.Plugins)}[{i}]", $"'{options.Plugins[i]}' is not a registered plugin"));
            }
        }

        foreach (var pair in options.ScoreWeights)
        {
            if (pair.Value is < 0 or > 100)
            {
                errors.Add(new($"{nameof(options.ScoreWeights)}[{pair.Key}]", "must be 0..100"));
            }
        }

        return errors;
    }
}
