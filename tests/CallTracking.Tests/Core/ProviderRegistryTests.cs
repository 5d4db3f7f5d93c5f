using CallTracking.Core.Capabilities;
using CallTracking.Core.Connections;
using CallTracking.Core.Http;
using CallTracking.Core.Model;
using CallTracking.Core.Providers;
using CallTracking.Core.Providers.Avanser;
using CallTracking.Core.Providers.AvidTrak;
using CallTracking.Core.Validation;

namespace CallTracking.Tests.Core;

/// <summary>The registration line and what it brings: lookup by name, secret names, base-URI rules, capabilities.</summary>
public class ProviderRegistryTests
{
    [Fact]
    public void The_three_providers_are_registered()
        => Assert.Equal(new[] { "Avanser", "AvidTrak", "TrackDrive" }, ProviderRegistry.All.Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));

    [Theory]
    [InlineData("trackdrive", "TrackDrive")]
    [InlineData("TRACKDRIVE", "TrackDrive")]
    [InlineData(" avidtrak ", "AvidTrak")]
    [InlineData("AVANSER", "Avanser")]
    [InlineData("avanser", "Avanser")]
    public void Providers_are_found_in_any_letter_case(string typed, string name)
    {
        Assert.Equal(name, ProviderRegistry.Find(typed)!.Name);
        Assert.Same(ProviderRegistry.Find(name), ProviderRegistry.Get(typed));
    }

    [Fact]
    public void An_unknown_provider_is_refused_naming_the_known_ones()
    {
        Assert.Null(ProviderRegistry.Find("CallRail"));
        Assert.Null(ProviderRegistry.Find(""));
        var ex = Assert.Throws<CallTrackingArgumentException>(() => ProviderRegistry.Get("CallRail"));
        Assert.Equal("Provider", ex.ParameterName);
        Assert.Contains("CallRail", ex.Message);
        foreach (var p in new[] { "TrackDrive", "AvidTrak", "Avanser" }) Assert.Contains(p, ex.Message);
        Assert.Throws<CallTrackingArgumentException>(() => CallTrackingConnection.Open(new ConnectionOptions { Provider = "CallRail", Credential = ProviderCredential.FromPlainText("u", "p") }));
    }

    [Fact]
    public void A_second_provider_of_a_registered_name_is_refused_in_any_letter_case()
    {
        Assert.Throws<InvalidOperationException>(() => ProviderRegistry.Register(new TrackDriveProvider()));
        Assert.Throws<InvalidOperationException>(() => ProviderRegistry.Register(new Renamed("AVIDTRAK")));
        Assert.Equal(3, ProviderRegistry.All.Count);
    }

    /// <summary>AvidTrak under another name (only its Name differs).</summary>
    private sealed class Renamed : ProviderDescriptor
    {
        private readonly ProviderDescriptor _inner = new AvidTrakProvider();
        public Renamed(string name) => Name = name;
        public override string Name { get; }
        public override string Description => _inner.Description;
        public override IReadOnlyList<EndpointDefinition> Endpoints => _inner.Endpoints;
        public override IReadOnlyCollection<string> SecretNames => _inner.SecretNames;
        public override IReadOnlyList<ApiOperation> Operations => _inner.Operations;
        public override IReadOnlyDictionary<string, Uri> ResolveBaseUris(ConnectionOptions options) => _inner.ResolveBaseUris(options);
        public override void ValidateCredentials(ConnectionOptions options) => _inner.ValidateCredentials(options);
        public override IRequestAuthenticator CreateAuthenticator(ConnectionOptions options) => _inner.CreateAuthenticator(options);
        public override IResponseInterpreter CreateInterpreter(ConnectionOptions options) => _inner.CreateInterpreter(options);
        public override object CreateClient(ProviderSession session) => _inner.CreateClient(session);
    }

    // ---- Secret names ---------------------------------------------------------------------------------------------------------

    [Fact]
    public void Every_providers_secret_names_reach_the_shared_list()
    {
        foreach (var provider in ProviderRegistry.All)
        {
            Assert.NotEmpty(provider.SecretNames);
            foreach (var name in provider.SecretNames)
            {
                Assert.True(SecretNames.IsSecret(name), provider.Name + " declares '" + name + "' secret but SecretNames does not know it");
                Assert.Contains(name, SecretNames.All, StringComparer.OrdinalIgnoreCase);
            }
        }
        // Names only a provider knows (not among the generic ones), so the registration is what put them there.
        foreach (var name in new[] { "auth_token", "pincode", "client_pin", "tokenKey" }) Assert.True(SecretNames.IsSecret(name), name);
        foreach (var name in new[] { "sid", "sid[]", "method", "format", "offer_id", "account_id", "action", "last_id" }) Assert.False(SecretNames.IsSecret(name), name);
    }

    [Fact]
    public void A_registered_secret_name_is_masked_in_every_logged_url()
    {
        var text = SecretRedactor.RedactUri(new Uri("https://avidtrak.com/webservice/api.php?method=transfer_number&sid[]=PN1&client_pin=cp-1&pincode=p-2&format=json"));
        Assert.Equal("https://avidtrak.com/webservice/api.php?method=transfer_number&sid[]=PN1&client_pin=***&pincode=***&format=json", text);
    }

    // ---- Base URIs ----------------------------------------------------------------------------------------------------------

    private static ConnectionOptions OptionsFor(string provider, Uri? baseUri)
    {
        var o = new ConnectionOptions { Provider = provider, BaseUri = baseUri, PrimaryHandlerFactory = () => new FakeHandler() };
        o.Credential = provider == "TrackDrive" ? ProviderCredential.FromPlainText("auth_token", "t-123") : ProviderCredential.FromPlainText("login", "p-123");
        return o;
    }

    [Theory]
    [InlineData("https://acme.example.com", "https://acme.example.com/api/v1/")]
    [InlineData("https://acme.example.com/", "https://acme.example.com/api/v1/")]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080/api/v1/")]
    [InlineData("https://proxy.example.com/td/api/v1", "https://proxy.example.com/td/api/v1/")] // the user's path is kept, with a slash
    [InlineData("https://acme.trackdrive.com/api/v1/", "https://acme.trackdrive.com/api/v1/")]
    public void A_TrackDrive_base_uri_without_a_path_gets_the_api_path(string given, string expected)
    {
        using var c = CallTrackingConnection.Open(OptionsFor("TrackDrive", new Uri(given)));
        Assert.Equal(expected, c.BaseUri.AbsoluteUri);
    }

    [Fact]
    public void A_base_uri_with_a_query_is_refused_with_the_form_it_should_have()
    {
        var ex = Assert.Throws<CallTrackingArgumentException>(() => CallTrackingConnection.Open(OptionsFor("TrackDrive", new Uri("https://acme.trackdrive.com/api/v1/?x=1"))));
        Assert.Equal("BaseUri", ex.ParameterName);
        Assert.Contains("such as https://acme.trackdrive.com/api/v1/", ex.Message);
        Assert.DoesNotContain("?x=1/", ex.Message); // the old defect: the query moved before the path's slash
    }

    public static TheoryData<string> Providers => new() { "TrackDrive", "AvidTrak", "Avanser" };

    [Theory]
    [MemberData(nameof(Providers))]
    public void User_info_in_a_base_uri_is_refused_and_not_echoed(string provider)
    {
        var ex = Assert.Throws<CallTrackingArgumentException>(() => CallTrackingConnection.Open(OptionsFor(provider, new Uri("https://bob:hunter2@api.example.com/x/"))));
        Assert.Contains("without user name or password", ex.Message);
        Assert.DoesNotContain("hunter2", ex.Message);
        Assert.DoesNotContain("bob", ex.Message);
        Assert.DoesNotContain("hunter2", ex.Value ?? "");
    }

    [Theory]
    [InlineData("TrackDrive", "http://api.example.com/api/v1/", false)]
    [InlineData("AvidTrak", "http://avidtrak.com/webservice/api.php", false)]
    [InlineData("Avanser", "http://10.0.0.5/v1/", false)]
    [InlineData("TrackDrive", "http://localhost:9000/api/v1/", true)]
    [InlineData("AvidTrak", "http://127.0.0.1:9000/webservice/api.php", true)]
    [InlineData("Avanser", "http://[::1]:9000/v1/", true)]
    public void Clear_text_is_allowed_only_to_loopback(string provider, string uri, bool allowed)
    {
        var options = OptionsFor(provider, new Uri(uri));
        if (allowed) { CallTrackingConnection.Open(options).Dispose(); return; }
        var ex = Assert.Throws<CallTrackingArgumentException>(() => CallTrackingConnection.Open(options));
        Assert.Contains("https://", ex.Message);
        Assert.Contains("loopback", ex.Message);
    }

    [Fact]
    public void A_named_api_override_is_checked_like_the_base_uri()
    {
        var options = OptionsFor("Avanser", null);
        options.EndpointBaseUris[AvanserApi.WebApi] = new Uri("http://api.avanser.com/JSON");
        Assert.Throws<CallTrackingArgumentException>(() => CallTrackingConnection.Open(options));
        options.EndpointBaseUris[AvanserApi.WebApi] = new Uri("https://api.test.avanser.com/JSON/?debug=1");
        Assert.Contains("without a query", Assert.Throws<CallTrackingArgumentException>(() => CallTrackingConnection.Open(options)).Message);
    }

    [Fact]
    public void An_AvidTrak_bare_host_gets_the_documented_script_path()
    {
        using var c = CallTrackingConnection.Open(OptionsFor("AvidTrak", new Uri("https://avidtrak.example.com")));
        Assert.Equal("https://avidtrak.example.com/webservice/api.php", c.BaseUri.AbsoluteUri);
        using var d = CallTrackingConnection.Open(OptionsFor("AvidTrak", null));
        Assert.Equal("https://avidtrak.com/webservice/api.php", d.BaseUri.AbsoluteUri);
    }

    // ---- Capabilities -------------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("AvidTrak")]
    [InlineData("Avanser")]
    public void A_capability_the_provider_lacks_is_NotSupported_naming_the_provider(string provider)
    {
        // Neither API can hang up a call in progress.
        using var c = CallTrackingConnection.Open(OptionsFor(provider, null));
        Assert.False(c.Supports<ICallControl>());
        var ex = Assert.Throws<CallTrackingException>(() => c.Capability<ICallControl>("Stop-Call"));
        Assert.Equal(CallTrackingErrorKind.NotSupported, ex.Kind);
        Assert.Equal(provider, ex.Provider);
        Assert.StartsWith(provider + " has no Stop-Call", ex.Message);
    }

    /// <summary>Functions TrackDrive has no counterpart for (accounts, agency, round robin, campaigns, web site, recording
    /// downloads): their cmdlets answer NotSupported on a TrackDrive connection.</summary>
    private static readonly Type[] NotOnTrackDrive =
    {
        typeof(IAccountCreation), typeof(IAccountSettings), typeof(IAgencyClients), typeof(IAccountBalance), typeof(IRoundRobin),
        typeof(ICampaigns), typeof(IVisitData), typeof(ISmartReplacement), typeof(IMetroNumbers), typeof(ICallRecordings),
        typeof(IProvisioningRequests), typeof(INumberProvisioning),
    };

    [Fact]
    public void TrackDrive_has_every_capability_the_shared_cmdlets_ask_for()
    {
        using var c = TestConnections.TrackDrive(new FakeHandler());
        // The functions other providers add (search, transfer, forwarding, batch forms; accounts, agency, round robin,
        // campaigns, web site) are not TrackDrive's.
        var others = new[] { typeof(INumberSearch), typeof(IBatchNumberPurchase), typeof(IBatchNumberSettings), typeof(IBatchNumberRelease), typeof(INumberTransfer), typeof(ICallForwarding) };
        var capabilities = typeof(ICallLog).Assembly.GetTypes().Where(t => t.IsInterface && t.Namespace == typeof(ICallLog).Namespace)
            .Except(others).Except(NotOnTrackDrive).ToList();
        Assert.True(capabilities.Count >= 10);
        foreach (var capability in capabilities) Assert.True(capability.IsInstanceOfType(c.Client), capability.Name);
    }

    [Fact]
    public void TrackDrive_answers_NotSupported_for_the_functions_it_lacks()
    {
        using var c = TestConnections.TrackDrive(new FakeHandler());
        foreach (var capability in NotOnTrackDrive) Assert.False(capability.IsInstanceOfType(c.Client), capability.Name);
        static void Refused<T>(CallTrackingConnection connection) where T : class
        {
            Assert.False(connection.Supports<T>());
            var ex = Assert.Throws<CallTrackingException>(() => connection.Capability<T>("Get-Something"));
            Assert.Equal(CallTrackingErrorKind.NotSupported, ex.Kind);
            Assert.StartsWith("TrackDrive has no Get-Something", ex.Message);
        }
        Refused<IAccountCreation>(c); Refused<IAccountSettings>(c); Refused<IAgencyClients>(c); Refused<IAccountBalance>(c);
        Refused<IRoundRobin>(c); Refused<ICampaigns>(c); Refused<IVisitData>(c); Refused<ISmartReplacement>(c); Refused<IMetroNumbers>(c);
        Refused<IProvisioningRequests>(c); Refused<INumberProvisioning>(c);
    }

    [Fact]
    public void A_disconnected_connection_gives_no_capability()
    {
        var c = TestConnections.TrackDrive(new FakeHandler());
        c.Dispose();
        Assert.True(c.IsDisconnected);
        Assert.Throws<ObjectDisposedException>(() => c.Capability<ICallLog>("Get-CallLog"));
    }
}
