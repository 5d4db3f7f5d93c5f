using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using CallTracking.Sandbox;
using CallTracking.Sandbox.TrackDrive;
using Xunit;

namespace CallTracking.Tests.Sandbox;

public sealed class SandboxLogAndListenerTests
{
    public static readonly TheoryData<bool> Transports = new() { false, true };

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Request_log_redacts_every_secret(bool loopback)
    {
        const string secret = "S3cr3t-T0ken-Value";
        var options = SandboxClient.Options();
        options.TrackDrive().AuthToken = secret;
        options.TrackDrive().PrivateKey = "Pr1vate-K3y";
        using var c = SandboxClient.Create(loopback, options);

        await c.Http.GetAsync(new Uri(c.Base, "calls?per_page=1&auth_token=" + secret + "&signature=1234&api_key=k1"));
        using (var post = new HttpRequestMessage(HttpMethod.Post, new Uri(c.Base, "phone_numbers?auth_token=" + secret)))
        {
            post.Content = new StringContent("{\"provider_configuration_id\":150,\"offer_id\":100,\"toll_free\":true,\"country\":\"US\",\"password\":\"hunter2\",\"auth_token\":\"" + secret + "\"}",
                Encoding.UTF8, "application/json");
            var r = await c.Http.SendAsync(post);
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        }
        using (var basic = new HttpRequestMessage(HttpMethod.Get, new Uri(c.Base, "phone_numbers")))
        {
            basic.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes("sandbox-public:Pr1vate-K3y")));
            Assert.Equal(HttpStatusCode.OK, (await c.Http.SendAsync(basic)).StatusCode);
        }
        await c.Http.GetAsync(new Uri(c.Base, "calls?auth_token=wrong-" + secret));

        var log = c.Sandbox.Requests.ToList();
        Assert.Equal(4, log.Count);
        Assert.Equal("GET /api/v1/calls -> 200", log[0].ToString());
        Assert.Equal("POST /api/v1/phone_numbers -> 201", log[1].ToString());
        Assert.Equal("TrackDrive", log[0].Provider);
        Assert.Equal("***", log[0].Query["auth_token"]);
        Assert.Equal("***", log[0].Query["signature"]);
        Assert.Equal("1", log[0].Query["per_page"]);
        Assert.True(log[2].HasAuthorizationHeader);
        Assert.False(log[0].HasAuthorizationHeader);
        Assert.Equal(401, log[3].StatusCode);
        Assert.Contains("\"country\":\"US\"", log[1].Body);
        foreach (var entry in log)
        {
            var everything = string.Join("|", entry.ToString(), entry.Path, entry.Body, string.Join(",", entry.Query.Select(p => p.Key + "=" + p.Value)));
            Assert.DoesNotContain(secret, everything);
            Assert.DoesNotContain("hunter2", everything);
            Assert.DoesNotContain("Pr1vate", everything);
            Assert.DoesNotContain("k1", entry.Query.Values);
        }
        c.Sandbox.Requests.Clear();
        Assert.Empty(c.Sandbox.Requests);
    }

    [Fact]
    public async Task Log_keeps_the_last_ten_thousand()
    {
        using var c = SandboxClient.Create(loopback: false, SandboxClient.Options(10));
        var tasks = Enumerable.Range(0, 10_050).Select(i => c.GetAsync("calls?per_page=1&n=" + i));
        await Task.WhenAll(tasks);
        Assert.Equal(10_000, c.Sandbox.Requests.Count);
        Assert.Equal(10_000, c.Sandbox.Requests.Count());
    }

    [Fact]
    public async Task Start_stop_releases_the_port_and_in_process_keeps_working()
    {
        using var sandbox = new CallTrackingSandbox(SandboxClient.Options());
        Assert.False(sandbox.IsRunning);
        Assert.Null(sandbox.ListenerUri);
        Assert.Equal("https://sandbox.trackdrive.invalid/api/v1/", sandbox.TrackDriveBaseUri().ToString());

        var uri = sandbox.Start();
        Assert.True(sandbox.IsRunning);
        Assert.Equal("127.0.0.1", uri.Host);
        Assert.Equal(new Uri(uri, "api/v1/"), sandbox.TrackDriveBaseUri());
        using (var http = new HttpClient())
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(sandbox.TrackDriveBaseUri(), "calls?auth_token=sandbox-token"))).StatusCode);
        sandbox.Stop();
        Assert.False(sandbox.IsRunning);

        // The port is free again: bind it directly.
        var probe = new TcpListener(IPAddress.Loopback, uri.Port);
        probe.Start();
        probe.Stop();
        var again = sandbox.Start(uri.Port);
        Assert.Equal(uri.Port, again.Port);
        sandbox.Stop();

        using var inProcess = new HttpClient(sandbox.CreateHandler());
        Assert.Equal(HttpStatusCode.OK, (await inProcess.GetAsync(new Uri(sandbox.TrackDriveBaseUri(), "calls?auth_token=sandbox-token"))).StatusCode);
    }

    [Fact]
    public async Task Loopback_serves_concurrent_requests_like_in_process()
    {
        using var c = SandboxClient.Create(loopback: true);
        using var inProcess = new HttpClient(c.Sandbox.CreateHandler());
        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => c.GetAsync("calls?per_page=50&cursor=" + (i * 50 + 1))));
        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        var viaLoopback = await c.GetAsync("calls?per_page=20&status=finished");
        var viaHandler = await inProcess.GetStringAsync(new Uri(new Uri("https://sandbox.trackdrive.invalid/api/v1/"), "calls?per_page=20&status=finished&auth_token=sandbox-token"));
        Assert.Equal(viaHandler, viaLoopback.Text);
    }

    [Fact]
    public void Options_default_anchor_is_the_hour()
    {
        using var sandbox = new CallTrackingSandbox();
        Assert.Equal(0, sandbox.Options.Anchor.Minute);
        Assert.Equal(0, sandbox.Options.Anchor.Second);
        Assert.Equal(5000, sandbox.TrackDrive().CallCount);
        Assert.Equal(25, sandbox.TrackDrive().Numbers.Count);
        Assert.Equal(sandbox.Options.Anchor, sandbox.TrackDrive().GetCallCreatedAt(5000));
    }
}
