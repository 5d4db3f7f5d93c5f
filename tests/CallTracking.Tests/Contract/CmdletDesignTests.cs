using CallTracking.Core.Providers.TrackDrive;

namespace CallTracking.Tests.Contract;

/// <summary>
/// The cmdlet-design rules of docs/cmdlets.md and style.md that PSScriptAnalyzer cannot check in C#, read from the
/// compiled module. Each failure message names the cmdlet and parameter.
/// </summary>
public class CmdletDesignTests
{
    /// <summary>Every cmdlet of docs/cmdlets.md (the contract).</summary>
    public static readonly string[] ContractCmdlets =
    {
        "Connect-CallTracking", "Get-CallTrackingConnection", "Disconnect-CallTracking",
        "Get-TrackingNumber", "New-TrackingNumber", "Set-TrackingNumber", "Remove-TrackingNumber",
        "Find-TrackingNumber", "Move-TrackingNumber", "Set-CallForwarding", "Remove-CallForwarding",
        "Get-CallLog", "Stop-Call", "Save-CallRecording", "Get-CallReport", "Get-CallStatistic",
        "Start-CallTrackingSandbox", "Stop-CallTrackingSandbox", "Get-CallTrackingSandboxRequest", "Send-CallTrackingSandboxEvent",
        // Accounts, agency, round robin, campaigns, visits, smart replacement and metro (one provider each so far).
        "New-CallTrackingAccount", "Set-CallTrackingAccount", "Get-CallTrackingClient", "Get-CallTrackingBalance",
        "Add-RoundRobinTarget", "Get-RoundRobinTarget", "Set-RoundRobinTarget", "Remove-RoundRobinTarget",
        "New-LiteCampaign", "Get-LiteCampaign", "Get-VisitData",
        "Add-SmartReplacementNumber", "Remove-SmartReplacementNumber",
        "Add-MetroSiteNumber", "Add-MetroTrackingNumber", "Get-MetroSiteNumber", "Remove-MetroSiteNumber",
        // AVANSER HTTP callbacks and SMS forwards (no connection: nothing is sent to AVANSER).
        "New-CallbackUriTemplate", "ConvertFrom-CallbackUri", "Receive-CallEvent", "Get-CallDataFeed",
        // Asynchronous provisioning (AVANSER so far).
        "Get-ProvisioningRequest", "Wait-ProvisioningRequest",
    };

    /// <summary>PowerShell's approved verbs (Get-Verb). This module uses Connect, Disconnect, Get, New, Set, Remove, Start, Stop.</summary>
    private static readonly HashSet<string> ApprovedVerbs = new(StringComparer.Ordinal)
    {
        "Add", "Clear", "Close", "Copy", "Enter", "Exit", "Find", "Format", "Get", "Hide", "Join", "Lock", "Move", "New", "Open",
        "Optimize", "Pop", "Push", "Redo", "Remove", "Rename", "Reset", "Resize", "Search", "Select", "Set", "Show", "Skip",
        "Split", "Step", "Switch", "Undo", "Unlock", "Watch", "Connect", "Disconnect", "Read", "Receive", "Send", "Write",
        "Approve", "Assert", "Build", "Complete", "Confirm", "Deny", "Deploy", "Disable", "Enable", "Install", "Invoke",
        "Register", "Request", "Restart", "Resume", "Start", "Stop", "Submit", "Suspend", "Uninstall", "Unregister", "Wait",
        "Backup", "Checkpoint", "Compare", "Compress", "Convert", "ConvertFrom", "ConvertTo", "Dismount", "Edit", "Expand",
        "Export", "Group", "Import", "Initialize", "Limit", "Merge", "Mount", "Out", "Publish", "Restore", "Save", "Sync",
        "Unpublish", "Update", "Debug", "Measure", "Ping", "Repair", "Resolve", "Test", "Trace", "Block", "Grant", "Protect",
        "Revoke", "Unblock", "Unprotect", "Use",
    };

