using System.Collections;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Connections;
using CallTracking.Core.Http;
using CallTracking.Core.Model;
using CallTracking.Core.Paging;
using CallTracking.Core.Providers;
using CallTracking.Core.Providers.Avanser;
using CallTracking.Core.Providers.AvidTrak;

namespace CallTracking.Tests.Core;

/// <summary>
/// The executor's contract with the providers: every request names an operation its provider declares (its safety comes
/// from there, never from the verb), one retry budget per request, and redirects are never followed.
/// </summary>
public class ExecutorTests
{
    // ---- Every request names a declared operation -------------------------------------------------------------------------

    /// <summary>Valid arguments for each parameter type the TrackDrive client's methods take (a new type fails loudly below).</summary>
    private static object? ArgumentFor(Type type, string method)
    {
        if (type == typeof(string)) return "7";
        if (type == typeof(CancellationToken)) return CancellationToken.None;
        if (type == typeof(Stream)) return new MemoryStream();
        if (type == typeof(Action<PageProgress>)) return null;
        var from = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        if (type == typeof(TrackDriveCallQuery)) return new TrackDriveCallQuery { First = 1 };
        if (type == typeof(TrackDriveReportQuery)) return new TrackDriveReportQuery { Category = TrackDriveApi.ReportCategories[0], First = 1 };
        if (type == typeof(TrackDriveStatsQuery)) return new TrackDriveStatsQuery { GroupBy = "status", Stat = "count", CreatedAtFrom = from, CreatedAtTo = from.AddDays(1) };
        if (type == typeof(TrackDriveNumberQuery)) return new TrackDriveNumberQuery { First = 1 };
        if (type == typeof(TrackDrivePurchaseRequest)) return new TrackDrivePurchaseRequest { ProviderConfigurationId = 150, OfferId = 100, Country = "US" };
        if (type == typeof(TrackDriveNumberUpdate)) return new TrackDriveNumberUpdate { Id = "7", OfferId = 5 };
        // The capability interfaces' shared queries, with TrackDrive's options.
        if (type == typeof(CallLogQuery)) return new CallLogQuery { First = 1, Options = new TrackDriveCallQuery() };
        if (type == typeof(CallReportQuery)) return new CallReportQuery { First = 1, Options = new TrackDriveReportQuery { Category = TrackDriveApi.ReportCategories[0] } };
        if (type == typeof(CallStatisticQuery)) return new CallStatisticQuery { CreatedAfter = from, CreatedBefore = from.AddDays(1), Options = new TrackDriveStatsQuery { GroupBy = "status", Stat = "count" } };
        if (type == typeof(NumberQuery)) return new NumberQuery { First = 1, Options = new TrackDriveNumberQuery() };
        if (type == typeof(NumberPurchase)) return new NumberPurchase { Options = new TrackDrivePurchaseRequest { ProviderConfigurationId = 150, OfferId = 100, Country = "US" } };
        if (type == typeof(NumberChange)) return new NumberChange("7") { Options = new TrackDriveNumberUpdate { OfferId = 5 } };
        if (type == typeof(NumberRelease)) return new NumberRelease("7");
        throw new InvalidOperationException("No test argument for " + type + " of " + method + ": add one to ArgumentFor.");
    }

