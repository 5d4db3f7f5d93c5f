using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CallTracking.Sandbox;
using CallTracking.Sandbox.Avanser;

namespace CallTracking.Tests.Sandbox;

/// <summary>A raw HttpClient against the AVANSER emulator (in-process); replies are read here with System.Text.Json,
/// never with the core's reader. The clock is virtual: provisioning and token expiry move only when a test advances it.</summary>
internal sealed class AvanserSandboxClient : IDisposable
{
    public static readonly DateTimeOffset Anchor = new(2024, 3, 15, 12, 0, 0, TimeSpan.Zero);

    private AvanserSandboxClient(CallTrackingSandbox sandbox)
    {
        Sandbox = sandbox;
        Http = new HttpClient(sandbox.CreateHandler());
        Sink = new CapturingSink();
        sandbox.Callbacks.Sink = Sink;
    }

    public CallTrackingSandbox Sandbox { get; }
    public HttpClient Http { get; }
    public CapturingSink Sink { get; }
    public AvanserEmulator Emulator => Sandbox.Avanser();
    public Uri Telco => Sandbox.AvanserBaseUri();
    public Uri WebApi => Sandbox.AvanserBaseUri(AvanserEmulator.WebApiEndpoint);
    public Uri Feed => Sandbox.AvanserBaseUri(AvanserEmulator.FeedEndpoint);

    public static SandboxOptions Options(AvanserOptions? avanser = null, int seed = 42) =>
        new SandboxOptions { Seed = seed, Anchor = Anchor, Clock = SandboxClock.StartingAt(Anchor) }.Use(avanser ?? new AvanserOptions());

    public static AvanserSandboxClient Create(AvanserOptions? avanser = null, int seed = 42) => new(new CallTrackingSandbox(Options(avanser, seed)));

    public static AuthenticationHeaderValue Basic(string user = AvanserOptions.DefaultLogin, string password = AvanserOptions.DefaultPassword) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));

    public async Task<Reply> SendAsync(HttpMethod method, Uri uri, object? body = null, bool basic = true)
    {
        using var request = new HttpRequestMessage(method, uri);
        if (basic) request.Headers.Authorization = Basic();
        if (body != null) request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        using var response = await Http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return new Reply((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, bytes);
    }

    public Task<Reply> TelcoAsync(HttpMethod method, string path, object? body = null, bool basic = true) => SendAsync(method, new Uri(Telco, path), body, basic);

    public Task<Reply> WebAsync(string query, bool basic = false) => SendAsync(HttpMethod.Get, new Uri(WebApi + "?" + query), null, basic);

    public async Task<string> SignInAsync()
    {
        var key = (await WebAsync("action=getTokenKey&account_id=5995&api_key=sandbox-api-key")).Json.GetProperty("tokenKey").GetString()!;
        var signature = Md5(AvanserOptions.DefaultApiSecret + key);
        var reply = await WebAsync("action=signIn&account_id=5995&signature=" + signature);
        Assert.Equal(200, reply.Status);
        return reply.Json.GetProperty("token").GetString()!;
    }

    public static string Md5(string text) => Convert.ToHexString(System.Security.Cryptography.MD5.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();

    public void Dispose()
    {
        Http.Dispose();
        Sandbox.Dispose();
    }

    internal sealed record Reply(int Status, string? MediaType, byte[] Bytes)
    {
        public string Text => Encoding.UTF8.GetString(Bytes);
        public JsonElement Json => JsonDocument.Parse(Bytes).RootElement.Clone();
        public override string ToString() => Status + " " + (Text.Length > 600 ? Text[..600] : Text);
    }

    /// <summary>Captures callbacks instead of sending them; answers 200 at once.</summary>
    internal sealed class CapturingSink : ISandboxCallbackSink
    {
        private readonly List<SandboxCallback> _received = new();

        public IReadOnlyList<SandboxCallback> Received { get { lock (_received) return _received.ToList(); } }

        public Task<int> SendAsync(SandboxCallback callback, CancellationToken cancellationToken)
        {
            lock (_received) _received.Add(callback);
            return Task.FromResult(200);
        }
    }
}
