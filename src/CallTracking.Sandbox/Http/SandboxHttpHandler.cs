using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace CallTracking.Sandbox.Http
{
    /// <summary>In-process transport: an HttpMessageHandler that feeds the shared router.</summary>
    internal sealed class SandboxHttpHandler : HttpMessageHandler
    {
        private readonly SandboxRouter _router;

        public SandboxHttpHandler(SandboxRouter router) => _router = router;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri is null || !request.RequestUri.IsAbsoluteUri)
                throw new InvalidOperationException("The sandbox handler needs an absolute request URI.");
            cancellationToken.ThrowIfCancellationRequested();

            var body = request.Content is null ? null : await request.Content.ReadAsStringAsync().ConfigureAwait(false);
            var auth = request.Headers.Authorization is { } a ? a.ToString() : null;
            var sandboxRequest = new SandboxHttpRequest(request.Method.Method, request.RequestUri.AbsolutePath,
                request.RequestUri.Query, auth, string.IsNullOrEmpty(body) ? null : body);

            var response = await _router.HandleAsync(sandboxRequest, cancellationToken).ConfigureAwait(false);

            if (response.TransportFault == TransportFault.DropConnection)
                throw new HttpRequestException("The sandbox dropped the connection (injected fault).",
                    new IOException("The connection was closed before a response was received."));

            // The request was read whole; the server then closed the connection cleanly, before a byte of reply.
            if (response.TransportFault == TransportFault.CloseWithoutReply)
                throw TransportErrors.ClosedBeforeReply();

            HttpContent content;
            if (response.TransportFault == TransportFault.PacedBody)
                content = new PacedContent(response.FaultBody!, cancellationToken, _router.Closing);
            else if (response.TransportFault == TransportFault.TruncatedBody)
                content = new TruncatedContent(response.Body!);
            else if (response.Body != null)
                content = new ByteArrayContent(response.Body);
            else
                content = new StreamingContent(response.BodyWriter!);
            content.Headers.TryAddWithoutValidation("Content-Type", response.ContentType);

            var message = new HttpResponseMessage((HttpStatusCode)response.StatusCode) { Content = content, RequestMessage = request };
            foreach (var header in response.Headers)
                if (!message.Headers.TryAddWithoutValidation(header.Key, header.Value))
                    content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            return message;
        }

        /// <summary>Body written straight from the emulator when the client reads it.</summary>
        private sealed class StreamingContent : HttpContent
        {
            private readonly Func<Stream, CancellationToken, Task> _writer;

            public StreamingContent(Func<Stream, CancellationToken, Task> writer) => _writer = writer;

            protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => _writer(stream, CancellationToken.None);

            protected override bool TryComputeLength(out long length)
            {
                length = 0;
                return false;
            }
        }

        /// <summary>Announces the full length, yields half the bytes, then fails like a reset connection.</summary>
        private sealed class TruncatedContent : HttpContent
        {
            private readonly byte[] _body;

            public TruncatedContent(byte[] body)
            {
                _body = body;
                Headers.ContentLength = body.Length;
            }

            protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
            {
                await stream.WriteAsync(_body, 0, _body.Length / 2).ConfigureAwait(false);
                throw new IOException("The response ended prematurely (injected fault).");
            }

            protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new TruncatingStream(_body));

            protected override bool TryComputeLength(out long length)
            {
                length = _body.Length;
                return true;
            }
        }

        /// <summary>
        /// A body delivered over time (<see cref="FaultBody"/>): the headers now, each piece when the client reads it.
        /// Where the body does not complete, its end (or the sandbox's disposal, or the reply's) fails the read as a
        /// connection closed mid-body does.
        /// </summary>
        private sealed class PacedContent : HttpContent
        {
            private readonly FaultBody _body;
            private readonly CancellationToken _request;
            private readonly CancellationToken _closing;
            private readonly CancellationTokenSource _disposed = new CancellationTokenSource();

            /// <param name="request">The token SendAsync got: HttpClient passes the same one when it buffers the reply,
            /// which netstandard2.0's SerializeToStreamAsync does not receive.</param>
            public PacedContent(FaultBody body, CancellationToken request, CancellationToken closing)
            {
                _body = body;
                _request = request;
                _closing = closing;
                if (body.Length is { } length) Headers.ContentLength = length;
            }

            protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
            {
                using var source = new PacedStream(_body, _closing, _disposed.Token, _request);
                var buffer = new byte[64 * 1024];
                while (true)
                {
                    var n = await source.ReadAsync(buffer, 0, buffer.Length, CancellationToken.None).ConfigureAwait(false);
                    if (n == 0) return;
                    await stream.WriteAsync(buffer, 0, n).ConfigureAwait(false);
                }
            }

            protected override Task<Stream> CreateContentReadStreamAsync() =>
                Task.FromResult<Stream>(new PacedStream(_body, _closing, _disposed.Token, CancellationToken.None));

            protected override bool TryComputeLength(out long length)
            {
                length = _body.Length ?? 0;
                return _body.Length.HasValue;
            }

            protected override void Dispose(bool disposing)
            {
                if (disposing)
                {
                    try { _disposed.Cancel(); } catch (ObjectDisposedException) { }
                }
                base.Dispose(disposing);
            }
        }

        private sealed class PacedStream : Stream
        {
            private readonly FaultBody _body;
            private readonly CancellationToken _closing;
            private readonly CancellationToken _contentDisposed;
            private readonly CancellationToken _caller;
            private readonly CancellationTokenSource _disposed = new CancellationTokenSource();

            /// <param name="closing">The sandbox was disposed: the connection is gone.</param>
            /// <param name="contentDisposed">The reply was disposed: the connection is gone.</param>
            /// <param name="caller">A token that cancels as the reader's own would (HttpClient's, while it buffers).</param>
            public PacedStream(FaultBody body, CancellationToken closing, CancellationToken contentDisposed, CancellationToken caller)
            {
                _body = body;
                _closing = closing;
                _contentDisposed = contentDisposed;
                _caller = caller;
            }

            public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            {
                if (_disposed.IsCancellationRequested) throw new ObjectDisposedException(nameof(PacedStream));
                int n;
                using (var linked = Link(cancellationToken))
                {
                    try
                    {
                        n = await _body.ReadAsync(buffer, offset, count, linked.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && !_caller.IsCancellationRequested)
                    {
                        throw TransportErrors.ResponseEnded();
                    }
                }
                if (n == 0 && !_body.Completes) throw TransportErrors.ResponseEnded();
                return n;
            }

            private CancellationTokenSource Link(CancellationToken reader)
            {
                try
                {
                    return CancellationTokenSource.CreateLinkedTokenSource(new[] { reader, _caller, _closing, _contentDisposed, _disposed.Token });
                }
                catch (ObjectDisposedException)
                {
                    // The caller's source is gone (HttpClient disposes it once SendAsync returns): it cannot cancel any more.
                    return CancellationTokenSource.CreateLinkedTokenSource(new[] { reader, _closing, _contentDisposed, _disposed.Token });
                }
            }

            public override int Read(byte[] buffer, int offset, int count) =>
                ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

            protected override void Dispose(bool disposing)
            {
                if (disposing)
                {
                    try { _disposed.Cancel(); } catch (ObjectDisposedException) { }
                }
                base.Dispose(disposing);
            }

            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => _body.Sent; set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }

        private sealed class TruncatingStream : Stream
        {
            private readonly byte[] _body;
            private readonly int _limit;
            private int _position;

            public TruncatingStream(byte[] body)
            {
                _body = body;
                _limit = body.Length / 2;
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                if (_position >= _limit) throw new IOException("The response ended prematurely (injected fault).");
                var n = Math.Min(count, _limit - _position);
                Buffer.BlockCopy(_body, _position, buffer, offset, n);
                _position += n;
                return n;
            }

            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => _position; set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
