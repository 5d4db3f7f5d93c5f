using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;

namespace CallTracking.Tests.Packaging;

/// <summary>
/// PowerShell 7.4 runs on .NET 8 and loads its own copies of the shared-framework assemblies: a shipped assembly that
/// references (or is) one at a version above .NET 8's fails to load there (style.md, powershell-facts.md 9). This keeps
/// every DLL of the built module at or below 8.x for every name the shared framework owns.
/// </summary>
public class SharedFrameworkVersionTests
{
    private const int MaxMajor = 8;

    private static HashSet<string> SharedFrameworkNames()
        => Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll")
            .Select(Path.GetFileNameWithoutExtension).Where(n => n != null).Select(n => n!)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static string[] ShippedAssemblies()
    {
        var folder = RepoPaths.ModuleFolder;
        Assert.True(Directory.Exists(folder), "The module folder " + folder + " does not exist: `dotnet build` at the repo root makes it.");
        var dlls = Directory.GetFiles(folder, "*.dll", SearchOption.AllDirectories);
        Assert.NotEmpty(dlls);
        return dlls;
    }

    [Fact]
    public void No_shipped_assembly_needs_a_shared_framework_assembly_above_net8()
    {
        var shared = SharedFrameworkNames();
        var problems = new List<string>();
        foreach (var path in ShippedAssemblies())
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata) continue;
            var md = pe.GetMetadataReader();
            var self = md.GetAssemblyDefinition();
            var selfName = md.GetString(self.Name);
            if (shared.Contains(selfName) && self.Version.Major > MaxMajor)
                problems.Add(Path.GetFileName(path) + " is " + selfName + " " + self.Version);
            foreach (var handle in md.AssemblyReferences)
            {
                var r = md.GetAssemblyReference(handle);
                var name = md.GetString(r.Name);
                if (shared.Contains(name) && r.Version.Major > MaxMajor)
                    problems.Add(Path.GetFileName(path) + " references " + name + " " + r.Version);
            }
        }
        Assert.True(problems.Count == 0, "Above .NET 8:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Shipped_assemblies_target_netstandard_and_SMA_is_never_shipped()
    {
        var dlls = ShippedAssemblies();
        Assert.DoesNotContain(dlls, d => Path.GetFileName(d).Equals("System.Management.Automation.dll", StringComparison.OrdinalIgnoreCase));
        foreach (var own in new[] { "CallTracking.Core.dll", "CallTracking.Sandbox.dll", "CallTracking.PowerShell.dll" })
        {
            var path = Path.Combine(RepoPaths.ModuleFolder, own);
            Assert.True(File.Exists(path), own + " is missing from the module folder");
            using var pe = new PEReader(File.OpenRead(path));
            var md = pe.GetMetadataReader();
            var refs = md.AssemblyReferences.Select(h => md.GetString(md.GetAssemblyReference(h).Name)).ToList();
            Assert.Contains("netstandard", refs);
            Assert.DoesNotContain("System.Runtime", refs); // a net8+ build would reference System.Runtime instead
        }
    }
}
