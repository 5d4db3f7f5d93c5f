using CallTracking.Core.Providers.TrackDrive;

namespace CallTracking.Tests.Contract;

/// <summary>
/// The parameter surface docs/cmdlets.md promises: static sets named by purpose with the parameters every provider shares,
/// each provider's own parameters (the dynamic parameters of its parameter classes) in those sets or its own, mandatory
/// parameters, positions, pipeline binding and the snake_case aliases a CSV with the API's column names needs. The real
/// binder's behaviour is proven in tests/Pester/Binding.Tests.ps1.
/// </summary>
public class ContractSurfaceTests
{
    private const string TD = TrackDriveApi.ProviderName;

    [Theory]
    [InlineData("Connect-CallTracking", "Connect", "Connect,Sandbox")]
    [InlineData("Get-TrackingNumber", "List", "ById,InputObject,List")]
    [InlineData("Get-CallLog", "List", "ById,InputObject,List")]
    [InlineData("Set-TrackingNumber", "InputObject", "ById,InputObject")]
    [InlineData("Remove-TrackingNumber", "InputObject", "ById,InputObject")]
    [InlineData("Stop-Call", "InputObject", "ById,InputObject")]
    [InlineData("Get-CallTrackingConnection", "Name", "Current,Name")]
    [InlineData("Disconnect-CallTracking", "Connection", "Connection,Name")]
    [InlineData("Get-CallTrackingSandboxRequest", "Connection", "Connection,Sandbox")]
    public void Shared_sets_are_named_by_purpose(string cmdlet, string defaultSet, string sets)
    {
        var c = ModuleMetadata.Cmdlet(cmdlet);
        Assert.Equal(defaultSet, c.DefaultParameterSetName);
        Assert.Equal(sets, string.Join(",", c.SetNames.OrderBy(s => s, StringComparer.Ordinal)));
    }

    [Fact]
    public void No_set_is_named_after_a_provider()
    {
        foreach (var c in ModuleMetadata.Cmdlets)
            foreach (var set in c.SetNames)
                Assert.DoesNotContain(ModuleMetadata.Providers, p => set.StartsWith(p, StringComparison.OrdinalIgnoreCase) && c.Parameters.Any(x => x.Sets.Any(s => s.SetName == set)));
    }

    [Theory]
    [InlineData("Connect-CallTracking", "TrackDriveCredential", "Provider,Credential")]
    [InlineData("Connect-CallTracking", "TrackDriveToken", "Provider,Token")]
    [InlineData("Connect-CallTracking", "Sandbox", "Provider,Sandbox")]
    [InlineData("Get-TrackingNumber", "ById", "Id")]
    [InlineData("Get-TrackingNumber", "InputObject", "InputObject")]
    [InlineData("New-TrackingNumber", ModuleMetadata.AllSets, "ProviderConfigurationId,OfferId,Country")]
    [InlineData("Set-TrackingNumber", "ById", "Id")]
    [InlineData("Remove-TrackingNumber", "ById", "Id")]
    [InlineData("Get-CallLog", "ById", "Id")]
    [InlineData("Stop-Call", "ById", "Id")]
    [InlineData("Get-CallReport", ModuleMetadata.AllSets, "Category")]
    [InlineData("Get-CallStatistic", ModuleMetadata.AllSets, "GroupBy,Stat,CreatedAfter,CreatedBefore")]
    public void Mandatory_parameters_on_a_TrackDrive_connection(string cmdlet, string set, string mandatory)
    {
        var c = ModuleMetadata.Cmdlet(cmdlet, TD);
        var actual = c.ParametersIn(set).Where(p => p.EntryFor(set)!.Mandatory).Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(mandatory.Split(',').OrderBy(n => n, StringComparer.Ordinal), actual);
    }

    [Theory]
    [InlineData("Get-TrackingNumber", "Id")]
    [InlineData("Set-TrackingNumber", "Id")]
    [InlineData("Remove-TrackingNumber", "Id")]
    [InlineData("Get-CallLog", "Id")]
    [InlineData("Stop-Call", "Id")]
    public void Id_is_position_0_and_binds_by_property_name(string cmdlet, string parameter)
    {
        var p = ModuleMetadata.Cmdlet(cmdlet).Parameter(parameter);
        Assert.All(p.Sets, s => Assert.Equal(0, s.Position));
        Assert.All(p.Sets, s => Assert.True(s.ValueFromPipelineByPropertyName));
        Assert.Equal("System.String", p.CoreTypeName);
    }

