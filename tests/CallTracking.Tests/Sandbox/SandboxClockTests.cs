using System.Net;
using System.Text.Json;
using CallTracking.Sandbox;
using CallTracking.Sandbox.TrackDrive;

namespace CallTracking.Tests.Sandbox;

public sealed class SandboxClockTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

    [Fact]
    public void Real_time_clock_follows_the_system_clock_plus_what_it_was_advanced()
    {
        var clock = new SandboxClock();
        Assert.False(clock.IsVirtual);
        var before = DateTimeOffset.UtcNow;
        var now = clock.Now;
        Assert.InRange(now, before, DateTimeOffset.UtcNow);
        clock.Advance(TimeSpan.FromHours(2));
        Assert.InRange(clock.Now - DateTimeOffset.UtcNow, TimeSpan.FromHours(2) - TimeSpan.FromSeconds(5), TimeSpan.FromHours(2));
    }

    [Fact]
    public void Virtual_clock_stands_still_until_advanced()
    {
        var clock = SandboxClock.StartingAt(Start);
        Assert.True(clock.IsVirtual);
        Assert.Equal(Start, clock.Now);
        Thread.Sleep(20);
        Assert.Equal(Start, clock.Now);

        var seen = new List<(DateTimeOffset From, DateTimeOffset To)>();
        clock.Advanced += (_, e) => seen.Add((e.From, e.To));
        clock.Advance(TimeSpan.FromMinutes(7));
        clock.Advance(TimeSpan.Zero);
        Assert.Equal(Start.AddMinutes(7), clock.Now);
        Assert.Equal(new[] { (Start, Start.AddMinutes(7)), (Start.AddMinutes(7), Start.AddMinutes(7)) }, seen);

        Assert.Equal("by", Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromTicks(-1))).ParamName);
        Assert.Equal("start", Assert.Throws<ArgumentOutOfRangeException>(() => SandboxClock.StartingAt(default)).ParamName);
        Assert.Equal(Start.AddMinutes(7), clock.Now);
    }

    [Fact]
    public void The_sandbox_uses_the_given_clock_and_anchors_its_data_on_it()
    {
        var clock = SandboxClock.StartingAt(Start);
        using var sandbox = new CallTrackingSandbox(new SandboxOptions { Clock = clock });
        Assert.Same(clock, sandbox.Clock);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 5, 0, 0, TimeSpan.Zero), sandbox.Options.Anchor);
        Assert.Equal(sandbox.Options.Anchor, sandbox.TrackDrive().GetCallCreatedAt(sandbox.TrackDrive().CallCount));

        using var real = new CallTrackingSandbox();
        Assert.False(real.Clock.IsVirtual);
        Assert.Same(real.Clock, real.Options.Clock);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Trackdrive_stamps_changes_with_the_sandbox_clock(bool loopback)
    {
        var options = SandboxClient.Options();
        options.Clock = SandboxClock.StartingAt(Start);
        using var c = SandboxClient.Create(loopback, options);
        c.Sandbox.Clock.Advance(TimeSpan.FromMinutes(90));
        var expected = Start.AddMinutes(90);

        var hung = await c.SendAsync(HttpMethod.Delete, "calls/5000");
        Assert.Equal(HttpStatusCode.OK, hung.Status);
        Assert.Equal(expected, hung.Json.GetProperty("call").GetProperty("ended_at").GetDateTimeOffset());

        var bought = await c.SendAsync(HttpMethod.Post, "phone_numbers", new { provider_configuration_id = 150, offer_id = 100, toll_free = false, country = "US" });
        var number = bought.Json.GetProperty("phone_number");
        Assert.Equal(expected, number.GetProperty("created_at").GetDateTimeOffset());

        c.Sandbox.Clock.Advance(TimeSpan.FromDays(1));
        var updated = await c.SendAsync(HttpMethod.Put, "phone_numbers/" + number.GetProperty("id").GetInt64(), new { token_values = new[] { "interest:auto" } });
        Assert.Equal(expected.AddDays(1), updated.Json.GetProperty("phone_number").GetProperty("optimizer_tokens_changed_at").GetDateTimeOffset());

        Assert.All(c.Sandbox.Requests, r => Assert.True(r.Time == expected || r.Time == expected.AddDays(1), r.Time.ToString("o")));
    }
}
