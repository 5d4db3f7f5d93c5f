using System.Text;
using System.Text.Json;
using CallTracking.Core.Http;
using CallTracking.Core.Json;
using CallTracking.Core.Providers.TrackDrive;

namespace CallTracking.Tests.Core;

/// <summary>
/// A page read whole (what a listing does on the fetch's thread): the same records and metadata as the scan-then-read
/// path, every broken page refused before a record is handed out, repeated values shared, the name table's learned
/// field order never mistaking one field for another.
/// </summary>
public class JsonListTests
{
    private const string Page = """
        {"calls":[
          {"id":1,"uuid":"a","offer":"Solar","token_values":{"k":"v1","zip":"02108"},"created_at":"2016-01-01T12:25:15.000-05:00","number_called":"+18005550100","sub_id":"s1","future_field":{"a":[1]}},
          {"id":2,"uuid":"b","offer":"Solar","token_values":{"k":"v2","n":[1,2]},"created_at":"2016-01-01 12:25:15 -0500","number_called":"(800) 555-0101","in_progress":true},
          {"offer":"Sol\u0061r","id":"007","uuid":"c","token_values":{"k":"v1","zip":"02108"},"number_called":"+18005550100","status":"forwarded","caller_city":"Boston"},
          {"id":4,"uuid":"d","token_values":["x",null,3,true],"status":"forwarded","caller_city":"Boston","total_duration":12.5}
        ],"metadata":{"next_cursor":0,"total_count":4}}
        """;

    [Fact]
    public void Reading_a_page_whole_gives_what_scanning_then_reading_gives()
    {
        var body = new ReadOnlyMemory<byte>(Encoding.UTF8.GetBytes(Page));
        var whole = JsonPages.ReadList(body, "calls", new TrackDriveParser("US").ParseCall, 2);
        var info = JsonPages.Scan(body, "calls");
        var lazy = JsonPages.Enumerate(body, info, new TrackDriveParser("US").ParseCall).ToList();
        Assert.Equal(info.Count, whole.Items.Count);
        Assert.Equal("calls", whole.Info.Root);
        Assert.Equal(info.Metadata.OrderBy(p => p.Key), whole.Metadata.OrderBy(p => p.Key));
        Assert.Equal(Describe(lazy), Describe(whole.Items));
        Assert.Equal("4", whole.Last!.Id);
        Assert.Equal("007", whole.Items[2].Id); // a number's text as sent, a string id as it is
        Assert.Equal("Solar", whole.Items[2].Offer); // an escaped value decodes, shared or not
        Assert.Equal(new[] { "x", "3", "true" }, whole.Items[3].TokenValues);
        Assert.Equal(TimeSpan.FromSeconds(12.5), whole.Items[3].TotalDuration); // seconds with a fraction read as they are
    }

    [Fact]
    public void Repeated_values_are_one_shared_string_and_token_pairs_one_shared_text()
    {
        var calls = JsonPages.ReadList(Encoding.UTF8.GetBytes(Page), "calls", new TrackDriveParser("US").ParseCall).Items;
        Assert.Same(calls[0].Offer, calls[1].Offer);
        Assert.Same(calls[0].CalledNumber, calls[2].CalledNumber);
        Assert.Same(calls[2].Status, calls[3].Status);
        Assert.Same(calls[2].CallerCity, calls[3].CallerCity);
        Assert.Equal(new[] { "k:v1", "zip:02108" }, calls[0].TokenValues);
        Assert.Same(calls[0].TokenValues[1], calls[2].TokenValues[1]);
        // Unique values are not shared by accident.
        Assert.NotSame(calls[0].Uuid, calls[1].Uuid);
    }

    [Theory]
    [InlineData("""{"calls":[{"id":1},{"id":2""")]
    [InlineData("""{"calls":[{"id":1}],"metadata":{"next_cursor":0}""")]
    [InlineData("""{"calls":[{"id":1}]}x""")]
    [InlineData("""{"calls":[{"id":1},2]}""")]
    [InlineData("""{"calls":[{"id":1,"uuid":}]}""")]
    [InlineData("""{"numbers":[]}""")]
    [InlineData("""<html>502</html>""")]
    [InlineData("")]
    public void A_broken_page_is_refused_whole(string text)
        => Assert.Throws<TransientContentException>(() => JsonPages.ReadList(Encoding.UTF8.GetBytes(text), "calls", new TrackDriveParser("US").ParseCall));

