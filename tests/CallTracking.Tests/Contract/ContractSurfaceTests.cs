namespace CallTracking.Tests.Contract;

/// <summary>The parameter surface docs/cmdlets.md promises: set names, mandatory parameters, positions, pipeline binding and
/// the snake_case aliases a CSV with the API's column names needs.</summary>
public class ContractSurfaceTests
{
    [Theory]
    [InlineData("Connect-CallTracking", "Credential", "Credential,Sandbox")]
    [InlineData("Get-TrackingNumber", "TrackDriveList", "TrackDriveById,TrackDriveList")]
    [InlineData("Get-CallLog", "TrackDriveList", "TrackDriveById,TrackDriveList")]
    [InlineData("New-TrackingNumber", "TrackDrive", "TrackDrive")]
    [InlineData("Set-TrackingNumber", "TrackDrive", "TrackDrive")]
    [InlineData("Get-CallTrackingConnection", "Name", "Current,Name")]
    [InlineData("Disconnect-CallTracking", "Connection", "Connection,Name")]
    [InlineData("Get-CallTrackingSandboxRequest", "Connection", "Connection,Sandbox")]
    public void Parameter_sets_are_the_contract_ones(string cmdlet, string defaultSet, string sets)
    {
        var c = ModuleMetadata.Cmdlet(cmdlet);
        Assert.Equal(defaultSet, c.DefaultParameterSetName);
        Assert.Equal(sets, string.Join(",", c.SetNames.OrderBy(s => s, StringComparer.Ordinal)));
    }

    [Theory]
    [InlineData("Connect-CallTracking", "Credential", "Provider,Credential")]
    [InlineData("Connect-CallTracking", "Sandbox", "Provider,Sandbox")]
    [InlineData("Get-TrackingNumber", "TrackDriveById", "Id")]
    [InlineData("New-TrackingNumber", "TrackDrive", "ProviderConfigurationId,OfferId,Country")]
    [InlineData("Set-TrackingNumber", "TrackDrive", "Id")]
    [InlineData("Remove-TrackingNumber", "TrackDrive", "Id")]
    [InlineData("Get-CallLog", "TrackDriveById", "Id")]
    [InlineData("Stop-Call", "TrackDrive", "Id")]
    [InlineData("Get-CallReport", ModuleMetadata.AllSets, "Category")]
    [InlineData("Get-CallStatistic", ModuleMetadata.AllSets, "GroupBy,Stat,CreatedAfter,CreatedBefore")]
    public void Mandatory_parameters_are_the_contract_ones(string cmdlet, string set, string mandatory)
    {
        var c = ModuleMetadata.Cmdlet(cmdlet);
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
    public void List_filters_do_not_bind_from_the_pipeline_so_a_piped_record_selects_the_by_id_set(string cmdlet)
    {
        // A CallRecord has Status and InProgress, a TrackingNumber OfferId and Number: bound as filters they would turn
        // `Get-CallLog -InProgress | Get-CallLog` into a list query instead of a lookup by id.
        var c = ModuleMetadata.Cmdlet(cmdlet);
        Assert.DoesNotContain(c.ParametersIn("TrackDriveList"), p => !p.InAllSets && p.FromPipelineByPropertyName);
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
        => Assert.Contains(alias, ModuleMetadata.Cmdlet(cmdlet).Parameter(parameter).Aliases);

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
    public void Call_cmdlets_have_every_filter(string cmdlet, bool hasListExtras)
    {
        var c = ModuleMetadata.Cmdlet(cmdlet);
        foreach (var f in CallFilters) Assert.Contains(c.Parameters, p => p.Name == f);
        foreach (var f in SwitchFilters) Assert.Equal("System.Management.Automation.SwitchParameter", c.Parameter(f).CoreTypeName);
        foreach (var extra in new[] { "Search", "TimeZone", "Column", "First", "PageSize", "OutFile" })
            Assert.Equal(hasListExtras, c.Parameters.Any(p => p.Name == extra));
    }

    [Fact]
    public void Get_TrackingNumber_has_the_contract_filters()
    {
        var c = ModuleMetadata.Cmdlet("Get-TrackingNumber");
        foreach (var f in new[] { "Number", "OfferId", "TrafficSourceId", "ProviderConfigurationId", "RingPoolId", "CreatedAfter", "CreatedBefore", "LastCallAfter", "LastCallBefore", "Search", "TimeZone", "Column", "First", "PageSize", "OutFile" })
            Assert.True(c.Parameter(f).InSet("TrackDriveList") && !c.Parameter(f).InSet("TrackDriveById"), f);
    }

    [Fact]
    public void Connect_takes_a_PSCredential_never_a_string_secret()
    {
        var c = ModuleMetadata.Cmdlet("Connect-CallTracking");
        Assert.Equal("System.Management.Automation.PSCredential", c.Parameter("Credential").CoreTypeName);
        Assert.Equal(0, c.Parameter("Provider").Sets.Single(s => s.SetName == "Credential").Position);
        foreach (var p in new[] { "BaseUri", "Subdomain" }) Assert.False(c.Parameter(p).InSet("Sandbox"), p);
        foreach (var p in new[] { "SandboxCallCount", "SandboxNumberCount", "SandboxSeed" }) Assert.False(c.Parameter(p).InSet("Credential"), p);
        foreach (var p in new[] { "Name", "MaxRetry", "TimeoutSec", "DefaultCountry", "PassThru" }) Assert.True(c.Parameter(p).InAllSets, p);
    }

    [Fact]
    public void Stop_CallTrackingSandbox_takes_sandboxes_from_the_pipeline()
    {
        var p = ModuleMetadata.Cmdlet("Stop-CallTrackingSandbox").Parameter("Sandbox");
        Assert.True(p.Sets.Single().ValueFromPipeline);
        Assert.False(p.Sets.Single().Mandatory);
    }

    [Fact]
    public void Set_TrackingNumber_sees_the_piped_object_to_ignore_a_TrackingNumbers_current_state()
    {
        // `Get-TrackingNumber | Set-TrackingNumber -OfferId 9` must send only offer_id, not the piped number's own
        // TrafficSourceId/RingPoolId (which bind by property name): the hidden InputObject tells the cmdlet what was piped.
        var p = ModuleMetadata.Cmdlet("Set-TrackingNumber").Parameter("InputObject");
        Assert.Equal("System.Management.Automation.PSObject", p.CoreTypeName);
        Assert.True(p.Sets.Single().ValueFromPipeline);
        Assert.False(p.Sets.Single().Mandatory);
    }
}
