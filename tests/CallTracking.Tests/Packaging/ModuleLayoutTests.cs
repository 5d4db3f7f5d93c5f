using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace CallTracking.Tests.Packaging;

/// <summary>
/// The built module has the layout of the PowerShell docs' answer to dependency conflicts: at the root only the manifest,
/// the format and help files, the bootstrap (imported first), the cmdlet assembly and the PowerShell 7 loader; the
/// engine and every dependency in Dependencies/, where the private load context (7) and the allow-list (5.1) find them.
/// </summary>
public class ModuleLayoutTests
{
    private static string Dependencies => Path.Combine(RepoPaths.ModuleFolder, "Dependencies");

    private static string ManifestText => File.ReadAllText(Path.Combine(RepoPaths.ModuleFolder, "CallTracking.psd1"));

    private static string[] DllNames(string folder)
    {
        Assert.True(Directory.Exists(folder), folder + " does not exist: `dotnet build` at the repo root makes it.");
        return Directory.GetFiles(folder, "*.dll").Select(f => Path.GetFileNameWithoutExtension(f)!).OrderBy(n => n, StringComparer.Ordinal).ToArray();
    }

    private static List<(string Name, Version Version)> References(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var md = pe.GetMetadataReader();
        return md.AssemblyReferences.Select(h => md.GetAssemblyReference(h)).Select(r => (md.GetString(r.Name), r.Version)).ToList();
    }

    private static Version AssemblyVersion(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        return pe.GetMetadataReader().GetAssemblyDefinition().Version;
    }

    private static HashSet<string> SharedFrameworkNames()
        => Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll").Select(f => Path.GetFileNameWithoutExtension(f)!)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void The_root_holds_only_the_bootstrap_the_cmdlets_and_the_loader()
    {
        Assert.Equal(new[] { "CallTracking.Bootstrap", "CallTracking.Loader", "CallTracking.PowerShell" }, DllNames(RepoPaths.ModuleFolder));
        foreach (var file in new[] { "CallTracking.psd1", "CallTracking.format.ps1xml", Path.Combine("en-US", "CallTracking.PowerShell.dll-Help.xml") })
            Assert.True(File.Exists(Path.Combine(RepoPaths.ModuleFolder, file)), file + " is missing from the module root");
    }

    [Fact]
    public void Dependencies_holds_the_engine_and_its_libraries()
    {
        var names = DllNames(Dependencies);
        foreach (var expected in new[] { "CallTracking.Core", "CallTracking.Sandbox", "Polly.Core", "Microsoft.Extensions.Http",
                     "Microsoft.Extensions.DependencyInjection.Abstractions", "CsvHelper", "System.Text.Json" })
            Assert.Contains(expected, names);
        Assert.DoesNotContain("System.Management.Automation", names);
        Assert.DoesNotContain("CallTracking.PowerShell", names);
    }

    /// <summary>
    /// Every reference of a Dependencies assembly is another Dependencies assembly or part of the runtime: a missing one
    /// would load nowhere (the load context and the 5.1 allow-list look only there) and fail at the first call that needs it.
    /// </summary>
    [Fact]
    public void Every_dependency_finds_its_references_in_Dependencies_or_the_runtime()
    {
        var shipped = Directory.GetFiles(Dependencies, "*.dll").ToDictionary(f => Path.GetFileNameWithoutExtension(f)!, f => f, StringComparer.OrdinalIgnoreCase);
        var framework = SharedFrameworkNames();
        var missing = new List<string>();
        foreach (var (name, path) in shipped)
        {
            foreach (var (reference, version) in References(path))
            {
                if (shipped.TryGetValue(reference, out var target))
                {
                    if (AssemblyVersion(target) < version) missing.Add(name + " needs " + reference + " " + version + ", Dependencies has " + AssemblyVersion(target));
                }
                else if (!framework.Contains(reference) && reference != "System.Management.Automation")
                {
                    missing.Add(name + " needs " + reference + " " + version + ", which is neither in Dependencies nor in the runtime");
                }
            }
        }
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    /// <summary>The loader answers in the default context only for the cmdlet assembly's own references: they must be shipped.</summary>
    [Fact]
    public void The_cmdlet_assembly_needs_only_the_host_and_Dependencies()
    {
        var shipped = DllNames(Dependencies).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var framework = SharedFrameworkNames();
        var refs = References(Path.Combine(RepoPaths.ModuleFolder, "CallTracking.PowerShell.dll")).Select(r => r.Name).ToList();
        Assert.Contains("CallTracking.Core", refs);
        foreach (var r in refs)
            Assert.True(shipped.Contains(r) || framework.Contains(r) || r == "System.Management.Automation", "CallTracking.PowerShell references " + r + ", which ships nowhere");
    }

    /// <summary>PowerShell imports the bootstrap before anything can be resolved: it may need nothing but the host.</summary>
    [Fact]
    public void The_bootstrap_and_the_loader_reference_only_the_host()
    {
        Assert.Equal(new[] { "System.Management.Automation", "netstandard" },
            References(Path.Combine(RepoPaths.ModuleFolder, "CallTracking.Bootstrap.dll")).Select(r => r.Name).OrderBy(n => n, StringComparer.Ordinal));
        var framework = SharedFrameworkNames();
        foreach (var (name, _) in References(Path.Combine(RepoPaths.ModuleFolder, "CallTracking.Loader.dll")))
            Assert.True(framework.Contains(name), "CallTracking.Loader references " + name + ", which is not part of the runtime");
    }

    private static string ManifestValue(string key)
    {
        var m = Regex.Match(ManifestText, @"(?m)^\s*" + key + @"\s*=\s*(?<v>.+)$");
        Assert.True(m.Success, "The built CallTracking.psd1 has no " + key);
        return m.Groups["v"].Value.Trim();
    }

    [Fact]
    public void The_manifest_imports_the_bootstrap_first_and_needs_net_framework_4_7_2()
    {
        Assert.Equal("'4.7.2'", ManifestValue("DotNetFrameworkVersion"));
        Assert.Equal("@('CallTracking.Bootstrap.dll')", ManifestValue("NestedModules"));
        Assert.Equal("'CallTracking.PowerShell.dll'", ManifestValue("RootModule"));
    }
}
