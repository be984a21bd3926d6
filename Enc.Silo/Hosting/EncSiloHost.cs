using System.Net;
using Enc.Silo.Configuration;
using Enc.Silo.Options;

namespace Enc.Silo.Hosting;

/// <summary>Builds and runs the ENC silo process: Orleans silo plus the HTTP endpoint.</summary>
public static class EncSiloHost
{
    /// <summary>
    /// Reads configuration (appsettings.json, <c>ENC_*</c> environment variables, then
    /// <paramref name="overrides"/> from the command line) and binds <see cref="EncSiloOptions"/>.
    /// </summary>
    public static (IConfigurationManager Configuration, EncSiloOptions Options) LoadConfiguration(
        WebApplicationBuilder builder, IReadOnlyDictionary<string, string?> overrides)
    {
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true);
        builder.Configuration.AddJsonFile("appsettings.json", optional: true);
        builder.Configuration.AddInMemoryCollection(EncEnvironmentVariables.Read());
        builder.Configuration.AddInMemoryCollection(overrides);
        var options = new EncSiloOptions();
        builder.Configuration.GetSection(EncSiloOptions.SectionName).Bind(options);
        return (builder.Configuration, options);
    }

    /// <summary>
    /// Creates the web application hosting the silo; throws for invalid configuration. <paramref name="configure"/>
    /// runs last on the builder (hosts and tests add logging providers there).
    /// </summary>
    public static WebApplication Build(IReadOnlyDictionary<string, string?> overrides, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        var (_, options) = LoadConfiguration(builder, overrides);
        if (EncSiloOptionsValidator.Validate(options) is { } problem)
        {
            throw new OrleansConfigurationException(problem);
        }

        Directory.CreateDirectory(options.DataDirectory);
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Parse(options.HttpAddress), options.HttpPort));
        builder.UseOrleans(silo => silo.AddEncSilo(options));
        builder.Services.AddSingleton<SiloReadiness>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapEncEndpoints(options.DashboardEnabled);
        return app;
    }

    /// <summary>Runs the silo until SIGTERM/SIGINT; returns the process exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string?> overrides, TextWriter error)
    {
        try
        {
            await using var app = Build(overrides);
            await app.RunAsync();
            return 0;
        }
        catch (OrleansConfigurationException ex)
        {
            await error.WriteLineAsync($"enc-silo: configuration error: {ex.Message}");
            return 2;
        }
        catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException || ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            await error.WriteLineAsync($"enc-silo: configuration error: {EncSiloOptionsValidator.Setting(nameof(EncSiloOptions.HttpPort), "--http-port")}: {ex.Message}");
            return 2;
        }
    }
}
