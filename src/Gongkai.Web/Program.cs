using Gongkai.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddGongkaiWeb();

var app = builder.Build();
await app.InitializeDatabaseAsync();
app.UseGongkaiWeb();
await app.RunAsync();

/// <summary>Public so the integration tests' WebApplicationFactory can start the host.</summary>
public partial class Program;
