using CallTracking.Core.Capabilities;
using CallTracking.Core.Connections;
using CallTracking.Core.Model;
using CallTracking.Core.Providers.Avanser;
using CallTracking.Core.Validation;
using CallTracking.PowerShell.Providers.Avanser;
using CallTracking.Sandbox;
using CallTracking.Sandbox.Avanser;
using CallTracking.Tests.Sandbox;

namespace CallTracking.Tests.Integration;

/// <summary>Get-CallLog's and Save-CallRecording's core on AVANSER (getCDR paged by last_id, getAudio) against the emulator.</summary>
public class AvanserCallLogTests
{
    private static readonly DateTimeOffset From = AvanserSandboxClient.Anchor.AddYears(-1);
    private static readonly DateTimeOffset To = AvanserSandboxClient.Anchor.AddDays(1);

    private static CallTrackingConnection Open(CallTrackingSandbox sandbox, bool tokenFlow = false) => AvanserConnectionTests.Open(sandbox, tokenFlow);

    private static async Task<List<CallRecord>> ListAsync(CallTrackingConnection c, CallLogQuery query)
    {
        var log = c.Capability<ICallLog>("Get-CallLog");
        log.Validate(query);
        var list = new List<CallRecord>();
        await foreach (var r in log.ListCallsAsync(query, null, CancellationToken.None)) list.Add(r);
        return list;
    }

    [Fact]
    public async Task Twenty_thousand_cdrs_are_listed_as_twenty_thousand_distinct_ids_in_ascending_order()
    {
        using var sandbox = new CallTrackingSandbox(AvanserSandboxClient.Options(new AvanserOptions { CallCount = 20_000 }));
        using var c = Open(sandbox);
        var calls = await ListAsync(c, new CallLogQuery { CreatedAfter = From, CreatedBefore = To });
        Assert.Equal(20_000, calls.Count);
        Assert.Equal(20_000, calls.Select(x => x.Id).Distinct().Count());
        var ids = calls.Select(x => long.Parse(x.Id)).ToList();
        Assert.Equal(ids.OrderBy(x => x), ids);
        var cdr = sandbox.Requests.Where(r => r.Operation == "Avanser.getCDR").ToList();
        Assert.Equal(21, cdr.Count); // 20 full pages of 1000, then an empty one says the end
        Assert.Equal("0", cdr[0].Query["last_id"]);
        Assert.Equal(ids[999].ToString(), cdr[1].Query["last_id"]);
        Assert.All(cdr, r => Assert.Equal("1000", r.Query["limit"]));
    }

    [Fact]
    public async Task A_page_size_and_First_stop_early_and_the_pages_follow_each_other_with_no_gap()
    {
        using var sandbox = new CallTrackingSandbox(AvanserSandboxClient.Options(new AvanserOptions { CallCount = 500 }));
        using var c = Open(sandbox);
        var all = await ListAsync(c, new CallLogQuery { CreatedAfter = From, CreatedBefore = To, PageSize = 70 });
        Assert.Equal(500, all.Count);
        Assert.Equal(500, all.Select(x => x.Id).Distinct().Count());
        sandbox.Requests.Clear();
        var first = await ListAsync(c, new CallLogQuery { CreatedAfter = From, CreatedBefore = To, PageSize = 70, First = 75 });
        Assert.Equal(all.Take(75).Select(x => x.Id), first.Select(x => x.Id));
        Assert.Equal(2, sandbox.Requests.Count(r => r.Operation == "Avanser.getCDR"));
    }

    [Fact]
    public async Task A_token_that_expires_mid_listing_is_renewed_with_no_record_lost()
    {
        // Each token serves 3 requests: 12 pages need 4 sign-ins; each expired token is a 401 token_expired, renewed once.
        using var sandbox = new CallTrackingSandbox(AvanserSandboxClient.Options(new AvanserOptions { CallCount = 11_500, TokenRequestLimit = 3 }));
        using var c = Open(sandbox, tokenFlow: true);
        var calls = await ListAsync(c, new CallLogQuery { CreatedAfter = From, CreatedBefore = To });
        Assert.Equal(11_500, calls.Count);
        Assert.Equal(11_500, calls.Select(x => x.Id).Distinct().Count());
        Assert.True(sandbox.Avanser().State.TokensIssued >= 4, "tokens issued: " + sandbox.Avanser().State.TokensIssued);
        Assert.Contains(sandbox.Requests, r => r.Operation == "Avanser.getCDR" && r.StatusCode == 401);
        Assert.Equal(12, sandbox.Requests.Count(r => r.Operation == "Avanser.getCDR" && r.StatusCode == 200));
    }

