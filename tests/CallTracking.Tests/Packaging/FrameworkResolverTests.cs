using System.Net;
using System.Reflection;
using CallTracking.Bootstrap;

namespace CallTracking.Tests.Packaging;

/// <summary>
/// The Windows PowerShell 5.1 resolver's decisions, checked here on .NET (5.1 itself cannot run on this machine):
/// Dependencies files only, for the module's own requesters only, at the requested version or above.
/// </summary>
public class FrameworkResolverTests
{
    private static string Dependencies => Path.Combine(RepoPaths.ModuleFolder, "Dependencies");

    private static FrameworkResolver NewResolver()
    {
        Assert.True(Directory.Exists(Dependencies), Dependencies + " does not exist: `dotnet build` at the repo root makes it.");
        return new FrameworkResolver(RepoPaths.ModuleFolder, Dependencies);
    }

    /// <summary>An assembly whose file lies in the module folder, as the module's own requesters do on 5.1.</summary>
    private static Assembly ModuleRequester(string relativePath, MetadataLoadContext context)
        => context.LoadFromAssemblyPath(Path.Combine(RepoPaths.ModuleFolder, relativePath));

    private static MetadataLoadContext NewMetadataContext()
        => new(new PathAssemblyResolver(Directory.GetFiles(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "*.dll")));

    [Fact]
    public void The_module_s_own_assemblies_get_the_Dependencies_copy()
    {
        var resolver = NewResolver();
        using var metadata = NewMetadataContext();
        var core = ModuleRequester(Path.Combine("Dependencies", "CallTracking.Core.dll"), metadata);
        var cmdlets = ModuleRequester("CallTracking.PowerShell.dll", metadata);
        Assert.Equal(Path.Combine(Dependencies, "Polly.Core.dll"), resolver.PathFor("Polly.Core, Version=8.0.0.0, Culture=neutral, PublicKeyToken=c8a3ffc3f8f825cc", core));
        Assert.Equal(Path.Combine(Dependencies, "CallTracking.Core.dll"), resolver.PathFor("CallTracking.Core, Version=0.1.0.0, Culture=neutral, PublicKeyToken=null", cmdlets));
    }

    [Fact]
    public void Another_requester_gets_nothing()
    {
        var resolver = NewResolver();
        Assert.Null(resolver.PathFor("Polly.Core, Version=8.0.0.0", typeof(FrameworkResolverTests).Assembly));
        Assert.Null(resolver.PathFor("Polly.Core, Version=8.0.0.0", requester: null));
    }

    [Fact]
    public void A_newer_version_than_shipped_or_an_unknown_name_gets_nothing()
    {
        var resolver = NewResolver();
        using var metadata = NewMetadataContext();
        var core = ModuleRequester(Path.Combine("Dependencies", "CallTracking.Core.dll"), metadata);
        Assert.Null(resolver.PathFor("Polly.Core, Version=99.0.0.0", core));
        Assert.Null(resolver.PathFor("Newtonsoft.Json, Version=13.0.0.0", core));
    }

    private const int Ssl3AndTls10 = 48 | 192; // Windows PowerShell's default; SecurityProtocolType.Ssl3 is obsolete in .NET

    [Theory]
    [InlineData((SecurityProtocolType)Ssl3AndTls10, (SecurityProtocolType)Ssl3AndTls10 | SecurityProtocolType.Tls12)]
    [InlineData(SecurityProtocolType.Tls12, SecurityProtocolType.Tls12)]
    [InlineData((SecurityProtocolType)0, (SecurityProtocolType)0)]
    public void TLS_1_2_is_added_to_an_explicit_list_and_SystemDefault_is_left_to_the_OS(SecurityProtocolType before, SecurityProtocolType after)
        => Assert.Equal(after, SecurityProtocols.WithTls12(before));
}
