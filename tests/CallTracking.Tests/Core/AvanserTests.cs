using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using CallTracking.Core.Connections;
using CallTracking.Core.Http;
using CallTracking.Core.Model;
using CallTracking.Core.Providers.Avanser;
using CallTracking.Core.Validation;
using Ops = CallTracking.Core.Providers.Avanser.AvanserApi.Operations;

namespace CallTracking.Tests.Core;

/// <summary>
/// AVANSER's two APIs through the real connection, executor and authenticator, against a fake of both hosts: the Telco API
/// with HTTP Basic; the WebAPI with Basic + client_id, or the token flow getTokenKey → signIn (md5(secret + tokenKey)) →
/// token= (provider-notes.md, from public client code).
/// </summary>
public class AvanserTests
{
    private const string Login = "ops@example.com";
    private const string Password = "pw-Login/77+";
    private const string Account = "ACC9";
    private const string Key = "key-K1 7/+";
    private const string Secret = "sec-S1-secret";
    private const string ClientId = "CID-5995";
    private static readonly Uri TelcoBase = new("https://telco.test/v1/");
    private static readonly Uri WebBase = new("https://web.test/JSON");

    internal static CallTrackingConnection Open(HttpMessageHandler handler, bool login = true, bool token = true, string? clientId = null, int maxRetry = 3)
    {
        var options = new ConnectionOptions
        {
            Provider = "Avanser",
            BaseUri = TelcoBase,
            EndpointBaseUris = { [AvanserApi.WebApi] = WebBase },
            MaxRetry = maxRetry,
            RetryTiming = new RetryTiming { BaseDelay = TimeSpan.FromMilliseconds(2), MaxDelay = TimeSpan.FromMilliseconds(10), MaxTotalWait = TimeSpan.FromSeconds(10) },
            PrimaryHandlerFactory = () => handler,
        };
        if (login) options.Credential = ProviderCredential.FromPlainText(Login, Password);
        if (token)
        {
            options.Settings[AvanserApi.AccountIdSetting] = Account;
            options.Secrets[AvanserApi.ApiKeySecret] = SecretValue.FromPlainText(Key);
            options.Secrets[AvanserApi.ApiSecretSecret] = SecretValue.FromPlainText(Secret);
        }
        if (clientId != null) options.Settings[AvanserApi.ClientIdSetting] = clientId;
        return CallTrackingConnection.Open(options);
    }

    private static AvanserClient Client(CallTrackingConnection c) => (AvanserClient)c.Client;

    private static Task<string> GetCdr(CallTrackingConnection c)
        => Client(c).WebApiAsync(Ops.GetCdr, "getCDR", new QueryBuilder().Add("date_from", "2024-01-01").Add("last_id", "0"), CancellationToken.None);

    private static string Md5LowerHex(string text) => Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();

    private static string BasicValue => Convert.ToBase64String(Encoding.UTF8.GetBytes(Login + ":" + Password));

    // ---- The token flow ---------------------------------------------------------------------------------------------------

    [Fact]
    public async Task The_token_flow_signs_in_with_the_md5_signature_then_sends_the_token()
    {
        var fake = new FakeAvanser();
        using var c = Open(fake);
        Assert.Contains("\"calls\"", await GetCdr(c));

        Assert.Equal(new[] { "Avanser.getTokenKey", "Avanser.signIn", "Avanser.getCDR" }, fake.Operations);
        var (keyReq, signIn, cdr) = (fake.Sent[0], fake.Sent[1], fake.Sent[2]);
        Assert.All(fake.Sent, s => Assert.Equal("web.test", s.Uri.Host));
        Assert.Equal("getTokenKey", keyReq.Query["action"]);
        Assert.Equal(Account, keyReq.Query["account_id"]);
        Assert.Equal(Key, keyReq.Query["api_key"]);
        Assert.Equal("signIn", signIn.Query["action"]);
        Assert.Equal(Account, signIn.Query["account_id"]);
        // The signature is md5(secret + tokenKey) in lower-case hex, computed here independently.
        Assert.Equal(Md5LowerHex(Secret + "tk-1"), signIn.Query["signature"]);
        Assert.False(signIn.Query.ContainsKey("api_key"));
        Assert.Equal("getCDR", cdr.Query["action"]);
        Assert.Equal("tok-1", cdr.Query["token"]);
        Assert.Equal("2024-01-01", cdr.Query["date_from"]);
        // With the token, neither the key nor the login travels on the data request.
        Assert.False(cdr.Query.ContainsKey("api_key"));
        Assert.Null(cdr.Authorization);
        Assert.All(fake.Sent.Take(2), s => Assert.False(s.Query.ContainsKey("token")));
    }

