using System.Net;
using System.Text;
using CallTracking.Core.Connections;
using CallTracking.Core.Http;
using CallTracking.Core.Model;
using CallTracking.Core.Validation;

namespace CallTracking.Tests.Core;

/// <summary>
/// The download behind Get-CallDataFeed -Uri, on a scripted transport: HTTP Basic, redirects (the credential only to the
/// same origin, never to clear-text http), errors redacted of the password in its encoded forms, https only.
/// </summary>
public class StreamingDownloadTests
{
    private const string Password = "Dl-Pa55-word/+9";

    private static Task<StreamingDownload> Open(FakeHandler fake, string uri, SecretValue? password, TimeSpan? timeout = null)
        => StreamingDownload.OpenAsync(new Uri(uri), "feed-user", password, timeout ?? TimeSpan.FromSeconds(10), "Test", "Test.Feed", CancellationToken.None, () => fake);

    private static HttpResponseMessage Redirect(string to) => new HttpResponseMessage(HttpStatusCode.Found) { Headers = { Location = new Uri(to, UriKind.RelativeOrAbsolute) } };

    [Fact]
    public async Task Sends_basic_and_follows_a_redirect_to_the_same_origin_with_it_and_to_another_without_it()
    {
        var fake = new FakeHandler()
            .Enqueue(_ => Redirect("/feed/v2/calls.json"))
            .Enqueue(_ => Redirect("https://cdn.example.net/calls.json"))
            .Json(HttpStatusCode.OK, "[{\"call_id\":1}]");
        using var password = SecretValue.FromPlainText(Password);
        using var d = await Open(fake, "https://feeds.example.com/feed/calls.json", password);
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("feed-user:" + Password));
        Assert.Equal(expected, fake.Requests[0].Authorization);
        Assert.Equal(expected, fake.Requests[1].Authorization);
        Assert.Equal("https://feeds.example.com/feed/v2/calls.json", fake.Requests[1].Uri.ToString());
        Assert.Null(fake.Requests[2].Authorization);
        Assert.Equal("https://cdn.example.net/calls.json", d.Uri.ToString());
        Assert.StartsWith("application/json", d.ContentType);
        Assert.Equal("[{\"call_id\":1}]", await new StreamReader(d.Body).ReadToEndAsync());
    }

    [Fact]
    public async Task Refuses_a_redirect_to_clear_text_http()
    {
        var fake = new FakeHandler().Enqueue(_ => Redirect("http://feeds.example.com/calls.json"));
        using var password = SecretValue.FromPlainText(Password);
        var ex = await Assert.ThrowsAsync<CallTrackingException>(() => Open(fake, "https://feeds.example.com/calls.json", password));
        Assert.Contains("clear-text", ex.Message);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task An_error_reply_that_echoes_the_password_is_redacted_in_every_form()
    {
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("feed-user:" + Password));
        var fake = new FakeHandler().Json(HttpStatusCode.Unauthorized,
            "{\"error\":\"unauthorized\",\"got\":\"Basic " + basic + "\",\"pw\":\"" + Password + "\",\"enc\":\"" + Uri.EscapeDataString(Password) + "\"}");
        using var password = SecretValue.FromPlainText(Password);
        var ex = await Assert.ThrowsAsync<CallTrackingException>(() => Open(fake, "https://feeds.example.com/calls.json", password));
        Assert.Equal(CallTrackingErrorKind.Authentication, ex.Kind);
        Assert.Equal(401, ex.HttpStatus);
        var text = ex.Message + " " + ex.ProviderMessage;
        Assert.Contains("unauthorized", text);
        Assert.DoesNotContain(Password, text);
        Assert.DoesNotContain(basic, text);
        Assert.DoesNotContain(Uri.EscapeDataString(Password), text);
    }

    [Theory]
    [InlineData("http://feeds.example.com/calls.json", "https://")]
    [InlineData("https://user:secret@feeds.example.com/calls.json", "without user name or password")]
    [InlineData("ftp://feeds.example.com/calls.json", "https://")]
    public void Unsafe_uris_are_refused_before_anything_is_sent(string uri, string expected)
    {
        var ex = Assert.Throws<CallTrackingArgumentException>(() => StreamingDownload.EnsureSafeUri(new Uri(uri), "Uri"));
        Assert.Contains(expected, ex.Message);
        Assert.DoesNotContain("secret", ex.Message);
    }

    [Fact]
    public void Http_to_loopback_is_allowed()
    {
        StreamingDownload.EnsureSafeUri(new Uri("http://127.0.0.1:8080/feed/calls.json"), "Uri");
        StreamingDownload.EnsureSafeUri(new Uri("http://localhost/feed/calls.csv"), "Uri");
    }
}
