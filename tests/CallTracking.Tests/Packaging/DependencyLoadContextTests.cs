using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using CallTracking.Loader;

namespace CallTracking.Tests.Packaging;

/// <summary>
/// The PowerShell 7 load context over the built Dependencies folder, in this process. The host here is the shared
/// framework only (this test process also has the module's DLLs in its own trusted list, which pwsh does not).
/// </summary>
public class DependencyLoadContextTests
{
    private static string Dependencies => Path.Combine(RepoPaths.ModuleFolder, "Dependencies");

    private static HostAssemblies SharedFramework()
        => new(Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll"));

    private static DependencyLoadContext NewContext(HostAssemblies? host = null)
    {
        Assert.True(Directory.Exists(Dependencies), Dependencies + " does not exist: `dotnet build` at the repo root makes it.");
        return new DependencyLoadContext(Dependencies, host ?? SharedFramework());
    }

    [Fact]
    public void The_engine_and_its_libraries_load_from_Dependencies_into_the_private_context()
    {
        var context = NewContext();
        var core = context.LoadFromAssemblyName(new AssemblyName("CallTracking.Core"));
        Assert.Same(context, AssemblyLoadContext.GetLoadContext(core));
        Assert.Equal(Path.Combine(Dependencies, "CallTracking.Core.dll"), core.Location);
        Assert.NotSame(typeof(CallTracking.Core.Model.CallRecord).Assembly, core);

        // Core's own reference to Polly.Core binds inside the context, to the shipped file.
        var polly = context.LoadFromAssemblyName(core.GetReferencedAssemblies().Single(r => r.Name == "Polly.Core"));
        Assert.Same(context, AssemblyLoadContext.GetLoadContext(polly));
        Assert.Equal(Path.Combine(Dependencies, "Polly.Core.dll"), polly.Location);
    }

    [Fact]
    public void What_the_host_provides_comes_from_the_default_context()
    {
        var context = NewContext();
        var json = context.LoadFromAssemblyName(new AssemblyName("System.Text.Json, Version=8.0.0.0"));
        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(json));
        Assert.Null(context.PathFor(new AssemblyName("System.Text.Json, Version=8.0.0.0")));
    }

    [Fact]
    public void A_host_copy_older_than_the_reference_asks_for_is_not_used()
    {
        // A "host" whose System.Text.Json is the shipped 8.0.0.0, asked for 9.0.0.0: the host cannot serve it.
        var host = new HostAssemblies(new[] { Path.Combine(Dependencies, "System.Text.Json.dll") });
        Assert.True(host.Provides(new AssemblyName("System.Text.Json, Version=8.0.0.0")));
        Assert.False(host.Provides(new AssemblyName("System.Text.Json, Version=9.0.0.0")));
        Assert.False(host.Provides(new AssemblyName("Polly.Core")));
    }

    [Fact]
    public void A_shipped_file_older_than_the_reference_asks_for_is_not_loaded()
    {
        var context = NewContext();
        Assert.Equal(Path.Combine(Dependencies, "Polly.Core.dll"), context.PathFor(new AssemblyName("Polly.Core, Version=8.0.0.0")));
        Assert.Null(context.PathFor(new AssemblyName("Polly.Core, Version=99.0.0.0")));
        Assert.Null(context.PathFor(new AssemblyName("Not.Shipped")));
    }

    [Fact]
    public void A_satellite_request_never_gets_the_main_assembly()
    {
        var context = NewContext();
        Assert.NotNull(context.PathFor(new AssemblyName("CsvHelper")));
        Assert.Null(context.PathFor(new AssemblyName("CsvHelper, Culture=de")));
    }

    [Fact]
    public void The_host_list_is_the_processs_trusted_platform_assemblies()
    {
        var host = HostAssemblies.FromCurrentProcess();
        Assert.True(host.Provides(new AssemblyName("System.Private.CoreLib")));
        Assert.True(host.Provides(typeof(System.Text.Json.JsonDocument).Assembly.GetName()));
        Assert.False(host.Provides(new AssemblyName("CallTracking.Not.An.Assembly")));
    }

    [Fact]
    public void The_default_context_hook_answers_only_for_the_engine()
    {
        var context = NewContext();
        var resolver = new EngineResolver(context);
        resolver.Add(new[] { "CallTracking.Core", "CallTracking.Sandbox" });
        var core = resolver.Resolve(AssemblyLoadContext.Default, new AssemblyName("CallTracking.Core, Version=0.1.0.0"));
        Assert.NotNull(core);
        Assert.Same(context, AssemblyLoadContext.GetLoadContext(core!));
        // Shipped in Dependencies, but not the engine: another module asking for it gets nothing from us.
        Assert.Null(resolver.Resolve(AssemblyLoadContext.Default, new AssemblyName("Polly.Core, Version=8.0.0.0")));
        // A newer engine (another copy of the module) is left to its own handler.
        Assert.Null(resolver.Resolve(AssemblyLoadContext.Default, new AssemblyName("CallTracking.Core, Version=99.0.0.0")));
    }
}