    [Fact]
    public async Task The_token_is_fetched_once_for_several_requests()
    {
        var fake = new FakeAvanser();
        using var c = Open(fake);
        for (var i = 0; i < 3; i++) await GetCdr(c);
        Assert.Equal(1, fake.Count("Avanser.getTokenKey"));
        Assert.Equal(1, fake.Count("Avanser.signIn"));
        Assert.Equal(3, fake.Count("Avanser.getCDR"));
        Assert.All(fake.Of("Avanser.getCDR"), s => Assert.Equal("tok-1", s.Query["token"]));
    }

    [Fact]
    public async Task Concurrent_requests_share_one_sign_in()
    {
        // getTokenKey is held open until every request has started, so they all arrive while the first signs in.
        var fake = new FakeAvanser { HoldTokenKey = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        using var c = Open(fake);
        var all = Enumerable.Range(0, 8).Select(_ => Task.Run(() => GetCdr(c))).ToArray();
        await Task.Delay(100);
        fake.HoldTokenKey.SetResult();
        await Task.WhenAll(all);
        Assert.Equal(1, fake.Count("Avanser.getTokenKey"));
        Assert.Equal(1, fake.Count("Avanser.signIn"));
        Assert.Equal(8, fake.Count("Avanser.getCDR"));
        Assert.All(fake.Of("Avanser.getCDR"), s => Assert.Equal("tok-1", s.Query["token"]));
    }

    [Fact]
    public async Task A_401_with_a_cached_token_signs_in_again_once_and_the_request_succeeds()
    {
        var fake = new FakeAvanser();
        using var c = Open(fake, maxRetry: 0); // the renewal is not a retry: it works with no retry budget at all
        await GetCdr(c);
        fake.ExpireTokens();
        Assert.Contains("\"calls\"", await GetCdr(c));
        Assert.Equal(new[] { "Avanser.getTokenKey", "Avanser.signIn", "Avanser.getCDR", "Avanser.getCDR", "Avanser.getTokenKey", "Avanser.signIn", "Avanser.getCDR" }, fake.Operations);
        Assert.Equal(401, fake.Sent[3].Status);
        Assert.Equal("tok-2", fake.Sent[6].Query["token"]);
        Assert.Equal(Md5LowerHex(Secret + "tk-2"), fake.Sent[5].Query["signature"]);
    }

    [Fact]
    public async Task A_second_401_right_after_renewal_is_an_authentication_error_not_a_loop()
    {
        var fake = new FakeAvanser { RefuseEveryToken = true };
        using var c = Open(fake, maxRetry: 3);
        var ex = await Assert.ThrowsAsync<CallTrackingException>(() => GetCdr(c));
        Assert.Equal(CallTrackingErrorKind.Authentication, ex.Kind);
        Assert.Equal(401, ex.HttpStatus);
        Assert.Equal(new[] { "Avanser.getTokenKey", "Avanser.signIn", "Avanser.getCDR", "Avanser.getTokenKey", "Avanser.signIn", "Avanser.getCDR" }, fake.Operations);
    }

    public static TheoryData<string> Refusals => new() { "401", "200-error", "200-no-field", "403" };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_wrong_api_key_is_an_authentication_error_and_nothing_else_is_sent(string refusal)
    {
        var fake = new FakeAvanser { ApiKey = "another-key", KeyRefusal = refusal };
        using var c = Open(fake, maxRetry: 3);
        var ex = await Assert.ThrowsAsync<CallTrackingException>(() => GetCdr(c));
        Assert.Equal(CallTrackingErrorKind.Authentication, ex.Kind);
        Assert.Equal(new[] { "Avanser.getTokenKey" }, fake.Operations);
        Assert.DoesNotContain(Key, ex.Message);
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_wrong_api_secret_is_an_authentication_error(string refusal)
    {
        var fake = new FakeAvanser { ApiSecret = "another-secret", KeyRefusal = refusal };
        using var c = Open(fake, maxRetry: 3);
        var ex = await Assert.ThrowsAsync<CallTrackingException>(() => GetCdr(c));
        Assert.Equal(CallTrackingErrorKind.Authentication, ex.Kind);
        Assert.Equal(new[] { "Avanser.getTokenKey", "Avanser.signIn" }, fake.Operations);
    }

    [Fact]
    public async Task A_sign_in_that_fails_in_passing_is_retried_with_its_request()
    {
        // A 503 on getTokenKey is the server's passing trouble, not a wrong key: the attempt (flow included) goes again.
        var fake = new FakeAvanser { TokenKeyFailuresFirst = 1 };
        using var c = Open(fake, maxRetry: 3);
        await GetCdr(c);
        Assert.Equal(new[] { "Avanser.getTokenKey", "Avanser.getTokenKey", "Avanser.signIn", "Avanser.getCDR" }, fake.Operations);
    }

    // ---- HTTP Basic ---------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task The_telco_api_gets_http_basic_and_no_token()
    {
        var fake = new FakeAvanser();
        using var c = Open(fake, login: true, token: true);
        await Client(c).TelcoAsync(Ops.ListServices, "services", null, CancellationToken.None);
        var s = Assert.Single(fake.Sent);
        Assert.Equal("https://telco.test/v1/services", s.Uri.GetLeftPart(UriPartial.Path));
        Assert.Equal("Basic " + BasicValue, s.Authorization);
        Assert.False(s.Query.ContainsKey("token"));
        Assert.False(s.Query.ContainsKey("client_id"));
    }

    [Fact]
    public async Task Without_key_and_secret_the_webapi_gets_basic_and_client_id()
    {
        var fake = new FakeAvanser();
        using var c = Open(fake, login: true, token: false, clientId: ClientId);
        await GetCdr(c);
        var s = Assert.Single(fake.Sent);
        Assert.Equal("Avanser.getCDR", s.Operation);
        Assert.Equal("Basic " + BasicValue, s.Authorization);
        Assert.Equal(ClientId, s.Query["client_id"]);
        Assert.False(s.Query.ContainsKey("token"));
    }

    [Fact]
    public async Task A_401_with_basic_is_the_answer_and_signs_nothing_in()
    {
        var fake = new FakeAvanser { RefuseBasic = true };
        using var c = Open(fake, login: true, token: false, clientId: ClientId, maxRetry: 3);
        var ex = await Assert.ThrowsAsync<CallTrackingException>(() => GetCdr(c));
        Assert.Equal(CallTrackingErrorKind.Authentication, ex.Kind);
        Assert.Single(fake.Sent);
    }

    // ---- Secrets ------------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Key_secret_token_and_basic_value_never_reach_a_message()
    {
        // The fake echoes the whole request (URL and Authorization) in its error messages, and the transport its URL.
        var fake = new FakeAvanser { EchoErrors = true };
        using var c = Open(fake, maxRetry: 0);
        var listener = new Lines();
        var errors = new List<CallTrackingException>();
        using (RequestDiagnostics.Listen(listener))
        {
            errors.Add(await Assert.ThrowsAsync<CallTrackingException>(() => GetCdr(c)));  // getCDR with the token answered 500
            errors.Add(await Assert.ThrowsAsync<CallTrackingException>(() => Client(c).TelcoAsync(Ops.ListServices, "services", null, CancellationToken.None))); // Basic, 500
            fake.DropNext = true;
            errors.Add(await Assert.ThrowsAsync<CallTrackingException>(() => GetCdr(c)));  // dropped, the URL in the transport's message
        }
        using (var c2 = Open(new FakeAvanser { ApiKey = "another", KeyRefusal = "200-error", EchoErrors = true }, maxRetry: 0))
            errors.Add(await Assert.ThrowsAsync<CallTrackingException>(() => GetCdr(c2))); // the flow's own request, echoing api_key

        // The secrets did travel and were echoed (otherwise the checks below prove nothing).
        Assert.Contains(fake.Sent, s => s.Query.TryGetValue("token", out var t) && t == "tok-1");
        Assert.Contains(fake.Sent, s => s.Authorization == "Basic " + BasicValue);
        Assert.Contains(fake.Echoes, e => e.Contains("tok-1"));
        Assert.Contains(fake.Echoes, e => e.Contains(BasicValue));

        var forbidden = new[] { Key, Uri.EscapeDataString(Key), Secret, "tok-1", BasicValue, Password, Uri.EscapeDataString(Password) };
        var texts = errors.SelectMany(e => new[] { e.Message, e.ToString(), e.ProviderMessage ?? "" }).Concat(listener.All).Append(c.ToString()).Append(c.UserName).ToList();
        foreach (var text in texts)
            foreach (var secret in forbidden)
                Assert.DoesNotContain(secret, text);
        Assert.Contains(listener.All, l => l.Contains("api_key=***") && l.Contains("getTokenKey"));
        Assert.Contains(listener.All, l => l.Contains("signature=***"));
        Assert.Contains(listener.All, l => l.Contains("token=***") && l.Contains("getCDR"));
    }

    // ---- Connecting ---------------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(true, true, false, true, "ApiSecret")]   // a key without a secret
    [InlineData(true, false, true, true, "ApiKey")]      // a secret without a key
    [InlineData(true, true, true, false, "AccountId")]   // the token flow signs in to one account
    [InlineData(false, false, false, false, "Credential")] // nothing at all
    public void Connect_time_validation_names_what_is_missing(bool login, bool key, bool secret, bool account, string parameter)
    {
        var options = new ConnectionOptions { Provider = "Avanser", PrimaryHandlerFactory = () => new FakeAvanser() };
        if (login) options.Credential = ProviderCredential.FromPlainText(Login, Password);
        if (key) options.Secrets[AvanserApi.ApiKeySecret] = SecretValue.FromPlainText(Key);
        if (secret) options.Secrets[AvanserApi.ApiSecretSecret] = SecretValue.FromPlainText(Secret);
        if (account) options.Settings[AvanserApi.AccountIdSetting] = Account;
        var ex = Assert.Throws<CallTrackingArgumentException>(() => CallTrackingConnection.Open(options));
        Assert.Equal(parameter, ex.ParameterName);
        Assert.DoesNotContain(Key, ex.Message);
        Assert.DoesNotContain(Secret, ex.Message);
    }

    [Theory]
    [InlineData(true, false)] // the login alone (Telco; WebAPI with Basic)
    [InlineData(false, true)] // the token flow alone (WebAPI)
    [InlineData(true, true)]
    public void The_valid_credential_combinations_connect_without_sending(bool login, bool token)
    {
        var fake = new FakeAvanser();
        using var c = Open(fake, login: login, token: token);
        Assert.Equal("Avanser", c.Provider);
        Assert.Empty(fake.Sent);
    }

    [Fact]
    public async Task Each_api_has_its_own_base_and_requests_go_to_theirs()
    {
        var fake = new FakeAvanser();
        // A Telco base without its trailing slash still takes paths below it.
        using var c = CallTrackingConnection.Open(new ConnectionOptions
        {
            Provider = "avanser",
            Credential = ProviderCredential.FromPlainText(Login, Password),
            EndpointBaseUris = { ["Telco"] = new Uri("https://telco.test/v1"), ["WebApi"] = WebBase },
            Settings = { [AvanserApi.ClientIdSetting] = ClientId },
            PrimaryHandlerFactory = () => fake,
        });
        Assert.Equal(new[] { "Telco https://telco.test/v1/", "WebApi https://web.test/JSON" }, c.Endpoints.Select(e => e.Name + " " + e.BaseUri.AbsoluteUri).ToArray());
        await Client(c).TelcoAsync(Ops.ListServices, "services", null, CancellationToken.None);
        await GetCdr(c);
        Assert.Equal("https://telco.test/v1/services", fake.Sent[0].Uri.GetLeftPart(UriPartial.Path));
        Assert.Equal("https://web.test/JSON", fake.Sent[1].Uri.GetLeftPart(UriPartial.Path));
    }

    [Fact]
    public void The_default_bases_are_the_documented_hosts()
    {
        using var c = CallTrackingConnection.Open(new ConnectionOptions { Provider = "Avanser", Credential = ProviderCredential.FromPlainText(Login, Password), PrimaryHandlerFactory = () => new FakeAvanser() });
        Assert.Equal(new[] { "Telco https://tapi-sandbox.avanser.com/v1/", "WebApi https://api.avanser.com/JSON" }, c.Endpoints.Select(e => e.Name + " " + e.BaseUri.AbsoluteUri).ToArray());
        Assert.Equal(c.Endpoints[0].BaseUri, c.BaseUri);
    }

    // ---- The fake -----------------------------------------------------------------------------------------------------------

    private sealed record Sent(string? Operation, HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Query, string? Authorization)
    {
        public int Status { get; set; }
    }

    /// <summary>Both AVANSER hosts: the WebAPI's token flow (tokens tk-n / tok-n), getCDR, and the Telco API's services.</summary>
    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(422)]
    public async Task A_sign_in_refused_with_any_4xx_is_an_authentication_error(int status)
    {
        var fake = new FakeHandler { Fallback = _ => new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent("""{"error":"invalid_key"}""") } };
        using var c = Open(fake);
        var ex = await Assert.ThrowsAsync<CallTrackingException>(() => GetCdr(c));
        Assert.Equal(CallTrackingErrorKind.Authentication, ex.Kind);
        Assert.Contains("-ApiKey", ex.Message);
        Assert.Single(fake.Requests); // getTokenKey only: not retried, getCDR never sent
    }

