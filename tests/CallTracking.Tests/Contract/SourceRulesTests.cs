using System.Text;
using System.Text.RegularExpressions;
using CallTracking.Tests.Packaging;

namespace CallTracking.Tests.Contract;

/// <summary>
/// Rules read from the repository's own C# sources (issue 5): shared code names no provider, no [ThreadStatic] state, no
/// ValidateSet literal in the cmdlets, no switch on the provider.
///
/// Comments are left out before a rule looks at a file: a comment that names a provider as an example ("TrackDrive's call
/// filters") couples nothing, and C# comments can be told apart from code cleanly by a small lexer that knows the string
/// forms ("…", @"…", $"…", """…""", '…'), so a "// TrackDrive" inside a string literal still counts as code. Help is
/// written from docs/help, not from these comments, so none of them reaches a user.
/// </summary>
public sealed class SourceRulesTests
{
    private static readonly string[] Providers = { "TrackDrive", "AvidTrak", "Avanser" };
    private static readonly Regex ProviderWord = new("trackdrive|avidtrak|avanser", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly string[] SharedProjects = { "CallTracking.Core", "CallTracking.PowerShell", "CallTracking.Sandbox" };

    /// <summary>The registration files and how many lines in each may name providers (one per provider at most).</summary>
    private static readonly Dictionary<string, int> RegistrationFiles = new(StringComparer.Ordinal)
    {
        ["CallTracking.Core/Providers/ProviderRegistry.cs"] = 3,
        ["CallTracking.PowerShell/Providers/ProviderCmdletRegistry.cs"] = 3,
        ["CallTracking.Sandbox/Emulators/SandboxEmulatorRegistry.cs"] = 3,
    };

    // A registration names a provider only as `new <Provider>.<Provider>Something(`: its folder's namespace and type.
    private static readonly Regex Registration = new(@"new\s+(TrackDrive|AvidTrak|Avanser)\.\1\w*\s*\(", RegexOptions.CultureInvariant);

    private sealed record Source(string Project, string Relative, string[] CodeLines);

    /// <summary>Every .cs file under src/ (bin and obj left out), its lines with comments blanked.</summary>
    private static IReadOnlyList<Source> Sources()
    {
        var src = Path.Combine(RepoPaths.Root, "src");
        var list = new List<Source>();
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(src, file).Replace('\\', '/');
            var parts = relative.Split('/');
            if (parts.Contains("bin") || parts.Contains("obj")) continue;
            list.Add(new Source(parts[0], relative, StripComments(File.ReadAllText(file)).Split('\n')));
        }
        Assert.True(list.Count > 100, "only " + list.Count + " source files found under " + src);
        return list;
    }

    private static bool InProviderFolder(Source s)
        => s.Relative.Split('/').Any(part => Providers.Contains(part, StringComparer.OrdinalIgnoreCase));

    private static IEnumerable<string> Matches(Source s, Regex rule)
    {
        for (var i = 0; i < s.CodeLines.Length; i++)
            if (rule.IsMatch(s.CodeLines[i])) yield return "src/" + s.Relative + ":" + (i + 1) + ": " + s.CodeLines[i].Trim();
    }

    // ---- The rules ------------------------------------------------------------------------------------------------------------

    [Fact]
    public void Shared_code_names_no_provider_but_the_registration_lines()
    {
        var offending = new List<string>();
        var registrations = new Dictionary<string, List<string>>();
        foreach (var s in Sources().Where(s => SharedProjects.Contains(s.Project) && !InProviderFolder(s)))
        {
            var lines = Matches(s, ProviderWord).ToList();
            if (!RegistrationFiles.TryGetValue(s.Relative, out var allowed)) { offending.AddRange(lines); continue; }
            registrations[s.Relative] = lines;
            // In a registration file, each mention is a `new Provider.ProviderX(` and nothing else.
            foreach (var line in lines)
                if (ProviderWord.Matches(Registration.Replace(line, "")).Count > 0) offending.Add(line + "   (not a registration)");
            if (lines.Count > allowed) offending.Add("src/" + s.Relative + ": " + lines.Count + " lines name providers (at most " + allowed + ")");
        }
        Assert.True(offending.Count == 0, "Shared code names a provider (move it into the provider's folder, or register it):\n" + string.Join("\n", offending));
        // The registrations are where the rule expects them (so the rule is not passing over a renamed file).
        foreach (var provider in Providers)
        {
            Assert.Contains(registrations["CallTracking.Core/Providers/ProviderRegistry.cs"], l => l.Contains("new " + provider + "." + provider + "Provider("));
            Assert.Contains(registrations["CallTracking.PowerShell/Providers/ProviderCmdletRegistry.cs"], l => l.Contains("new " + provider + "." + provider + "CmdletSupport("));
        }
        Assert.Contains(registrations["CallTracking.Sandbox/Emulators/SandboxEmulatorRegistry.cs"], l => l.Contains("new TrackDrive.TrackDriveEmulator("));
    }

