using System.Text.Json;
using System.Xml.Linq;
using CallTracking.Sandbox;
using CallTracking.Sandbox.AvidTrak;

namespace CallTracking.Tests.Sandbox;

/// <summary>A raw HttpClient against the AvidTrak emulator (in-process or over loopback); replies are read here with
/// System.Text.Json and System.Xml, never with the core's reader.</summary>
internal sealed class AvidTrakSandboxClient : IDisposable
{
    public const string AgencyPin = "sandbox-agency-pin";
    public const string Client1Pin = "sandbox-client-1-pin";
    public const string Client2Pin = "sandbox-client-2-pin";
    public const string IndividualPin = "sandbox-individual-pin";

    /// <summary>The sandbox's anchor and (virtual) now: "yesterday" is 2024-03-14.</summary>
    public static readonly DateTimeOffset Anchor = new(2024, 3, 15, 12, 0, 0, TimeSpan.Zero);

    private AvidTrakSandboxClient(CallTrackingSandbox sandbox, HttpClient http)
    {
        Sandbox = sandbox;
        Http = http;
    }

    public CallTrackingSandbox Sandbox { get; }
    public HttpClient Http { get; }
    public AvidTrakSandboxState State => Sandbox.AvidTrak();
    public Uri Base => Sandbox.AvidTrakBaseUri();

    public static SandboxOptions Options(int seed = 42, AvidTrakOptions? avidTrak = null) =>
        new SandboxOptions { Seed = seed, Anchor = Anchor, Clock = SandboxClock.StartingAt(Anchor) }.Use(avidTrak ?? new AvidTrakOptions());

    public static AvidTrakSandboxClient Create(bool loopback = false, SandboxOptions? options = null)
    {
        var sandbox = new CallTrackingSandbox(options ?? Options());
        if (loopback)
        {
            sandbox.Start();
            return new AvidTrakSandboxClient(sandbox, new HttpClient());
        }
        return new AvidTrakSandboxClient(sandbox, new HttpClient(sandbox.CreateHandler()));
    }

    /// <summary>The query: pincode (unless null), method, format (unless null), then the pairs in order.</summary>
    public static string Query(string? method, string? format, string? pincode, IEnumerable<(string Name, string Value)> pairs)
    {
        var all = new List<(string, string)>();
        if (pincode != null) all.Add(("pincode", pincode));
        if (method != null) all.Add(("method", method));
        if (format != null) all.Add(("format", format));
        all.AddRange(pairs);
        return string.Join("&", all.Select(p => Uri.EscapeDataString(p.Item1).Replace("%5B%5D", "[]") + "=" + Uri.EscapeDataString(p.Item2)));
    }

    public Task<AvidTrakReply> CallAsync(string method, params (string Name, string Value)[] pairs) => CallAsync(method, "json", AgencyPin, pairs);

    public async Task<AvidTrakReply> CallAsync(string? method, string? format, string? pincode, params (string Name, string Value)[] pairs)
    {
        var reply = await GetAsync("?" + Query(method, format, pincode, pairs));
        return reply.Parsed(format == "xml" ? "xml" : "json");
    }

    /// <summary>GET of <paramref name="relative"/> against the script URI (e.g. "?method=…").</summary>
    public async Task<RawReply> GetAsync(string relative, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, new Uri(Base, relative));
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new RawReply((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, text);
    }

    public void Dispose()
    {
        Http.Dispose();
        Sandbox.Dispose();
    }
}

internal sealed record RawReply(int Status, string? MediaType, string Text)
{
    public AvidTrakReply Parsed(string format) => format == "xml" ? AvidTrakReply.FromXml(this) : AvidTrakReply.FromJson(this);

    public override string ToString() => Status + " " + (Text.Length > 600 ? Text[..600] : Text);
}

/// <summary>An envelope as the test reads it: code, status, and data rows as name → text (null data = no rows).</summary>
internal sealed record AvidTrakReply(int HttpStatus, string? MediaType, string Text, string Code, string Status, List<Dictionary<string, string>>? Data)
{
    public List<Dictionary<string, string>> Rows => Data ?? new List<Dictionary<string, string>>();

    public static AvidTrakReply FromJson(RawReply raw)
    {
        using var doc = JsonDocument.Parse(raw.Text);
        var root = doc.RootElement;
        var code = root.GetProperty("code");
        Assert.Equal(JsonValueKind.Number, code.ValueKind);
        List<Dictionary<string, string>>? rows = null;
        var data = root.GetProperty("data");
        if (data.ValueKind == JsonValueKind.Array)
        {
            rows = new List<Dictionary<string, string>>();
            foreach (var row in data.EnumerateArray())
            {
                var d = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var f in row.EnumerateObject())
                {
                    Assert.Equal(JsonValueKind.String, f.Value.ValueKind); // every value a string (docs/wire-avidtrak.md)
                    d[f.Name] = f.Value.GetString()!;
                }
                rows.Add(d);
            }
        }
        else Assert.Equal(JsonValueKind.Null, data.ValueKind);
        return new AvidTrakReply(raw.Status, raw.MediaType, raw.Text, code.GetRawText(), root.GetProperty("status").GetString()!, rows);
    }

    public static AvidTrakReply FromXml(RawReply raw)
    {
        var doc = XDocument.Parse(raw.Text);
        var root = doc.Root!;
        Assert.Equal("response", root.Name.LocalName);
        var data = root.Element("data")!;
        List<Dictionary<string, string>>? rows = null;
        if (data.Elements("row").Any())
            rows = data.Elements("row").Select(r => r.Elements().ToDictionary(e => e.Name.LocalName, e => e.Value, StringComparer.Ordinal)).ToList();
        else Assert.False(data.HasElements);
        return new AvidTrakReply(raw.Status, raw.MediaType, raw.Text, root.Element("code")!.Value, root.Element("status")!.Value, rows);
    }

    /// <summary>Asserts code 1 and returns the rows.</summary>
    public List<Dictionary<string, string>> Ok()
    {
        Assert.True(Code == "1", "expected code 1, got " + this);
        Assert.Equal("Success", Status);
        return Rows;
    }

    /// <summary>Asserts code 0 with a status containing <paramref name="fragment"/> and no data.</summary>
    public void Refused(string fragment)
    {
        Assert.True(Code == "0", "expected code 0, got " + this);
        Assert.Contains(fragment, Status);
        Assert.Null(Data);
    }

    public override string ToString() => Code + " " + Status + " " + (Text.Length > 400 ? Text[..400] : Text);
}

internal static class AvidTrakTestData
{
    public static string Sid(this AvidTrakSandboxState state, string userId, int index) => state.Account(userId)!.Numbers[index].Sid;

    public static IEnumerable<(string, string)> Array(string name, IEnumerable<string> values) => values.Select(v => (name + "[]", v));
}