    [Fact]
    public async Task The_Telco_API_without_a_login_is_refused_before_anything_is_sent()
    {
        var fake = new FakeAvanser();
        using var c = Open(fake, login: false, token: true);
        var ex = await Assert.ThrowsAsync<CallTrackingException>(() => Client(c).TelcoAsync(Ops.ListServices, "services", null, CancellationToken.None));
        Assert.Equal(CallTrackingErrorKind.Authentication, ex.Kind);
        Assert.True(ex.NotSent);
        Assert.Contains("-Credential", ex.Message);
        Assert.Empty(fake.Sent);
    }

    private sealed class FakeAvanser : HttpMessageHandler
    {
        private readonly object _gate = new();
        private readonly HashSet<string> _valid = new();
        private int _issued;
        private string? _lastTokenKey;
        private int _tokenKeyFailures;

        public string ApiKey { get; init; } = Key;
        public string ApiSecret { get; init; } = Secret;
        /// <summary>How a refused key or signature is answered: 401, 403, 200-error ({"error":…}), 200-no-field.</summary>
        public string KeyRefusal { get; init; } = "401";
        public bool RefuseEveryToken { get; init; }
        public bool RefuseBasic { get; init; }
        public bool EchoErrors { get; init; }
        public int TokenKeyFailuresFirst { get; init; }
        public bool DropNext { get; set; }
        public TaskCompletionSource? HoldTokenKey { get; init; }
        public List<string> Echoes { get; } = new();
        public List<Sent> Sent { get; } = new();

