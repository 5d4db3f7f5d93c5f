using System.Collections;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using CallTracking.Core.Connections;
using CallTracking.Core.Model;
using CallTracking.Core.Providers.Avanser;

namespace CallTracking.Tests.Core;

/// <summary>
/// AVANSER HTTP callbacks and SMS forwards (issue 8): every tag of the seed's list lands in a typed property; log-line forms;
/// SMS forwards; bad input; the template round-trips.
/// </summary>
public class AvanserCallbackTests
{
    /// <summary>A distinct, well-typed value for every tag (so that each can be found again in its property).</summary>
    internal static string SampleValue(AvanserCallbackTag t, int i)
    {
        var p = t.Property;
        if (p is "ClientId") return "5995";
        if (p is "Id") return "67643772";
        if (p is "StatusCode") return "1";
        if (p is "TotalDuration") return "17";
        if (p is "UnixTime") return "1590476401";
        if (p is "CallDateUtc") return "1590476402";
        if (p is "CreatedAt") return "2020-05-26T17:00:01+1000";
        if (p is "UtcDate") return "2020-05-26 07:00:03";
        if (p is "CallDate") return "26/05/2020";
        if (p is "CallerNumber") return "+61-0290088888";
        if (p is "CalledNumber") return "+61-0289996235";
        if (p is "ConnectedTo") return "+61-0289995916";
        if (p.EndsWith(".E164")) return "+61-04123456" + (10 + i).ToString(CultureInfo.InvariantCulture);
        if (p.StartsWith("Sentiment.") && p is not "Sentiment.TalkMost")
            return p is "Sentiment.HighRisk" or "Sentiment.BadAttitude" or "Sentiment.SlangUsed" or "Sentiment.ProfanityUsed" ? "1" : "0." + (10 + i).ToString(CultureInfo.InvariantCulture);
        if (p is "RecordingUrl" or "Web.Url") return "https://x.example/" + t.Parameter + "?a=1&b=2";
        return "v-" + t.Parameter + " " + i; // a space and an '&'-free text: escaped on the way
    }

    internal static string FullUrl(out Dictionary<string, string> values)
    {
        values = new Dictionary<string, string>();
        var parts = new List<string>();
        var i = 0;
        foreach (var t in AvanserApi.CallbackTagDefinitions)
        {
            var v = SampleValue(t, i++);
            values[t.Parameter] = v;
            parts.Add(t.Parameter + "=" + Uri.EscapeDataString(v));
        }
        return "https://www.client.com.au/avanser/call?" + string.Join("&", parts);
    }