    [Fact]
    public void Shared_code_names_no_provider_even_in_comments()
    {
        // Stricter than the rule above: a reader (or a grep) of shared code meets no provider's name at all, so an example
        // in a doc comment says what kind of provider it means, not which.
        var src = Path.Combine(RepoPaths.Root, "src");
        var offending = new List<string>();
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(src, file).Replace('\\', '/');
            var parts = relative.Split('/');
            if (parts.Contains("bin") || parts.Contains("obj") || !SharedProjects.Contains(parts[0])) continue;
            if (parts.Any(part => Providers.Contains(part, StringComparer.OrdinalIgnoreCase)) || RegistrationFiles.ContainsKey(relative)) continue;
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
                if (ProviderWord.IsMatch(lines[i])) offending.Add("src/" + relative + ":" + (i + 1) + ": " + lines[i].Trim());
        }
        Assert.True(offending.Count == 0, "Shared code names a provider in a comment or string:\n" + string.Join("\n", offending));
    }

    [Fact]
    public void A_providers_folder_names_no_other_provider()
    {
        var offending = new List<string>();
        foreach (var s in Sources().Where(InProviderFolder))
        {
            var own = s.Relative.Split('/').First(part => Providers.Contains(part, StringComparer.OrdinalIgnoreCase));
            var others = new Regex(string.Join("|", Providers.Where(p => !p.Equals(own, StringComparison.OrdinalIgnoreCase))), RegexOptions.IgnoreCase);
            offending.AddRange(Matches(s, others));
        }
        Assert.True(offending.Count == 0, "A provider's code names another provider:\n" + string.Join("\n", offending));
    }

    [Fact]
    public void No_ThreadStatic_state_in_src()
    {
        var offending = Sources().SelectMany(s => Matches(s, new Regex(@"\bThreadStatic(Attribute)?\b"))).ToList();
        Assert.True(offending.Count == 0, "[ThreadStatic] in src:\n" + string.Join("\n", offending));
    }

    [Fact]
    public void No_ValidateSet_literal_in_the_cmdlets()
    {
        // Value lists live in the providers' definitions files and reach parameters through [SeedList].
        var rule = new Regex(@"\bValidateSet\s*\(|\bValidateSetAttribute\s*\(\s*(@|\$)?""");
        var offending = Sources().Where(s => s.Project == "CallTracking.PowerShell").SelectMany(s => Matches(s, rule)).ToList();
        Assert.True(offending.Count == 0, "ValidateSet literal in src/CallTracking.PowerShell:\n" + string.Join("\n", offending));
    }

    [Fact]
    public void No_switch_on_the_provider_in_src()
    {
        // `switch (provider…)`, `switch (x.Provider)`, and the switch expression `provider switch {`.
        var rule = new Regex(@"\bswitch\s*\(\s*[\w.?]*provider\w*\s*[\),.]|\bprovider\w*\s+switch\s*\{", RegexOptions.IgnoreCase);
        var offending = Sources().SelectMany(s => Matches(s, rule)).ToList();
        Assert.True(offending.Count == 0, "switch on the provider in src:\n" + string.Join("\n", offending));
    }

    // ---- The lexer and the rules on known text (so that a rule that matches nothing is not mistaken for clean code) -----------

    [Theory]
    [InlineData("var a = 1; // TrackDrive's example", false)]
    [InlineData("/// <summary>AvidTrak buys with GET</summary>", false)]
    [InlineData("/* Avanser\n has two APIs */ var b = 2;", false)]
    [InlineData("var p = \"TrackDrive\";", true)]
    [InlineData("var p = \"// TrackDrive\";", true)]
    [InlineData("var p = @\"a \"\" // AvidTrak\";", true)]
    [InlineData("var p = $\"{x} // Avanser {y}\";", true)]
    [InlineData("var p = \"\"\"\n  // TrackDrive\n  \"\"\";", true)]
    [InlineData("var c = '/'; var d = '\\''; // Avanser", false)]
    [InlineData("var u = \"http://x\"; if (TrackDriveApi.X) { }", true)]
    [InlineData("var s = \"a\\\"//b\"; // AvidTrak", false)]
    public void Comments_are_left_out_and_strings_kept(string code, bool namesProvider)
        => Assert.Equal(namesProvider, ProviderWord.IsMatch(StripComments(code)));

    [Fact]
    public void Line_numbers_survive_the_stripping()
    {
        var text = "a\n/* one\n two */ b\n// c\nTrackDrive d";
        var lines = StripComments(text).Split('\n');
        Assert.Equal(5, lines.Length);
        Assert.Equal("TrackDrive d", lines[4]);
    }

    [Theory]
    [InlineData("switch (provider)", true)]
    [InlineData("switch (options.Provider) {", true)]
    [InlineData("switch (connection?.Provider)", true)]
    [InlineData("switch (providerName.ToLowerInvariant())", true)]
    [InlineData("var x = provider switch { _ => 1 };", true)]
    [InlineData("switch (reader.TokenType)", false)]
    [InlineData("switch (code)", false)]
    public void The_switch_rule_knows_its_forms(string line, bool matches)
        => Assert.Equal(matches, new Regex(@"\bswitch\s*\(\s*[\w.?]*provider\w*\s*[\),.]|\bprovider\w*\s+switch\s*\{", RegexOptions.IgnoreCase).IsMatch(line));

    [Theory]
    [InlineData("foreach (var p in new ProviderDescriptor[] { new TrackDrive.TrackDriveProvider(), new AvidTrak.AvidTrakProvider() }) Register(p);", true)]
    [InlineData("context => new TrackDrive.TrackDriveEmulator(context),", true)]
    [InlineData("if (name == \"TrackDrive\") Register(new TrackDrive.TrackDriveProvider());", false)]
    [InlineData("new TrackDrive.AvidTrakProvider()", false)]
    public void A_registration_line_names_providers_only_in_new_expressions(string line, bool isRegistration)
        => Assert.Equal(isRegistration, ProviderWord.Matches(Registration.Replace(line, "")).Count == 0);

    /// <summary>
    /// The text with every comment replaced by spaces (newlines kept, so line numbers hold); string and char literals are
    /// kept as they are, including verbatim, interpolated and raw ones.
    /// </summary>
    internal static string StripComments(string text)
    {
        var sb = new StringBuilder(text.Length);
        var i = 0;
        void Blank(int from, int to) { for (var k = from; k < to; k++) sb.Append(text[k] == '\n' ? '\n' : ' '); }
        while (i < text.Length)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (c == '/' && next == '/')
            {
                var end = text.IndexOf('\n', i);
                if (end < 0) end = text.Length;
                Blank(i, end);
                i = end;
            }
            else if (c == '/' && next == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? text.Length : end + 2;
                Blank(i, end);
                i = end;
            }
            else if (c == '"' || c == '\'' || ((c == '@' || c == '$') && (next == '"' || next == '@' || next == '$')))
            {
                var end = EndOfLiteral(text, i);
                sb.Append(text, i, end - i);
                i = end;
            }
            else
            {
                sb.Append(c);
                i++;
            }
        }
        return sb.ToString();
    }

    /// <summary>The index just after the string or char literal starting at <paramref name="start"/>.</summary>
    private static int EndOfLiteral(string text, int start)
    {
        var i = start;
        var verbatim = false;
        while (i < text.Length && (text[i] == '@' || text[i] == '$')) { verbatim |= text[i] == '@'; i++; }
        if (i >= text.Length) return text.Length;
        if (text[i] == '\'')
        {
            for (i++; i < text.Length && text[i] != '\''; i++) if (text[i] == '\\') i++;
            return Math.Min(text.Length, i + 1);
        }
        // Raw string: three or more quotes open it; the same run closes it.
        var quotes = 0;
        while (i + quotes < text.Length && text[i + quotes] == '"') quotes++;
        if (quotes >= 3)
        {
            var close = new string('"', quotes);
            var end = text.IndexOf(close, i + quotes, StringComparison.Ordinal);
            return end < 0 ? text.Length : end + quotes;
        }
        for (i++; i < text.Length; i++)
        {
            if (verbatim && text[i] == '"' && i + 1 < text.Length && text[i + 1] == '"') { i++; continue; }
            if (!verbatim && text[i] == '\\') { i++; continue; }
            if (text[i] == '"') return i + 1;
            if (!verbatim && text[i] == '\n') return i; // unterminated: stop at the line's end
        }
        return text.Length;
    }
}