    /// <summary>
    /// Cmdlets that derive from the infrastructure base (CallTrackingCmdletBase) but not from CallTrackingCmdlet, so they
    /// have no -Connection: Connect creates connections; Get-CallTrackingConnection lists them; Disconnect's -Connection is
    /// the object it acts on (pipeline input), not the account it works through; Start/Stop-CallTrackingSandbox need none.
    /// </summary>
    private static readonly HashSet<string> WithoutConnectionParameter = new(StringComparer.Ordinal)
    {
        "Connect-CallTracking", "Get-CallTrackingConnection", "Disconnect-CallTracking", "Start-CallTrackingSandbox", "Stop-CallTrackingSandbox",
        "New-CallbackUriTemplate", "ConvertFrom-CallbackUri", "Receive-CallEvent", "Get-CallDataFeed",
    };

    public static IEnumerable<object[]> AllCmdlets() => ContractCmdlets.Select(c => new object[] { c });

    /// <summary>
    /// Every cmdlet as the binder sees it: without a connection (its own parameters), and on a connection to each provider
    /// that adds parameters to it ("Get-CallLog@TrackDrive").
    /// </summary>
    public static IEnumerable<object[]> AllViews()
    {
        foreach (var c in ContractCmdlets)
        {
            yield return new object[] { c };
            foreach (var provider in ModuleMetadata.ProviderClasses.Where(p => p.Cmdlet == c).Select(p => p.Provider).Distinct())
                yield return new object[] { c + "@" + provider };
        }
    }

    private static CmdletData View(string name)
    {
        var at = name.IndexOf('@');
        return at < 0 ? ModuleMetadata.Cmdlet(name) : ModuleMetadata.Cmdlet(name.Substring(0, at), name.Substring(at + 1));
    }

