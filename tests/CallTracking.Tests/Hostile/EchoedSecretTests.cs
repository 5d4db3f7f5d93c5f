using System.Net;
using System.Text;
using System.Text.Json;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Connections;
using CallTracking.Core.Model;

namespace CallTracking.Tests.Hostile;

/// <summary>
/// A server that echoes the request's Authorization header back, in every encoding a body may use: the Basic credential
/// (public:private and its base64) must appear nowhere in the error, its properties, ToString() or inner exceptions.
/// </summary>
public class EchoedSecretTests
{
    private const string PublicKey = "pk_live_1";
    private const string PrivateKey = "priv>>>?k"; // its base64 holds both '+' and '/'

    private static readonly string Base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(PublicKey + ":" + PrivateKey));

    public static IEnumerable<object[]> Echoes() => new[]
    {
        new object[] { 401, "json", (Func<string, string>)(h => JsonSerializer.Serialize(new { error = "unauthorized", message = "bad header " + h })) },
        new object[] { 400, "json-escaped", (Func<string, string>)(h => "{\"error\":\"bad\",\"message\":\"" + h.Replace("+", "\\u002B").Replace("/", "\\/") + "\"}") },
        new object[] { 401, "text", (Func<string, string>)(h => "Authorization: " + h) },
        new object[] { 400, "html", (Func<string, string>)(h => "<html><body>" + WebUtility.HtmlEncode(h) + "</body></html>") },
        new object[] { 400, "url-encoded", (Func<string, string>)(h => "header=" + Uri.EscapeDataString(h).ToLowerInvariant()) },
        new object[] { 200, "json in a 200", (Func<string, string>)(h => JsonSerializer.Serialize(new { error = h })) },
        new object[] { 400, "unpadded base64", (Func<string, string>)(h => "token " + Base64.TrimEnd('=')) },
    };

    private static void AssertClean(string what, string text)
    {
        Assert.DoesNotContain(PrivateKey, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Base64.TrimEnd('='), text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Uri.EscapeDataString(Base64).TrimEnd('='), text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Base64.Replace("+", "\\u002B"), text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Base64.Substring(0, Base64.IndexOf('+')) + "+", text, StringComparison.Ordinal); // "what: " + text
    }

    [Theory]
    [MemberData(nameof(Echoes))]
    public async Task The_echoed_credential_is_redacted_everywhere(int status, string encoding, Func<string, string> echo)
    {
        using var server = new HostileServer((request, stream, _) =>
            HostileServer.Reply(stream, status, echo(request.Headers.GetValueOrDefault("Authorization", "")), encoding.StartsWith("json") ? "application/json" : "text/plain"));
        using var connection = HostileConnections.TrackDrive(server, user: PublicKey, secret: PrivateKey);
        var error = await Assert.ThrowsAsync<CallTrackingException>(() => connection.Capability<INumberPurchase>("test").PurchaseNumberAsync(
            new NumberPurchase { Options = new TrackDrivePurchaseRequest { ProviderConfigurationId = 150, OfferId = 100, Country = "US" } }, CancellationToken.None));
        Assert.StartsWith("Basic ", server.Requests[0].Headers["Authorization"]);
        AssertClean(encoding, error.Message);
        AssertClean(encoding, error.ToString());
        AssertClean(encoding, error.ProviderMessage ?? "");
        AssertClean(encoding, error.ProviderCode ?? "");
        AssertClean(encoding, error.Target ?? "");
        AssertClean(encoding, JsonSerializer.Serialize(new { error.Message, error.ProviderCode, error.ProviderMessage, Inner = error.InnerException?.ToString() }));
    }
}
