using Enc.Grains.Workloads.Placement;
using Enc.Scheduling.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Enc.Grains.Scheduling;

/// <summary>Puts ENC's scheduler pipeline behind workload placement.</summary>
public static class SiloBuilderSchedulerExtensions
{
    /// <summary>Uses <see cref="SchedulerPlacementPolicy"/> for workload placement, whether called before or after <c>AddEncWorkloads</c>.</summary>
    public static ISiloBuilder UseEncScheduler(this ISiloBuilder builder, Action<SchedulerOptions>? configure = null)
    {
        builder.Services.UseEncScheduler(configure);
        return builder;
    }

    /// <summary>Registers <see cref="SchedulerPlacementPolicy"/> as the <see cref="IWorkloadPlacementPolicy"/>; idempotent (the last call's options win).</summary>
    public static IServiceCollection UseEncScheduler(this IServiceCollection services, Action<SchedulerOptions>? configure = null)
    {
        var options = new SchedulerOptions();
        configure?.Invoke(options);
        services.Replace(ServiceDescriptor.Singleton(options));
        services.Replace(ServiceDescriptor.Singleton<IWorkloadPlacementPolicy, SchedulerPlacementPolicy>());
        return services;
    }
}
