using System.Reflection;
using System.Runtime.Loader;

namespace CallTracking.Tests.Contract;

/// <summary>
/// Calls each ArgumentTransformationAttribute's Transform(null, value) directly, as PowerShell's binder does with a CSV cell.
/// That needs a real System.Management.Automation at run time (the module compiles against a reference assembly): the
/// tests load the one of the Microsoft.PowerShell.SDK package from the NuGet cache and are skipped when it is absent.
/// </summary>
public class TransformationTests
{
    private static readonly Lazy<string?> SmaFolder = new(FindSma);

    private static string? FindSma()
    {
        var root = Path.Combine(ModuleMetadata.NuGetRoot, "system.management.automation");
        if (!Directory.Exists(root)) return null;
        var rid = OperatingSystem.IsWindows() ? "win" : "unix";
        var candidates = Directory.GetDirectories(root)
            .Select(v => (Version: Version.TryParse(Path.GetFileName(v).Split('-')[0], out var ver) ? ver : new Version(0, 0), Dir: v))
            .Where(v => v.Version.Major >= 7)
            .OrderByDescending(v => v.Version)
            .Select(v => Path.Combine(v.Dir, "runtimes", rid, "lib"))
            .Where(Directory.Exists)
            .SelectMany(lib => Directory.GetDirectories(lib).OrderByDescending(d => d, StringComparer.Ordinal))
            .Where(d => File.Exists(Path.Combine(d, "System.Management.Automation.dll")));
        var folder = candidates.FirstOrDefault();
        if (folder == null) return null;
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            var path = Path.Combine(folder, name.Name + ".dll");
            return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
        };
        return folder;
    }

    private static Assembly Module
    {
        get
        {
            Skip.If(SmaFolder.Value == null, "No System.Management.Automation 7.x runtime in the NuGet cache (Microsoft.PowerShell.SDK restores it)");
            return AssemblyLoadContext.Default.LoadFromAssemblyPath(ModuleMetadata.ModuleAssemblyPath);
        }
    }

    private static object? Transform(string attribute, object? input, string parameter = "TollFree")
    {
        var type = Module.GetType("CallTracking.PowerShell.Transformations." + attribute, throwOnError: true)!;
        var instance = Activator.CreateInstance(type, new object[] { parameter })!;
        var method = type.GetMethod("Transform", new[] { Module.GetType("CallTracking.PowerShell.Transformations.StrictTransformationAttribute")!.BaseType!.Assembly.GetType("System.Management.Automation.EngineIntrinsics")!, typeof(object) })!;
        try
        {
            return method.Invoke(instance, new[] { null, input });
        }
        catch (TargetInvocationException ex) when (ex.InnerException != null)
        {
            throw ex.InnerException;
        }
    }

    private static Exception Rejects(string attribute, object? input, string parameter = "TollFree")
    {
        var ex = Assert.ThrowsAny<Exception>(() => Transform(attribute, input, parameter));
        Assert.Equal("System.Management.Automation.ArgumentTransformationMetadataException", ex.GetType().FullName);
        return ex;
    }

    private static Type SmaType(string name) => Module.GetType("CallTracking.PowerShell.Transformations.StrictTransformationAttribute")!.BaseType!.Assembly.GetType("System.Management.Automation." + name, throwOnError: true)!;

    [SkippableTheory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("yes", true)]
    [InlineData("on", true)]
    [InlineData("1", true)]
    [InlineData(" Yes ", true)]
    [InlineData("false", false)]
    [InlineData("no", false)]
    [InlineData("off", false)]
    [InlineData("0", false)]
    [InlineData("", false)]
    public void Boolean_parses_CSV_words(string input, bool expected)
        => Assert.Equal(expected, Transform("BooleanTransformationAttribute", input));

    [SkippableFact]
    public void Boolean_passes_bools_switches_and_wrapped_values()
    {
        Assert.Equal(true, Transform("BooleanTransformationAttribute", true));
        Assert.Equal(false, Transform("BooleanTransformationAttribute", false));
        Assert.Equal(false, Transform("BooleanTransformationAttribute", null));
        Assert.Equal(true, Transform("BooleanTransformationAttribute", 1));
        var present = Activator.CreateInstance(SmaType("SwitchParameter"), new object[] { true });
        Assert.Equal(true, Transform("BooleanTransformationAttribute", present));
        var wrapped = SmaType("PSObject").GetMethod("AsPSObject", new[] { typeof(object) })!.Invoke(null, new object[] { "yes" });
        Assert.Equal(true, Transform("BooleanTransformationAttribute", wrapped));
    }

    [SkippableTheory]
    [InlineData("maybe")]
    [InlineData("truee")]
    [InlineData("2")]
    public void Boolean_rejects_anything_else_naming_the_parameter_and_the_value(string input)
    {
        var ex = Rejects("BooleanTransformationAttribute", input);
        Assert.Contains("TollFree", ex.Message);
        Assert.Contains(input, ex.Message);
        Assert.Contains("yes", ex.Message);
    }

    [SkippableFact]
    public void Boolean_rejects_other_numbers_and_types()
    {
        Rejects("BooleanTransformationAttribute", 7);
        Rejects("BooleanTransformationAttribute", new DateTime(2026, 1, 1));
    }

    [SkippableFact]
    public void Int64_parses_strictly()
    {
        Assert.Equal(42L, Transform("Int64TransformationAttribute", "42", "OfferId"));
        Assert.Equal(7L, Transform("Int64TransformationAttribute", " 7 ", "OfferId"));
        Assert.Equal(5L, Transform("Int64TransformationAttribute", 5, "OfferId"));
        Assert.Equal(5L, Transform("Int64TransformationAttribute", 5.0, "OfferId"));
        Assert.Null(Transform("Int64TransformationAttribute", "", "OfferId"));
        Assert.Null(Transform("Int64TransformationAttribute", null, "OfferId"));
        var ex = Rejects("Int64TransformationAttribute", "x7", "OfferId");
        Assert.Contains("OfferId", ex.Message);
        Assert.Contains("x7", ex.Message);
        Rejects("Int64TransformationAttribute", "1.5", "OfferId");
        Rejects("Int64TransformationAttribute", 1.5, "OfferId");
        Rejects("Int64TransformationAttribute", true, "OfferId");
    }

    [SkippableFact]
    public void Int32_parses_strictly_and_checks_the_range()
    {
        Assert.Equal(12, Transform("Int32TransformationAttribute", "12", "PageSize"));
        Assert.Equal(12, Transform("Int32TransformationAttribute", 12L, "PageSize"));
        Assert.Null(Transform("Int32TransformationAttribute", " ", "PageSize"));
        Rejects("Int32TransformationAttribute", "2147483648", "PageSize");
        Rejects("Int32TransformationAttribute", 2147483648L, "PageSize");
        Rejects("Int32TransformationAttribute", "ten", "PageSize");
    }

    [SkippableFact]
    public void Decimal_parses_in_the_invariant_culture()
    {
        Assert.Equal(12.50m, Transform("DecimalTransformationAttribute", "12.50", "Revenue"));
        Assert.Equal(3m, Transform("DecimalTransformationAttribute", 3, "Revenue"));
        Assert.Equal(2.5m, Transform("DecimalTransformationAttribute", 2.5, "Revenue"));
        Assert.Null(Transform("DecimalTransformationAttribute", "", "Revenue"));
        Rejects("DecimalTransformationAttribute", "abc", "Revenue");
        Rejects("DecimalTransformationAttribute", double.NaN, "Revenue");
    }

    [SkippableFact]
    public void DateTimeOffset_parses_ISO_and_provider_forms_and_passes_dates()
    {
        Assert.Equal(new DateTimeOffset(2026, 1, 31, 13, 45, 0, TimeSpan.FromHours(-5)), Transform("DateTimeOffsetTransformationAttribute", "2026-01-31T13:45:00-05:00", "CreatedAfter"));
        Assert.Equal(new DateTimeOffset(2016, 1, 1, 12, 25, 15, TimeSpan.FromHours(-5)), Transform("DateTimeOffsetTransformationAttribute", "2016-01-01 12:25:15 -0500", "CreatedAfter"));
        var dto = new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.FromHours(2));
        Assert.Equal(dto, Transform("DateTimeOffsetTransformationAttribute", dto, "CreatedAfter"));
        var utc = new DateTime(2026, 2, 1, 8, 0, 0, DateTimeKind.Utc);
        Assert.Equal(new DateTimeOffset(utc), Transform("DateTimeOffsetTransformationAttribute", utc, "CreatedAfter"));
        var local = new DateTime(2026, 2, 1, 8, 0, 0, DateTimeKind.Unspecified);
        Assert.Equal(new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Local)), Transform("DateTimeOffsetTransformationAttribute", local, "CreatedAfter"));
        Assert.Null(Transform("DateTimeOffsetTransformationAttribute", "", "CreatedAfter"));
        var ex = Rejects("DateTimeOffsetTransformationAttribute", "not a date", "CreatedAfter");
        Assert.Contains("CreatedAfter", ex.Message);
        Rejects("DateTimeOffsetTransformationAttribute", 42, "CreatedAfter");
    }

    [SkippableFact]
    public void StringList_splits_a_CSV_cell_on_semicolons_and_passes_arrays()
    {
        Assert.Equal(new[] { "interest:auto", "state:CA", "age:>=30" }, (string[])Transform("StringListTransformationAttribute", "interest:auto; state:CA ;age:>=30", "TokenValue")!);
        Assert.Equal(new[] { "interest:auto" }, (string[])Transform("StringListTransformationAttribute", "interest:auto", "TokenValue")!);
        Assert.Null(Transform("StringListTransformationAttribute", "", "TokenValue"));
        Assert.Null(Transform("StringListTransformationAttribute", null, "TokenValue"));
        var array = new[] { "a:1", "b:2" };
        Assert.Same(array, Transform("StringListTransformationAttribute", array, "TokenValue"));
    }

    [SkippableFact]
    public void StringList_with_KeepEmpty_keeps_the_positions_of_a_paired_list()
    {
        // Add-RoundRobinTarget -Extension from a CSV cell "12;" is extension 12 for the first number and none for the second.
        var type = Module.GetType("CallTracking.PowerShell.Transformations.StringListTransformationAttribute", throwOnError: true)!;
        var instance = Activator.CreateInstance(type, new object[] { "Extension" })!;
        type.GetProperty("KeepEmpty")!.SetValue(instance, true);
        var method = type.GetMethod("Transform", new[] { Module.GetType("CallTracking.PowerShell.Transformations.StrictTransformationAttribute")!.BaseType!.Assembly.GetType("System.Management.Automation.EngineIntrinsics")!, typeof(object) })!;
        Assert.Equal(new[] { "12", "" }, (string[])method.Invoke(instance, new object?[] { null, "12;" })!);
        Assert.Equal(new[] { "", "7", "" }, (string[])method.Invoke(instance, new object?[] { null, " ; 7 ;" })!);
        Assert.Null(method.Invoke(instance, new object?[] { null, "" }));
        Assert.Equal(new[] { "12" }, (string[])Transform("StringListTransformationAttribute", "12;", "Extension")!);
    }
}