    /// <summary>Runs a method that sends: awaits a task, or takes the first item of an async sequence.</summary>
    private static async Task Drive(object? result)
    {
        if (result is Task task) { await task; return; }
        var sequence = result?.GetType().GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>));
        if (sequence is null) throw new InvalidOperationException("Not a sending method's result: " + result);
        var enumerator = sequence.GetMethod("GetAsyncEnumerator")!.Invoke(result, new object[] { CancellationToken.None })!;
        var moveNext = enumerator.GetType().GetInterfaces().First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerator<>)).GetMethod("MoveNextAsync")!;
        await ((ValueTask<bool>)moveNext.Invoke(enumerator, null)!).AsTask();
        await ((IAsyncDisposable)enumerator).DisposeAsync();
    }

    private static bool Sends(MethodInfo m)
        => typeof(Task).IsAssignableFrom(m.ReturnType)
           || (m.ReturnType.IsGenericType && m.ReturnType.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>));

    [Fact]
    public async Task Every_request_of_the_TrackDrive_client_names_an_operation_its_descriptor_declares()
    {
        var named = new List<string?>();
        var fake = new FakeHandler
        {
            Fallback = request =>
            {
                lock (named) named.Add(ApiRequest.OperationOf(request)?.Name);
                var csv = request.RequestUri!.AbsolutePath.EndsWith(".csv");
                return new HttpResponseMessage(HttpStatusCode.OK)
                {
                    Content = csv ? new StringContent("id,status\n", Encoding.UTF8, "text/csv")
                        : new StringContent("""{"calls":[],"numbers":[],"reports":[],"stats":[],"metadata":{"next_cursor":0}}""", Encoding.UTF8, "application/json"),
                };
            },
        };
        using var c = TestConnections.TrackDrive(fake, maxRetry: 0);
        var client = c.Client;
        var declared = c.Descriptor.Operations.Select(o => o.Name).ToHashSet();

        // Its public methods, and every capability interface it implements (each call through the interface).
        var targets = client.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(Sends)
            .Select(m => (Name: m.Name, Method: m))
            .Concat(client.GetType().GetInterfaces().Where(i => i.Namespace == typeof(ICallLog).Namespace)
                .SelectMany(i => i.GetMethods().Where(Sends).Select(m => (Name: i.Name + "." + m.Name, Method: m))))
            .ToList();
        Assert.True(targets.Count >= 20, "found only " + targets.Count + " sending methods");

        foreach (var (name, method) in targets)
        {
            var before = named.Count;
            var args = method.GetParameters().Select(p => ArgumentFor(p.ParameterType, name)).ToArray();
            try { await Drive(method.Invoke(client, args)); }
            catch (CallTrackingException) { /* a reply this fake cannot shape (a record): the request was still sent */ }
            Assert.True(named.Count > before, name + " sent no request");
            foreach (var op in named.Skip(before))
                Assert.True(op != null && declared.Contains(op), name + " sent a request naming '" + op + "', which TrackDrive's Operations does not declare");
        }
        // And every declared operation is reachable from some method (no dead declaration, no second unnamed path).
        Assert.Equal(declared.OrderBy(n => n), named.Distinct().OrderBy(n => n));
    }

    [Fact]
    public async Task Every_AvidTrak_operation_goes_out_under_its_name_and_its_seed_method()
    {
        var sent = new List<(string? Operation, string Query)>();
        var fake = new FakeHandler
        {
            Fallback = r =>
            {
                lock (sent) sent.Add((ApiRequest.OperationOf(r)?.Name, r.RequestUri!.Query));
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"code":1,"status":"Success","data":null}""", Encoding.UTF8, "application/json") };
            },
        };
        using var c = AvidTrakTests.Open(fake);
        var descriptor = c.Descriptor;
        foreach (var op in descriptor.Operations)
            await ((AvidTrakClient)c.Client).CallAsync(op, null, null, CancellationToken.None);
        Assert.Equal(descriptor.Operations.Select(o => o.Name), sent.Select(s => s.Operation));
        foreach (var (op, query) in descriptor.Operations.Zip(sent.Select(s => s.Query)))
            Assert.Contains("method=" + AvidTrakApi.Operations.MethodOf(op) + "&", query + "&");
        // Spending or destroying methods are unsafe (never re-sent), whatever their verb (all are GETs).
        foreach (var method in new[] { "purchase_number", "return_number", "transfer_number", "create_account" })
            Assert.Equal(OperationSafety.Unsafe, descriptor.Operations.Single(o => o.Name == "AvidTrak." + method).Safety);
    }

    [Fact]
    public async Task The_AVANSER_sign_in_flow_and_both_apis_name_declared_operations()
    {
        var named = new List<string?>();
        var fake = new FakeHandler
        {
            Fallback = r =>
            {
                lock (named) named.Add(ApiRequest.OperationOf(r)?.Name);
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"tokenKey":"tk","token":"tok","calls":[]}""", Encoding.UTF8, "application/json") };
            },
        };
        var options = new ConnectionOptions
        {
            Provider = "Avanser",
            Credential = ProviderCredential.FromPlainText("login", "pw"),
            Settings = { [AvanserApi.AccountIdSetting] = "A1" },
            PrimaryHandlerFactory = () => fake,
        };
        options.Secrets[AvanserApi.ApiKeySecret] = SecretValue.FromPlainText("k");
        options.Secrets[AvanserApi.ApiSecretSecret] = SecretValue.FromPlainText("s");
        using var c = CallTrackingConnection.Open(options);
        var client = (AvanserClient)c.Client;
        await client.WebApiAsync(AvanserApi.Operations.GetCdr, "getCDR", null, CancellationToken.None);
        await client.TelcoAsync(AvanserApi.Operations.ListServices, "services", null, CancellationToken.None);
        Assert.Equal(new[] { "Avanser.getTokenKey", "Avanser.signIn", "Avanser.getCDR", "Avanser.ListServices" }, named);
        Assert.All(named, n => Assert.Contains(c.Descriptor.Operations, o => o.Name == n));
    }

    [Fact]
    public void Each_operation_is_named_once_after_its_provider_and_goes_to_an_api_the_provider_has()
    {
        foreach (var provider in ProviderRegistry.All)
        {
            var names = provider.Operations.Select(o => o.Name).ToList();
            Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.All(provider.Operations, o =>
            {
                Assert.StartsWith(provider.Name + ".", o.Name);
                Assert.Contains(provider.Endpoints, e => e.Name == o.Endpoint);
                Assert.False(string.IsNullOrWhiteSpace(o.Description));
            });
        }
    }

    [Fact]
    public void A_message_the_executor_did_not_make_names_no_operation()
        => Assert.Null(ApiRequest.OperationOf(new HttpRequestMessage(HttpMethod.Get, "https://example.test/")));

    // ---- One retry budget ---------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public async Task A_read_goes_out_at_most_one_plus_MaxRetry_times(int maxRetry)
    {
        var fake = new FakeHandler { Fallback = _ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("{}") } };
        using var c = TestConnections.TrackDrive(fake, maxRetry: maxRetry);
        var ex = await Assert.ThrowsAsync<CallTrackingException>(async () => { await foreach (var _ in c.TrackDrive().ListCallsAsync(new TrackDriveCallQuery())) { } });
        Assert.Equal(CallTrackingErrorKind.ProviderFailure, ex.Kind);
        Assert.Equal(1 + maxRetry, fake.Requests.Count);
    }

    [Fact]
    public async Task Different_failures_share_one_budget()
    {
        // 503, a dropped connection, an unreadable page, 429: four failures of four kinds, MaxRetry 3, so no fifth attempt.
        var fake = new FakeHandler()
            .Json(HttpStatusCode.ServiceUnavailable, "{}")
            .Throw(new HttpRequestException("reset", new IOException("connection reset")))
            .Json(HttpStatusCode.OK, """{"calls":[{"id":1""")
            .Json((HttpStatusCode)429, "{}")
            .Json(HttpStatusCode.OK, """{"calls":[],"metadata":{"next_cursor":0}}""");
        using var c = TestConnections.TrackDrive(fake, maxRetry: 3);
        var ex = await Assert.ThrowsAsync<CallTrackingException>(async () => { await foreach (var _ in c.TrackDrive().ListCallsAsync(new TrackDriveCallQuery())) { } });
        Assert.Equal(CallTrackingErrorKind.Throttled, ex.Kind);
        Assert.Equal(4, fake.Requests.Count);
    }

    // ---- Redirects ----------------------------------------------------------------------------------------------------------

    /// <summary>A loopback server that answers every request with a redirect, counting the requests it gets.</summary>
    private sealed class RedirectServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly Func<int, string> _location;
        private int _requests;

        public RedirectServer(Func<int, string> location)
        {
            _location = location;
            _listener.Start();
            _ = AcceptAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
        public int Requests => Volatile.Read(ref _requests);

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    using var client = await _listener.AcceptTcpClientAsync();
                    var stream = client.GetStream();
                    var buffer = new byte[8192];
                    var head = new StringBuilder();
                    while (!head.ToString().Contains("\r\n\r\n"))
                    {
                        var n = await stream.ReadAsync(buffer);
                        if (n == 0) break;
                        head.Append(Encoding.ASCII.GetString(buffer, 0, n));
                    }
                    var count = Interlocked.Increment(ref _requests);
                    var reply = "HTTP/1.1 302 Found\r\nLocation: " + _location(Port) + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(reply));
                }
            }
            catch (Exception) { /* stopped */ }
        }

        public void Dispose() => _listener.Stop();
    }

    private static CallTrackingConnection OverTheNetwork(int port)
        => CallTrackingConnection.Open(new ConnectionOptions
        {
            Provider = "TrackDrive",
            Credential = ProviderCredential.FromPlainText("auth_token", TestConnections.Token),
            BaseUri = new Uri("http://127.0.0.1:" + port + "/api/v1/"),
            MaxRetry = 2,
            RetryTiming = new RetryTiming { BaseDelay = TimeSpan.FromMilliseconds(2), MaxDelay = TimeSpan.FromMilliseconds(10) },
            // No PrimaryHandlerFactory: the connection's own transport, whose redirect policy is what is tested.
        });

    [Fact]
    public async Task A_redirect_is_not_followed_and_the_error_names_its_target_without_secrets()
    {
        // The target is on the same server, so a followed redirect would show as a second request.
        using var server = new RedirectServer(port => "http://127.0.0.1:" + port + "/elsewhere/login?auth_token=" + TestConnections.Token + "&next=calls");
        using var c = OverTheNetwork(server.Port);
        var ex = await Assert.ThrowsAsync<CallTrackingException>(() => c.TrackDrive().GetCallAsync("7"));
        Assert.Equal(1, server.Requests);
        Assert.Equal(CallTrackingErrorKind.ProviderFailure, ex.Kind);
        Assert.Equal(302, ex.HttpStatus);
        Assert.Contains("http://127.0.0.1:" + server.Port + "/elsewhere/login", ex.Message);
        Assert.Contains("auth_token=***", ex.Message);
        Assert.Contains("next=calls", ex.Message);
        Assert.DoesNotContain(TestConnections.Token, ex.ToString());
    }

    [Fact]
    public async Task A_relative_redirect_names_its_own_target()
    {
        using var server = new RedirectServer(_ => "/sign-in?from=api");
        using var c = OverTheNetwork(server.Port);
        var ex = await Assert.ThrowsAsync<CallTrackingException>(() => c.TrackDrive().GetCallAsync("7"));
        Assert.Equal(1, server.Requests);
        Assert.Contains("/sign-in?from=api", ex.Message);
    }
}
