using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace CallTracking.Core.Http
{
    /// <summary>
    /// A reply body read whole into a pooled buffer. The executor reads each attempt's body into one (so a body cut off
    /// mid-way fails inside the retry scope), and the parsers read straight from it: one copy of a page, no large-object
    /// garbage per page, returned to the pool when the response is disposed.
    /// </summary>
    public sealed class BufferedBody : HttpContent
    {
        // Pages are at most a few MB; a private pool keeps big arrays reusable without relying on the shared pool's limits.
        private static readonly ArrayPool<byte> Pool = ArrayPool<byte>.Create(64 * 1024 * 1024, 16);

        private byte[]? _buffer;
        private readonly int _length;

        private BufferedBody(byte[] buffer, int length)
        {
            _buffer = buffer;
            _length = length;
        }

        public ReadOnlyMemory<byte> Memory => _buffer is null ? throw new ObjectDisposedException(nameof(BufferedBody)) : new ReadOnlyMemory<byte>(_buffer, 0, _length);

        public int Length => _length;

        /// <summary>
        /// Reads <paramref name="content"/> whole and returns a buffered copy carrying the same content headers. A reply
        /// larger than <paramref name="maxBytes"/> (announced or while reading) fails before it can fill the memory.
        /// </summary>
        public static async Task<BufferedBody> LoadAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
        {
            var expected = content.Headers.ContentLength;
            if (expected.HasValue && expected.Value > maxBytes) throw new ResponseTooLargeException(maxBytes, expected.Value);
            var buffer = Pool.Rent(expected.HasValue && expected.Value > 0 && expected.Value < int.MaxValue ? (int)expected.Value + 1 : 64 * 1024);
            var length = 0;
            try
            {
                using (var stream = await content.ReadAsStreamAsync().ConfigureAwait(false))
                {
                    while (true)
                    {
                        if (length == buffer.Length)
                        {
                            if (length >= maxBytes) throw new ResponseTooLargeException(maxBytes, null);
                            var bigger = Pool.Rent((int)Math.Min(Math.Min((long)buffer.Length * 2, maxBytes + 1), int.MaxValue - 64));
                            Buffer.BlockCopy(buffer, 0, bigger, 0, length);
                            Pool.Return(buffer);
                            buffer = bigger;
                        }
                        var read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
                        if (read == 0) break;
                        length += read;
                        if (length > maxBytes) throw new ResponseTooLargeException(maxBytes, null);
                    }
                }
                if (expected.HasValue && length != expected.Value)
                    throw new TransientContentException("The reply ended after " + length + " of " + expected.Value + " bytes.");
            }
            catch
            {
                Pool.Return(buffer);
                throw;
            }
            var body = new BufferedBody(buffer, length);
            foreach (var header in content.Headers)
            {
                if (string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase)) continue;
                body.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            return body;
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
            => stream.WriteAsync(_buffer ?? throw new ObjectDisposedException(nameof(BufferedBody)), 0, _length);

        protected override bool TryComputeLength(out long length)
        {
            length = _length;
            return true;
        }

        protected override void Dispose(bool disposing)
        {
            var buffer = Interlocked.Exchange(ref _buffer, null);
            if (buffer != null) Pool.Return(buffer);
            base.Dispose(disposing);
        }
    }
}
