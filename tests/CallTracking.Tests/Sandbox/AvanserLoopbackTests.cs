using System.Text;
using System.Text.Json;
using CallTracking.Sandbox;
using CallTracking.Sandbox.Avanser;

namespace CallTracking.Tests.Sandbox;

/// <summary>The AVANSER emulator over loopback HTTP with the sandbox's default callback sink: audio links that point at
/// the listener, call callbacks and SMS forwards received by a real listener, and provisioning completed by the real clock.</summary>
public class AvanserLoopbackTests
{
    private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (!condition() && DateTime.UtcNow < until) await Task.Delay(50);
        Assert.True(condition(), "not within " + timeout);
    }

    [Fact]
    public async Task Over_loopback_audio_links_point_at_the_listener_and_download_the_recording()
    {
        using var sandbox = new CallTrackingSandbox(AvanserSandboxClient.Options());
        sandbox.Start();
        var web = sandbox.AvanserBaseUri(AvanserEmulator.WebApiEndpoint);
        Assert.StartsWith("http://127.0.0.1:", web.ToString());
        sandbox.Avanser(); // learns its listening address (Start-CallTrackingSandbox does this too)
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, web + "?action=getCDR&wav=yes&limit=50&client_id=5995");
        request.Headers.Authorization = AvanserSandboxClient.Basic();
        using var response = await http.SendAsync(request);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var link = doc.RootElement.GetProperty("calls").EnumerateArray().Select(c => c.GetProperty("audio").GetString()!).First(a => a.Length > 0);
        Assert.StartsWith(web.ToString(), link);
        using var audio = new HttpRequestMessage(HttpMethod.Get, link + "&client_id=5995");
        audio.Headers.Authorization = AvanserSandboxClient.Basic();
        using var wav = await http.SendAsync(audio);
        Assert.Equal("audio/wav", wav.Content.Headers.ContentType?.MediaType);
        Assert.Equal("RIFF", Encoding.ASCII.GetString((await wav.Content.ReadAsByteArrayAsync())[..4]));
    }

    [Fact]
    public async Task The_callback_sender_drives_a_real_listener_with_call_callbacks_and_sms_forwards()
    {
        using var receiver = new CallbackReceiver();
        using var sandbox = new CallTrackingSandbox(AvanserSandboxClient.Options());
        var sent = await sandbox.SendAvanserCallbacksAsync(new Uri(receiver.Uri, "avanser/call?token=t1"), 3);
        Assert.All(sent, r => Assert.Equal(204, r.StatusCode));
        var sms = await sandbox.SendAvanserSmsForwardsAsync(new Uri(receiver.Uri, "avanser/sms"), 2);
        Assert.All(sms, r => Assert.True(r.Delivered));
        var received = receiver.Received.ToList();
        Assert.Equal(5, received.Count);
        Assert.All(received.Take(3), r => Assert.StartsWith("/avanser/call?token=t1&clientid=5995&callid=", r.PathAndQuery));
        Assert.All(received.Skip(3), r => Assert.Contains("message=", r.PathAndQuery));
    }

    [Fact]
    public async Task On_the_real_clock_a_request_completes_by_itself_and_posts_to_its_callback_uri()
    {
        using var receiver = new CallbackReceiver();
        var options = new SandboxOptions().Use(new AvanserOptions { ProvisioningDelay = TimeSpan.FromMilliseconds(300) });
        using var sandbox = new CallTrackingSandbox(options);
        using var http = new HttpClient(sandbox.CreateHandler());
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(sandbox.AvanserBaseUri(), "services"))
        {
            Content = new StringContent(JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["service_type"] = "Prompt", ["recording"] = "closed-today", ["custom_id"] = "rt-1", ["request_callback_uri"] = new Uri(receiver.Uri, "done").ToString(),
            }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = AvanserSandboxClient.Basic();
        using var response = await http.SendAsync(request);
        Assert.Equal(202, (int)response.StatusCode);
        await WaitForAsync(() => !receiver.Received.IsEmpty, TimeSpan.FromSeconds(10));
        var posted = receiver.Received.Single();
        Assert.Equal("POST", posted.Method);
        Assert.Equal("completed", JsonDocument.Parse(posted.Body).RootElement.GetProperty("request").GetProperty("status").GetString());
        Assert.Equal("active", sandbox.Avanser().State.Services.Single(s => s.CustomId == "rt-1").Status);
    }
}
