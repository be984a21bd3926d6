using System.CommandLine;
using Enc.Silo.Hosting;
using Enc.Silo.Options;

namespace Enc.Silo.Commands;

/// <summary>
/// The <c>Enc.Silo</c> command line: running the silo (default) and <c>db migrate</c>. Each silo flag
/// overrides the matching <c>Enc:*</c> configuration key.
/// </summary>
public static class SiloCommandLine
{
    /// <summary>Builds the root command.</summary>
    public static RootCommand Build()
    {
        var dev = new Option<bool>("--dev") { Description = "Development mode: localhost clustering, in-memory storage, streams and reminders." };
        var flags = new (Option<string> Option, string Key)[]
        {
            (new Option<string>("--mode") { Description = "Development or Production (default Production)." }, nameof(EncSiloOptions.Mode)),
            (new Option<string>("--node-name") { Description = "Node (and silo) name; defaults to the host name." }, nameof(EncSiloOptions.NodeName)),
            (new Option<string>("--data-dir") { Description = "Data directory (default .enc)." }, nameof(EncSiloOptions.DataDirectory)),
            (new Option<string>("--cluster-id") { Description = "Orleans cluster id (default enc)." }, nameof(EncSiloOptions.ClusterId)),
            (new Option<string>("--service-id") { Description = "Orleans service id (default enc)." }, nameof(EncSiloOptions.ServiceId)),
            (new Option<string>("--advertised-address") { Description = "IP address other silos and clients reach this silo on." }, nameof(EncSiloOptions.AdvertisedAddress)),
            (new Option<string>("--silo-port") { Description = "Silo-to-silo port (default 11111)." }, nameof(EncSiloOptions.SiloPort)),
            (new Option<string>("--gateway-port") { Description = "Client gateway port (default 30000)." }, nameof(EncSiloOptions.GatewayPort)),
            (new Option<string>("--http-address") { Description = "HTTP endpoint address (default 127.0.0.1)." }, nameof(EncSiloOptions.HttpAddress)),
            (new Option<string>("--http-port") { Description = "HTTP endpoint port: dashboard, /healthz, /readyz (default 8480)." }, nameof(EncSiloOptions.HttpPort)),
            (new Option<string>("--connection") { Description = "PostgreSQL connection string (production mode)." }, nameof(EncSiloOptions.ConnectionString)),
        };

        var root = new RootCommand("ENC silo: one ENC node. Runs until SIGTERM/SIGINT.");
        root.Add(dev);
        foreach (var (option, _) in flags)
        {
            root.Add(option);
        }

        root.SetAction(async (parse, _) =>
        {
            var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var (option, key) in flags)
            {
                if (parse.GetValue(option) is { } value)
                {
                    overrides[$"{EncSiloOptions.SectionName}:{key}"] = value;
                }
            }

            if (parse.GetValue(dev))
            {
                overrides[$"{EncSiloOptions.SectionName}:{nameof(EncSiloOptions.Mode)}"] = nameof(EncSiloMode.Development);
            }

            return await EncSiloHost.RunAsync(overrides, Console.Error);
        });

        root.Add(DbCommand.Build());
        return root;
    }
}
