using Orleans.Dashboard;

namespace Enc.Silo.Hosting;

/// <summary>Maps the silo's HTTP endpoints: <c>/healthz</c>, <c>/readyz</c> and the dashboard.</summary>
public static class EncHttpEndpoints
{
    /// <summary>Path of the dashboard.</summary>
    public const string DashboardPath = "/dashboard";

    /// <summary>Maps the endpoints on <paramref name="app"/>.</summary>
    public static WebApplication MapEncEndpoints(this WebApplication app, bool dashboard)
    {
        // Live: the process serves HTTP. Ready: joined the cluster and registered its node.
        app.MapGet("/healthz", () => Results.Ok(new { status = "live" }));
        app.MapGet("/readyz", (SiloReadiness readiness) =>
        {
            var body = new { status = readiness.IsReady ? "ready" : "not-ready", node = readiness.NodeName, silo = readiness.SiloStatus.ToString() };
            return readiness.IsReady ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        if (dashboard)
        {
            app.MapOrleansDashboard(routePrefix: DashboardPath);
        }

        return app;
    }
}