    [Fact]
    public void A_list_under_an_undocumented_root_key_is_read_when_it_is_the_only_list_of_objects()
    {
        var body = Encoding.UTF8.GetBytes("""{"metadata":{"total_count":2},"tags":["a"],"phone_numbers":[{"id":1,"number":"+18005550100"},{"id":2,"number":"+18005550101"}]}""");
        var list = JsonPages.ReadList(body, "numbers", new TrackDriveParser("US").ParseNumber);
        Assert.Equal("phone_numbers", list.Info.Root);
        Assert.Equal(new[] { "1", "2" }, list.Items.Select(n => n.Id));
        Assert.Equal(2L, list.Metadata["total_count"]);
        Assert.Throws<TransientContentException>(() => JsonPages.ReadList(Encoding.UTF8.GetBytes("""{"a":[{"id":1}],"b":[{"id":2}]}"""), "numbers", new TrackDriveParser("US").ParseNumber));
    }

    [Fact]
    public void A_bare_array_and_an_empty_list_read_as_pages_too()
    {
        var parser = new TrackDriveParser("US");
        Assert.Equal(new[] { "1", "2" }, JsonPages.ReadList(Encoding.UTF8.GetBytes("""[{"id":1},{"id":2}]"""), "calls", parser.ParseCall).Items.Select(c => c.Id));
        var empty = JsonPages.ReadList(Encoding.UTF8.GetBytes("""{"calls":[],"metadata":{"next_cursor":0}}"""), "calls", parser.ParseCall);
        Assert.Empty(empty.Items);
        Assert.Null(empty.Last);
        Assert.Equal(0L, empty.Metadata["next_cursor"]);
    }

    [Fact]
    public void A_parser_that_stops_inside_a_record_fails_the_page_instead_of_misreading_it()
    {
        static int Careless(ref Utf8JsonReader reader, JsonSource source)
        {
            reader.Read(); // the first property name only
            return 1;
        }
        Assert.Throws<TransientContentException>(() => JsonPages.ReadList(Encoding.UTF8.GetBytes("""{"calls":[{"id":1,"x":2},{"id":2}]}"""), "calls", Careless));
    }