    [Theory]
    [InlineData("Get-TrackingNumber")]
    [InlineData("Get-CallLog")]
    [InlineData("Set-TrackingNumber")]
    [InlineData("Remove-TrackingNumber")]
    [InlineData("Stop-Call")]
    public void Piped_objects_bind_by_a_typed_input_object(string cmdlet)
    {
        // A typed record (not PSObject): a CSV row does not bind to it (its columns bind by name in ById), and the cmdlet
        // checks the record's kind and provider (a call piped into Remove-TrackingNumber is refused).
        var p = ModuleMetadata.Cmdlet(cmdlet).Parameter("InputObject");
        Assert.Equal("CallTracking.Core.Model.ProviderRecord", p.CoreTypeName);
        var entry = p.Sets.Single();
        Assert.Equal("InputObject", entry.SetName);
        Assert.True(entry.ValueFromPipeline);
        Assert.True(entry.Mandatory);
    }

    [Theory]
    [InlineData("Get-TrackingNumber")]
    [InlineData("Get-CallLog")]
    public void List_filters_do_not_bind_from_the_pipeline_so_a_piped_record_selects_the_input_object_set(string cmdlet)
    {
        // A CallRecord has Status and InProgress, a TrackingNumber OfferId and Number: bound as filters they would turn
        // `Get-CallLog -InProgress | Get-CallLog` into a list query instead of a lookup.
        var c = ModuleMetadata.Cmdlet(cmdlet, TD);
        Assert.DoesNotContain(c.ParametersIn("List"), p => !p.InAllSets && p.FromPipelineByPropertyName);
        Assert.All(c.Parameters.Where(p => p.Declaring!.FullName!.Contains(".Providers.")), p => Assert.True(p.InSet("List") && !p.InSet("ById") && !p.InSet("InputObject"), p.Name));
    }

    [Theory]
    [InlineData("New-TrackingNumber", "ProviderConfigurationId", "provider_configuration_id")]
    [InlineData("New-TrackingNumber", "OfferId", "offer_id")]
    [InlineData("New-TrackingNumber", "TollFree", "toll_free")]
    [InlineData("New-TrackingNumber", "TrafficSourceId", "traffic_source_id")]
    [InlineData("New-TrackingNumber", "RingPoolId", "ring_pool_id")]
    [InlineData("New-TrackingNumber", "TokenValue", "token_values")]
    [InlineData("Set-TrackingNumber", "OfferId", "offer_id")]
    [InlineData("Set-TrackingNumber", "TrafficSourceId", "traffic_source_id")]
    [InlineData("Set-TrackingNumber", "RingPoolId", "ring_pool_id")]
    [InlineData("Set-TrackingNumber", "TokenValue", "token_values")]
    [InlineData("Set-TrackingNumber", "Id", "Number")]
    [InlineData("Remove-TrackingNumber", "Id", "Number")]
    [InlineData("Stop-Call", "Id", "uuid")]
    [InlineData("Get-CallLog", "Id", "uuid")]
    [InlineData("Get-CallLog", "CreatedAfter", "created_at_from")]
    [InlineData("Get-CallLog", "CreatedBefore", "created_at_to")]
    [InlineData("Get-CallLog", "EndedAfter", "ended_at_from")]
    [InlineData("Get-CallLog", "EndedBefore", "ended_at_to")]
    [InlineData("Get-CallLog", "InProgress", "in_progress")]
    [InlineData("Get-CallLog", "OrderDirection", "order_dir")]
    [InlineData("Get-CallLog", "BuyerGroupId", "buyer_group_ids")]
    [InlineData("Get-CallLog", "Search", "fulltext")]
    [InlineData("Get-CallLog", "TimeZone", "time_zone")]
    [InlineData("Get-CallLog", "Column", "columns")]
    [InlineData("Get-CallStatistic", "GroupBy", "group_by")]
    [InlineData("Get-CallStatistic", "CreatedAfter", "created_at_from")]
    [InlineData("Get-TrackingNumber", "LastCallAfter", "last_call_at_from")]
    public void Api_column_names_are_aliases(string cmdlet, string parameter, string alias)
        => Assert.Contains(alias, ModuleMetadata.Cmdlet(cmdlet, TD).Parameter(parameter).Aliases);

    public static readonly string[] CallFilters =
    {
        "CreatedAfter", "CreatedBefore", "EndedAfter", "EndedBefore", "OfferRepeatCaller", "BuyerRepeatCaller", "BuyerConverted",
        "OfferConverted", "InProgress", "PlacedOnHold", "HasRecording", "BuyerConversionDuplicatedCall",
        "OfferConversionDuplicatedCall", "NoBuyer", "TokenKey", "TokenValue", "Order", "OrderDirection", "NumberId", "OfferId",
        "TrafficSourceId", "BuyerId", "BuyerGroupId", "RingPoolId", "CallId", "ProviderConfigurationId", "ContactId", "Status",
    };

