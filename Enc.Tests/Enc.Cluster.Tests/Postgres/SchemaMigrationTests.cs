using Enc.Cluster.Tests.Infrastructure;
using Enc.Silo.Database;

namespace Enc.Cluster.Tests.Postgres;

/// <summary>The schema migrator against a real PostgreSQL database.</summary>
public sealed class SchemaMigrationTests : IAsyncLifetime
{
    private PostgresDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await PostgresDatabase.CreateAsync(nameof(SchemaMigrationTests));

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task MigratingTwiceIsHarmless()
    {
        var migrator = SchemaMigrator.Default;

        var first = await migrator.MigrateAsync(_db.ConnectionString, TestContext.Current.CancellationToken);
        var queries = await _db.ScalarAsync<long>("SELECT count(*) FROM OrleansQuery;");
        var second = await migrator.MigrateAsync(_db.ConnectionString, TestContext.Current.CancellationToken);

        Assert.Equal(migrator.Scripts.Select(s => s.Version), first.Select(s => s.Version));
        Assert.Empty(second);
        Assert.Equal(queries, await _db.ScalarAsync<long>("SELECT count(*) FROM OrleansQuery;"));
        Assert.Equal(migrator.Scripts.Select(s => s.Version), await SchemaMigrator.AppliedVersionsAsync(_db.ConnectionString, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ConcurrentMigratorsApplyEachScriptOnce()
    {
        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => SchemaMigrator.Default.MigrateAsync(_db.ConnectionString, TestContext.Current.CancellationToken)));

        Assert.Equal(SchemaMigrator.Default.Scripts.Count, runs.Sum(r => r.Count));
    }

    [Fact]
    public async Task FailingScriptLeavesNothingHalfApplied()
    {
        var broken = new SchemaMigrator(
        [
            .. SchemaMigrator.Default.Scripts,
            new SchemaScript(9001, "9001_broken.sql", "CREATE TABLE enc_half (id int); SELECT no_such_function();"),
        ]);

        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => broken.MigrateAsync(_db.ConnectionString, TestContext.Current.CancellationToken));

        Assert.Equal(SchemaMigrator.Default.Scripts.Select(s => s.Version), await SchemaMigrator.AppliedVersionsAsync(_db.ConnectionString, TestContext.Current.CancellationToken));
        Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename = 'enc_half';"));
    }

    [Fact]
    public async Task EditedAppliedScriptIsReportedNotReapplied()
    {
        await SchemaMigrator.Default.MigrateAsync(_db.ConnectionString, TestContext.Current.CancellationToken);
        var first = SchemaMigrator.Default.Scripts[0];
        var edited = new SchemaMigrator([first with { Sql = first.Sql + "\n-- edited" }]);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => edited.MigrateAsync(_db.ConnectionString, TestContext.Current.CancellationToken));

        Assert.Contains(first.Name, ex.Message, StringComparison.Ordinal);
    }
}
