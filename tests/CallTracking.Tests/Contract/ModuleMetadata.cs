using System.Collections.ObjectModel;
using System.Reflection;
using System.Runtime.InteropServices;

namespace CallTracking.Tests.Contract;

/// <summary>One [Parameter] attribute of a property: the property's membership in one parameter set.</summary>
internal sealed record ParameterSetEntry(string SetName, bool Mandatory, int Position, bool ValueFromPipeline, bool ValueFromPipelineByPropertyName);

/// <summary>A cmdlet parameter as PowerShell's reflection sees it (read through MetadataLoadContext).</summary>
internal sealed class ParameterInfoData
{
    public required string Name { get; init; }
    public required Type Type { get; init; }
    public required IReadOnlyList<ParameterSetEntry> Sets { get; init; }
    public required IReadOnlyList<string> Aliases { get; init; }
    public IReadOnlyList<string>? ValidateSet { get; init; }
    public required IReadOnlyList<string> TransformationAttributes { get; init; }
    public bool FromPipelineByPropertyName => Sets.Any(s => s.ValueFromPipelineByPropertyName);
    public bool InAllSets => Sets.Any(s => s.SetName == ModuleMetadata.AllSets);
    public bool InSet(string set) => InAllSets || Sets.Any(s => s.SetName == set);
    public ParameterSetEntry? EntryFor(string set) => Sets.FirstOrDefault(s => s.SetName == set) ?? Sets.FirstOrDefault(s => s.SetName == ModuleMetadata.AllSets);

    /// <summary>The type without Nullable&lt;&gt;.</summary>
    public string CoreTypeName => (Type.IsGenericType && Type.GetGenericTypeDefinition().FullName == "System.Nullable`1" ? Type.GetGenericArguments()[0] : Type).FullName!;
}

internal sealed class CmdletData
{
    public required Type Type { get; init; }
    public required string Verb { get; init; }
    public required string Noun { get; init; }
    public string Name => Verb + "-" + Noun;
    public required bool SupportsShouldProcess { get; init; }
    /// <summary>System.Management.Automation.ConfirmImpact as an int: None 0, Low 1, Medium 2, High 3.</summary>
    public required int ConfirmImpact { get; init; }
    public string? DefaultParameterSetName { get; init; }
    public required IReadOnlyList<Type> OutputTypes { get; init; }
    public required IReadOnlyList<ParameterInfoData> Parameters { get; init; }

    /// <summary>The cmdlet's parameter sets (PowerShell's "__AllParameterSets" when it names none).</summary>
    public IReadOnlyList<string> SetNames
    {
        get
        {
            // PowerShell also creates the DefaultParameterSetName set when no parameter names it (then it holds only the
            // parameters that belong to every set).
            var named = Parameters.SelectMany(p => p.Sets).Select(s => s.SetName).Where(n => n != ModuleMetadata.AllSets).Distinct().ToList();
            if (DefaultParameterSetName != null && named.Count > 0 && !named.Contains(DefaultParameterSetName)) named.Add(DefaultParameterSetName);
            if (named.Count == 0) return new[] { DefaultParameterSetName ?? ModuleMetadata.AllSets };
            return named;
        }
    }

    public IEnumerable<ParameterInfoData> ParametersIn(string set) => Parameters.Where(p => p.InSet(set));

    public ParameterInfoData Parameter(string name) => Parameters.Single(p => p.Name == name);
}

/// <summary>
/// Reads the compiled CallTracking.PowerShell.dll without executing it (MetadataLoadContext), against the
/// PowerShellStandard.Library reference assembly that the module is compiled against. No PowerShell is needed.
/// </summary>
internal static class ModuleMetadata
{
    public const string AllSets = "__AllParameterSets";
    private const string Sma = "System.Management.Automation.";

    private static readonly Lazy<Loaded> State = new(Load);

    public static Assembly Assembly => State.Value.Assembly;
    public static IReadOnlyList<CmdletData> Cmdlets => State.Value.Cmdlets;
    public static CmdletData Cmdlet(string name) => Cmdlets.Single(c => c.Name == name);