    private static readonly string[] SwitchFilters =
    {
        "OfferRepeatCaller", "BuyerRepeatCaller", "BuyerConverted", "OfferConverted", "InProgress", "PlacedOnHold", "HasRecording",
        "BuyerConversionDuplicatedCall", "OfferConversionDuplicatedCall", "NoBuyer",
    };

    [Theory]
    [InlineData("Get-CallLog", true)]
    [InlineData("Get-CallReport", true)]
    [InlineData("Get-CallStatistic", false)]
    public void Call_cmdlets_have_every_TrackDrive_filter(string cmdlet, bool hasListExtras)
    {
        var c = ModuleMetadata.Cmdlet(cmdlet, TD);
        foreach (var f in CallFilters) Assert.Contains(c.Parameters, p => p.Name == f);
        foreach (var f in SwitchFilters) Assert.Equal("System.Management.Automation.SwitchParameter", c.Parameter(f).CoreTypeName);
        foreach (var extra in new[] { "Search", "TimeZone", "Column", "First", "PageSize", "OutFile" })
            Assert.Equal(hasListExtras, c.Parameters.Any(p => p.Name == extra));
    }

    [Fact]
    public void Provider_filters_are_not_static_parameters()
    {
        // Without a connection (or on another provider's) the cmdlets have only the shared parameters.
        foreach (var cmdlet in new[] { "Get-CallLog", "Get-CallReport", "Get-CallStatistic", "Get-TrackingNumber", "New-TrackingNumber", "Set-TrackingNumber" })
            foreach (var f in new[] { "Status", "OfferId", "Category", "GroupBy", "ProviderConfigurationId", "Country", "TimeZone" })
                Assert.DoesNotContain(ModuleMetadata.Cmdlet(cmdlet).Parameters, p => p.Name == f);
    }

    [Fact]
    public void Get_TrackingNumber_has_the_TrackDrive_filters_in_its_list_set()
    {
        var c = ModuleMetadata.Cmdlet("Get-TrackingNumber", TD);
        foreach (var f in new[] { "Number", "OfferId", "TrafficSourceId", "ProviderConfigurationId", "RingPoolId", "CreatedAfter", "CreatedBefore", "LastCallAfter", "LastCallBefore", "Search", "TimeZone", "Column", "First", "PageSize", "OutFile" })
            Assert.True(c.Parameter(f).InSet("List") && !c.Parameter(f).InSet("ById"), f);
    }

    [Fact]
    public void Connect_has_one_set_per_TrackDrive_credential_and_never_a_string_secret()
    {
        var c = ModuleMetadata.Cmdlet("Connect-CallTracking", TD);
        Assert.Equal("System.Management.Automation.PSCredential", c.Parameter("Credential").CoreTypeName);
        Assert.Equal("System.Security.SecureString", c.Parameter("Token").CoreTypeName);
        Assert.Equal(0, c.Parameter("Provider").Sets.Single().Position);
        Assert.Equal(1, c.Parameter("Credential").Sets.Single().Position);
        Assert.True(c.Parameter("Subdomain").InSet("TrackDriveCredential") && c.Parameter("Subdomain").InSet("TrackDriveToken") && !c.Parameter("Subdomain").InSet("Sandbox"));
        foreach (var p in new[] { "SandboxCallCount", "SandboxNumberCount", "SandboxSeed" }) Assert.False(c.Parameter(p).InSet("TrackDriveCredential"), p);
        foreach (var p in new[] { "Name", "MaxRetry", "TimeoutSec", "DefaultCountry", "PassThru", "MaxResponseMB" }) Assert.True(c.Parameter(p).InAllSets, p);
    }

    [Fact]
    public void Stop_CallTrackingSandbox_takes_sandboxes_from_the_pipeline()
    {
        var p = ModuleMetadata.Cmdlet("Stop-CallTrackingSandbox").Parameter("Sandbox");
        Assert.True(p.Sets.Single().ValueFromPipeline);
        Assert.False(p.Sets.Single().Mandatory);
    }

    [Fact]
    public void Connection_takes_an_object_or_a_name_with_completion()
    {
        var p = ModuleMetadata.Cmdlet("Get-CallLog").Parameter("Connection");
        Assert.Contains("ConnectionTransformationAttribute", p.TransformationAttributes);
    }
}