    [Fact]
    public async Task The_switches_go_on_the_wire_as_yes_flags_and_the_dates_as_utc()
    {
        using var sandbox = new CallTrackingSandbox(AvanserSandboxClient.Options(new AvanserOptions { CallCount = 50 }));
        using var c = Open(sandbox);
        var flags = new AvanserCallLogQuery { Evaluations = true, Features = true, Web = true, Detailed = true, LocalTime = true, Audio = true };
        var start = new DateTimeOffset(2024, 1, 2, 13, 4, 5, TimeSpan.FromHours(10));
        var calls = await ListAsync(c, new CallLogQuery { CreatedAfter = start, CreatedBefore = To, Options = flags });
        var q = sandbox.Requests.First(r => r.Operation == "Avanser.getCDR").Query;
        foreach (var f in new[] { "evaluations", "features", "web", "detailed", "localtime", "wav" }) Assert.Equal("yes", q[f]);
        Assert.Equal("2024-01-02 03:04:05", q["date_from"]);
        Assert.Equal("2024-03-16 12:00:00", q["date_to"]);
        var withAudio = calls.Cast<AvanserCallRecord>().First(x => !string.IsNullOrEmpty(x.RecordingUrl));
        Assert.NotEmpty(withAudio.Evaluations);
        Assert.NotEmpty(withAudio.Features);
        Assert.NotNull(withAudio.UniqueId);
        Assert.NotNull(withAudio.LocalDate);
        Assert.NotNull(withAudio.CreatedAt); // from tz_date
        Assert.Equal(withAudio.UnixTime, withAudio.CreatedAt);
        Assert.True(withAudio.Raw.ContainsKey("webLandning")); // AVANSER's own names kept in Raw

        sandbox.Requests.Clear();
        await ListAsync(c, new CallLogQuery { CreatedAfter = From, CreatedBefore = To, Options = new AvanserCallLogQuery() });
        var plain = sandbox.Requests.First(r => r.Operation == "Avanser.getCDR").Query;
        foreach (var f in new[] { "evaluations", "features", "web", "detailed", "localtime", "wav" }) Assert.False(plain.ContainsKey(f), f);
    }

    [Fact]
    public async Task A_cdr_maps_into_the_shared_call_record()
    {
        using var sandbox = new CallTrackingSandbox(AvanserSandboxClient.Options(new AvanserOptions { CallCount = 20 }));
        using var c = Open(sandbox);
        var calls = (await ListAsync(c, new CallLogQuery { CreatedAfter = From, CreatedBefore = To, Options = new AvanserCallLogQuery { Web = true } })).Cast<AvanserCallRecord>().ToList();
        var x = calls[0];
        var raw = x.Raw;
        Assert.Equal(raw["id"], x.Id);
        Assert.Equal(AvanserApi.ProviderName, x.Provider);
        Assert.StartsWith("+61", x.CalledNumber);
        Assert.Equal(raw["answer_name"], x.TrackingName);
        Assert.Equal(raw["status_name"], x.Status);
        Assert.Equal(TimeSpan.FromSeconds(long.Parse((string)raw["duration"]!)), x.TotalDuration);
        Assert.Equal(raw["custom_id"], x.CustomId);
        Assert.Equal(raw["custom_group"], x.CustomGroup);
        Assert.Equal(raw["location"], x.CallerCity);
        Assert.Equal(DateTimeOffset.Parse((string)raw["date"]! + "Z"), x.CreatedAt);
        Assert.Contains(calls, y => y.Web.Source != null);
    }

    [Fact]
    public async Task Bad_ranges_and_page_sizes_fail_before_anything_is_sent_and_the_webapi_has_no_call_by_id()
    {
        using var sandbox = new CallTrackingSandbox(AvanserSandboxClient.Options());
        using var c = Open(sandbox);
        var log = c.Capability<ICallLog>("Get-CallLog");
        Assert.Throws<CallTrackingArgumentException>(() => log.Validate(new CallLogQuery { CreatedAfter = To, CreatedBefore = From }));
        Assert.Throws<CallTrackingArgumentException>(() => log.Validate(new CallLogQuery { PageSize = 1001 }));
        var byId = await Assert.ThrowsAsync<CallTrackingException>(() => log.GetCallAsync("67640001", CancellationToken.None));
        Assert.Equal(CallTrackingErrorKind.NotSupported, byId.Kind);
        Assert.Empty(sandbox.Requests);
    }

