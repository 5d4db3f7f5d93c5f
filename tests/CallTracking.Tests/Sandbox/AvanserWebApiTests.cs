using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using CallTracking.Sandbox.Avanser;

namespace CallTracking.Tests.Sandbox;

/// <summary>The AVANSER emulator's WebAPI (token flow, getCDR paged by last_id, getAudio), the data feed in three formats,
/// the callback sender and the request log's redaction (docs/wire-avanser.md).</summary>
public class AvanserWebApiTests
{
    [Fact]
    public async Task The_token_flow_gives_a_token_that_reads_cdrs_and_a_bad_signature_or_key_is_refused()
    {
        using var s = AvanserSandboxClient.Create();
        Assert.Equal(401, (await s.WebAsync("action=getTokenKey&account_id=5995&api_key=wrong")).Status);
        var key = (await s.WebAsync("action=getTokenKey&account_id=5995&api_key=sandbox-api-key")).Json.GetProperty("tokenKey").GetString()!;
        Assert.Equal("invalid_signature", (await s.WebAsync("action=signIn&account_id=5995&signature=" + AvanserSandboxClient.Md5("wrong" + key))).Json.GetProperty("error").GetString());
        var token = await s.SignInAsync();
        var cdr = await s.WebAsync("action=getCDR&limit=5&token=" + token);
        Assert.Equal(200, cdr.Status);
        Assert.Equal(5, cdr.Json.GetProperty("calls").GetArrayLength());
        Assert.Equal(401, (await s.WebAsync("action=getCDR&token=tok-unknown")).Status);
        Assert.Equal(401, (await s.WebAsync("action=getCDR")).Status);
    }

    [Fact]
    public async Task A_token_key_signs_in_once()
    {
        using var s = AvanserSandboxClient.Create();
        var key = (await s.WebAsync("action=getTokenKey&account_id=5995&api_key=sandbox-api-key")).Json.GetProperty("tokenKey").GetString()!;
        var signature = AvanserSandboxClient.Md5(AvanserOptions.DefaultApiSecret + key);
        Assert.Equal(200, (await s.WebAsync("action=signIn&account_id=5995&signature=" + signature)).Status);
        Assert.Equal(401, (await s.WebAsync("action=signIn&account_id=5995&signature=" + signature)).Status);
    }

    [Fact]
    public async Task Basic_with_the_client_id_reads_cdrs_too()
    {
        using var s = AvanserSandboxClient.Create();
        Assert.Equal(200, (await s.WebAsync("action=getCDR&limit=1&client_id=5995", basic: true)).Status);
        Assert.Equal(401, (await s.WebAsync("action=getCDR&limit=1&client_id=1", basic: true)).Status);
        Assert.Equal(401, (await s.WebAsync("action=getCDR&limit=1", basic: true)).Status);
    }

