namespace CallTracking.Tests.Packaging;

internal static class RepoPaths
{
    /// <summary>The repository root: the first folder above the test binaries that holds CallTracking.psd1.</summary>
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "CallTracking.psd1"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("CallTracking.psd1 not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The importable module folder that `dotnet build` produces.</summary>
    public static string ModuleFolder => Path.Combine(Root, "out", "CallTracking");
}
