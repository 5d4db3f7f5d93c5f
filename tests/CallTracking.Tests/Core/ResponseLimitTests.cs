using System.Net;
using CallTracking.Core.Connections;
using CallTracking.Core.Model;

namespace CallTracking.Tests.Core;

/// <summary>A reply is read whole into memory only up to the connection's cap (ConnectionOptions.MaxResponseBytes).</summary>
public class ResponseLimitTests
{
    private static CallTrackingConnection Connect(FakeHandler fake, long maxBytes) => CallTrackingConnection.Open(new ConnectionOptions
    {
        Provider = TrackDriveApi.ProviderName,
        Credential = ProviderCredential.FromPlainText("auth_token", TestConnections.Token),
        BaseUri = new Uri("https://acme.trackdrive.com/api/v1/"),
        MaxRetry = 2,
        MaxResponseBytes = maxBytes,
        RetryTiming = new RetryTiming { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) },
        PrimaryHandlerFactory = () => fake,
    });

    /// <summary>Announces a length, then yields bytes for ever (and counts what was read).</summary>
    private sealed class EndlessContent : HttpContent
    {
        private readonly long? _announced;
        public long Served;

        public EndlessContent(long? announced) => _announced = announced;

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)' ');
            while (true)
            {
                await stream.WriteAsync(chunk);
                Served += chunk.Length;
            }
        }

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new Endless(this));

        protected override bool TryComputeLength(out long length)
        {
            length = _announced ?? 0;
            return _announced.HasValue;
        }

        private sealed class Endless(EndlessContent owner) : Stream
        {
            public override int Read(byte[] buffer, int offset, int count)
            {
                Array.Fill(buffer, (byte)' ', offset, count);
                owner.Served += count;
                return count;
            }

            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => 0; set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }

    [Fact]
    public async Task A_Content_Length_beyond_the_cap_fails_before_a_byte_is_read_and_is_not_retried()
    {
        var content = new EndlessContent(2_000_000_000);
        var fake = new FakeHandler { Fallback = _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = content } };
        using var c = Connect(fake, 1024 * 1024);
        var ex = await Assert.ThrowsAsync<CallTrackingException>(async () => { await foreach (var _ in c.TrackDrive().ListCallsAsync(new TrackDriveCallQuery())) { } });
        Assert.Equal(CallTrackingErrorKind.ProviderFailure, ex.Kind);
        Assert.Contains("2000000000", ex.Message);
        Assert.Contains("-MaxResponseMB", ex.Message);
        Assert.Equal(0, content.Served);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task An_endless_body_stops_at_the_cap()
    {
        var content = new EndlessContent(null);
        var fake = new FakeHandler { Fallback = _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = content } };
        using var c = Connect(fake, 2 * 1024 * 1024);
        var ex = await Assert.ThrowsAsync<CallTrackingException>(async () => { await foreach (var _ in c.TrackDrive().ListCallsAsync(new TrackDriveCallQuery())) { } });
        Assert.Equal(CallTrackingErrorKind.ProviderFailure, ex.Kind);
        Assert.InRange(content.Served, 2 * 1024 * 1024, 3 * 1024 * 1024);
    }

    [Fact]
    public void The_cap_is_checked_at_connect_time()
    {
        var ex = Assert.Throws<CallTracking.Core.Validation.CallTrackingArgumentException>(() => Connect(new FakeHandler(), 10));
        Assert.Equal("MaxResponseMB", ex.ParameterName);
    }
}
