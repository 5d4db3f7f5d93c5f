using CallTracking.Core.Http;
using SecretRedactor = CallTracking.Sandbox.Logging.SecretRedactor;

namespace CallTracking.Tests.Sandbox;

/// <summary>The sandbox blanks exactly the names of the list it shares with the core, in every shape a body comes in.</summary>
public sealed class SandboxSecretRedactionTests
{
    [Fact]
    public void Json_bodies_are_parsed_and_every_secret_member_blanked_at_any_depth()
    {
        var body = "{\"country\":\"+1 US\",\"password\":\"hunter2\",\"nested\":{\"api_key\":123,\"ok\":[1,{\"signature\":{\"a\":1}}]},\"access_token\":null}";
        Assert.Equal("{\"country\":\"+1 US\",\"password\":\"***\",\"nested\":{\"api_key\":\"***\",\"ok\":[1,{\"signature\":\"***\"}]},\"access_token\":\"***\"}",
            SecretRedactor.RedactBody(body));
    }

    [Fact]
    public void Form_bodies_keep_other_pairs_exactly_as_sent()
    {
        Assert.Equal("method=list&password=***&name=a%20b&sid%5B%5D=1&token=***",
            SecretRedactor.RedactBody("method=list&password=s3cr3t&name=a%20b&sid%5B%5D=1&token=t0k"));
        Assert.Equal("Password=***&x=1", SecretRedactor.RedactBody("Password=s3cr3t&x=1"));
    }

    [Fact]
    public void Text_that_is_neither_falls_back_to_patterns_from_the_list()
    {
        var truncated = "{\"password\":\"hunter2\",\"api_key\":\"k-1";
        var redacted = SecretRedactor.RedactBody(truncated)!;
        Assert.DoesNotContain("hunter2", redacted);
        Assert.DoesNotContain("k-1", redacted);
        Assert.Equal("error near token=*** in request", SecretRedactor.RedactText("error near token=abc in request"));
    }

    [Fact]
    public void A_name_registered_later_is_blanked_from_then_on()
    {
        var name = "late_pin_" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(name + "=1234", SecretRedactor.RedactBody(name + "=1234"));
        Assert.Equal("{\"" + name + "\":\"abc\" truncated", SecretRedactor.RedactBody("{\"" + name + "\":\"abc\" truncated"));
        SecretNames.Register(new[] { name });
        Assert.Equal(name + "=***", SecretRedactor.RedactBody(name + "=1234"));
        Assert.Equal("{\"" + name + "\":\"***\"}", SecretRedactor.RedactBody("{\"" + name + "\":\"abc\"}"));
        Assert.Equal("{\"" + name + "\":\"***\" truncated", SecretRedactor.RedactBody("{\"" + name + "\":\"abc\" truncated"));
        Assert.Equal("***", SecretRedactor.RedactQuery(new[] { new KeyValuePair<string, string>(name + "[]", "9") })[name + "[]"]);
    }

    [Fact]
    public void Urls_keep_their_shape()
    {
        Assert.Equal("http://127.0.0.1:5/cb?id=7&api_key=***&x=%2B1", SecretRedactor.RedactUrl(new Uri("http://127.0.0.1:5/cb?id=7&api_key=k1&x=%2B1")));
        Assert.Equal("http://127.0.0.1:5/cb", SecretRedactor.RedactUrl(new Uri("http://127.0.0.1:5/cb")));
    }

    [Fact]
    public void Empty_and_plain_bodies_pass_through()
    {
        Assert.Null(SecretRedactor.RedactBody(null));
        Assert.Equal("", SecretRedactor.RedactBody(""));
        Assert.Equal("just some words", SecretRedactor.RedactBody("just some words"));
    }
}
