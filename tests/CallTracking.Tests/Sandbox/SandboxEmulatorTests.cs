using System.Net;
using CallTracking.Core.Http;
using CallTracking.Sandbox;
using CallTracking.Sandbox.Http;
using CallTracking.Sandbox.TrackDrive;

namespace CallTracking.Tests.Sandbox;

public sealed class SandboxEmulatorTests
{
    private static CallTrackingSandbox WithRpc(SandboxOptions? options = null) =>
        new(options ?? SandboxClient.Options(), SandboxEmulatorRegistry.BuiltIn.Append(c => new RpcTestEmulator(c)));

    [Fact]
    public void Built_in_registry_holds_the_trackdrive_avidtrak_and_avanser_emulators()
    {
        using var sandbox = new CallTrackingSandbox(SandboxClient.Options());
        Assert.Equal(new[] { "TrackDrive", "AvidTrak", "Avanser" }, sandbox.Providers);
        var emulator = Assert.IsType<TrackDriveEmulator>(sandbox.Emulators[0]);
        Assert.IsType<CallTracking.Sandbox.AvidTrak.AvidTrakEmulator>(sandbox.Emulators[1]);
        var avanser = Assert.IsType<CallTracking.Sandbox.Avanser.AvanserEmulator>(sandbox.Emulators[2]);
        Assert.Equal(new[] { "Telco", "WebApi", "Feed" }, avanser.Endpoints.Select(e => e.Name));
        Assert.Same(emulator, sandbox.Emulator("trackdrive"));
        Assert.Same(emulator, sandbox.Emulator<TrackDriveEmulator>());
        Assert.Same(emulator.State, sandbox.TrackDrive());
        Assert.Equal("/api/v1/", Assert.Single(emulator.Endpoints).PathPrefix);
    }