    [Fact]
    public void The_name_table_learns_the_field_order_and_still_tells_fields_apart_when_it_changes()
    {
        var table = new Utf8NameTable(new[] { "a", "b", "c" });
        // Two orders in turn: every guess from the previous record is wrong for half the fields.
        var json = """[{"a":1,"b":2,"c":3},{"c":3,"a":1,"b":2},{"a":1,"b":2,"c":3},{"b":2,"x":0,"c":3,"a":1}]""";
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        var found = new List<string>();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            var previous = -1;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var index = table.Find(ref reader, ref previous);
                var name = index >= 0 ? table[index] : "?" + reader.GetString();
                reader.Read();
                Assert.Equal(name.TrimStart('?') switch { "a" => 1, "b" => 2, "c" => 3, _ => 0 }, reader.GetInt32());
                found.Add(name);
            }
            found.Add("|");
        }
        Assert.Equal("a b c | c a b | a b c | b ?x c a |", string.Join(" ", found));
    }

    // ---- Large pages, read in two halves ------------------------------------------------------------------------------

    private static string BigPage(int records, Func<int, string> note, string before = "\"metadata\":{\"page\":1},", string after = ",\"metadata2\":{\"next_cursor\":7,\"total_count\":9000},\"tags\":[\"a\"],\"more\":[{\"x\":1}]")
    {
        var calls = Enumerable.Range(1, records).Select(i =>
            "{\"id\":" + i + ",\"uuid\":\"u" + i + "\",\"offer\":\"Solar\",\"note\":\"" + note(i) + "\",\"token_values\":{\"k\":\"v" + (i % 3) + "\"},\"nested\":{\"a\":[{\"b\":1},{\"c\":2}]},\"created_at\":\"2016-01-01T12:25:15.000-05:00\"}");
        return "{" + before + "\"calls\":[" + string.Join(",", calls) + "]" + after + "}";
    }

    private static void SameAsScanThenRead(string json, bool halves)
    {
        var body = new ReadOnlyMemory<byte>(Encoding.UTF8.GetBytes(json));
        Assert.True(body.Length >= 64 * 1024, "the page must be large enough to be read in halves");
        var whole = JsonPages.ReadList(body, "calls", new TrackDriveParser("US").ParseCall, 100);
        var info = JsonPages.Scan(body, "calls");
        Assert.Equal(info.Count, whole.Items.Count);
        Assert.Equal(info.Metadata.OrderBy(p => p.Key), whole.Metadata.OrderBy(p => p.Key));
        Assert.Equal(Describe(JsonPages.Enumerate(body, info, new TrackDriveParser("US").ParseCall)), Describe(whole.Items));
        Assert.Equal(halves, whole.Info.ReadInHalves);
    }

    [Fact]
    public void A_large_page_read_in_halves_gives_every_record_in_order_and_all_metadata()
    {
        var json = BigPage(400, i => "plain text " + i);
        SameAsScanThenRead(json, halves: true);
        var list = JsonPages.ReadList(Encoding.UTF8.GetBytes(json), "calls", new TrackDriveParser("US").ParseCall);
        Assert.Equal(Enumerable.Range(1, 400).Select(i => i.ToString()), list.Items.Select(c => c.Id));
        Assert.Equal(7L, list.Metadata["next_cursor"]);
        Assert.Equal(1L, list.Metadata["page"]);
        Assert.Equal("[\"a\"]", list.Metadata["tags"]);
        Assert.False(list.Metadata.ContainsKey("more")); // another list of objects is not metadata
    }

    [Fact]
    public void A_record_boundary_look_alike_inside_a_record_is_not_taken_for_one()
    {
        // Text that looks like a boundary inside strings, escaped quotes included: never a match, the halves hold.
        SameAsScanThenRead(BigPage(60, i => string.Concat(Enumerable.Repeat("},{\\\"id\\\":", 300)) + i), halves: true);
        // A nested list of objects that open like the records: the guess falls inside a record, one thread reads on.
        var nested = BigPage(30, i => "n" + i).Replace("\"nested\":{\"a\":[{\"b\":1},{\"c\":2}]}",
            "\"nested\":[" + string.Join(",", Enumerable.Range(0, 300).Select(k => "{\"id\":" + k + "}")) + "]");
        SameAsScanThenRead(nested, halves: false);
    }

    [Fact]
    public void A_look_alike_after_the_records_is_not_taken_for_a_boundary()
    {
        var after = ",\"metadata\":{\"next_cursor\":0},\"more\":[" + string.Join(",", Enumerable.Range(0, 8000).Select(k => "{\"id\":" + k + "}")) + "]";
        SameAsScanThenRead(BigPage(20, i => "n" + i, before: "", after: after), halves: false);
    }

    [Theory]
    [InlineData(0, "x")]        // trailing data after the reply
    [InlineData(1, "")]         // cut off in the second half
    [InlineData(2, "")]         // broken in the first half
    [InlineData(3, "")]         // a second-half record that is not an object
    public void A_large_broken_page_is_refused_whole(int breakage, string suffix)
    {
        var json = BigPage(400, i => "text " + i);
        json = breakage switch
        {
            0 => json + suffix,
            1 => json.Substring(0, json.Length * 3 / 4),
            2 => json.Replace("\"uuid\":\"u7\"", "\"uuid\":u7\""),
            _ => json.Replace("{\"id\":350,", "7,{\"id\":350,"),
        };
        Assert.Throws<TransientContentException>(() => JsonPages.ReadList(Encoding.UTF8.GetBytes(json), "calls", new TrackDriveParser("US").ParseCall));
    }

    private static List<string> Describe(IEnumerable<TrackDriveCallRecord> calls)
        => calls.Select(c => string.Join(";", c.Id, c.Uuid, c.Offer, c.CalledNumber, c.Status, c.CallerCity, c.InProgress, c.CreatedAt,
            c.TotalDuration, string.Join(",", c.TokenValues), string.Join(",", c.Raw.OrderBy(p => p.Key).Select(p => p.Key + "=" + p.Value)))).ToList();
}
