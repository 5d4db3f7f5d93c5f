using System.Text;
using CallTracking.Core.Http;
using CallTracking.Core.Json;
using CallTracking.Core.Providers.TrackDrive;

namespace CallTracking.Tests.Core;

public class JsonPageTests
{
    private const string Page = """
        {"calls":[
          {"id":1,"uuid":"a","token_values":{"k":"v1"},"created_at":"2016-01-01T12:25:15.000-05:00","number_called":"+18005550100","sub_id":"s1","future_field":{"a":[1]}},
          {"id":2,"uuid":"b","token_values":{"k":"v2","n":[1,2]},"created_at":"2016-01-01 12:25:15 -0500","number_called":"(800) 555-0101","in_progress":true}
        ],"metadata":{"next_cursor":0,"total_count":2}}
        """;

    [Fact]
    public void Records_are_read_lazily_with_nested_raw_values_intact()
    {
        var body = new ReadOnlyMemory<byte>(Encoding.UTF8.GetBytes(Page));
        var info = JsonPages.Scan(body, "calls");
        Assert.Equal(2, info.Count);
        Assert.Equal(2L, info.Metadata["total_count"]);
        var parser = new TrackDriveParser("US");
        var calls = JsonPages.Enumerate(body, info, parser.ParseCall).ToList();
        Assert.Equal(new[] { "1", "2" }, calls.Select(c => c.Id));
        Assert.Equal(new[] { "k:v1" }, calls[0].TokenValues);
        Assert.Equal("s1", calls[0].SubId);
        Assert.Equal("""{"a":[1]}""", calls[0].Raw["future_field"]); // unknown fields are kept, verbatim
        // token_values with a nested list is not a list of key:value strings: kept verbatim in Raw, the typed list empty.
        Assert.Equal("""{"k":"v2","n":[1,2]}""", calls[1].Raw["token_values"]);
        Assert.Empty(calls[1].TokenValues);
        Assert.Equal(new DateTimeOffset(2016, 1, 1, 12, 25, 15, TimeSpan.FromHours(-5)), calls[0].CreatedAt);
        Assert.Equal(calls[0].CreatedAt, calls[1].CreatedAt);
        Assert.Equal("+18005550101", calls[1].CalledNumber);
        Assert.True(calls[1].InProgress);
    }

    [Theory]
    [InlineData("""{"calls":[{"id":1},{"id":2""")]
    [InlineData("""{"calls":[{"id":1}],"metadata":{"next_cursor":0}""")]
    [InlineData("""{"numbers":[]}""")]
    [InlineData("""<html>502</html>""")]
    public void A_broken_page_fails_the_scan_before_any_record_is_handed_out(string text)
        => Assert.Throws<TransientContentException>(() => JsonPages.Scan(Encoding.UTF8.GetBytes(text), "calls"));

    [Fact]
    public void Name_table_returns_shared_strings_and_falls_back_for_unknown_names()
    {
        var table = new Utf8NameTable(new[] { "uuid", "status" });
        var reader = new System.Text.Json.Utf8JsonReader(Encoding.UTF8.GetBytes("""{"status":1,"other":2,"st\u0061tus":3}"""));
        reader.Read(); reader.Read();
        Assert.Same("status", table.Read(ref reader));
        reader.Read(); reader.Read();
        Assert.Equal("other", table.Read(ref reader));
        reader.Read(); reader.Read();
        Assert.Equal("status", table.Read(ref reader)); // escaped spelling of a known name
    }

    [Theory]
    [InlineData("""{"phone_number":{"id":7,"number":"+18005550100"}}""")]
    [InlineData("""{"number":{"id":7,"number":"+18005550100"}}""")]
    [InlineData("""{"id":7,"number":"+18005550100"}""")]
    [InlineData("""{"data":{"id":7,"number":"+18005550100"}}""")]
    public void A_single_record_reads_bare_or_in_any_one_property_envelope(string json)
    {
        var n = JsonPages.ReadSingle(Encoding.UTF8.GetBytes(json), "phone_number", new TrackDriveParser("US").ParseNumber);
        Assert.Equal("7", n.Id);
        Assert.Equal("+18005550100", n.Number);
    }

    [Fact]
    public void A_list_under_an_undocumented_root_key_is_read_when_it_is_the_only_list_of_objects()
    {
        var body = new ReadOnlyMemory<byte>(Encoding.UTF8.GetBytes("""{"metadata":{"total_count":2},"tags":["a"],"phone_numbers":[{"id":1,"number":"+18005550100"},{"id":2,"number":"+18005550101"}]}"""));
        var info = JsonPages.Scan(body, "numbers");
        Assert.Equal(2, info.Count);
        Assert.Equal("phone_numbers", info.Root);
        Assert.Equal(2L, info.Metadata["total_count"]);
        Assert.False(info.Metadata.ContainsKey("phone_numbers"));
        var numbers = JsonPages.Enumerate(body, info, new TrackDriveParser("US").ParseNumber).ToList();
        Assert.Equal(new[] { "1", "2" }, numbers.Select(n => n.Id));
        // two candidate lists: ambiguous, so the page is refused rather than guessed
        Assert.Throws<TransientContentException>(() => JsonPages.Scan(Encoding.UTF8.GetBytes("""{"a":[{"id":1}],"b":[{"id":2}]}"""), "numbers"));
    }

    [Fact]
    public void The_last_record_of_a_page_is_read_without_reading_the_others()
    {
        // Paging that continues after the last id seen (AVANSER's last_id) needs the last record before the page is consumed.
        var body = new ReadOnlyMemory<byte>(Encoding.UTF8.GetBytes(Page));
        var info = JsonPages.Scan(body, "calls");
        var last = JsonPages.ReadLast(body, info, new TrackDriveParser("US").ParseCall);
        Assert.Equal("2", last!.Id);
        Assert.True(last.InProgress);
        Assert.Null(JsonPages.ReadLast(Encoding.UTF8.GetBytes("""{"calls":[]}"""), JsonPages.Scan(Encoding.UTF8.GetBytes("""{"calls":[]}"""), "calls"), new TrackDriveParser("US").ParseCall));
    }

    [Fact]
    public void A_value_that_does_not_read_as_its_type_is_kept_raw_and_its_property_is_null()
    {
        var body = Encoding.UTF8.GetBytes("""{"calls":[{"id":1,"total_duration":"12,5","buyer_revenue":"$1.50","created_at":"yesterday","in_progress":"maybe","caller_number":"Private","token_values":[{"k":1}]}]}""");
        var info = JsonPages.Scan(body, "calls");
        var call = JsonPages.Enumerate(body, info, new TrackDriveParser("US").ParseCall).Single();
        Assert.Null(call.TotalDuration);
        Assert.Null(call.Revenue);
        Assert.Null(call.CreatedAt);
        Assert.Null(call.InProgress);
        Assert.Null(call.CallerNumber);
        Assert.Equal("12,5", call.Raw["total_duration"]); // never 125, nor 12.5: the invariant culture's '.' only
        Assert.Equal("$1.50", call.Raw["buyer_revenue"]);
        Assert.Equal("yesterday", call.Raw["created_at"]);
        Assert.Equal("maybe", call.Raw["in_progress"]);
        Assert.Equal("Private", call.Raw["caller_number"]);
        Assert.Equal("""[{"k":1}]""", call.Raw["token_values"]);
    }
}
