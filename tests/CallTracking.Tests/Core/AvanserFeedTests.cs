using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using CallTracking.Core.Providers.Avanser;
using CallTracking.Core.Validation;
using CallTracking.Tests.Packaging;

namespace CallTracking.Tests.Core;

/// <summary>
/// The AVANSER data feed (issue 8, "Data feeds"): the seed's JSON example (tests/data/avanser-feed/seed-feed.json, with a
/// second hand-made row) parses field for field, its CSV and XML equivalents give equal records, 100,000 generated rows
/// stream with bounded memory, and bad input is a clear error naming the row.
/// </summary>
public class AvanserFeedTests
{
    internal static string DataFile(string name) => Path.Combine(RepoPaths.Root, "tests", "data", "avanser-feed", name);

    private static List<AvanserFeedItem> ReadFile(string name, AvanserFeedFormat? format = null)
    {
        using var stream = File.OpenRead(DataFile(name));
        return AvanserFeedReader.Read(stream, format, null, name, out _, out _).ToList();
    }

    private static List<AvanserFeedCallRecord> Records(string name) => ReadFile(name).Select(i => i.Record ?? throw new Xunit.Sdk.XunitException(i.Error)).ToList();

    private static AvanserFeedItem[] ReadText(string text, AvanserFeedFormat? format = null)
        => AvanserFeedReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), format, null, null, out _, out _).ToArray();

    [Fact]
    public void The_seeds_example_parses_field_for_field()
    {
        var r = Records("seed-feed.json")[0];
        var sydney = TimeSpan.FromHours(10);
        Assert.Equal("Avanser", r.Provider);
        Assert.Equal("67643772", r.Id);
        Assert.Null(r.RecordingUrl);                                                       // call_audio_url ""
        Assert.Equal(TimeSpan.FromSeconds(1), r.ConnectionDuration);                       // call_connection_duration
        Assert.Equal("call-in", r.Direction);                                              // call_direction
        Assert.Equal(TimeSpan.FromSeconds(17), r.TotalDuration);                           // call_duration
        Assert.Equal(new DateTimeOffset(2020, 5, 26, 17, 0, 18, sydney), r.LocalEndTime);  // call_end_time + call_timezone
        Assert.Equal(sydney, r.LocalEndTime!.Value.Offset);
        Assert.False(r.HasAudio);                                                          // call_has_audio
        Assert.False(r.IsArtic);                                                           // call_is_artic
        Assert.Equal(new DateTimeOffset(2020, 5, 26, 17, 0, 1, sydney), r.LocalTime);      // call_local_time
        Assert.Equal(new[] { "0", "0", "0", "0", "0", "0", "0", null, null }, r.CallParameters); // call_param_01…09
        Assert.Equal(new DateTimeOffset(2020, 5, 26, 17, 0, 1, sydney), r.LocalStartTime); // call_start_time
        Assert.Equal(sydney, r.LocalStartTime!.Value.Offset);
        Assert.Equal("Missed", r.Status);                                                  // call_status
        Assert.Equal(1, r.StatusCode);                                                     // call_status_code
        Assert.Equal(TimeSpan.FromSeconds(16), r.AnsweredDuration);                        // call_talk_duration
        Assert.Equal("Australia/Sydney", r.TimeZone);                                      // call_timezone
        Assert.Equal(new DateTimeOffset(2020, 5, 26, 17, 0, 18, sydney), r.EndedAt);       // call_tz_end_time
        Assert.Equal(sydney, r.EndedAt!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2020, 5, 26, 17, 0, 1, sydney), r.CreatedAt);      // call_tz_start_time
        Assert.Equal(sydney, r.CreatedAt!.Value.Offset);
        Assert.Equal(1590476418, r.UnixEndTime!.Value.ToUnixTimeSeconds());                // call_u_end_time
        Assert.Equal(1590476401, r.UnixTime!.Value.ToUnixTimeSeconds());                   // call_u_start_time
        Assert.Equal(r.CreatedAt, r.UnixTime);                                             // the three forms agree
        Assert.Equal(r.EndedAt, r.UnixEndTime);
        Assert.Equal("ECS8-1590476401.423578", r.UniqueId);                                // call_unique_id
        Assert.Equal("AU", r.CallerCountry);                                               // caller_country
        Assert.Equal("Sydney", r.CallerCity);                                              // caller_location
        Assert.Equal("+61290088888", r.CallerNumber);                                      // caller_number, E.164
        Assert.False(r.CallerPrivate);
        Assert.Equal("NSW", r.CallerState);                                                // caller_state
        Assert.Equal(5995, r.ClientId);                                                    // client_id
        Assert.Null(r.CustomGroup);                                                        // custom_group ""
        Assert.Null(r.CustomId);                                                           // custom_id ""
        Assert.Null(r.PrivateReference);                                                   // private_reference null
        Assert.Equal("Target Name", r.TargetName);                                         // target_name
        Assert.Equal("+61289995916", r.ConnectedTo);                                       // target_number, E.164
        Assert.Equal(0, r.TrackingMasterId);                                               // tracking_master_id
        Assert.Equal("Tracking Service Name", r.TrackingName);                             // tracking_name
        Assert.Null(r.TrackingNotes);                                                      // tracking_notes ""
        Assert.Equal("+61289996235", r.CalledNumber);                                      // tracking_number, E.164
        Assert.Equal(0, r.TrackingWpcId);                                                  // tracking_wpc_id
        Assert.Equal(1, r.RowNumber);
        Assert.False(r.InProgress);

        // Raw: every field by its feed name, whole numbers as long, text as text, empty/null as null.
        Assert.Equal(AvanserApi.FeedFields.Select(f => f.Name).OrderBy(n => n), r.Raw.Keys.OrderBy(n => n));
        Assert.Equal(67643772L, r.Raw["call_id"]);
        Assert.Equal(1590476401L, r.Raw["call_u_start_time"]);
        Assert.Equal(0L, r.Raw["call_has_audio"]);
        Assert.Equal("0", r.Raw["call_param_01"]);
        Assert.Equal("+61-0290088888", r.Raw["caller_number"]);
        Assert.Null(r.Raw["private_reference"]);
        Assert.Null(r.Raw["custom_id"]);
    }

    [Fact]
    public void Every_field_of_the_definitions_lands_in_a_property()
    {
        // The second row sets every field to a non-empty value: each field's property is then set.
        var r = Records("seed-feed.json")[1];
        Assert.Equal("https://api.avanser.com/JSON?action=getAudio&call_id=67643773", r.RecordingUrl);
        Assert.True(r.HasAudio);
        Assert.Equal(new[] { "2", "0", "0", "0", "0", "0", "1", "Sales, \"priority\"", "web" }, r.CallParameters);
        Assert.Equal("Spring <sale> & more", r.CustomGroup);
        Assert.Equal("ad-42", r.CustomId);
        Assert.Equal("PO 7731", r.PrivateReference);
        Assert.Equal("line one\nline two", r.TrackingNotes);
        Assert.Equal(12, r.TrackingMasterId);
        Assert.Equal(7, r.TrackingWpcId);
        Assert.Equal("+61412345678", r.CallerNumber);
        Assert.Equal(TimeSpan.FromSeconds(122), r.AnsweredDuration);
        foreach (var f in AvanserApi.FeedFields)
        {
            var property = f.Property.StartsWith("CallParameters[", StringComparison.Ordinal) ? "CallParameters" : f.Property;
            var p = typeof(AvanserFeedCallRecord).GetProperty(property);
            Assert.True(p != null, f.Name + " maps to " + f.Property + ", which AvanserFeedCallRecord does not have");
            Assert.True(p!.GetValue(r) != null, f.Name + " → " + f.Property + " is not set");
            Assert.Contains(f.Source, new[] { "[seed]", "[notes]", "[assumed]" });
        }
    }

    [Fact]
    public void Json_csv_and_xml_give_equal_records()
    {
        var json = Records("seed-feed.json").Select(Describe).ToList();
        var csv = Records("seed-feed.csv").Select(Describe).ToList();
        var xml = Records("seed-feed.xml").Select(Describe).ToList();
        Assert.Equal(2, json.Count);
        Assert.Equal(json, csv);
        Assert.Equal(json, xml);
    }

    [Fact]
    public void Auto_decides_from_content_type_extension_and_first_byte()
    {
        Assert.Equal(AvanserFeedFormat.Json, AvanserFeedReader.FromContentType("application/json; charset=utf-8"));
        Assert.Equal(AvanserFeedFormat.Csv, AvanserFeedReader.FromContentType("text/csv"));
        Assert.Equal(AvanserFeedFormat.Xml, AvanserFeedReader.FromContentType("application/xml; charset=utf-8"));
        Assert.Null(AvanserFeedReader.FromContentType("application/octet-stream"));
        Assert.Equal(AvanserFeedFormat.Xml, AvanserFeedReader.FromName("/feed/calls.xml"));
        Assert.Equal(AvanserFeedFormat.Csv, AvanserFeedReader.FromName("C:\\feeds\\calls.CSV"));
        foreach (var name in new[] { "seed-feed.json", "seed-feed.csv", "seed-feed.xml" })
        {
            // No name, no type: the first character decides (a byte order mark and white space before it are skipped).
            var lead = name.EndsWith(".xml", StringComparison.Ordinal) ? new byte[] { 0xEF, 0xBB, 0xBF } : new byte[] { 0xEF, 0xBB, 0xBF, (byte)'\n', (byte)' ' };
            var bytes = lead.Concat(File.ReadAllBytes(DataFile(name))).ToArray();
            var items = AvanserFeedReader.Read(new MemoryStream(bytes), null, null, null, out var chosen, out var how).ToList();
            Assert.Equal(Path.GetExtension(name).TrimStart('.'), chosen.ToString(), ignoreCase: true);
            Assert.Contains("first character", how);
            Assert.Equal(Records("seed-feed.json").Select(Describe), items.Select(i => Describe(i.Record!)));
        }
        // The Content-Type wins over the extension; -Format over both.
        using (var s = File.OpenRead(DataFile("seed-feed.csv")))
        {
            AvanserFeedReader.Read(s, null, "text/csv", "calls.json", out var chosen, out _);
            Assert.Equal(AvanserFeedFormat.Csv, chosen);
            AvanserFeedReader.Read(s, AvanserFeedFormat.Xml, "text/csv", "calls.json", out chosen, out _);
            Assert.Equal(AvanserFeedFormat.Xml, chosen);
        }
    }

    [Fact]
    public void An_unknown_format_is_refused_by_name()
    {
        var ex = Assert.Throws<CallTrackingArgumentException>(() => AvanserFeedReader.ParseFormat("Yaml"));
        Assert.Contains("Format", ex.Message);
        Assert.Contains("Json, Csv, Xml", ex.Message);
        Assert.Null(AvanserFeedReader.ParseFormat("auto"));
        Assert.Equal(AvanserFeedFormat.Csv, AvanserFeedReader.ParseFormat("csv"));
    }

    [Fact]
    public void Malformed_json_names_the_row_after_the_rows_before_it()
    {
        var text = "[{\"call_id\": 1}, {\"call_id\": 2}, {\"call_id\": 3,, \"x\": 1}, {\"call_id\": 4}]";
        var seen = new List<string>();
        var ex = Assert.Throws<AvanserFeedFormatException>(() =>
        {
            foreach (var item in AvanserFeedReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), AvanserFeedFormat.Json)) seen.Add(item.Record!.Id);
        });
        Assert.Equal(new[] { "1", "2" }, seen);
        Assert.Equal(3, ex.RowNumber);
        Assert.Contains("row 3", ex.Message);
        // Cut off in the middle of a row.
        var cut = Assert.Throws<AvanserFeedFormatException>(() => ReadText("[{\"call_id\": 1}, {\"call_id\": 2, \"call_status\": \"Mis", AvanserFeedFormat.Json));
        Assert.Equal(2, cut.RowNumber);
        Assert.Throws<AvanserFeedFormatException>(() => ReadText("", AvanserFeedFormat.Json));
        Assert.Throws<AvanserFeedFormatException>(() => ReadText("42", AvanserFeedFormat.Json));
    }

    [Fact]
    public void A_row_that_is_not_a_record_is_an_error_and_the_others_are_read()
    {
        var json = ReadText("[{\"call_id\": 1}, 7, {\"call_status\": \"Missed\"}, {\"call_id\": 4}]", AvanserFeedFormat.Json);
        Assert.Equal(new[] { "1", null, null, "4" }, json.Select(i => i.Record?.Id));
        Assert.Contains("Row 2", json[1].Error);
        Assert.Contains("Row 3", json[2].Error);
        Assert.Contains("call_id", json[2].Error);

        var csv = ReadText("call_id,call_status\r\n1,Missed\r\n2,Missed,extra\r\n3,Answered\r\n", AvanserFeedFormat.Csv);
        Assert.Equal(new[] { "1", null, "3" }, csv.Select(i => i.Record?.Id));
        Assert.Contains("Row 2", csv[1].Error);
        Assert.Contains("line 3", csv[1].Error);
        Assert.Contains("3 cells; the header has 2", csv[1].Error);

        var noId = Assert.Throws<AvanserFeedFormatException>(() => ReadText("a,b\r\n1,2\r\n", AvanserFeedFormat.Csv));
        Assert.Contains("call_id", noId.Message);

        var xml = "<calls><call><call_id>1</call_id></call><call><call_id>2</call_id><call_status>Missed</call_stat></call></calls>";
        var seen = new List<string>();
        var bad = Assert.Throws<AvanserFeedFormatException>(() => { foreach (var i in ReadText(xml, AvanserFeedFormat.Xml)) seen.Add(i.Record!.Id); });
        Assert.Equal(2, bad.RowNumber);
        Assert.Contains("row 2", bad.Message);
    }

    [Fact]
    public void A_value_that_does_not_read_as_its_type_leaves_the_property_null_and_stays_in_raw()
    {
        var r = ReadText("[{\"call_id\": 9, \"call_duration\": \"x7\", \"call_tz_start_time\": \"soon\", \"tracking_number\": \"12\", \"extra\": 5}]")[0].Record!;
        Assert.Null(r.TotalDuration);
        Assert.Equal("x7", r.Raw["call_duration"]);
        Assert.Null(r.CreatedAt);
        Assert.Equal("5", r.Raw["extra"]); // a field the seed does not show: kept as text
    }

    [Fact]
    public void Local_times_take_the_zones_offset_of_their_date()
    {
        // Sydney is +11:00 in January (daylight saving); the local time reads with it even without a tz form.
        var r = ReadText("[{\"call_id\": 1, \"call_timezone\": \"Australia/Sydney\", \"call_start_time\": \"2021-01-15 09:00:00\"}]")[0].Record!;
        Assert.Equal(new DateTimeOffset(2021, 1, 15, 9, 0, 0, TimeSpan.FromHours(11)), r.LocalStartTime);
        Assert.Equal(TimeSpan.FromHours(11), r.LocalStartTime!.Value.Offset);
        // An unknown zone: the tz form's offset.
        var u = ReadText("[{\"call_id\": 1, \"call_timezone\": \"Nowhere/Else\", \"call_start_time\": \"2021-01-15 09:00:00\", \"call_tz_start_time\": \"2021-01-15T09:00:00+0530\"}]")[0].Record!;
        Assert.Equal(TimeSpan.FromMinutes(330), u.LocalStartTime!.Value.Offset);
    }

    // ---- Streaming -------------------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(AvanserFeedFormat.Json)]
    [InlineData(AvanserFeedFormat.Csv)]
    [InlineData(AvanserFeedFormat.Xml)]
    public void A_100000_row_feed_streams_with_bounded_memory(AvanserFeedFormat format)
    {
        const int rows = 100_000;
        using var feed = new GeneratedFeed(format, rows);
        GC.Collect();
        var before = GC.GetTotalMemory(true);
        long count = 0, firstAt = -1, peak = 0;
        string? lastId = null;
        foreach (var item in AvanserFeedReader.Read(feed, format))
        {
            Assert.True(item.Record != null, item.Error);
            count++;
            lastId = item.Record!.Id;
            if (count == 1) firstAt = feed.Produced;
            if (count % 25_000 == 0) peak = Math.Max(peak, GC.GetTotalMemory(true) - before);
        }
        Assert.Equal(rows, count);
        Assert.Equal((1_000_000 + rows - 1).ToString(CultureInfo.InvariantCulture), lastId);
        // The first record came after one buffer or so, not after the whole feed (20 to 100 MB).
        Assert.True(firstAt < 512 * 1024, "the first record came after " + firstAt + " of " + feed.Produced + " bytes");
        Assert.True(feed.Produced > 20_000_000, "the feed was only " + feed.Produced + " bytes");
        // Keeping every record would take hundreds of MB (100,000 records of ~2 KB); the bound leaves room for the other
        // tests that allocate in parallel on the same process-wide heap.
        Assert.True(peak < 128 * 1024 * 1024, "memory grew by " + peak + " bytes while reading");
    }

    /// <summary>A feed of n rows like the seed's, produced as it is read (never in memory whole); counts what was read.</summary>
    private sealed class GeneratedFeed : CallTracking.Core.Http.ReadOnlyStream
    {
        private readonly AvanserFeedFormat _format;
        private readonly int _rows;
        private int _next = -1;
        private byte[] _chunk = Array.Empty<byte>();
        private int _at;
        private bool _done;

        public GeneratedFeed(AvanserFeedFormat format, int rows) { _format = format; _rows = rows; }

        public long Produced => BytesRead;

        private static readonly string[] Names = AvanserApi.FeedFields.Select(f => f.Name).ToArray();

        private string[] Values(int i)
        {
            var id = (1_000_000 + i).ToString(CultureInfo.InvariantCulture);
            var start = 1590476401L + i * 60;
            return Names.Select(n => n switch
            {
                "call_id" => id,
                "call_u_start_time" => start.ToString(CultureInfo.InvariantCulture),
                "call_u_end_time" => (start + 17).ToString(CultureInfo.InvariantCulture),
                "call_tz_start_time" => DateTimeOffset.FromUnixTimeSeconds(start).ToOffset(TimeSpan.FromHours(10)).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "+1000",
                "call_start_time" or "call_local_time" => DateTimeOffset.FromUnixTimeSeconds(start).ToOffset(TimeSpan.FromHours(10)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                "call_timezone" => "Australia/Sydney",
                "caller_number" => "+61-02900" + (i % 100000).ToString("00000", CultureInfo.InvariantCulture),
                "tracking_number" or "target_number" => "+61-0289996235",
                "call_status" => "Missed",
                "call_unique_id" => "ECS8-" + start + "." + i,
                "tracking_name" => "Tracking Service Name",
                "call_param_08" or "call_param_09" or "custom_id" or "custom_group" or "private_reference" or "call_audio_url" or "tracking_notes" => "",
                _ => "1",
            }).ToArray();
        }

        private string Piece(int n)
        {
            var sb = new StringBuilder();
            if (n == -1)
            {
                return _format switch
                {
                    AvanserFeedFormat.Json => "[",
                    AvanserFeedFormat.Csv => string.Join(",", Names) + "\r\n",
                    _ => "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<calls>\n",
                };
            }
            if (n == _rows) return _format switch { AvanserFeedFormat.Json => "]", AvanserFeedFormat.Csv => "", _ => "</calls>\n" };
            var v = Values(n);
            switch (_format)
            {
                case AvanserFeedFormat.Json:
                    if (n > 0) sb.Append(",\n");
                    sb.Append('{');
                    for (var k = 0; k < Names.Length; k++)
                    {
                        if (k > 0) sb.Append(',');
                        var number = v[k].Length > 0 && v[k].All(char.IsDigit);
                        sb.Append('"').Append(Names[k]).Append("\":").Append(number ? v[k] : "\"" + v[k] + "\"");
                    }
                    sb.Append('}');
                    break;
                case AvanserFeedFormat.Csv:
                    sb.Append(string.Join(",", v)).Append("\r\n");
                    break;
                default:
                    sb.Append("<call>");
                    for (var k = 0; k < Names.Length; k++) sb.Append('<').Append(Names[k]).Append('>').Append(v[k]).Append("</").Append(Names[k]).Append('>');
                    sb.Append("</call>\n");
                    break;
            }
            return sb.ToString();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            while (_at == _chunk.Length)
            {
                if (_done) return 0;
                if (_next > _rows) { _done = true; return 0; }
                _chunk = Encoding.UTF8.GetBytes(Piece(_next));
                _next++;
                _at = 0;
            }
            var n = Math.Min(count, _chunk.Length - _at);
            Buffer.BlockCopy(_chunk, _at, buffer, offset, n);
            _at += n;
            BytesRead += n;
            return n;
        }
    }

    // ---- Comparing records --------------------------------------------------------------------------------------------------

    /// <summary>Every public property of a record, nested objects and lists included, as text (dates with their offset).</summary>
    internal static string Describe(object? value)
    {
        var sb = new StringBuilder();
        Write(sb, value, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? v, int depth)
    {
        switch (v)
        {
            case null: sb.Append("null"); return;
            case string s: sb.Append('"').Append(s).Append('"'); return;
            case DateTimeOffset d: sb.Append(d.ToString("o", CultureInfo.InvariantCulture)); return;
            case IFormattable f: sb.Append(v.GetType().Name).Append(':').Append(f.ToString(null, CultureInfo.InvariantCulture)); return;
            case bool b: sb.Append(b); return;
            case IDictionary dict:
                sb.Append('{');
                foreach (var key in dict.Keys.Cast<object>().Select(k => k.ToString()!).OrderBy(k => k, StringComparer.Ordinal))
                {
                    sb.Append(key).Append('=');
                    Write(sb, dict[key], depth + 1);
                    sb.Append(';');
                }
                sb.Append('}');
                return;
            case IEnumerable list:
                sb.Append('[');
                foreach (var item in list) { Write(sb, item, depth + 1); sb.Append(','); }
                sb.Append(']');
                return;
        }
        if (depth > 4) { sb.Append(v); return; }
        sb.Append(v.GetType().Name).Append('{');
        foreach (var p in v.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            sb.Append(p.Name).Append('=');
            Write(sb, p.GetValue(v), depth + 1);
            sb.Append(';');
        }
        sb.Append('}');
    }
}
