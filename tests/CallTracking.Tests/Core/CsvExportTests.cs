using System.Net;
using System.Text;
using CallTracking.Core.Model;
using CallTracking.Core.Export;
using CallTracking.Core.Http;

namespace CallTracking.Tests.Core;

/// <summary>The provider-neutral CSV export (Core/Export): what it refuses, leaves out and escapes.</summary>
public class CsvExportTests
{
    private static FakeHandler Csv(params string[] pages)
    {
        var fake = new FakeHandler();
        foreach (var p in pages) fake.Enqueue(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(p, Encoding.UTF8, "text/csv") });
        return fake;
    }

    private static async Task<string> Export(FakeHandler fake, int perPage = 2, int maxRetry = 0)
    {
        using var c = TestConnections.TrackDrive(fake, maxRetry: maxRetry);
        using var file = new MemoryStream();
        await c.TrackDrive().ExportPhoneNumbersCsvAsync(new TrackDriveNumberQuery { PerPage = perPage }, file);
        return Encoding.UTF8.GetString(file.ToArray());
    }

    [Fact]
    public async Task A_secret_column_is_left_out_of_the_file()
    {
        var text = await Export(Csv("id,number,provider_auth_key\n1,+18005550100,s3cr3t-key\n"));
        Assert.DoesNotContain("s3cr3t-key", text);
        Assert.DoesNotContain("provider_auth_key", text);
        Assert.StartsWith("id,number", text);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("+18005550100", "+18005550100")]
    [InlineData("-12.50", "-12.50")]
    [InlineData("+1 (800) 555-0100", "+1 (800) 555-0100")]
    [InlineData("plain", "plain")]
    public void Formula_cells_are_escaped_and_numbers_kept(string cell, string written)
        => Assert.Equal(written, CallTracking.Core.Export.CsvPageCopy.EscapeFormula(cell));

    [Fact]
    public async Task A_formula_cell_reaches_the_file_escaped()
    {
        var text = await Export(Csv("id,name\n1,=HYPERLINK(\"http://x\")\n"));
        Assert.DoesNotContain(",=HYPERLINK", text);
        Assert.Contains("'=HYPERLINK", text);
    }

    [Fact]
    public async Task A_page_in_another_column_order_is_written_in_the_first_pages_order()
    {
        var text = await Export(Csv("id,number\n1,+18005550100\n2,+18005550101\n", "number,id\n+18005550102,3\n"));
        Assert.Equal("id,number\r\n1,+18005550100\r\n2,+18005550101\r\n3,+18005550102\r\n", text);
    }

    [Fact]
    public async Task A_page_with_other_columns_is_an_error()
    {
        var ex = await Assert.ThrowsAsync<CallTrackingException>(() => Export(Csv("id,number\n1,+18005550100\n2,+18005550101\n", "id,name\n3,x\n")));
        Assert.Equal(CallTrackingErrorKind.ProviderFailure, ex.Kind);
        Assert.Contains("other columns", ex.Message);
    }

    [Theory]
    [InlineData("""{"error":"unauthorized"}""", "application/json")]
    [InlineData("<html><body>502</body></html>", "text/html")]
    [InlineData("""{"error":"unauthorized"}""", "text/plain")]
    public async Task An_error_body_is_not_written_as_a_header(string body, string mediaType)
    {
        var fake = new FakeHandler { Fallback = _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, mediaType) } };
        var ex = await Assert.ThrowsAsync<CallTrackingException>(() => Export(fake, maxRetry: 1));
        Assert.Equal(CallTrackingErrorKind.ProviderFailure, ex.Kind);
        Assert.Contains("not CSV", ex.Message);
        Assert.Equal(2, fake.Requests.Count); // read again once, then refused
    }

    [Fact]
    public async Task A_row_cut_short_makes_the_page_be_read_again()
    {
        var fake = Csv("id,number\n1,+18005550100\n2\n", "id,number\n1,+18005550100\n2,+18005550101\n", "id,number\n");
        var text = await Export(fake, maxRetry: 2);
        Assert.Equal("id,number\r\n1,+18005550100\r\n2,+18005550101\r\n", text);
        Assert.Equal(3, fake.Requests.Count);
    }

    [Theory]
    [InlineData("id,status\n1,\"answered\n2,answered\n3,missed\n")]        // a quote that never closes swallows the rows after it
    [InlineData("id,status\n1,\"ans\"wered\"\n2,answered\n")]             // a quote closed in the middle of a field
    public void An_unbalanced_quote_makes_the_page_unreadable(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        Assert.Throws<TransientContentException>(() => CsvPage.Parse(bytes, "text/csv"));
    }

    [Fact]
    public void Quoted_commas_quotes_and_line_breaks_stay_one_field()
    {
        var page = CsvPage.Parse(Encoding.UTF8.GetBytes("id,note\n1,\"a, \"\"b\"\"\nc\"\n2,plain\n"), "text/csv");
        Assert.Equal(2, page.Rows.Count);
        Assert.Equal("a, \"b\"\nc", page.Rows[0][1]);
    }
}
