using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CallTracking.Sandbox;
using CallTracking.Sandbox.TrackDrive;

namespace CallTracking.Tests.Sandbox;

/// <summary>A raw HttpClient against a sandbox, in-process or over loopback.</summary>
internal sealed class SandboxClient : IDisposable
{
    public const string Token = "sandbox-token";

    private SandboxClient(CallTrackingSandbox sandbox, HttpClient http, Uri baseUri)
    {
        Sandbox = sandbox;
        Http = http;
        Base = baseUri;
    }

    public CallTrackingSandbox Sandbox { get; }
    public HttpClient Http { get; }
    public Uri Base { get; }

    public static readonly DateTimeOffset Anchor = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Default test options: 5,000 calls one minute apart ending at <see cref="Anchor"/>.</summary>
    public static SandboxOptions Options(long calls = 5000) =>
        new SandboxOptions { Anchor = Anchor }.Use(new TrackDriveOptions { CallCount = calls, CallSpan = TimeSpan.FromMinutes(calls) });

    public static SandboxClient Create(bool loopback, SandboxOptions? options = null)
    {
        var sandbox = new CallTrackingSandbox(options ?? Options());
        if (loopback)
        {
            sandbox.Start();
            return new SandboxClient(sandbox, new HttpClient(), sandbox.TrackDriveBaseUri());
        }
        return new SandboxClient(sandbox, new HttpClient(sandbox.CreateHandler()), sandbox.TrackDriveBaseUri());
    }

    /// <summary>relative like "calls?per_page=5"; adds the auth token unless told not to.</summary>
    public Uri Url(string relative, bool auth = true)
    {
        if (auth) relative += (relative.Contains('?') ? "&" : "?") + "auth_token=" + Token;
        return new Uri(Base, relative);
    }

    public async Task<Reply> SendAsync(HttpMethod method, string relative, object? body = null, bool auth = true,
        AuthenticationHeaderValue? authorization = null)
    {
        using var request = new HttpRequestMessage(method, Url(relative, auth));
        if (body != null)
            request.Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        if (authorization != null) request.Headers.Authorization = authorization;
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, text, response.Headers.RetryAfter, response.Content.Headers.ContentType?.MediaType);
    }

    public Task<Reply> GetAsync(string relative, bool auth = true) => SendAsync(HttpMethod.Get, relative, auth: auth);

    public void Dispose()
    {
        Http.Dispose();
        Sandbox.Dispose();
    }
}

internal sealed record Reply(HttpStatusCode Status, string Text, RetryConditionHeaderValue? RetryAfter, string? MediaType)
{
    public JsonElement Json => JsonDocument.Parse(Text).RootElement;

    public override string ToString() => (int)Status + " " + (Text.Length > 400 ? Text[..400] : Text);
}
