using CallTracking.Core.Connections;
using CallTracking.Core.Http;

namespace CallTracking.Tests.Core;

public class RedactionTests
{
    [Fact]
    public void Secret_query_parameters_and_user_info_are_masked()
    {
        var uri = new Uri("https://user:pw@acme.trackdrive.com/api/v1/calls?page=1&auth_token=abc123&pincode=999&status=forwarded");
        var text = SecretRedactor.RedactUri(uri);
        Assert.DoesNotContain("abc123", text);
        Assert.DoesNotContain("999", text);
        Assert.DoesNotContain("pw", text.Replace("api", ""));
        Assert.Contains("auth_token=***", text);
        Assert.Contains("status=forwarded", text);
    }

    [Fact]
    public void Credential_never_shows_its_secret()
    {
        using var c = ProviderCredential.FromPlainText("pub", "very-secret");
        Assert.DoesNotContain("very-secret", c.ToString());
        Assert.Equal("very-secret", c.UseSecret(s => s));
    }

    [Fact]
    public void Free_text_redaction_removes_known_secrets()
        => Assert.Equal("token *** is invalid", SecretRedactor.RedactValues("token abc123 is invalid", new[] { "abc123" }));
}
