using CallTracking.Core.Validation;

namespace CallTracking.Tests.Core;

public class ValidationTests
{
    [Theory]
    [InlineData("(800) 555-0100", "US", "+18005550100")]
    [InlineData("1-800-555-0100", "US", "+18005550100")]
    [InlineData("+44 20 7946 0000", "US", "+442079460000")]
    [InlineData("0044 20 7946 0000", "US", "+442079460000")]
    [InlineData("020 7946 0000", "GB", "+442079460000")]
    [InlineData("02 9876 5432", "AU", "+61298765432")]
    [InlineData("+18005550100", "GB", "+18005550100")]
    // The review's cases (issue 5, 3): AVANSER's documented "+61-0290088888" and the "(0)" trunk prefix of UK numbers.
    [InlineData("+61-0290088888", "US", "+61290088888")]
    [InlineData("+44 (0)20 7946 0018", "US", "+442079460018")]
    [InlineData("+610290088888", "US", "+61290088888")]
    [InlineData("2133554058", "US", "+12133554058")]
    [InlineData("0612345678", "IT", "+390612345678")]  // Italy keeps its leading 0
    public void Normalizes_to_E164(string input, string country, string expected)
        => Assert.Equal(expected, PhoneNumberNormalizer.Normalize(input, country, "Number"));

    [Theory]
    [InlineData("555-0100")]          // too short for NANP
    [InlineData("call me")]           // letters
    [InlineData("")]
    [InlineData("+1234")]             // too short for E.164
    [InlineData("(055) 555-0100")]    // NANP area code cannot start with 0
    public void Rejects_what_cannot_be_a_number(string input)
    {
        var ex = Assert.Throws<CallTrackingArgumentException>(() => PhoneNumberNormalizer.Normalize(input, "US", "ForwardTo"));
        Assert.Equal("ForwardTo", ex.ParameterName);
        Assert.Contains("-ForwardTo", ex.Message);
        Assert.Contains("E.164", ex.Message);
    }

    [Theory]
    [InlineData("true", true)] [InlineData("TRUE", true)] [InlineData("yes", true)] [InlineData("1", true)] [InlineData("on", true)]
    [InlineData("false", false)] [InlineData("no", false)] [InlineData("0", false)] [InlineData(" off ", false)]
    public void Booleans_from_csv_cells(string text, bool expected) => Assert.Equal(expected, ValueParsers.ParseBoolean(text, "TollFree"));

    [Theory]
    [InlineData("maybe")] [InlineData("")] [InlineData("2")] [InlineData("truthy")]
    public void Bad_booleans_name_the_parameter_and_the_allowed_words(string text)
    {
        var ex = Assert.Throws<CallTrackingArgumentException>(() => ValueParsers.ParseBoolean(text, "TollFree"));
        Assert.Contains("-TollFree", ex.Message);
        Assert.Contains("true, false, yes, no", ex.Message);
        Assert.Equal(text, ex.Value);
    }

    [Fact]
    public void Numbers_parse_strictly()
    {
        Assert.Equal(7L, ValueParsers.ParseInt64(" 7 ", "OfferId"));
        var ex = Assert.Throws<CallTrackingArgumentException>(() => ValueParsers.ParseInt64("x7", "OfferId"));
        Assert.Contains("'x7'", ex.Message);
        Assert.Throws<CallTrackingArgumentException>(() => ValueParsers.ParseInt64("0", "OfferId", min: 1));
        Assert.Equal(12.5m, ValueParsers.ParseDecimal("12.50", "Revenue"));
        Assert.Throws<CallTrackingArgumentException>(() => ValueParsers.ParseDecimal("12,5x", "Revenue"));
    }

    [Theory]
    [InlineData("2016-01-01 12:25:15 -0500", "2016-01-01T12:25:15-05:00")]
    [InlineData("2017-08-17 07:58:10 UTC", "2017-08-17T07:58:10+00:00")]
    [InlineData("2026-01-31T13:45:00-05:00", "2026-01-31T13:45:00-05:00")]
    [InlineData("2026-01-31T13:45:00Z", "2026-01-31T13:45:00+00:00")]
    public void Dates_in_provider_and_iso_forms(string text, string expected)
        => Assert.Equal(DateTimeOffset.Parse(expected), ValueParsers.ParseDateTimeOffset(text, "CreatedAfter"));

    [Fact]
    public void Bad_date_is_an_error_naming_the_parameter()
    {
        var ex = Assert.Throws<CallTrackingArgumentException>(() => ValueParsers.ParseDateTimeOffset("last tuesday", "CreatedAfter"));
        Assert.Contains("-CreatedAfter", ex.Message);
    }
}

public class ArgumentMessageWordingTests
{
    [Fact]
    public void A_missing_value_says_what_is_needed_not_that_null_is_refused()
    {
        var ex = new CallTracking.Core.Validation.CallTrackingArgumentException("Subdomain", null, "your account's subdomain");
        Assert.Equal("-Subdomain is needed: your account's subdomain.", ex.Message);
        Assert.DoesNotContain("(null)", ex.Message);
    }

    [Fact]
    public void A_piped_object_of_another_provider_says_where_it_is_from_and_what_to_do()
    {
        using var c = TestConnections.TrackDrive(new FakeHandler());
        var ex = Assert.Throws<CallTracking.Core.Validation.CallTrackingArgumentException>(() => c.EnsureProvider("AvidTrak", "the piped call 77"));
        Assert.True(ex.IsProviderMismatch);
        Assert.Equal("The piped call 77 is from AvidTrak, but the connection 'TrackDrive' is to TrackDrive: pass -Connection with a connection to AvidTrak.", ex.Message);
    }
}
