using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CallTracking.Core.Json;
using CallTracking.Core.Model;
using CallTracking.Core.Providers.AvidTrak;

namespace CallTracking.Tests.Core;

/// <summary>
/// Issue 6, 15 and 16: values a provider's reply carries that do not fit their type. One bad value never ends a listing
/// or loses its page: what cannot be typed stays in Raw as sent (its typed property null), and only a page that is not
/// JSON at all is unreadable (retried, then a ProviderFailure). Values are read strictly with the invariant culture:
/// "12,5" is never 125, "01/02/2026" is never 2 January; a duration of 12.5 or 1e3 seconds and a Unix-epoch date read as
/// what they say.
/// </summary>
public class HostileValueTests
{
    private static readonly TrackDriveParser Parser = new("US");

    /// <summary>UTF-8 of <paramref name="json"/>, each "&lt;XX&gt;" replaced by the byte 0xXX (invalid UTF-8 where wanted).</summary>
    private static byte[] Bytes(string json)
    {
        var bytes = new List<byte>();
        var utf8 = Encoding.UTF8.GetBytes(json);
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'<' && i + 3 < utf8.Length && utf8[i + 3] == (byte)'>')
            {
                bytes.Add(Convert.ToByte(Encoding.ASCII.GetString(utf8, i + 1, 2), 16));
                i += 3;
            }
            else bytes.Add(utf8[i]);
        }
        return bytes.ToArray();
    }

    private static IReadOnlyList<TrackDriveCallRecord> Calls(string json)
        => JsonPages.ReadList(Bytes(json), TrackDriveApi.CallsRoot, Parser.ParseCall).Items;

    private static TrackDriveCallRecord Call(string fields) => Calls("{\"calls\":[{\"id\":1," + fields + "},{\"id\":2}]}")[0];

    private static TrackDriveTrackingNumber Number(string fields)
        => JsonPages.ReadList(Bytes("{\"numbers\":[{\"id\":7," + fields + "},{\"id\":8,\"number\":\"+18005550100\"}]}"), TrackDriveApi.NumbersRoot, Parser.ParseNumber).Items[0];

    // ---- 15: one bad value never ends a listing --------------------------------------------------------------------------

    [Theory]
    [InlineData("total_duration")]
    [InlineData("answered_duration")]
    [InlineData("hold_duration")]
    [InlineData("ivr_duration")]
    public void A_duration_beyond_what_a_TimeSpan_holds_is_kept_raw_and_the_page_is_read(string field)
    {
        var calls = Calls("{\"calls\":[{\"id\":1,\"" + field + "\":1000000000000},{\"id\":2,\"" + field + "\":60}]}");
        Assert.Equal(2, calls.Count);
        Assert.Equal(1000000000000L, calls[0].Raw[field]);
        Assert.Equal(TimeSpan.FromSeconds(60), Duration(calls[1], field));
        Assert.Null(Duration(calls[0], field));
    }

    private static TimeSpan? Duration(TrackDriveCallRecord call, string field) => field switch
    {
        "total_duration" => call.TotalDuration,
        "answered_duration" => call.AnsweredDuration,
        "hold_duration" => call.HoldDuration,
        _ => call.IvrDuration,
    };

    [Fact]
    public void A_report_row_duration_beyond_a_TimeSpan_is_kept_raw()
    {
        var rows = JsonPages.ReadList(Bytes("""{"reports":[{"value":"forwarded","count":1,"total_duration":1000000000000},{"value":"x","total_duration":5}]}"""),
            TrackDriveApi.ReportsRoot, (ref System.Text.Json.Utf8JsonReader r, JsonSource s) => Parser.ParseReportRow(ref r, s, "status")).Items;
        Assert.Null(rows[0].TotalDuration);
        Assert.Equal(1000000000000L, rows[0].Raw["total_duration"]);
        Assert.Equal(TimeSpan.FromSeconds(5), rows[1].TotalDuration);
    }

    [Theory]
    [InlineData("next_cursor")]
    [InlineData("total_count")]
    [InlineData("total_pages")]
    public void Metadata_beyond_a_long_reads_as_unknown_never_as_an_overflow(string key)
    {
        var list = JsonPages.ReadList(Bytes("{\"calls\":[{\"id\":1}],\"metadata\":{\"" + key + "\":99999999999999999999}}"), TrackDriveApi.CallsRoot, Parser.ParseCall);
        Assert.Single(list.Items);
        Assert.Null(JsonValues.MetadataInt64(list.Metadata, key));
        // As text the number is whole (a cursor is a token to send back, not a quantity).
        Assert.Equal("99999999999999999999", JsonValues.MetadataWholeNumber(list.Metadata, key));
    }

    [Theory]
    [InlineData("17", "17")]
    [InlineData("\"17\"", "17")]
    [InlineData("1000.0", "1000")]
    [InlineData("-1", "-1")]
    [InlineData("12.5", null)]
    [InlineData("1e30", null)]
    [InlineData("\"12,5\"", null)]
    [InlineData("\"abc\"", null)]
    [InlineData("null", null)]
    public void A_whole_number_in_metadata_reads_as_its_text(string json, string? expected)
    {
        var list = JsonPages.ReadList(Bytes("{\"calls\":[],\"metadata\":{\"next_cursor\":" + json + "}}"), TrackDriveApi.CallsRoot, Parser.ParseCall);
        Assert.Equal(expected, JsonValues.MetadataWholeNumber(list.Metadata, "next_cursor"));
    }

    [Theory]
    [InlineData("uuid")]
    [InlineData("offer")]            // a repeated value, read through the string cache
    [InlineData("caller_city")]
    [InlineData("status")]
    [InlineData("recording_url")]
    [InlineData("number_called")]    // a phone number
    [InlineData("caller_number")]
    public void A_lone_surrogate_in_a_string_keeps_the_string_raw_as_sent(string field)
    {
        var good = field.EndsWith("number") || field.StartsWith("number") ? "+18005550100" : "Boston";
        var calls = Calls("{\"calls\":[{\"id\":1,\"" + field + "\":\"Bost\\ud800n\"},{\"id\":2,\"" + field + "\":\"" + good + "\"}]}");
        Assert.Equal(2, calls.Count);
        Assert.Equal("Bost\\ud800n", calls[0].Raw[field]); // its JSON text: the escape as it was sent
        Assert.DoesNotContain(field, calls[1].Raw.Keys);
    }

    [Theory]
    [InlineData("uuid")]
    [InlineData("offer")]
    [InlineData("caller_city")]
    [InlineData("hangup_reason")]
    [InlineData("number_called")]
    public void Bytes_that_are_not_UTF8_in_a_string_keep_the_string_raw(string field)
    {
        var calls = Calls("{\"calls\":[{\"id\":1,\"" + field + "\":\"Bost<FF>n\"},{\"id\":2,\"" + field + "\":\"M<C3>\"}]}");
        Assert.Equal(2, calls.Count);
        Assert.Equal("Bost\uFFFDn", calls[0].Raw[field]); // what cannot be decoded shows as U+FFFD
        Assert.Equal("M\uFFFD", calls[1].Raw[field]);
    }

    [Fact]
    public void A_bad_string_leaves_every_other_field_of_its_record_typed()
    {
        var call = Call("\"uuid\":\"\\ud800\",\"offer\":\"Sol<FF>\",\"caller_city\":\"Boston\",\"total_duration\":61,\"buyer_revenue\":1.5");
        Assert.Equal("1", call.Id);
        Assert.Null(call.Uuid);
        Assert.Null(call.Offer);
        Assert.Equal("Boston", call.CallerCity);
        Assert.Equal(TimeSpan.FromSeconds(61), call.TotalDuration);
        Assert.Equal(1.5m, call.Revenue);
        Assert.Equal("\\ud800", call.Raw["uuid"]);
        Assert.Equal("Sol\uFFFD", call.Raw["offer"]);
    }

    [Theory]
    [InlineData("{\"k\":\"\\ud800\"}")]
    [InlineData("{\"\\ud800\":\"v\"}")]
    [InlineData("{\"k\":\"v<FF>\"}")]
    [InlineData("{\"k<FF>\":\"v\"}")]
    [InlineData("[\"\\ud800\"]")]
    [InlineData("[\"x<FF>\"]")]
    public void Token_values_that_do_not_decode_are_kept_raw_as_their_JSON_text(string tokens)
    {
        var call = Call("\"token_values\":" + tokens);
        Assert.Empty(call.TokenValues);
        Assert.IsType<string>(call.Raw["token_values"]);
        var number = Number("\"token_values\":" + tokens);
        Assert.Empty(number.TokenValues);
        Assert.IsType<string>(number.Raw["token_values"]);
    }

    [Fact]
    public void A_name_that_does_not_decode_is_kept_under_its_JSON_text()
    {
        var call = Call("\"x\\ud800\":5,\"y<FF>\":6,\"status\":\"forwarded\"");
        Assert.Equal(5L, call.Raw["x\\ud800"]);
        Assert.Equal(6L, call.Raw["y\uFFFD"]);
        Assert.Equal("forwarded", call.Status);
    }

    [Fact]
    public void A_root_key_or_metadata_that_does_not_decode_never_stops_the_page()
    {
        var list = JsonPages.ReadList(Bytes("""{"\ud800":1,"calls":[{"id":1}],"metadata":{"note":"\ud800","n<FF>":"a<FF>","next_cursor":0}}"""), TrackDriveApi.CallsRoot, Parser.ParseCall);
        Assert.Single(list.Items);
        Assert.Equal("\\ud800", list.Metadata["note"]);
        Assert.Equal("a\uFFFD", list.Metadata["n\uFFFD"]);
        Assert.Equal(1L, list.Metadata["\\ud800"]);
        var info = JsonPages.Scan(Bytes("""{"\ud800":"\ud800","calls":[{"id":1,"uuid":"\ud800"}]}"""), TrackDriveApi.CallsRoot);
        Assert.Equal(1, info.Count);
    }

    [Fact]
    public void A_number_beyond_a_double_is_kept_as_its_text()
    {
        var call = Call("\"future_field\":1e400,\"total_duration\":1e400,\"buyer_revenue\":-1e400");
        Assert.Equal("1e400", call.Raw["future_field"]);
        Assert.Equal("1e400", call.Raw["total_duration"]);
        Assert.Equal("-1e400", call.Raw["buyer_revenue"]);
        Assert.Null(call.TotalDuration);
    }

    [Fact]
    public void A_large_page_read_by_two_threads_keeps_every_record_with_a_bad_value_in_either_half()
    {
        var sb = new StringBuilder("{\"calls\":[");
        for (var i = 0; i < 2000; i++)
        {
            if (i > 0) sb.Append(',');
            var hostile = i % 500 == 7 ? ",\"total_duration\":1000000000000,\"caller_city\":\"\\ud800\",\"offer\":\"<FF>\"" : ",\"total_duration\":60,\"caller_city\":\"Boston\",\"offer\":\"Solar\"";
            sb.Append("{\"id\":").Append(i).Append(",\"uuid\":\"u").Append(i).Append('"').Append(hostile).Append('}');
        }
        sb.Append("],\"metadata\":{\"next_cursor\":99999999999999999999,\"total_count\":99999999999999999999}}");
        var list = JsonPages.ReadList(Bytes(sb.ToString()), TrackDriveApi.CallsRoot, Parser.ParseCall, 2000);
        Assert.Equal(2000, list.Items.Count);
        if (Environment.ProcessorCount > 1) Assert.True(list.Info.ReadInHalves);
        var bad = list.Items.Where(c => c.Raw.Count > 0).ToList();
        Assert.Equal(new[] { "7", "507", "1007", "1507" }, bad.Select(c => c.Id));
        Assert.All(bad, c =>
        {
            Assert.Equal(1000000000000L, c.Raw["total_duration"]);
            Assert.Equal("\\ud800", c.Raw["caller_city"]);
            Assert.Equal("\uFFFD", c.Raw["offer"]);
        });
        Assert.Null(JsonValues.MetadataInt64(list.Metadata, "total_count"));
    }

    [Fact]
    public void Phone_numbers_keep_their_bad_values_raw()
    {
        var n = Number("\"number\":\"+1800\\ud800\",\"name\":\"Main<FF>\",\"offer_id\":99999999999999999999,\"ring_pool_id\":\"12,5\",\"country\":\"\\udfff\"");
        Assert.Equal("7", n.Id);
        Assert.Equal(string.Empty, n.Number);
        Assert.Null(n.Name);
        Assert.Null(n.OfferId);
        Assert.Null(n.RingPoolId);
        Assert.Null(n.Country);
        Assert.Equal("+1800\\ud800", n.Raw["number"]);
        Assert.Equal("Main\uFFFD", n.Raw["name"]);
        Assert.Equal(99999999999999999999m, n.Raw["offer_id"]);
        Assert.Equal("12,5", n.Raw["ring_pool_id"]);
        Assert.Equal("\\udfff", n.Raw["country"]);
    }

    [Fact]
    public void An_AvidTrak_envelope_keeps_values_that_do_not_decode_as_their_text()
    {
        var envelope = AvidTrakEnvelope.Parse(Bytes("""{"code":"\ud800","status":"ok<FF>","data":[{"number":"\ud800","n":1e400,"x<FF>":"y<FF>"}]}"""));
        Assert.Equal("\\ud800", envelope.Code);
        Assert.Equal("ok\uFFFD", envelope.Status);
        var row = Assert.Single(envelope.Rows);
        Assert.Equal("\\ud800", row["number"]);
        Assert.Equal("1e400", row["n"]);
        Assert.Equal("y\uFFFD", row["x\uFFFD"]);
    }

    [Fact]
    public void An_error_body_that_does_not_decode_is_still_read()
    {
        var (code, message) = TrackDriveResponseInterpreter.ReadError(Bytes("""{"\ud800":1,"error":"\ud800","message":"bad<FF>"}"""));
        Assert.Equal("\\ud800", code);
        Assert.Equal("bad\uFFFD", message);
    }

    // ---- 16: strict, invariant values; what does not parse stays raw -----------------------------------------------------

    [Theory]
    [InlineData("60", 600_000_000L)]
    [InlineData("12.5", 125_000_000L)]
    [InlineData("\"12.5\"", 125_000_000L)]
    [InlineData("1e3", 10_000_000_000L)]
    [InlineData("\"1e3\"", 10_000_000_000L)]
    [InlineData("1E+3", 10_000_000_000L)]
    [InlineData("0.0000001", 1L)]                    // one tick
    [InlineData("0", 0L)]
    [InlineData("922337203685", 9_223_372_036_850_000_000L)] // the most whole seconds a TimeSpan holds
    public void A_duration_in_seconds_reads_as_the_number_it_is(string json, long ticks)
    {
        var call = Call("\"total_duration\":" + json);
        Assert.Equal(TimeSpan.FromTicks(ticks), call.TotalDuration);
        Assert.False(call.Raw.ContainsKey("total_duration"));
    }

    [Theory]
    [InlineData("\"12,5\"", "12,5")]
    [InlineData("\"1,000\"", "1,000")]
    [InlineData("\" 12\"", " 12")]
    [InlineData("\"12s\"", "12s")]
    [InlineData("\"00:01:30\"", "00:01:30")]
    [InlineData("\"\"", "")]
    [InlineData("-5", "-5")]
    [InlineData("1e30", "1E+30")]
    [InlineData("922337203686", "922337203686")]     // one second more than a TimeSpan holds
    [InlineData("true", "True")]
    public void A_duration_that_is_not_a_number_of_seconds_stays_raw(string json, string raw)
    {
        var call = Call("\"total_duration\":" + json);
        Assert.Null(call.TotalDuration);
        Assert.Equal(raw, Convert.ToString(call.Raw["total_duration"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("\"12,5\"")]
    [InlineData("\"1,234.50\"")]
    [InlineData("\"$1.50\"")]
    [InlineData("\"12.5 \"")]
    public void Money_with_a_thousands_separator_or_a_symbol_stays_raw(string json)
    {
        var call = Call("\"buyer_revenue\":" + json);
        Assert.Null(call.Revenue);
        Assert.Equal(json.Trim('"'), call.Raw["buyer_revenue"]);
    }

    [Theory]
    [InlineData("12.5", "12.5")]
    [InlineData("\"12.5\"", "12.5")]
    [InlineData("\"-0.25\"", "-0.25")]
    [InlineData("1e3", "1000")]
    [InlineData("\"1e3\"", "1000")]
    public void Money_reads_as_an_invariant_number(string json, string expected)
        => Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Call("\"buyer_revenue\":" + json).Revenue);

    [Theory]
    [InlineData("\"12,5\"")]
    [InlineData("\"1,000\"")]
    [InlineData("12.5")]
    public void A_whole_number_field_never_reads_a_separator_or_a_fraction(string json)
    {
        var call = Call("\"ring_pool_id\":" + json);
        Assert.Null(call.RingPoolId);
        Assert.True(call.Raw.ContainsKey("ring_pool_id"));
    }

    [Theory]
    [InlineData("1764547200", "2025-12-01T00:00:00+00:00")]          // Unix time in seconds
    [InlineData("\"1764547200\"", "2025-12-01T00:00:00+00:00")]
    [InlineData("1764547200000", "2025-12-01T00:00:00+00:00")]       // 13 digits: milliseconds
    [InlineData("\"1764547200123\"", "2025-12-01T00:00:00.123+00:00")]
    [InlineData("999999999", "2001-09-09T01:46:39+00:00")]
    [InlineData("\"2016-01-01T12:25:15.000-05:00\"", "2016-01-01T12:25:15-05:00")]
    [InlineData("\"2016-01-01T12:25:15Z\"", "2016-01-01T12:25:15+00:00")]
    [InlineData("\"2016-01-01T12:25:15-0500\"", "2016-01-01T12:25:15-05:00")]
    [InlineData("\"2016-01-01 12:25:15 -0500\"", "2016-01-01T12:25:15-05:00")]  // the seed's form
    [InlineData("\"2016-01-01 12:25:15 +05:30\"", "2016-01-01T12:25:15+05:30")]
    [InlineData("\"2017-08-17 07:58:10 UTC\"", "2017-08-17T07:58:10+00:00")]
    [InlineData("\"2016-01-01T12:25:15\"", "2016-01-01T12:25:15+00:00")]       // no zone: UTC
    [InlineData("\"2016-01-01 12:25:15\"", "2016-01-01T12:25:15+00:00")]
    [InlineData("\"2016-01-01\"", "2016-01-01T00:00:00+00:00")]
    [InlineData("\"2016-01-01 12:25\"", "2016-01-01T12:25:00+00:00")]
    [InlineData("\"2016-01-01T12:25:15\\u002B01:00\"", "2016-01-01T12:25:15+01:00")] // escaped
    public void A_date_reads_in_an_unambiguous_form(string json, string expected)
    {
        var call = Call("\"created_at\":" + json);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), call.CreatedAt);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset, call.CreatedAt!.Value.Offset);
        Assert.False(call.Raw.ContainsKey("created_at"));
        var number = Number("\"last_call_at\":" + json + ",\"created_at\":" + json);
        Assert.Equal(call.CreatedAt, number.LastCallAt);
        Assert.Equal(call.CreatedAt, number.CreatedAt);
    }

    [Theory]
    [InlineData("\"01/02/2026\"")]
    [InlineData("\"02.01.2026\"")]
    [InlineData("\"Jan 2, 2026\"")]
    [InlineData("\"2 January 2026\"")]
    [InlineData("\"yesterday\"")]
    [InlineData("\"12,5\"")]
    [InlineData("\"2026-1-2\"")]
    [InlineData("\" 2016-01-01T12:25:15Z\"")]
    [InlineData("\"20260102\"")]       // 8 digits: a date written without dashes, or an epoch? neither is guessed
    [InlineData("20260102")]
    [InlineData("\"17645472001\"")]    // 11 and 12 digits: neither seconds nor milliseconds of this era
    [InlineData("176454720012")]
    [InlineData("-1")]
    [InlineData("1764547200.5")]
    [InlineData("true")]
    [InlineData("\"\\ud800\"")]
    public void A_date_in_an_ambiguous_or_unknown_form_stays_raw(string json)
    {
        var call = Call("\"created_at\":" + json);
        Assert.Null(call.CreatedAt);
        Assert.True(call.Raw.ContainsKey("created_at"));
        var number = Number("\"last_call_at\":" + json);
        Assert.Null(number.LastCallAt);
        Assert.True(number.Raw.ContainsKey("last_call_at"));
    }

    // ---- Through the executor: a listing with these values returns every record ------------------------------------------

    private static FakeHandler Page(FakeHandler fake, byte[] body)
        => fake.Enqueue(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } },
        });

    [Fact]
    public async Task A_call_listing_whose_page_carries_hostile_values_returns_every_record_with_Raw_holding_them()
    {
        var fake = new FakeHandler();
        Page(fake, Bytes("""
            {"calls":[
              {"id":1,"uuid":"a","total_duration":1000000000000,"answered_duration":12.5,"caller_city":"\ud800","offer":"Sol<FF>ar"},
              {"id":2,"uuid":"b","total_duration":"1e3","buyer_revenue":"12,5","created_at":1764547200,"ended_at":"01/02/2026"},
              {"id":3,"uuid":"c","token_values":{"k":"\ud800"},"x\ud800":1,"outgoing_webhooks_count":99999999999999999999}
            ],"metadata":{"next_cursor":99999999999999999999,"total_count":99999999999999999999}}
            """));
        Page(fake, Bytes("""{"calls":[{"id":4,"uuid":"d","total_duration":61}],"metadata":{"next_cursor":0,"total_count":4}}"""));
        using var c = TestConnections.TrackDrive(fake);
        var calls = new List<TrackDriveCallRecord>();
        var totals = new List<long?>();
        await foreach (var call in c.TrackDrive().ListCallsAsync(new TrackDriveCallQuery { PerPage = 3 }, p => totals.Add(p.TotalCount))) calls.Add(call);

        Assert.Equal(new[] { "1", "2", "3", "4" }, calls.Select(x => x.Id));
        Assert.Equal(2, fake.Requests.Count); // the huge cursor is a token: sent back as it came
        Assert.Contains("cursor=99999999999999999999", fake.Requests[1].Uri.Query);
        Assert.Equal(new long?[] { null, 4 }, totals);

        Assert.Null(calls[0].TotalDuration);
        Assert.Equal(1000000000000L, calls[0].Raw["total_duration"]);
        Assert.Equal(TimeSpan.FromSeconds(12.5), calls[0].AnsweredDuration);
        Assert.Null(calls[0].CallerCity);
        Assert.Equal("\\ud800", calls[0].Raw["caller_city"]);
        Assert.Null(calls[0].Offer);
        Assert.Equal("Sol\uFFFDar", calls[0].Raw["offer"]);

        Assert.Equal(TimeSpan.FromSeconds(1000), calls[1].TotalDuration);
        Assert.Null(calls[1].Revenue);
        Assert.Equal("12,5", calls[1].Raw["buyer_revenue"]);
        Assert.Equal(new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero), calls[1].CreatedAt);
        Assert.Null(calls[1].EndedAt);
        Assert.Equal("01/02/2026", calls[1].Raw["ended_at"]);

        Assert.Empty(calls[2].TokenValues);
        Assert.Equal("""{"k":"\ud800"}""", calls[2].Raw["token_values"]);
        Assert.Equal(1L, calls[2].Raw["x\\ud800"]);
        Assert.Null(calls[2].OutgoingWebhooksCount);
        Assert.Equal(99999999999999999999m, calls[2].Raw["outgoing_webhooks_count"]);

        Assert.Equal(TimeSpan.FromSeconds(61), calls[3].TotalDuration);
    }

    [Fact]
    public async Task A_number_listing_whose_page_carries_hostile_values_returns_every_record()
    {
        var fake = new FakeHandler();
        Page(fake, Bytes("""
            {"numbers":[
              {"id":7,"number":"+18005550100","name":"\ud800","created_at":"1764547200","offer_id":"12,5"},
              {"id":8,"number":"+1800<FF>","last_call_at":"01/02/2026","ring_pool_id":99999999999999999999}
            ],"metadata":{"total_count":99999999999999999999,"total_pages":99999999999999999999}}
            """));
        using var c = TestConnections.TrackDrive(fake);
        var numbers = new List<TrackDriveTrackingNumber>();
        await foreach (var n in c.TrackDrive().ListPhoneNumbersAsync(new TrackDriveNumberQuery { PerPage = 25 })) numbers.Add(n);

        Assert.Equal(new[] { "7", "8" }, numbers.Select(n => n.Id));
        Assert.Single(fake.Requests); // counts unknown: a short page is the last
        Assert.Equal("\\ud800", numbers[0].Raw["name"]);
        Assert.Equal(new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero), numbers[0].CreatedAt);
        Assert.Equal("12,5", numbers[0].Raw["offer_id"]);
        Assert.Null(numbers[0].OfferId);
        Assert.Equal(string.Empty, numbers[1].Number);
        Assert.Equal("+1800\uFFFD", numbers[1].Raw["number"]);
        Assert.Equal("01/02/2026", numbers[1].Raw["last_call_at"]);
        Assert.Equal(99999999999999999999m, numbers[1].Raw["ring_pool_id"]);
    }

    [Fact]
    public async Task A_page_that_is_not_JSON_is_retried_then_a_ProviderFailure_never_a_dotNET_exception()
    {
        var fake = new FakeHandler { Fallback = _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Bytes("{\"calls\":[{\"id\":1,\"total_duration\":<FF>}]}")) } };
        using var c = TestConnections.TrackDrive(fake, maxRetry: 2);
        var ex = await Assert.ThrowsAsync<CallTrackingException>(async () => { await foreach (var _ in c.TrackDrive().ListCallsAsync(new TrackDriveCallQuery())) { } });
        Assert.Equal(CallTrackingErrorKind.ProviderFailure, ex.Kind);
        Assert.Equal(3, fake.Requests.Count);
    }
}