        public string?[] Operations { get { lock (_gate) return Sent.Select(s => s.Operation).ToArray(); } }
        public int Count(string operation) => Operations.Count(o => o == operation);
        public IEnumerable<Sent> Of(string operation) { lock (_gate) return Sent.Where(s => s.Operation == operation).ToList(); }
        public void ExpireTokens() { lock (_gate) _valid.Clear(); }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var query = request.RequestUri!.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('=', 2)).ToDictionary(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : "");
            var sent = new Sent(ApiRequest.OperationOf(request)?.Name, request.Method, request.RequestUri, query, request.Headers.Authorization?.ToString());
            lock (_gate) Sent.Add(sent);
            var reply = await ReplyAsync(request, sent, query);
            sent.Status = (int)reply.StatusCode;
            return reply;
        }

        private async Task<HttpResponseMessage> ReplyAsync(HttpRequestMessage request, Sent sent, Dictionary<string, string> query)
        {
            if (DropNext) { DropNext = false; throw new HttpRequestException("Connection reset sending " + request.RequestUri!.AbsoluteUri + " with " + sent.Authorization); }
            var echo = "request " + request.RequestUri!.AbsoluteUri + " " + Uri.UnescapeDataString(request.RequestUri.Query) + " auth " + sent.Authorization + " " + sent.Authorization?.Replace("Basic ", "");
            if (request.RequestUri.Host == "telco.test")
            {
                if (sent.Authorization != "Basic " + BasicValue || RefuseBasic) return Json(HttpStatusCode.Unauthorized, """{"error":"unauthorized"}""");
                return EchoErrors ? Error(HttpStatusCode.InternalServerError, echo) : Json(HttpStatusCode.OK, """{"services":[]}""");
            }
            query.TryGetValue("action", out var action);
            switch (action)
            {
                case "getTokenKey":
                    if (HoldTokenKey != null) await HoldTokenKey.Task;
                    if (Interlocked.Increment(ref _tokenKeyFailures) <= TokenKeyFailuresFirst) return Json(HttpStatusCode.ServiceUnavailable, """{"error":"busy"}""");
                    if (query.GetValueOrDefault("api_key") != ApiKey || query.GetValueOrDefault("account_id") != Account) return Refuse(echo);
                    lock (_gate) _lastTokenKey = "tk-" + (++_issued);
                    return Json(HttpStatusCode.OK, "{\"tokenKey\":\"" + _lastTokenKey + "\"}");
                case "signIn":
                    string expected;
                    lock (_gate) expected = Md5LowerHex(ApiSecret + _lastTokenKey);
                    if (query.GetValueOrDefault("signature") != expected) return Refuse(echo);
                    var token = "tok-" + _issued;
                    lock (_gate) _valid.Add(token);
                    return Json(HttpStatusCode.OK, "{\"token\":\"" + token + "\"}");
                case "getCDR":
                    bool ok;
                    lock (_gate) ok = query.TryGetValue("token", out var t) ? _valid.Contains(t) && !RefuseEveryToken : sent.Authorization == "Basic " + BasicValue && !RefuseBasic;
                    if (!ok) return Json(HttpStatusCode.Unauthorized, """{"error":"invalid token"}""");
                    return EchoErrors ? Error(HttpStatusCode.InternalServerError, echo) : Json(HttpStatusCode.OK, """{"calls":[{"id":1,"caller_number":"+61-0290088888"}]}""");
                default:
                    return Json(HttpStatusCode.NotFound, """{"error":"no such action"}""");
            }
        }

        private HttpResponseMessage Refuse(string echo) => KeyRefusal switch
        {
            "401" => Error(HttpStatusCode.Unauthorized, EchoErrors ? echo : "invalid credentials"),
            "403" => Error(HttpStatusCode.Forbidden, EchoErrors ? echo : "forbidden"),
            "200-error" => Error(HttpStatusCode.OK, EchoErrors ? echo : "invalid credentials"),
            _ => Json(HttpStatusCode.OK, """{"status":"ok"}"""),
        };

        private HttpResponseMessage Error(HttpStatusCode status, string message)
        {
            lock (_gate) Echoes.Add(message);
            return Json(status, "{\"error\":\"failed\",\"message\":" + System.Text.Json.JsonSerializer.Serialize(message) + "}");
        }

        private static HttpResponseMessage Json(HttpStatusCode status, string body) => new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }

    private sealed class Lines : IRequestListener
    {
        public List<string> All { get; } = new();
        public void OnRequest(RequestLogEntry entry) { lock (All) All.Add(entry.ToString()); }
        public void OnRetry(string operation, int attempt, TimeSpan delay, string reason) { }
        public void OnNotice(string message, bool warning) { }
    }
}
