using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CallTracking.Tests.Contract;

/// <summary>The manifest exports exactly the compiled cmdlets (no wildcards) and the format file has a view for every output type.</summary>
public class ManifestAndFormatTests
{
    private static string ManifestText => File.ReadAllText(Path.Combine(ModuleMetadata.RepoRoot, "CallTracking.psd1"));

    private static IReadOnlyList<string> ArrayValue(string key)
    {
        var m = Regex.Match(ManifestText, @"(?m)^\s*" + key + @"\s*=\s*@\((?<body>.*?)\)", RegexOptions.Singleline);
        Assert.True(m.Success, "CallTracking.psd1 has no " + key + " = @(...)");
        return Regex.Matches(m.Groups["body"].Value, "'([^']*)'|\"([^\"]*)\"").Select(x => x.Groups[1].Success && x.Groups[1].Length > 0 ? x.Groups[1].Value : x.Groups[2].Value).ToList();
    }

    private static string ScalarValue(string key)
    {
        var m = Regex.Match(ManifestText, @"(?m)^\s*" + key + @"\s*=\s*'(?<v>[^']*)'");
        Assert.True(m.Success, "CallTracking.psd1 has no " + key);
        return m.Groups["v"].Value;
    }

    [Fact]
    public void CmdletsToExport_equals_the_compiled_cmdlets()
    {
        var exported = ArrayValue("CmdletsToExport");
        Assert.DoesNotContain(exported, e => e.Contains('*') || e.Contains('?'));
        Assert.Equal(ModuleMetadata.Cmdlets.Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal), exported.OrderBy(n => n, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("FunctionsToExport")]
    [InlineData("AliasesToExport")]
    [InlineData("VariablesToExport")]
    public void Nothing_else_is_exported(string key) => Assert.Empty(ArrayValue(key));

    [Fact]
    public void Manifest_loads_the_binary_module_on_both_editions()
    {
        Assert.Equal("CallTracking.PowerShell.dll", ScalarValue("RootModule"));
        Assert.Equal("5.1", ScalarValue("PowerShellVersion"));
        Assert.Equal(new[] { "Desktop", "Core" }, ArrayValue("CompatiblePSEditions"));
        Assert.True(Guid.TryParse(ScalarValue("GUID"), out var guid) && guid != Guid.Empty);
        var version = ModuleMetadata.Assembly.GetName().Version!;
        Assert.Equal(version.Major + "." + version.Minor + "." + version.Build, ScalarValue("ModuleVersion"));
        foreach (var key in new[] { "Author", "CompanyName", "Copyright", "Description" })
        {
            var value = ScalarValue(key);
            Assert.False(string.IsNullOrWhiteSpace(value), key);
            Assert.DoesNotContain("TODO", value, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains("ReleaseNotes", ManifestText);
    }

    [Fact]
    public void FormatsToProcess_files_exist_under_module()
    {
        var formats = ArrayValue("FormatsToProcess");
        Assert.NotEmpty(formats);
        foreach (var f in formats) Assert.True(File.Exists(Path.Combine(ModuleMetadata.RepoRoot, "module", f)), "module/" + f + " is missing");
    }

    [Fact]
    public void Every_output_type_has_a_table_view()
    {
        var viewed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in ArrayValue("FormatsToProcess"))
        {
            var doc = XDocument.Load(Path.Combine(ModuleMetadata.RepoRoot, "module", f));
            foreach (var view in doc.Descendants("View"))
            {
                if (view.Element("TableControl") == null) continue;
                foreach (var t in view.Element("ViewSelectedBy")!.Elements("TypeName")) viewed.Add(t.Value.Trim());
            }
        }
        // PowerShell's own types keep PowerShell's views (a module view of FileInfo would change every Get-ChildItem).
        var outputTypes = ModuleMetadata.Cmdlets.SelectMany(c => c.OutputTypes).Select(t => t.FullName!).Distinct().Where(t => t != "System.IO.FileInfo");
        foreach (var type in outputTypes) Assert.True(viewed.Contains(type), type + " has no table view in the format file");
    }

    [Fact]
    public void The_built_module_folder_never_ships_System_Management_Automation()
    {
        var folder = Path.Combine(ModuleMetadata.RepoRoot, "out", "CallTracking");
        Assert.True(Directory.Exists(folder), folder + " is made by building src/CallTracking.PowerShell");
        Assert.True(File.Exists(Path.Combine(folder, "CallTracking.PowerShell.dll")));
        Assert.True(File.Exists(Path.Combine(folder, "CallTracking.psd1")));
        Assert.True(File.Exists(Path.Combine(folder, "CallTracking.format.ps1xml")));
        Assert.False(File.Exists(Path.Combine(folder, "System.Management.Automation.dll")));
    }
}
