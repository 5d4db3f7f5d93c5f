using System.Net;

namespace CallTracking.Tests.Core;

/// <summary>Issue 5, 3: shared model types, provider subclasses, and values never lost or guessed.</summary>
public class ModelValueTests
{
    [Fact]
    public async Task TollFree_is_null_when_the_reply_does_not_say_never_guessed_from_the_number()
    {
        var fake = new FakeHandler().Json(HttpStatusCode.OK, """{"phone_number":{"id":7,"number":"+18005550100"}}""");
        using var c = TestConnections.TrackDrive(fake);
        var n = await c.TrackDrive().GetPhoneNumberAsync("7");
        Assert.Null(n.TollFree);
        Assert.IsAssignableFrom<CallTracking.Core.Model.TrackingNumber>(n);
        Assert.Equal("TrackDrive", n.Provider);
    }

    [Fact]
    public async Task A_national_digits_only_number_works_wherever_a_number_is_accepted()
    {
        var fake = new FakeHandler().Json(HttpStatusCode.OK, """{"phone_number":{"id":7,"number":"+12133554058"}}""");
        using var c = TestConnections.TrackDrive(fake);
        await c.TrackDrive().GetPhoneNumberAsync("2133554058");
        Assert.Equal("/api/v1/phone_numbers/%2B12133554058", fake.Requests.Single().Uri.AbsolutePath);
    }

    [Fact]
    public async Task A_number_that_is_not_a_phone_number_is_kept_as_sent()
    {
        var fake = new FakeHandler().Json(HttpStatusCode.OK, """{"phone_number":{"id":7,"number":"not-a-number"}}""");
        using var c = TestConnections.TrackDrive(fake);
        var n = await c.TrackDrive().GetPhoneNumberAsync("7");
        Assert.Equal("not-a-number", n.Number);
    }

    [Fact]
    public void Token_values_print_as_text()
    {
        var n = new TrackDriveTrackingNumber("1", "+18005550100") { TokenValues = new[] { "interest:auto", "state:CA" } };
        Assert.Equal("interest:auto; state:CA", n.TokenValues.ToString());
    }
}