    [Fact]
    public async Task Base_uri_per_provider_in_process_and_listening()
    {
        using var sandbox = WithRpc();
        Assert.Equal("https://sandbox.trackdrive.invalid/api/v1/", sandbox.BaseUriFor("TrackDrive").AbsoluteUri);
        Assert.Equal("https://sandbox.rpc.invalid/rpc/api.php", sandbox.BaseUriFor("rpc").AbsoluteUri);
        Assert.Equal(sandbox.BaseUriFor("TrackDrive"), sandbox.TrackDriveBaseUri());
        Assert.Equal(sandbox.BaseUriFor("rpc"), sandbox.BaseUriFor("rpc", "RPC"));

        var root = sandbox.Start();
        Assert.Equal(new Uri(root, "api/v1/"), sandbox.BaseUriFor("TrackDrive"));
        Assert.Equal(new Uri(root, "rpc/api.php"), sandbox.BaseUriFor("Rpc"));
        Assert.Equal(sandbox.BaseUriFor("TrackDrive"), sandbox.TrackDriveBaseUri());

        // Both emulators answer through the same listener.
        using var http = new HttpClient();
        var pin = sandbox.Emulator("Rpc").TestCredential;
        var rpc = await http.GetStringAsync(sandbox.BaseUriFor("Rpc") + "?method=list_numbers&" + pin.UserName + "=" + pin.Secret);
        Assert.Contains("\"code\":1", rpc);
        var td = sandbox.Emulator("TrackDrive").TestCredential;
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(sandbox.BaseUriFor("TrackDrive"), "calls?" + td.UserName + "=" + td.Secret))).StatusCode);
        Assert.Equal(new[] { "Rpc", "TrackDrive" }, sandbox.Requests.Select(r => r.Provider));
    }

    [Fact]
    public void Unknown_provider_or_endpoint_is_a_clear_argument_error()
    {
        using var sandbox = new CallTrackingSandbox(SandboxClient.Options());
        var ex = Assert.Throws<ArgumentException>(() => sandbox.Emulator("AnyOther"));
        Assert.Equal("provider", ex.ParamName);
        Assert.Contains("TrackDrive", ex.Message);
        Assert.Equal("provider", Assert.Throws<ArgumentException>(() => sandbox.BaseUriFor("AnyOther")).ParamName);
        Assert.Equal("endpoint", Assert.Throws<ArgumentException>(() => sandbox.BaseUriFor("TrackDrive", "nope")).ParamName);
        Assert.Equal("provider", Assert.Throws<ArgumentNullException>(() => sandbox.Emulator(null!)).ParamName);
        Assert.Throws<InvalidOperationException>(() => sandbox.Emulator<RpcTestEmulator>());
    }

    [Fact]
    public void Test_credentials_follow_the_provider_options()
    {
        var options = SandboxClient.Options();
        options.TrackDrive().AuthToken = "tok-1";
        options.TrackDrive().PublicKey = "pub-1";
        options.TrackDrive().PrivateKey = "priv-1";
        using var sandbox = new CallTrackingSandbox(options);
        var emulator = sandbox.Emulator("TrackDrive");
        Assert.Equal(("token", "auth_token", "tok-1"), (emulator.TestCredential.Kind, emulator.TestCredential.UserName, emulator.TestCredential.Secret));
        Assert.Equal(new[] { "token", "keys" }, emulator.Credentials.Select(c => c.Kind));
        Assert.Equal(("pub-1", "priv-1"), (emulator.Credentials[1].UserName, emulator.Credentials[1].Secret));
        Assert.DoesNotContain("tok-1", emulator.TestCredential.ToString());

        var keysOnly = SandboxClient.Options();
        keysOnly.TrackDrive().AuthToken = "";
        using var second = new CallTrackingSandbox(keysOnly);
        Assert.Equal("keys", second.Emulator("TrackDrive").TestCredential.Kind);
    }

    [Fact]
    public async Task Empty_keys_never_authenticate_basic()
    {
        var options = SandboxClient.Options();
        options.TrackDrive().PublicKey = "";
        options.TrackDrive().PrivateKey = "";
        using var c = SandboxClient.Create(loopback: false, options);
        var reply = await c.SendAsync(HttpMethod.Get, "calls", auth: false,
            authorization: new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(":"))));
        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Single(c.Sandbox.Emulator("TrackDrive").Credentials);
    }

    [Fact]
    public void Bad_trackdrive_options_name_the_option_and_the_parameter()
    {
        var options = SandboxClient.Options();
        options.TrackDrive().CallCount = -1;
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new CallTrackingSandbox(options));
        Assert.Equal("options", ex.ParamName);
        Assert.Contains("TrackDriveOptions.CallCount", ex.Message);

        var span = SandboxClient.Options();
        span.TrackDrive().CallSpan = TimeSpan.Zero;
        Assert.Contains("CallSpan", Assert.Throws<ArgumentOutOfRangeException>(() => new CallTrackingSandbox(span)).Message);

        var noAuth = SandboxClient.Options();
        noAuth.TrackDrive().AuthToken = "";
        noAuth.TrackDrive().PrivateKey = "";
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => new CallTrackingSandbox(noAuth)).ParamName);
    }

    [Fact]
    public void Provider_options_are_one_object_per_type()
    {
        var options = new SandboxOptions();
        var first = options.For<TrackDriveOptions>();
        Assert.Same(first, options.TrackDrive());
        Assert.Same(first, options.For(typeof(TrackDriveOptions)));
        var replacement = new TrackDriveOptions { CallCount = 3 };
        options.Use(replacement);
        Assert.Same(replacement, options.TrackDrive());
        Assert.Same(replacement, Assert.Single(options.ProviderOptions));
        Assert.Equal("optionsType", Assert.Throws<ArgumentException>(() => options.For(typeof(IDisposable))).ParamName);
        Assert.Equal("providerOptions", Assert.Throws<ArgumentNullException>(() => options.Use(null!)).ParamName);

        using var sandbox = new CallTrackingSandbox(options);
        Assert.Equal(3, sandbox.TrackDrive().CallCount);
    }

    [Fact]
    public async Task A_plugged_in_emulator_registers_its_secret_names_before_any_request()
    {
        var secretName = "rpc_pin_" + Guid.NewGuid().ToString("N")[..8];
        Assert.False(SecretNames.IsSecret(secretName));
        using var sandbox = new CallTrackingSandbox(SandboxClient.Options(), new SandboxEmulatorFactory[] { c => new RpcTestEmulator(c, secretName) });
        Assert.True(SecretNames.IsSecret(secretName));

        using var http = new HttpClient(sandbox.CreateHandler());
        await http.GetStringAsync(sandbox.BaseUriFor("Rpc") + "?method=list_numbers&" + secretName + "=" + RpcTestEmulator.Pin);
        var entry = Assert.Single(sandbox.Requests);
        Assert.Equal("***", entry.Query[secretName]);
        Assert.Equal("Rpc.ListNumbers", entry.Operation);
        Assert.DoesNotContain(RpcTestEmulator.Pin, string.Join("&", entry.Query.Values));
    }

    [Fact]
    public void Emulators_that_clash_are_refused()
    {
        var options = SandboxClient.Options();
        var ex = Assert.Throws<ArgumentException>(() => new CallTrackingSandbox(options, new SandboxEmulatorFactory[] { c => new RpcTestEmulator(c), c => new RpcTestEmulator(c) }));
        Assert.Equal("emulators", ex.ParamName);
        Assert.Contains("Rpc", ex.Message);

        var overlap = Assert.Throws<ArgumentException>(() => new CallTrackingSandbox(options,
            SandboxEmulatorRegistry.BuiltIn.Append(c => new FixedEmulator("Shadow", new SandboxEndpoint("api", "/api/", "api/")))));
        Assert.Contains("overlaps", overlap.Message);

        Assert.Contains("letters and digits", Assert.Throws<ArgumentException>(() =>
            new CallTrackingSandbox(options, new SandboxEmulatorFactory[] { c => new FixedEmulator("bad name", new SandboxEndpoint("x", "/x/", "x/")) })).Message);
        Assert.Equal("emulators", Assert.Throws<ArgumentException>(() => new CallTrackingSandbox(options, new SandboxEmulatorFactory[] { null! })).ParamName);
        Assert.Equal("emulators", Assert.Throws<ArgumentNullException>(() => new CallTrackingSandbox(options, null!)).ParamName);
    }

    [Theory]
    [InlineData("api/v1/", "api/v1/", "pathPrefix")]
    [InlineData("/api/v1/", "/api/v1/", "baseUriPath")]
    [InlineData("/api/v1/", "other/", "baseUriPath")]
    public void Endpoint_paths_are_checked(string prefix, string basePath, string parameter) =>
        Assert.Equal(parameter, Assert.Throws<ArgumentException>(() => new SandboxEndpoint("api", prefix, basePath)).ParamName);

    [Fact]
    public async Task A_path_no_emulator_owns_is_a_404_logged_under_none()
    {
        using var sandbox = new CallTrackingSandbox(SandboxClient.Options());
        using var http = new HttpClient(sandbox.CreateHandler());
        var response = await http.GetAsync("https://sandbox.trackdrive.invalid/nobody/owns/this.php?method=x");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var entry = Assert.Single(sandbox.Requests);
        Assert.Equal("none", entry.Provider);
        Assert.Null(entry.Operation);
    }

    /// <summary>An emulator that answers 200 {} everywhere; only its identity and endpoints matter.</summary>
    private sealed class FixedEmulator : ISandboxEmulator
    {
        public FixedEmulator(string provider, SandboxEndpoint endpoint)
        {
            Provider = provider;
            Endpoints = new[] { endpoint };
        }

        public string Provider { get; }
        public IReadOnlyList<SandboxEndpoint> Endpoints { get; }
        public SandboxCredential TestCredential { get; } = new("token", "token", "t");
        public IReadOnlyList<SandboxCredential> Credentials => new[] { TestCredential };
        public IReadOnlyCollection<string> SecretNames => Array.Empty<string>();
        public string? OperationOf(SandboxHttpRequest request) => null;
        public Task<SandboxHttpResponse> HandleAsync(SandboxHttpRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(new SandboxHttpResponse(200, SandboxHttpResponse.JsonContentType, "{}"u8.ToArray()));
        public SandboxHttpResponse ProviderErrorIn200(SandboxHttpRequest request, string? code, string? message) =>
            new(200, SandboxHttpResponse.JsonContentType, "{\"error\":true}"u8.ToArray());
    }
}