    [Fact]
    public async Task Recordings_are_the_sandboxs_audio_byte_for_byte_and_a_call_without_one_is_not_found()
    {
        using var sandbox = new CallTrackingSandbox(AvanserSandboxClient.Options(new AvanserOptions { CallCount = 40 }));
        using var c = Open(sandbox, tokenFlow: true);
        var calls = await ListAsync(c, new CallLogQuery { CreatedAfter = From, CreatedBefore = To, Options = new AvanserCallLogQuery { Audio = true } });
        var recordings = c.Capability<ICallRecordings>("Save-CallRecording");
        var with = calls.Where(x => !string.IsNullOrEmpty(x.RecordingUrl)).Take(3).ToList();
        Assert.Equal(3, with.Count);
        foreach (var call in with)
        {
            using var r = await recordings.GetRecordingAsync(call.Id, CancellationToken.None);
            using var file = new MemoryStream();
            var written = await r.CopyToAsync(file, TimeSpan.FromSeconds(10), CancellationToken.None);
            Assert.Equal(AvanserCalls.Audio(long.Parse(call.Id)), file.ToArray());
            Assert.Equal(file.Length, written);
            Assert.Equal("audio/wav", r.MediaType);
            Assert.Equal(".wav", r.Extension);
        }
        var without = calls.First(x => x.RecordingUrl is null || x.RecordingUrl.Length == 0);
        var e = await Assert.ThrowsAsync<CallTrackingException>(() => recordings.GetRecordingAsync(without.Id, CancellationToken.None));
        Assert.Equal(CallTrackingErrorKind.NotFound, e.Kind);
        Assert.DoesNotContain(AvanserOptions.DefaultApiSecret, e.Message);
        await Assert.ThrowsAsync<CallTrackingArgumentException>(() => recordings.GetRecordingAsync("x/../1", CancellationToken.None));
    }

    /// <summary>A server that answers getAudio with a recording of <paramref name="size"/> bytes of audio/mpeg, made as it is read.</summary>
    private sealed class BigAudioHandler : HttpMessageHandler
    {
        private readonly long _size;
        private readonly long _announced;
        public BigAudioHandler(long size, long? announced = null) { _size = size; _announced = announced ?? size; }
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new StreamContent(new PatternStream(_size));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("audio/mpeg");
            content.Headers.ContentLength = _announced;
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = content });
        }
    }

    private sealed class PatternStream : Stream
    {
        private readonly long _length;
        private long _position;
        public PatternStream(long length) => _length = length;
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, _length - _position);
            for (var i = 0; i < n; i++) buffer[offset + i] = (byte)((_position + i) % 251);
            _position += n;
            return n;
        }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => _length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task A_recording_larger_than_the_reply_cap_streams_to_its_file_in_one_buffer()
    {
        const long size = 12L * 1024 * 1024; // 12 MB against a 1 MB cap on what is read into memory
        var options = new ConnectionOptions
        {
            Provider = "Avanser", BaseUri = new Uri("https://tapi.example.test/v1/"), MaxResponseBytes = 1024 * 1024,
            Credential = ProviderCredential.FromPlainText("user@example.test", "a-password"), PrimaryHandlerFactory = () => new BigAudioHandler(size),
        };
        options.EndpointBaseUris[AvanserApi.WebApi] = new Uri("https://api.example.test/JSON");
        options.Settings[AvanserApi.ClientIdSetting] = "5995";
        using var c = CallTrackingConnection.Open(options);
        using var recording = await c.Capability<ICallRecordings>("Save-CallRecording").GetRecordingAsync("42", CancellationToken.None);
        Assert.Equal(size, recording.Length);
        Assert.Equal(".mp3", recording.Extension);
        var sink = new CountingStream();
        Assert.Equal(size, await recording.CopyToAsync(sink, TimeSpan.FromSeconds(30), CancellationToken.None));
        Assert.Equal(size, sink.Count);
        Assert.Equal(0, sink.Mismatches);
    }

    [Fact]
    public async Task A_recording_shorter_than_announced_is_the_providers_failure()
    {
        var options = new ConnectionOptions
        {
            Provider = "Avanser", BaseUri = new Uri("https://tapi.example.test/v1/"),
            Credential = ProviderCredential.FromPlainText("user@example.test", "a-password"), PrimaryHandlerFactory = () => new BigAudioHandler(500, announced: 1000),
        };
        options.EndpointBaseUris[AvanserApi.WebApi] = new Uri("https://api.example.test/JSON");
        options.Settings[AvanserApi.ClientIdSetting] = "5995";
        using var c = CallTrackingConnection.Open(options);
        using var recording = await c.Capability<ICallRecordings>("Save-CallRecording").GetRecordingAsync("42", CancellationToken.None);
        var e = await Assert.ThrowsAsync<CallTrackingException>(() => recording.CopyToAsync(new MemoryStream(), TimeSpan.FromSeconds(5), CancellationToken.None));
        Assert.Equal(CallTrackingErrorKind.ProviderFailure, e.Kind);
        Assert.Contains("500 of the 1000 bytes", e.Message);
    }

    private sealed class CountingStream : Stream
    {
        public long Count { get; private set; }
        public long Mismatches { get; private set; }
        public override void Write(byte[] buffer, int offset, int count)
        {
            for (var i = 0; i < count; i++) if (buffer[offset + i] != (byte)((Count + i) % 251)) Mismatches++;
            Count += count;
        }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Count;
        public override long Position { get => Count; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