    /// <summary>The common parameters (and ShouldProcess ones) that no alias may equal.</summary>
    public static readonly string[] CommonParameters =
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable",
        "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm",
        // their built-in aliases
        "vb", "db", "ea", "wa", "infa", "proga", "ev", "wv", "iv", "ov", "ob", "pv", "wi", "cf",
    };

    public static string NuGetRoot
        => Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p ? p
           : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "CallTracking.psd1"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("CallTracking.psd1 not found above " + AppContext.BaseDirectory);
        }
    }

    public static string ModuleAssemblyPath => Path.Combine(AppContext.BaseDirectory, "CallTracking.PowerShell.dll");

    private sealed record Loaded(MetadataLoadContext Context, Assembly Assembly, IReadOnlyList<CmdletData> Cmdlets);

    private static Loaded Load()
    {
        var smaRef = Path.Combine(NuGetRoot, "powershellstandard.library", "5.1.0-preview-06", "lib", "netstandard2.0", "System.Management.Automation.dll");
        if (!File.Exists(smaRef)) throw new InvalidOperationException("PowerShellStandard.Library reference assembly not found at " + smaRef);
        var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var f in Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll")) paths.TryAdd(Path.GetFileNameWithoutExtension(f), f);
        foreach (var f in Directory.GetFiles(AppContext.BaseDirectory, "*.dll")) paths.TryAdd(Path.GetFileNameWithoutExtension(f), f);
        paths["System.Management.Automation"] = smaRef;
        var context = new MetadataLoadContext(new PathAssemblyResolver(paths.Values));
        var assembly = context.LoadFromAssemblyPath(ModuleAssemblyPath);
        var cmdlets = assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract)
            .Select(t => (Type: t, Attr: Find(t.GetCustomAttributesData(), Sma + "CmdletAttribute")))
            .Where(x => x.Attr != null)
            .Select(x => ReadCmdlet(x.Type, x.Attr!))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        return new Loaded(context, assembly, cmdlets);
    }

    private static CustomAttributeData? Find(IEnumerable<CustomAttributeData> attrs, string fullName)
        => attrs.FirstOrDefault(a => a.AttributeType.FullName == fullName);

    private static T Named<T>(CustomAttributeData a, string name, T fallback)
    {
        foreach (var n in a.NamedArguments)
            if (n.MemberName == name) return (T)n.TypedValue.Value!;
        return fallback;
    }

    private static IReadOnlyList<string> StringParams(CustomAttributeData a)
    {
        var list = new List<string>();
        foreach (var arg in a.ConstructorArguments)
        {
            if (arg.Value is ReadOnlyCollection<CustomAttributeTypedArgument> items) list.AddRange(items.Select(i => (string)i.Value!));
            else if (arg.Value is string s) list.Add(s);
        }
        return list;
    }

    private static CmdletData ReadCmdlet(Type type, CustomAttributeData cmdlet)
    {
        var attrs = type.GetCustomAttributesData();
        var outputTypes = attrs.Where(a => a.AttributeType.FullName == Sma + "OutputTypeAttribute")
            .SelectMany(a => a.ConstructorArguments)
            .SelectMany(arg => arg.Value is ReadOnlyCollection<CustomAttributeTypedArgument> items ? items.Select(i => i.Value) : new[] { arg.Value })
            .OfType<Type>()
            .ToList();
        var parameters = new List<ParameterInfoData>();
        foreach (var prop in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var pattrs = prop.GetCustomAttributesData();
            var sets = pattrs.Where(a => a.AttributeType.FullName == Sma + "ParameterAttribute")
                .Select(a => new ParameterSetEntry(
                    Named(a, "ParameterSetName", AllSets),
                    Named(a, "Mandatory", false),
                    Named(a, "Position", int.MinValue),
                    Named(a, "ValueFromPipeline", false),
                    Named(a, "ValueFromPipelineByPropertyName", false)))
                .ToList();
            if (sets.Count == 0) continue;
            var aliases = pattrs.Where(a => a.AttributeType.FullName == Sma + "AliasAttribute").SelectMany(StringParams).ToList();
            var validateSet = pattrs.Where(a => a.AttributeType.FullName == Sma + "ValidateSetAttribute").Select(StringParams).FirstOrDefault();
            var transformations = pattrs.Where(a => DerivesFrom(a.AttributeType, Sma + "ArgumentTransformationAttribute")).Select(a => a.AttributeType.Name).ToList();
            parameters.Add(new ParameterInfoData
            {
                Name = prop.Name, Type = prop.PropertyType, Sets = sets, Aliases = aliases, ValidateSet = validateSet,
                TransformationAttributes = transformations,
            });
        }
        return new CmdletData
        {
            Type = type,
            Verb = (string)cmdlet.ConstructorArguments[0].Value!,
            Noun = (string)cmdlet.ConstructorArguments[1].Value!,
            SupportsShouldProcess = Named(cmdlet, "SupportsShouldProcess", false),
            ConfirmImpact = Named(cmdlet, "ConfirmImpact", 2),
            DefaultParameterSetName = Named<string?>(cmdlet, "DefaultParameterSetName", null),
            OutputTypes = outputTypes,
            Parameters = parameters,
        };
    }

    public static bool DerivesFrom(Type type, string baseFullName)
    {
        for (var t = type.BaseType; t != null; t = t.BaseType)
            if (t.FullName == baseFullName) return true;
        return false;
    }
}
