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
    /// <summary>The definitions list a [SeedList] reads (type full name, member), when the parameter has one.</summary>
    public (string Type, string Member)? SeedList { get; init; }
    /// <summary>The cmdlet or provider parameter class that declares it.</summary>
    public Type? Declaring { get; init; }
    public bool FromPipelineByPropertyName => Sets.Any(s => s.ValueFromPipelineByPropertyName);
    public bool InAllSets => Sets.Any(s => s.SetName == ModuleMetadata.AllSets);
    public bool InSet(string set) => InAllSets || Sets.Any(s => s.SetName == set);
    public ParameterSetEntry? EntryFor(string set) => Sets.FirstOrDefault(s => s.SetName == set) ?? Sets.FirstOrDefault(s => s.SetName == ModuleMetadata.AllSets);

    /// <summary>The type without Nullable&lt;&gt;.</summary>
    public string CoreTypeName => (Type.IsGenericType && Type.GetGenericTypeDefinition().FullName == "System.Nullable`1" ? Type.GetGenericArguments()[0] : Type).FullName!;
}

/// <summary>A provider's parameter class for one cmdlet, with its parameters as that cmdlet binds them.</summary>
internal sealed record ProviderClassData(string Provider, string Cmdlet, Type Type, IReadOnlyList<ParameterInfoData> Parameters);

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
    /// <summary>The provider whose parameters are merged in (null: the static parameters only).</summary>
    public string? Provider { get; init; }

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

    /// <summary>The provider parameter classes: which provider, which cmdlet, the class.</summary>
    public static IReadOnlyList<ProviderClassData> ProviderClasses => State.Value.ProviderClasses;

    /// <summary>Every provider that adds parameters to some cmdlet.</summary>
    public static IReadOnlyList<string> Providers => ProviderClasses.Select(p => p.Provider).Distinct().OrderBy(p => p, StringComparer.Ordinal).ToList();

    /// <summary>
    /// The cmdlet as PowerShell binds it on a connection to <paramref name="provider"/>: its own parameters plus the
    /// provider's (sets and pipeline binding adapted the way the module's dynamic parameters adapt them).
    /// </summary>
    public static CmdletData Cmdlet(string name, string provider)
    {
        var c = Cmdlet(name);
        var extra = ProviderClasses.Where(p => p.Cmdlet == name && p.Provider == provider).SelectMany(p => p.Parameters).ToList();
        return new CmdletData
        {
            Type = c.Type, Verb = c.Verb, Noun = c.Noun, SupportsShouldProcess = c.SupportsShouldProcess, ConfirmImpact = c.ConfirmImpact,
            DefaultParameterSetName = c.DefaultParameterSetName, OutputTypes = c.OutputTypes, Parameters = c.Parameters.Concat(extra).ToList(), Provider = provider,
        };
    }

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

    private sealed record Loaded(MetadataLoadContext Context, Assembly Assembly, IReadOnlyList<CmdletData> Cmdlets, IReadOnlyList<ProviderClassData> ProviderClasses);

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
        var providerClasses = new List<ProviderClassData>();
        foreach (var t in assembly.GetTypes().Where(t => t.IsClass && !t.IsAbstract))
        {
            foreach (var a in t.GetCustomAttributesData().Where(a => a.AttributeType.FullName == "CallTracking.PowerShell.Providers.CmdletParametersAttribute"))
            {
                var set = Named<string?>(a, "ParameterSetName", null);
                var pipeline = Named<string?>(a, "PipelineByPropertyName", null);
                var declared = ReadParameters(t);
                var adapted = declared.Select(p => new ParameterInfoData
                {
                    Name = p.Name, Type = p.Type, Aliases = p.Aliases, ValidateSet = p.ValidateSet, TransformationAttributes = p.TransformationAttributes,
                    SeedList = p.SeedList, Declaring = p.Declaring,
                    Sets = p.Sets.Select(e => e with
                    {
                        SetName = set != null && e.SetName == AllSets ? set : e.SetName,
                        ValueFromPipelineByPropertyName = pipeline is null ? e.ValueFromPipelineByPropertyName : bool.Parse(pipeline),
                    }).ToList(),
                }).ToList();
                providerClasses.Add(new ProviderClassData((string)a.ConstructorArguments[0].Value!, (string)a.ConstructorArguments[1].Value!, t, adapted));
            }
        }
        return new Loaded(context, assembly, cmdlets, providerClasses);
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
        var parameters = ReadParameters(type);
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

    private static List<ParameterInfoData> ReadParameters(Type type)
    {
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
            var seed = pattrs.FirstOrDefault(a => a.AttributeType.FullName == "CallTracking.PowerShell.Providers.SeedListAttribute");
            parameters.Add(new ParameterInfoData
            {
                Name = prop.Name, Type = prop.PropertyType, Sets = sets, Aliases = aliases, ValidateSet = validateSet,
                TransformationAttributes = transformations, Declaring = prop.DeclaringType,
                SeedList = seed is null ? null : (((Type)seed.ConstructorArguments[0].Value!).FullName!, (string)seed.ConstructorArguments[1].Value!),
            });
        }
        return parameters;
    }

    public static bool DerivesFrom(Type type, string baseFullName)
    {
        for (var t = type.BaseType; t != null; t = t.BaseType)
            if (t.FullName == baseFullName) return true;
        return false;
    }
}
