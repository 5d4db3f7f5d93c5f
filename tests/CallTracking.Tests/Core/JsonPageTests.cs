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
        Assert.Equal(2, JsonValues.ScanList(body, "calls", out var metadata));
        Assert.Equal(2L, metadata["total_count"]);
        var parser = new TrackDriveParser("US");
        var calls = JsonValues.EnumerateList(body, "calls", parser.ParseCall).ToList();
        Assert.Equal(new[] { "1", "2" }, calls.Select(c => c.Id));
        Assert.Equal(new[] { "k:v1" }, calls[0].TokenValues);
        Assert.Equal("s1", calls[0].SubId);
        Assert.Equal("""{"a":[1]}""", calls[0].Raw["future_field"]); // unknown fields are kept, verbatim
        Assert.Empty(calls[1].Raw);
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
        => Assert.Throws<TransientContentException>(() => JsonValues.ScanList(Encoding.UTF8.GetBytes(text), "calls", out _));

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
        var n = JsonValues.ReadSingle(Encoding.UTF8.GetBytes(json), "phone_number", new TrackDriveParser("US").ParseNumber);
        Assert.Equal("7", n.Id);
        Assert.Equal("+18005550100", n.Number);
    }

    [Fact]
    public void A_list_under_an_undocumented_root_key_is_read_when_it_is_the_only_list_of_objects()
    {
        var body = new ReadOnlyMemory<byte>(Encoding.UTF8.GetBytes("""{"metadata":{"total_count":2},"tags":["a"],"phone_numbers":[{"id":1,"number":"+18005550100"},{"id":2,"number":"+18005550101"}]}"""));
        Assert.Equal(2, JsonValues.ScanList(body, "numbers", out var metadata, out var root));
        Assert.Equal("phone_numbers", root);
        Assert.Equal(2L, metadata["total_count"]);
        Assert.False(metadata.ContainsKey("phone_numbers"));
        var numbers = JsonValues.EnumerateList(body, root, new TrackDriveParser("US").ParseNumber).ToList();
        Assert.Equal(new[] { "1", "2" }, numbers.Select(n => n.Id));
        // two candidate lists: ambiguous, so the page is refused rather than guessed
        Assert.Throws<TransientContentException>(() => JsonValues.ScanList(Encoding.UTF8.GetBytes("""{"a":[{"id":1}],"b":[{"id":2}]}"""), "numbers", out _, out _));
    }
}
