using System.Text.RegularExpressions;
using CallTracking.Tests.Packaging;

namespace CallTracking.Tests.Sandbox;

/// <summary>The sandbox's shared code knows providers only through its registry: outside a provider's own folder, no
/// source file names a provider except the registry's one line per provider.</summary>
public sealed class SandboxSharedCodeTests
{
    private static readonly string[] ProviderFolders = { "TrackDrive", "AvidTrak", "Avanser" };
    private static readonly Regex ProviderWord = new("trackdrive|avidtrak|avanser", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    [Fact]
    public void Shared_sandbox_code_names_no_provider_but_the_registration_lines()
    {
        var root = Path.Combine(RepoPaths.Root, "src", "CallTracking.Sandbox");
        var offending = new List<string>();
        var registrations = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            var top = relative.Split('/')[0];
            if (top is "bin" or "obj" || ProviderFolders.Contains(top, StringComparer.OrdinalIgnoreCase)) continue;
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (!ProviderWord.IsMatch(lines[i])) continue;
                if (relative == "Emulators/SandboxEmulatorRegistry.cs" && lines[i].TrimStart().StartsWith("context => new ", StringComparison.Ordinal))
                    registrations.Add(lines[i].Trim());
                else
                    offending.Add(relative + ":" + (i + 1) + ": " + lines[i].Trim());
            }
        }
        Assert.True(offending.Count == 0, "Shared sandbox code names a provider:\n" + string.Join("\n", offending));
        Assert.Contains("context => new TrackDrive.TrackDriveEmulator(context),", registrations);
    }
}