    [Fact]
    public async Task A_token_expires_after_its_lifetime_on_the_sandbox_clock_or_its_request_limit()
    {
        using var s = AvanserSandboxClient.Create(new AvanserOptions { TokenLifetime = TimeSpan.FromMinutes(2) });
        var token = await s.SignInAsync();
        Assert.Equal(200, (await s.WebAsync("action=getCDR&limit=1&token=" + token)).Status);
        s.Sandbox.Clock.Advance(TimeSpan.FromMinutes(2));
        var expired = await s.WebAsync("action=getCDR&limit=1&token=" + token);
        Assert.Equal(401, expired.Status);
        Assert.Equal("token_expired", expired.Json.GetProperty("error").GetString());

        using var limited = AvanserSandboxClient.Create(new AvanserOptions { TokenRequestLimit = 2 });
        var t = await limited.SignInAsync();
        Assert.Equal(200, (await limited.WebAsync("action=getCDR&limit=1&token=" + t)).Status);
        Assert.Equal(200, (await limited.WebAsync("action=getCDR&limit=1&token=" + t)).Status);
        Assert.Equal("token_expired", (await limited.WebAsync("action=getCDR&limit=1&token=" + t)).Json.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Twenty_thousand_cdrs_page_by_last_id_with_no_record_lost_or_repeated()
    {
        using var s = AvanserSandboxClient.Create(new AvanserOptions { CallCount = 20_000 });
        var token = await s.SignInAsync();
        var ids = new List<long>();
        long last = 0;
        for (var page = 0; page < 100; page++)
        {
            var reply = await s.WebAsync("action=getCDR&date_from=2023-01-01&date_to=2024-12-31&limit=1000&last_id=" + last + "&token=" + token);
            Assert.Equal(200, reply.Status);
            var calls = reply.Json.GetProperty("calls").EnumerateArray().Select(c => long.Parse(c.GetProperty("id").GetString()!, CultureInfo.InvariantCulture)).ToList();
            ids.AddRange(calls);
            if (calls.Count < 1000) break;
            last = calls[^1];
            Assert.Equal(last, reply.Json.GetProperty("last_id").GetInt64());
        }
        Assert.Equal(20_000, ids.Count);
        Assert.Equal(20_000, ids.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 20_000).Select(i => 67_640_000L + i), ids); // ascending, no gap
    }

    [Fact]
    public async Task Cdrs_are_deterministic_filtered_by_date_and_carry_the_flagged_fields()
    {
        using var a = AvanserSandboxClient.Create();
        using var b = AvanserSandboxClient.Create();
        var query = "action=getCDR&date_from=2024-03-14&date_to=2024-03-14&web=yes&wav=yes&evaluations=yes&features=yes&detailed=yes&limit=1000&client_id=5995";
        var ra = await a.WebAsync(query, basic: true);
        Assert.Equal(ra.Text, (await b.WebAsync(query, basic: true)).Text);
        var calls = ra.Json.GetProperty("calls").EnumerateArray().ToList();
        Assert.InRange(calls.Count, 65, 100); // 5000 calls over 60 days: ~83 a day
        Assert.All(calls, c => Assert.StartsWith("2024-03-14 ", c.GetProperty("date").GetString()));
        var first = calls[0];
        foreach (var f in new[] { "id", "date", "duration", "answer_number", "answer_name", "target_number", "target_name", "caller_number", "country", "state", "location",
                     "status_code", "status_name", "spooler_id", "label", "type", "custom_id", "custom_group", "webReferrer", "webUrl", "webLandning", "webConversion", "webCampagin",
                     "webKeyword", "webMedium", "webSource", "IP", "IPlocation", "audio", "feat01", "cd_cp01", "unique_id", "tz_date", "u_date", "call_direction" })
            Assert.True(first.TryGetProperty(f, out _), f);
        Assert.Contains(calls, c => c.TryGetProperty("eval_1", out _));
        Assert.Contains(calls, c => c.GetProperty("audio").GetString()!.Contains("action=getAudio&call_id=", StringComparison.Ordinal));

        var plain = (await a.WebAsync("action=getCDR&limit=1&client_id=5995", basic: true)).Json.GetProperty("calls")[0];
        Assert.False(plain.TryGetProperty("webUrl", out _));
        Assert.False(plain.TryGetProperty("audio", out _));
        var local = (await a.WebAsync("action=getCDR&limit=1&localtime=yes&client_id=5995", basic: true)).Json.GetProperty("calls")[0];
        var utc = DateTime.ParseExact(plain.GetProperty("date").GetString()!, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        Assert.Equal(utc.AddHours(10), DateTime.ParseExact(local.GetProperty("date").GetString()!, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        Assert.Equal(400, (await a.WebAsync("action=getCDR&web=maybe&client_id=5995", basic: true)).Status);
        Assert.Equal(400, (await a.WebAsync("action=getCDR&limit=5000&client_id=5995", basic: true)).Status);
        Assert.Equal(400, (await a.WebAsync("action=getCDR&date_from=yesterday&client_id=5995", basic: true)).Status);
        Assert.Equal(400, (await a.WebAsync("action=nothing&client_id=5995", basic: true)).Status);
    }

    [Fact]
    public async Task GetAudio_returns_a_small_deterministic_wav_and_404_for_a_call_without_audio()
    {
        using var s = AvanserSandboxClient.Create();
        var calls = s.Emulator.Calls;
        var withAudio = Enumerable.Range(1, 200).Select(i => calls.Get(i)).First(c => c.HasAudio);
        var without = Enumerable.Range(1, 200).Select(i => calls.Get(i)).First(c => !c.HasAudio);
        var token = await s.SignInAsync();
        var audio = await s.WebAsync("action=getAudio&call_id=" + withAudio.Id + "&token=" + token);
        Assert.Equal(200, audio.Status);
        Assert.Equal("audio/wav", audio.MediaType);
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(audio.Bytes, 0, 4));
        Assert.Equal("WAVE", System.Text.Encoding.ASCII.GetString(audio.Bytes, 8, 4));
        Assert.Equal(AvanserCalls.Audio(withAudio.Id), audio.Bytes);
        Assert.Equal(404, (await s.WebAsync("action=getAudio&call_id=" + without.Id + "&token=" + token)).Status);
        Assert.Equal(404, (await s.WebAsync("action=getAudio&call_id=1&token=" + token)).Status);
        Assert.Equal(400, (await s.WebAsync("action=getAudio&call_id=x&token=" + token)).Status);
    }

    [Fact]
    public async Task The_data_feed_gives_the_same_records_in_json_csv_and_xml_with_the_seeds_fields()
    {
        using var s = AvanserSandboxClient.Create();
        var json = await s.SendAsync(HttpMethod.Get, new Uri(s.Feed, "calls.json"));
        var csv = await s.SendAsync(HttpMethod.Get, new Uri(s.Feed, "calls.csv"));
        var xml = await s.SendAsync(HttpMethod.Get, new Uri(s.Feed, "calls.xml"));
        Assert.All(new[] { json, csv, xml }, r => Assert.Equal(200, r.Status));
        Assert.Equal(401, (await s.SendAsync(HttpMethod.Get, new Uri(s.Feed, "calls.json"), basic: false)).Status);
        Assert.Equal(404, (await s.SendAsync(HttpMethod.Get, new Uri(s.Feed, "calls.pdf"))).Status);

        var fromJson = json.Json.EnumerateArray().Select(o => o.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Null ? "" : p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText())).ToList();
        Assert.InRange(fromJson.Count, 65, 100); // a day of 5000 calls over 60 days
        var seedFields = new[] { "call_audio_url", "call_connection_duration", "call_direction", "call_duration", "call_end_time", "call_has_audio", "call_id", "call_is_artic", "call_local_time",
            "call_param_01", "call_param_02", "call_param_03", "call_param_04", "call_param_05", "call_param_06", "call_param_07", "call_param_08", "call_param_09",
            "call_start_time", "call_status", "call_status_code", "call_talk_duration", "call_timezone", "call_tz_end_time", "call_tz_start_time", "call_u_end_time", "call_u_start_time",
            "call_unique_id", "caller_country", "caller_location", "caller_number", "caller_state", "client_id", "custom_group", "custom_id", "private_reference", "target_name",
            "target_number", "tracking_master_id", "tracking_name", "tracking_notes", "tracking_number", "tracking_wpc_id" };
        Assert.Equal(seedFields, fromJson[0].Keys);
        var first = json.Json[0];
        Assert.Equal(JsonValueKind.Number, first.GetProperty("call_id").ValueKind);
        Assert.Equal(JsonValueKind.Number, first.GetProperty("call_param_07").ValueKind);
        Assert.Equal(JsonValueKind.String, first.GetProperty("call_param_08").ValueKind);
        Assert.Equal(JsonValueKind.Null, first.GetProperty("private_reference").ValueKind);
        Assert.Equal("Australia/Sydney", first.GetProperty("call_timezone").GetString());
        var unix = first.GetProperty("call_u_start_time").GetInt64();
        var tz = DateTimeOffset.ParseExact(first.GetProperty("call_tz_start_time").GetString()!, "yyyy-MM-dd'T'HH:mm:sszzz".Replace("zzz", "zzz"), CultureInfo.InvariantCulture, DateTimeStyles.None);
        Assert.Equal(unix, tz.ToUnixTimeSeconds());
        Assert.Equal(tz.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), first.GetProperty("call_start_time").GetString());

        var lines = csv.Text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        Assert.Equal(seedFields, header);
        var fromCsv = lines.Skip(1).Select(l => SplitCsv(l)).Select(v => header.Zip(v).ToDictionary(p => p.First, p => p.Second)).ToList();
        var fromXml = XDocument.Parse(xml.Text).Root!.Elements("call").Select(c => c.Elements().ToDictionary(e => e.Name.LocalName, e => e.Value)).ToList();
        Assert.Equal(fromJson.Count, fromCsv.Count);
        Assert.Equal(fromJson.Count, fromXml.Count);
        for (var i = 0; i < fromJson.Count; i++)
        {
            Assert.Equal(fromJson[i], fromCsv[i]);
            Assert.Equal(fromJson[i], fromXml[i]);
        }
    }

    private static List<string> SplitCsv(string line)
    {
        var values = new List<string>();
        var sb = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else sb.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { values.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(ch);
        }
        values.Add(sb.ToString());
        return values;
    }

    [Fact]
    public async Task The_callback_sender_sends_call_callbacks_with_every_seed_tag_and_sms_forwards()
    {
        using var s = AvanserSandboxClient.Create();
        var sent = await s.Emulator.SendCallCallbacksAsync(new Uri("https://client.example/avanser/call"), 3);
        Assert.Equal(3, sent.Count);
        Assert.All(sent, r => Assert.Equal(200, r.StatusCode));
        var received = s.Sink.Received;
        Assert.Equal(3, received.Count);
        var query = System.Web.HttpUtility.ParseQueryString(received[0].Url.Query);
        foreach (var (name, _) in AvanserCalls.FullTagList) Assert.NotNull(query[name]);
        Assert.Equal("5995", query["clientid"]);
        Assert.Equal(3, received.Select(r => System.Web.HttpUtility.ParseQueryString(r.Url.Query)["callid"]).Distinct().Count());

        await s.Emulator.SendCallCallbacksAsync(new Uri("https://client.example/c?callid=[[callid]]&custom_id=[[tag]]&custom_group=[[curl]]&ani=[[ani]]"), 1);
        var templated = System.Web.HttpUtility.ParseQueryString(s.Sink.Received[3].Url.Query);
        Assert.Equal(s.Emulator.Calls.Get(s.Emulator.Calls.Count).Id.ToString(CultureInfo.InvariantCulture), templated["callid"]);
        Assert.Equal(4, templated.Count);

        var sms = await s.Emulator.SendSmsForwardsAsync(new Uri("https://client.example/sms?token=abc"), 2);
        Assert.Equal(2, sms.Count);
        var forward = System.Web.HttpUtility.ParseQueryString(s.Sink.Received[4].Url.Query);
        foreach (var name in new[] { "token", "smsid", "clientid", "bnum", "ani", "message", "tzdate", "unixtime", "custom_id", "custom_group" }) Assert.NotNull(forward[name]);
        Assert.DoesNotContain("abc", s.Sandbox.Callbacks.Sent[4].Url); // the token is a secret name: redacted in the record
    }

    [Fact]
    public async Task The_request_log_never_shows_the_api_key_signature_token_or_password()
    {
        using var s = AvanserSandboxClient.Create();
        var token = await s.SignInAsync();
        await s.WebAsync("action=getCDR&limit=1&token=" + token);
        await s.TelcoAsync(HttpMethod.Get, "services");
        var log = string.Join("\n", s.Sandbox.Requests.Select(r => r + " " + string.Join("&", r.Query.Select(q => q.Key + "=" + q.Value)) + " " + r.Body));
        Assert.DoesNotContain("sandbox-api-key", log);
        Assert.DoesNotContain(token, log);
        Assert.DoesNotContain("sandbox-password", log);
        Assert.Contains("Avanser.getCDR", s.Sandbox.Requests.Select(r => r.Operation));
        Assert.Contains("Avanser.signIn", s.Sandbox.Requests.Select(r => r.Operation));
        Assert.Contains("Avanser.ListServices", s.Sandbox.Requests.Select(r => r.Operation));
        var signIn = s.Sandbox.Requests.First(r => r.Operation == "Avanser.signIn");
        Assert.Equal("***", signIn.Query["signature"]);
    }
}
