using System.CommandLine;
using Enc.Ledger.Storage;
using Enc.Silo.Database;
using Npgsql;

namespace Enc.Silo.Commands;

/// <summary><c>Enc.Silo db migrate --connection ...</c>: installs or upgrades ENC's PostgreSQL schema.</summary>
public static class DbCommand
{
    /// <summary>Builds the <c>db</c> command group.</summary>
    public static Command Build()
    {
        var connection = new Option<string>("--connection")
        {
            Description = "PostgreSQL connection string (default: ENC_CONNECTIONSTRING).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ENC_CONNECTIONSTRING") ?? "",
        };
        var migrate = new Command("migrate", "Apply pending schema scripts, including the ledger's (idempotent; each in a transaction).") { connection };
        migrate.SetAction(async (parse, cancellationToken) =>
        {
            var connectionString = parse.GetValue(connection);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                await Console.Error.WriteLineAsync("enc-silo db migrate: --connection (or ENC_CONNECTIONSTRING) is required.");
                return 2;
            }

            try
            {
                var applied = await SchemaMigrator.Default.MigrateAsync(connectionString, cancellationToken);
                Console.WriteLine(applied.Count == 0
                    ? "Schema is up to date."
                    : $"Applied {applied.Count} script(s): {string.Join(", ", applied.Select(s => s.Name))}.");

                // The append-only ledger tables have their own versioned scripts (Enc.Ledger).
                var ledger = await LedgerSchema.MigrateAsync(connectionString, cancellationToken);
                Console.WriteLine(ledger.Count == 0
                    ? "Ledger schema is up to date."
                    : $"Applied ledger schema version(s) {string.Join(", ", ledger)}.");
                return 0;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or ArgumentException)
            {
                await Console.Error.WriteLineAsync($"enc-silo db migrate: {ex.Message}");
                return 1;
            }
        });

        return new Command("db", "Database administration.") { migrate };
    }
}
