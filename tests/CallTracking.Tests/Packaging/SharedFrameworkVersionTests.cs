using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;

namespace CallTracking.Tests.Packaging;

/// <summary>
/// PowerShell 7.4 runs on .NET 8 and loads its own copies of the shared-framework assemblies: a shipped assembly that
/// references (or is) one at a version above .NET 8's fails to load there (style.md, powershell-facts.md 9). This keeps
/// every DLL of the built module (the root, Dependencies/ and the net8.0 loader) at or below 8.x for every name the
/// shared framework owns.
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
        // The scan must reach the load context's folder and the loader, or it proves nothing about them.
        Assert.Contains(dlls, d => Path.GetFileName(Path.GetDirectoryName(d)) == "Dependencies" && Path.GetFileName(d) == "Polly.Core.dll");
        Assert.Contains(dlls, d => Path.GetFileName(d) == "CallTracking.Loader.dll");
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
        var own = dlls.Where(d => Path.GetFileName(d).StartsWith("CallTracking.", StringComparison.Ordinal)).ToList();
        foreach (var name in new[] { "CallTracking.Bootstrap.dll", "CallTracking.PowerShell.dll", "CallTracking.Core.dll", "CallTracking.Sandbox.dll" })
            Assert.Contains(own, d => Path.GetFileName(d) == name);
        foreach (var path in own.Where(d => Path.GetFileName(d) != "CallTracking.Loader.dll"))
        {
            var refs = ReferenceNames(path);
            Assert.True(refs.Contains("netstandard"), Path.GetFileName(path) + " does not target netstandard2.0");
            Assert.False(refs.Contains("System.Runtime"), Path.GetFileName(path) + " references System.Runtime: a .NET (not netstandard2.0) build");
        }
    }

    /// <summary>The one exception to netstandard2.0: the loader that only PowerShell 7 loads targets .NET 8 (PowerShell 7.4's runtime).</summary>
    [Fact]
    public void The_loader_targets_net8()
    {
        var path = Path.Combine(RepoPaths.ModuleFolder, "CallTracking.Loader.dll");
        Assert.True(File.Exists(path), "CallTracking.Loader.dll is missing from the module root");
        using var pe = new PEReader(File.OpenRead(path));
        var md = pe.GetMetadataReader();
        var targetFramework = md.CustomAttributes.Select(h => md.GetCustomAttribute(h))
            .Where(a => AttributeTypeName(md, a) == "System.Runtime.Versioning.TargetFrameworkAttribute")
            .Select(a => a.DecodeValue(new StringOnlyDecoder()).FixedArguments[0].Value as string)
            .SingleOrDefault();
        Assert.Equal(".NETCoreApp,Version=v8.0", targetFramework);
        var runtime = md.AssemblyReferences.Select(h => md.GetAssemblyReference(h)).Single(r => md.GetString(r.Name) == "System.Runtime");
        Assert.Equal(MaxMajor, runtime.Version.Major);
    }

    private static HashSet<string> ReferenceNames(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var md = pe.GetMetadataReader();
        return md.AssemblyReferences.Select(h => md.GetString(md.GetAssemblyReference(h).Name)).ToHashSet(StringComparer.Ordinal);
    }

    private static string AttributeTypeName(MetadataReader md, CustomAttribute attribute)
    {
        if (attribute.Constructor.Kind != HandleKind.MemberReference) return "";
        var parent = md.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
        if (parent.Kind != HandleKind.TypeReference) return "";
        var type = md.GetTypeReference((TypeReferenceHandle)parent);
        return md.GetString(type.Namespace) + "." + md.GetString(type.Name);
    }

    /// <summary>Decodes attribute blobs whose arguments are strings (TargetFrameworkAttribute's).</summary>
    private sealed class StringOnlyDecoder : ICustomAttributeTypeProvider<Type>
    {
        public Type GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode == PrimitiveTypeCode.String ? typeof(string) : typeof(object);
        public Type GetSystemType() => typeof(Type);
        public Type GetSZArrayType(Type elementType) => elementType.MakeArrayType();
        public Type GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => typeof(object);
        public Type GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => typeof(object);
        public Type GetTypeFromSerializedName(string name) => typeof(object);
        public PrimitiveTypeCode GetUnderlyingEnumType(Type type) => PrimitiveTypeCode.Int32;
        public bool IsSystemType(Type type) => type == typeof(Type);
    }
}