    /// <summary>The value at a definition's property path ("Sentiment.TalkMost", "Features[3].Name").</summary>
    internal static object? Resolve(object record, string path)
    {
        object? current = record;
        foreach (var segment in path.Split('.'))
        {
            if (current is null) return null;
            var name = segment;
            int? index = null;
            var open = segment.IndexOf('[');
            if (open > 0) { name = segment[..open]; index = int.Parse(segment[(open + 1)..segment.IndexOf(']')], CultureInfo.InvariantCulture); }
            current = current.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)!.GetValue(current);
            if (index.HasValue) current = ((IEnumerable<AvanserCallFeature>)current!).Single(f => f.Index == index.Value);
        }
        return current;
    }

    [Fact]
    public void Every_tag_of_the_seed_is_defined_once_with_its_source()
    {
        var tags = AvanserApi.CallbackTagDefinitions.Select(t => t.Tag).ToList();
        Assert.Equal(tags.Count, tags.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(tags.Count, AvanserApi.CallbackTagDefinitions.Select(t => t.Parameter).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(AvanserApi.CallbackTagDefinitions, t => Assert.Matches(@"^\[(seed|notes|assumed)\]", t.Source));
        Assert.All(AvanserApi.SmsForwardFields, t => Assert.StartsWith("[assumed]", t.Source));
        // The seed's full parameter list, read from the seed itself when it is at hand.
        var seed = Path.Combine(Packaging.RepoPaths.Root, "..", "shared", "seeds", "avanser-api-summary.txt");
        var expected = File.Exists(seed)
            ? System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(seed), @"\[\[([^\]]+)\]\]").Select(m => m.Groups[1].Value).Distinct().ToList()
            : new List<string> { "clientid", "callid", "dl:url", "sentiment:profanityUsed", "tag", "curl" };
        foreach (var tag in expected) Assert.Contains(tag, tags.Concat(new[] { "web:usercode", "web:sessioncode" }));
        Assert.Equal(75, AvanserApi.CallbackTags.Count);
    }

    [Fact]
    public void A_URL_with_every_tag_converts_with_no_field_lost()
    {
        var url = FullUrl(out var values);
        var record = Assert.IsType<AvanserCallRecord>(AvanserCallbackParser.TryParse(url, 1, out var error));
        Assert.Null(error);
        foreach (var t in AvanserApi.CallbackTagDefinitions)
        {
            var value = Resolve(record, t.Property);
            Assert.True(value != null, t.Placeholder + " (" + t.Parameter + ") did not land in " + t.Property);
            Assert.Equal(values[t.Parameter], record.Raw[t.Parameter]);
        }
        Assert.Equal("67643772", record.Id);
        Assert.Equal(5995L, record.ClientId);
        Assert.Equal("+61290088888", record.CallerNumber);
        Assert.Equal("+61289996235", record.CalledNumber);
        Assert.Equal("+61289995916", record.ConnectedTo);
        Assert.Equal(TimeSpan.FromSeconds(17), record.TotalDuration);
        Assert.Equal(new DateTimeOffset(2020, 5, 26, 17, 0, 1, TimeSpan.FromHours(10)), record.CreatedAt);
        Assert.Equal(record.CreatedAt + TimeSpan.FromSeconds(17), record.EndedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1590476401), record.UnixTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1590476402), record.CallDateUtc);
        Assert.Equal(new DateTimeOffset(2020, 5, 26, 7, 0, 3, TimeSpan.Zero), record.UtcDate);
        Assert.Equal(new DateTime(2020, 5, 26), record.CallDate);
        Assert.Equal(1, record.StatusCode);
        Assert.Equal(10, record.Features.Count);
        Assert.True(record.Sentiment.HighRisk);
        Assert.IsType<double>(record.Sentiment.Score!.Value);
        Assert.StartsWith("+614123456", record.APartyNumber.E164);
        Assert.Equal("https://x.example/dl_url?a=1&b=2", record.Web.Url);
        Assert.NotNull(record.Analytics.ClientId);
        Assert.Equal(values["custom_id"], record.CustomId);
        Assert.Equal(values["custom_group"], record.CustomGroup);
    }

    [Fact]
    public void Tags_are_read_by_tag_name_too_and_private_callers_are_flagged()
    {
        var r = (AvanserCallRecord)AvanserCallbackParser.TryParse("/cb?callid=9&ani=Private&dl%3Asource=google&sentiment:score=-0.25&web:usercode=111&web:sessioncode=222&tag=AD-7", 3, out _)!;
        Assert.True(r.CallerPrivate);
        Assert.Null(r.CallerNumber);
        Assert.Equal("google", r.Web.Source);
        Assert.Equal(-0.25, r.Sentiment.Score);
        Assert.Equal("111.222", r.Analytics.ClientId);
        Assert.Equal("AD-7", r.CustomId);
        Assert.Equal(3, r.LineNumber);
    }

    [Fact]
    public void A_bad_value_leaves_its_property_empty_and_stays_in_Raw()
    {
        var r = (AvanserCallRecord)AvanserCallbackParser.TryParse("?callid=1&duration=long&tzdate=yesterday&callcode=x&bnum=not-a-number&sentiment:score=high", 1, out _)!;
        Assert.Null(r.TotalDuration);
        Assert.Null(r.CreatedAt);
        Assert.Null(r.StatusCode);
        Assert.Null(r.Sentiment.Score);
        Assert.Equal("not-a-number", r.CalledNumber); // kept as sent, never "corrected"
        Assert.Equal("long", r.Raw["duration"]);
    }

    [Theory]
    [InlineData("203.0.113.9 - - [26/May/2020:17:00:18 +1000] \"GET /avanser/call?callid=42&bnum=%2B61-0289996235 HTTP/1.1\" 200 2")]
    [InlineData("203.0.113.9 - - [26/May/2020:17:00:18 +1000] \"GET /avanser/call?callid=42&bnum=%2B61-0289996235 HTTP/1.1\" 200 2 \"-\" \"AVANSER/1.0\"")]
    [InlineData("2020-05-26T07:00:18Z INFO callback https://www.client.com.au/avanser/call?callid=42&bnum=%2B61-0289996235 received")]
    [InlineData("https://www.client.com.au/avanser/call?callid=42&bnum=%2B61-0289996235")]
    [InlineData("/avanser/call?callid=42&bnum=%2B61-0289996235")]
    [InlineData("2020-05-26 17:00:18 W3SVC1 10.0.0.1 GET /avanser/call?callid=42&bnum=%2B61-0289996235 443 - 203.0.113.9")]
    public void Log_line_forms_convert(string line)
    {
        var r = Assert.IsType<AvanserCallRecord>(AvanserCallbackParser.TryParseLine(line, 7, out var error));
        Assert.Null(error);
        Assert.Equal("42", r.Id);
        Assert.Equal("+61289996235", r.CalledNumber);
        Assert.Equal(7, r.LineNumber);
    }

    [Theory]
    [InlineData("just words")]
    [InlineData("203.0.113.9 - - [26/May/2020:17:00:18 +1000] \"GET /index.html HTTP/1.1\" 200 2")]
    [InlineData("https://www.client.com.au/avanser/call?foo=bar")]
    [InlineData("https://www.client.com.au/avanser/call?callid=[[callid]]")]
    public void Lines_without_a_callback_say_why(string line)
    {
        Assert.Null(AvanserCallbackParser.TryParseLine(line, 1, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void A_hostile_long_line_is_read_in_linear_time()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Null(AvanserCallbackParser.TryParseLine(new string('/', 200_000), 1, out _));
        Assert.Null(AvanserCallbackParser.TryParseLine(string.Concat(Enumerable.Repeat("\"GET /", 40_000)), 1, out _));
        Assert.Null(AvanserCallbackParser.TryParseLine(string.Concat(Enumerable.Repeat("http://a ", 40_000)), 1, out _));
        var r = AvanserCallbackParser.TryParseLine(new string('x', 100_000) + " /cb?callid=5", 1, out _);
        Assert.Equal("5", r!.Id);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "took " + watch.Elapsed);
    }

    [Fact]
    public void An_SMS_forward_is_its_own_object()
    {
        var r = Assert.IsType<AvanserSmsForward>(AvanserCallbackParser.TryParse("/sms?smsid=S1&clientid=5995&ani=0412345678&bnum=%2B61-0491570006&message=Call%20me%20back&tzdate=2020-05-26T17:00:01%2B1000&custom_id=A1", 2, out _));
        Assert.Equal("S1", r.Id);
        Assert.Equal("sms", r.Kind);
        Assert.Equal("+61412345678", r.FromNumber);
        Assert.Equal("+61491570006", r.ToNumber);
        Assert.Equal("Call me back", r.Message);
        Assert.Equal(5995L, r.ClientId);
        Assert.Equal(new DateTimeOffset(2020, 5, 26, 17, 0, 1, TimeSpan.FromHours(10)), r.ReceivedAt);
        Assert.Equal("A1", r.CustomId);
    }

    [Fact]
    public void The_token_is_never_kept()
    {
        var r = (AvanserCallRecord)AvanserCallbackParser.TryParse("https://h/cb?token=S3cr3t-Value&callid=1", 1, out _)!;
        Assert.DoesNotContain("S3cr3t", r.SourceUri);
        Assert.DoesNotContain("S3cr3t", string.Join(",", r.Raw.Values));
        Assert.False(r.Raw.ContainsKey("token"));
        Assert.DoesNotContain("S3cr3t", r.ToString());
    }

    [Fact]
    public void Templates_ask_for_the_tags_and_round_trip()
    {
        var example = AvanserCallbackParser.BuildTemplate(new Uri("https://www.client.com.au/avanser/call"), null);
        Assert.Equal(AvanserApi.CallbackExampleTags.Count, example.Tags.Count);
        Assert.Contains("custom_id=[[tag]]", example.CallbackUri);
        Assert.Contains("custom_group=[[curl]]", example.CallbackUri);
        Assert.Equal(example.CallbackUri, example.ToString());

        var all = AvanserCallbackParser.BuildTemplate(new Uri("https://h.example/cb?token=abc"), AvanserApi.CallbackTags);
        Assert.StartsWith("https://h.example/cb?token=abc&", all.CallbackUri);
        Assert.Contains("ga_clientid=[[web:usercode]].[[web:sessioncode]]", all.CallbackUri);
        foreach (var t in AvanserApi.CallbackTagDefinitions) Assert.Contains(t.Parameter + "=" + t.Placeholder, all.CallbackUri);

        // What AVANSER would call: every placeholder replaced by a value.
        var i = 0;
        var filled = all.CallbackUri;
        foreach (var t in AvanserApi.CallbackTagDefinitions) filled = filled.Replace(t.Parameter + "=" + t.Placeholder, t.Parameter + "=" + Uri.EscapeDataString(SampleValue(t, i++)));
        var record = (AvanserCallRecord)AvanserCallbackParser.TryParse(filled, 1, out _)!;
        foreach (var t in AvanserApi.CallbackTagDefinitions) Assert.True(Resolve(record, t.Property) != null, t.Placeholder + " lost");

        Assert.Throws<CallTracking.Core.Validation.CallTrackingArgumentException>(() => AvanserCallbackParser.BuildTemplate(new Uri("https://h/"), new[] { "nope" }));
        var bad = Assert.Throws<CallTracking.Core.Validation.CallTrackingArgumentException>(() => AvanserCallbackParser.BuildTemplate(new Uri("ftp://h/"), null));
        Assert.Contains("BaseUri", bad.Message);
    }
}
