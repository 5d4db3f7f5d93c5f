using System;
using System.Net.Http;

namespace CallTracking.Core.Http
{
    /// <summary>
    /// A successful reply: status, the whole body (one page at most, in a pooled buffer) and its media type. Whoever holds
    /// it disposes it once the body is parsed: that returns the buffer.
    /// </summary>
    public sealed class ApiResponse : IDisposable
    {
        private IDisposable? _owner;

        public ApiResponse(int status, ReadOnlyMemory<byte> body, string? mediaType, IDisposable? owner = null)
        {
            Status = status;
            Body = body;
            MediaType = mediaType;
            _owner = owner;
        }

        /// <summary>A reply handed over unread (<see cref="ApiRequest.StreamWhen"/>): <see cref="Body"/> is empty, the
        /// content is read from <paramref name="bodyStream"/>; disposing the response closes it.</summary>
        public ApiResponse(int status, System.IO.Stream bodyStream, long? length, string? mediaType, IDisposable owner)
        {
            Status = status;
            BodyStream = bodyStream;
            Length = length;
            MediaType = mediaType;
            _owner = owner;
        }

        public int Status { get; }
        public ReadOnlyMemory<byte> Body { get; }
        /// <summary>The unread body of a streamed reply, or null.</summary>
        public System.IO.Stream? BodyStream { get; }
        /// <summary>A streamed reply's announced length, when it has one.</summary>
        public long? Length { get; }
        public string? MediaType { get; }

        public void Dispose()
        {
            var owner = _owner;
            _owner = null;
            owner?.Dispose();
        }
    }
}