    [Fact]
    public void The_module_compiles_exactly_the_contract_cmdlets()
        => Assert.Equal(ContractCmdlets.OrderBy(c => c, StringComparer.Ordinal), ModuleMetadata.Cmdlets.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(AllCmdlets))]
    public void Verb_is_approved_and_noun_is_singular(string name)
    {
        var c = ModuleMetadata.Cmdlet(name);
        Assert.True(ApprovedVerbs.Contains(c.Verb), name + ": '" + c.Verb + "' is not an approved verb");
        Assert.False(c.Noun.EndsWith("s", StringComparison.OrdinalIgnoreCase), name + ": the noun should be singular");
    }

    [Theory]
    [MemberData(nameof(AllCmdlets))]
    public void Class_is_named_VerbNounCommand_in_its_area_namespace(string name)
    {
        var c = ModuleMetadata.Cmdlet(name);
        Assert.Equal(c.Verb + c.Noun + "Command", c.Type.Name);
        Assert.StartsWith("CallTracking.PowerShell.Commands.", c.Type.Namespace);
    }

    [Theory]
    [MemberData(nameof(AllCmdlets))]
    public void State_changing_verbs_support_ShouldProcess_with_the_contract_impact(string name)
    {
        var c = ModuleMetadata.Cmdlet(name);
        switch (c.Verb)
        {
            case "Remove":
            case "Stop":
                Assert.True(c.SupportsShouldProcess, name + " must support ShouldProcess");
                Assert.True(c.ConfirmImpact == 3, name + " must be ConfirmImpact High");
                Assert.Contains(c.Parameters, p => p.Name == "Force");
                break;
            case "New":
            case "Set":
            case "Start":
                Assert.True(c.SupportsShouldProcess, name + " must support ShouldProcess");
                Assert.True(c.ConfirmImpact == 2, name + " must be ConfirmImpact Medium");
                break;
        }
    }

    [Theory]
    [InlineData("New-TrackingNumber")]
    [InlineData("Set-TrackingNumber")]
    [InlineData("Remove-TrackingNumber")]
    [InlineData("Stop-Call")]
    [InlineData("Stop-CallTrackingSandbox")]
    public void Changing_cmdlets_have_Force(string name)
        => Assert.Contains(ModuleMetadata.Cmdlet(name).Parameters, p => p.Name == "Force" && p.CoreTypeName == "System.Management.Automation.SwitchParameter");

    [Theory]
    [InlineData("Set-TrackingNumber")]
    [InlineData("Remove-TrackingNumber")]
    [InlineData("Stop-Call")]
    [InlineData("Disconnect-CallTracking")]
    [InlineData("Stop-CallTrackingSandbox")]
    [InlineData("Connect-CallTracking")]
    public void Cmdlets_that_output_nothing_by_default_have_PassThru(string name)
        => Assert.Contains(ModuleMetadata.Cmdlet(name).Parameters, p => p.Name == "PassThru");

    [Theory]
    [MemberData(nameof(AllCmdlets))]
    public void Every_cmdlet_declares_OutputType(string name)
        => Assert.NotEmpty(ModuleMetadata.Cmdlet(name).OutputTypes);

    [Theory]
    [MemberData(nameof(AllCmdlets))]
    public void Every_cmdlet_derives_from_the_base(string name)
    {
        var c = ModuleMetadata.Cmdlet(name);
        Assert.True(ModuleMetadata.DerivesFrom(c.Type, "CallTracking.PowerShell.Base.CallTrackingCmdletBase"), name + " must derive from CallTrackingCmdletBase");
        var withConnection = ModuleMetadata.DerivesFrom(c.Type, "CallTracking.PowerShell.Base.CallTrackingCmdlet");
        Assert.True(withConnection != WithoutConnectionParameter.Contains(name),
            name + (withConnection ? " derives from CallTrackingCmdlet but is listed as having no -Connection" : " must derive from CallTrackingCmdlet (adds -Connection)"));
        if (withConnection)
        {
            var connection = c.Parameter("Connection");
            Assert.True(connection.InAllSets, name + ": -Connection belongs to every set");
            Assert.Equal("CallTracking.Core.Connections.CallTrackingConnection", connection.CoreTypeName);
        }
    }

    [Theory]
    [MemberData(nameof(AllViews))]
    public void Parameter_sets_can_be_told_apart(string name)
    {
        // powershell-facts.md 10: sets that share their mandatory parameters cannot be told apart (AmbiguousParameterSet).
        // Every set but the default needs mandatory parameters of its own combination; the binder then picks the set
        // whose mandatory parameters were given.
        var c = View(name);
        var sets = c.SetNames;
        if (sets.Count > 1)
            Assert.True(c.DefaultParameterSetName != null && sets.Contains(c.DefaultParameterSetName), name + " has several sets and needs a DefaultParameterSetName among them");
        var mandatory = sets.ToDictionary(s => s, s => string.Join(",", c.ParametersIn(s).Where(p => !p.InAllSets && p.EntryFor(s)!.Mandatory).Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal)));
        foreach (var set in sets)
        {
            if (set == c.DefaultParameterSetName || sets.Count == 1) continue;
            Assert.True(mandatory[set].Length > 0, name + ": set '" + set + "' has no mandatory parameter and is not the default");
            foreach (var other in sets.Where(o => o != set && o != c.DefaultParameterSetName))
                Assert.True(mandatory[set] != mandatory[other], name + ": sets '" + set + "' and '" + other + "' have the same mandatory parameters (" + mandatory[set] + ")");
        }
        var signatures = sets.Select(s => string.Join(",", c.ParametersIn(s).Select(p => p.Name + (p.EntryFor(s)!.Mandatory ? "!" : "")).OrderBy(n => n, StringComparer.Ordinal))).ToList();
        Assert.Equal(signatures.Count, signatures.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(AllViews))]
    public void At_most_one_ValueFromPipeline_parameter_per_set(string name)
    {
        var c = View(name);
        foreach (var set in c.SetNames)
        {
            var byValue = c.ParametersIn(set).Where(p => p.EntryFor(set)!.ValueFromPipeline).Select(p => p.Name).ToList();
            Assert.True(byValue.Count <= 1, name + " set " + set + ": several ValueFromPipeline parameters: " + string.Join(", ", byValue));
        }
    }

    [Theory]
    [MemberData(nameof(AllViews))]
    public void Positions_are_unique_per_set(string name)
    {
        var c = View(name);
        foreach (var set in c.SetNames)
        {
            var positions = c.ParametersIn(set).Select(p => p.EntryFor(set)!.Position).Where(p => p != int.MinValue).ToList();
            Assert.True(positions.Count == positions.Distinct().Count(), name + " set " + set + ": two parameters share a position");
        }
    }

    [Theory]
    [MemberData(nameof(AllViews))]
    public void No_alias_equals_a_parameter_name_another_alias_or_a_common_parameter(string name)
    {
        // powershell-facts.md 4: such an alias makes every invocation fail with ParameterNameConflictsWithAlias.
        var c = View(name);
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var common in ModuleMetadata.CommonParameters) seen[common] = "common parameter " + common;
        foreach (var p in c.Parameters)
        {
            Assert.False(seen.ContainsKey(p.Name), name + ": parameter -" + p.Name + " clashes with " + (seen.TryGetValue(p.Name, out var w) ? w : ""));
            seen[p.Name] = "parameter -" + p.Name;
        }
        foreach (var p in c.Parameters)
            foreach (var alias in p.Aliases)
            {
                Assert.False(seen.ContainsKey(alias), name + ": alias '" + alias + "' of -" + p.Name + " clashes with " + (seen.TryGetValue(alias, out var w) ? w : ""));
                seen[alias] = "alias " + alias + " of -" + p.Name;
            }
    }

    private static readonly Dictionary<string, string> TransformationFor = new(StringComparer.Ordinal)
    {
        ["System.Boolean"] = "BooleanTransformationAttribute",
        ["System.Management.Automation.SwitchParameter"] = "BooleanTransformationAttribute",
        ["System.Int64"] = "Int64TransformationAttribute",
        ["System.Int32"] = "Int32TransformationAttribute",
        ["System.Decimal"] = "DecimalTransformationAttribute",
        ["System.DateTimeOffset"] = "DateTimeOffsetTransformationAttribute",
        ["System.String[]"] = "StringListTransformationAttribute",
    };

    [Theory]
    [MemberData(nameof(AllViews))]
    public void Every_non_string_parameter_a_CSV_can_feed_has_the_right_transformation(string name)
    {
        // powershell-facts.md 1-2: bound by property name, "true" → False and "x7" → 0 silently, unless transformed.
        foreach (var p in View(name).Parameters)
        {
            var type = p.CoreTypeName;
            if (!p.FromPipelineByPropertyName || type == "System.String") continue;
            Assert.True(p.TransformationAttributes.Count > 0, name + ": -" + p.Name + " (" + type + ") binds by property name and has no ArgumentTransformation");
            if (TransformationFor.TryGetValue(type, out var expected))
                Assert.Contains(expected, p.TransformationAttributes);
        }
    }

    [Theory]
    [MemberData(nameof(AllViews))]
    public void Numbers_dates_and_data_switches_are_parsed_strictly_on_the_command_line_too(string name)
    {
        // Every numeric or date parameter, and every switch that carries data (filters, -TollFree), goes through a
        // transformation; only the control switches (-Force, -PassThru…) may do without.
        var control = new HashSet<string>(StringComparer.Ordinal) { "Force", "PassThru", "Sandbox", "Current", "Clear", "Wait" };
        foreach (var p in View(name).Parameters)
        {
            if (!TransformationFor.TryGetValue(p.CoreTypeName, out var expected) || p.CoreTypeName == "System.String[]") continue;
            if (control.Contains(p.Name) && !p.FromPipelineByPropertyName) continue;
            Assert.True(p.TransformationAttributes.Contains(expected), name + ": -" + p.Name + " (" + p.CoreTypeName + ") needs " + expected);
        }
    }

    [Theory]
    [MemberData(nameof(AllViews))]
    public void No_secret_is_a_plain_string_parameter(string name)
    {
        // -TokenKey is a call filter naming a token field (e.g. buyer_id), not a secret.
        var notSecret = new HashSet<string>(StringComparer.Ordinal) { "TokenKey" };
        foreach (var p in View(name).Parameters)
        {
            var secretName = new[] { "Password", "Token", "Key", "Secret" }.Any(s => p.Name.EndsWith(s, StringComparison.OrdinalIgnoreCase));
            if (!secretName || notSecret.Contains(p.Name)) continue;
            Assert.False(p.CoreTypeName is "System.String" or "System.String[]", name + ": -" + p.Name + " is a plain string secret; use PSCredential or SecureString");
        }
    }

    [Theory]
    [MemberData(nameof(AllViews))]
    public void No_list_is_copied_into_a_ValidateSet(string name)
    {
        // The provider's lists live once, in its definitions file; [SeedList] reads them there (validation and completion).
        foreach (var p in View(name).Parameters)
            Assert.True(p.ValidateSet is null, name + ": -" + p.Name + " has a ValidateSet literal; use [SeedList(typeof(<Provider>Api), nameof(list))]");
    }

    [Theory]
    [InlineData("Get-TrackingNumber", "TimeZone", nameof(TrackDriveApi.TimeZones))]
    [InlineData("Get-TrackingNumber", "Column", nameof(TrackDriveApi.NumberColumns))]
    [InlineData("New-TrackingNumber", "Country", nameof(TrackDriveApi.PurchaseCountries))]
    [InlineData("Get-CallLog", "Status", nameof(TrackDriveApi.CallStatuses))]
    [InlineData("Get-CallLog", "Order", nameof(TrackDriveApi.CallOrders))]
    [InlineData("Get-CallLog", "OrderDirection", nameof(TrackDriveApi.OrderDirections))]
    [InlineData("Get-CallLog", "TimeZone", nameof(TrackDriveApi.TimeZones))]
    [InlineData("Get-CallLog", "Column", nameof(TrackDriveApi.CallColumns))]
    [InlineData("Get-CallReport", "Category", nameof(TrackDriveApi.ReportCategories))]
    [InlineData("Get-CallReport", "Status", nameof(TrackDriveApi.CallStatuses))]
    [InlineData("Get-CallReport", "Column", nameof(TrackDriveApi.CallColumns))]
    [InlineData("Get-CallStatistic", "GroupBy", nameof(TrackDriveApi.StatGroupBy))]
    [InlineData("Get-CallStatistic", "Stat", nameof(TrackDriveApi.StatKinds))]
    [InlineData("Get-CallStatistic", "Status", nameof(TrackDriveApi.CallStatuses))]
    public void TrackDrive_enumerated_parameters_read_their_list_from_the_definitions_file(string cmdlet, string parameter, string list)
    {
        var p = ModuleMetadata.Cmdlet(cmdlet, TrackDriveApi.ProviderName).Parameter(parameter);
        Assert.Equal((typeof(TrackDriveApi).FullName!, list), p.SeedList);
    }

    [Fact]
    public void The_call_filters_are_declared_once_for_Get_CallLog_Get_CallReport_and_Get_CallStatistic()
    {
        foreach (var cmdlet in new[] { "Get-CallLog", "Get-CallReport", "Get-CallStatistic" })
            foreach (var filter in new[] { "Status", "EndedAfter", "InProgress", "OfferId", "Order" })
                Assert.Equal("CallTracking.PowerShell.Providers.TrackDrive.TrackDriveCallFilterParameters", ModuleMetadata.Cmdlet(cmdlet, TrackDriveApi.ProviderName).Parameter(filter).Declaring!.FullName);
    }
}
