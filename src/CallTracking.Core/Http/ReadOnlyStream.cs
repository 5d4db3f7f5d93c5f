using System;
using System.IO;

namespace CallTracking.Core.Http
{
    /// <summary>The members every forward-only, read-only stream wrapper refuses (the wrappers implement Read only).</summary>
    public abstract class ReadOnlyStream : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        /// <summary>The bytes read so far (setting it is not supported).</summary>
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
        protected long BytesRead { get; set; }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
